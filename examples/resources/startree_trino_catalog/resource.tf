terraform {
  required_version = ">= 1.11" # the ephemeral variable, and inline_secrets_wo if used
  required_providers {
    startree = {
      source = "startree/startree"
    }
  }
}

# The provider reaches the coordinator over Trino's client protocol. The password can come from an
# ephemeral variable: it is never written to a plan or state.
provider "startree" {
  domain        = "awesome-company.startree.cloud"
  environment   = "prod"
  trino_version = 476
  trino {
    url      = "https://trino.example.com:8443"
    user     = "admin"
    password = var.trino_password
  }
}

variable "trino_password" {
  type      = string
  sensitive = true
  ephemeral = true
}

data "startree_trino_connection" "sales" {
  cluster      = "pug"
  catalog_name = "sales" # SALES_USERNAME and SALES_PASSWORD
}

# CREATE CATALOG "sales" USING pinot WITH (...), with ${ENV:SALES_...} references: set the
# variables of data.startree_trino_connection.sales.env on the coordinator and on every worker.
resource "startree_trino_catalog" "sales" {
  name       = "sales"
  properties = data.startree_trino_connection.sales.env_properties_map
}
