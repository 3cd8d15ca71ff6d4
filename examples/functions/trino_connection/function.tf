# The data source's outputs computed in a module's locals, with no data block. A function cannot
# read the provider block or the environment, so every coordinate and the token are passed in.
terraform {
  required_version = ">= 1.8"
  required_providers {
    startree = {
      source = "startree/startree"
    }
  }
}

variable "startree_api_token" {
  type      = string
  sensitive = true
}

locals {
  clusters = {
    sales     = "pug"
    marketing = "beagle"
  }

  connections = {
    for name, cluster in local.clusters : name => provider::startree::trino_connection({
      api_token    = var.startree_api_token
      cluster      = cluster
      environment  = "prod"
      domain       = "awesome-company.startree.cloud"
      catalog_name = "pinot_${name}"
    })
  }
}

# One catalog per cluster for the Trino Helm chart's `catalogs` value; env_properties carries no
# secret, so it can be shown.
output "catalogs" {
  value = { for name, c in local.connections : name => nonsensitive(c.env_properties) }
}

output "env" {
  value     = merge([for c in local.connections : c.env]...)
  sensitive = true
}
