# Defaults for every startree_trino_connection in this configuration. Each one can be left out:
# api_token falls back to STARTREE_API_TOKEN, domain to STARTREE_DOMAIN and environment to
# STARTREE_ENVIRONMENT. The provider makes no network calls.
terraform {
  required_providers {
    startree = {
      source = "startree/startree"
    }
  }
}

provider "startree" {
  api_token   = var.startree_api_token
  domain      = "awesome-company.startree.cloud"
  environment = "prod"
}

variable "startree_api_token" {
  type      = string
  sensitive = true
}
