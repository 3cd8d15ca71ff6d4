# A Trino with catalog.management=dynamic gets its StarTree catalog from the startree_trino_catalog
# resource: CREATE CATALOG on apply, DROP CATALOG on destroy, a new catalog when a property
# changes. The statement holds ${ENV:...} references only, so Trino's query log and Web UI show no
# secret; the variables come from a Secret on the coordinator and every worker, as in the
# Kubernetes guide.
terraform {
  required_version = ">= 1.10" # the ephemeral variable below
  required_providers {
    startree = {
      source = "startree/startree"
    }
  }
}

variable "trino_password" {
  description = "The password of the Trino user that creates and drops catalogs."
  type        = string
  sensitive   = true
  ephemeral   = true
}

provider "startree" {
  environment   = "prod"
  domain        = "awesome-company.startree.cloud"
  trino_version = 476 # the release the coordinator runs
  trino {
    url      = "https://trino.example.com:8443"
    user     = "admin"
    password = var.trino_password
  }
}

data "startree_trino_connection" "sales" {
  cluster      = "pug"
  catalog_name = "sales" # the variables are SALES_USERNAME and SALES_PASSWORD
}

resource "startree_trino_catalog" "sales" {
  name       = "sales"
  properties = data.startree_trino_connection.sales.env_properties_map
}

# The variables Trino resolves the references from, for the Secret its pods load with envFrom.
output "env" {
  value     = data.startree_trino_connection.sales.env
  sensitive = true
}
