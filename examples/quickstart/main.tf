# Quickstart: the connection for the StarTree guide's example cluster. `make demo` applies it with
# the guide's example token in STARTREE_API_TOKEN; set that variable to use a token of your own.
terraform {
  required_version = ">= 1.8"
  required_providers {
    startree = {
      source = "startree/startree"
    }
  }
}

# trino_version: the Trino release the catalog is for; set it to the one you run.
provider "startree" {
  trino_version = 476
}

data "startree_trino_connection" "pug" {
  cluster     = "pug"
  environment = "prod"
  domain      = "awesome-company.startree.cloud"
}

output "token_type" {
  value = data.startree_trino_connection.pug.token_type
}

output "username" {
  value = data.startree_trino_connection.pug.username
}

output "controller_url" {
  value = data.startree_trino_connection.pug.controller_url
}

output "grpc_proxy_uri" {
  value = data.startree_trino_connection.pug.grpc_proxy_uri
}

output "env_properties" {
  description = "pinot.properties for Trino, with the credentials as environment references."
  value       = data.startree_trino_connection.pug.env_properties
}
