terraform {
  required_version = ">= 1.8"
  required_providers {
    startree = {
      source = "startree/startree"
    }
  }
}

# Any catalog map as a CREATE CATALOG statement: here another connector's catalog, with a password
# Trino reads from its environment.
output "postgres_catalog" {
  value = provider::startree::encode_create_catalog("warehouse", {
    "connector.name"      = "postgresql"
    "connection-url"      = "jdbc:postgresql://db.example.com:5432/warehouse"
    "connection-user"     = "trino"
    "connection-password" = "$${ENV:WAREHOUSE_PASSWORD}"
  })
}
