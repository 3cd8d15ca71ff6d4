# The connection for cluster "pug"; the token, domain and environment come from the provider block
# or from STARTREE_API_TOKEN, STARTREE_DOMAIN and STARTREE_ENVIRONMENT.
terraform {
  required_providers {
    startree = {
      source = "startree/startree"
    }
  }
}

data "startree_trino_connection" "pug" {
  cluster = "pug"

  extra_properties = {
    "pinot.connection-timeout"    = "2m"
    "pinot.prefer-broker-queries" = "true"
  }
}

# The catalog with ${ENV:PINOT_USERNAME} and ${ENV:PINOT_PASSWORD} references, safe to show in a
# plan, for a ConfigMap or the Trino Helm chart's `catalogs` value...
output "pinot_catalog" {
  value = data.startree_trino_connection.pug.env_properties
}

# ...and the variables it refers to, for a Kubernetes Secret loaded with envFrom.
output "pinot_env" {
  value     = data.startree_trino_connection.pug.env
  sensitive = true
}
