# A Trino with catalog.management=dynamic gets its StarTree catalog from a statement instead of a
# file. The statement holds ${ENV:...} references only, so running it (Trino logs it and shows it
# in its Web UI) reveals no secret; the variables themselves come from a Secret, as in the
# Kubernetes guide.
terraform {
  required_version = ">= 1.8"
  required_providers {
    startree = {
      source = "startree/startree"
    }
  }
}

variable "trino_server" {
  description = "The Trino coordinator's URL, such as https://trino.example.com."
  type        = string
}

data "startree_trino_connection" "sales" {
  cluster      = "pug"
  environment  = "prod"
  domain       = "awesome-company.startree.cloud"
  catalog_name = "sales" # the variables are SALES_USERNAME and SALES_PASSWORD
  # The release the coordinator runs: the catalog is checked against it.
  trino_version = 476
}

# Replaced whenever the statement changes: the old catalog is dropped, the new one created.
resource "terraform_data" "sales_catalog" {
  input = {
    server  = var.trino_server
    catalog = "sales"
  }
  triggers_replace = [data.startree_trino_connection.sales.create_catalog_sql]

  provisioner "local-exec" {
    command = "trino --server \"$SERVER\" --execute \"$STATEMENT\""
    environment = {
      SERVER    = var.trino_server
      STATEMENT = data.startree_trino_connection.sales.create_catalog_sql
    }
  }

  provisioner "local-exec" {
    when    = destroy
    command = "trino --server \"$SERVER\" --execute \"DROP CATALOG IF EXISTS $CATALOG\""
    environment = {
      SERVER  = self.input.server
      CATALOG = self.input.catalog
    }
  }
}

# The statement as a file, for a migration tool or a review.
output "create_catalog_sql" {
  value = data.startree_trino_connection.sales.create_catalog_sql
}
