# Defaults for every startree_trino_connection in this configuration. Each one can be left out:
# api_token falls back to STARTREE_API_TOKEN, domain to STARTREE_DOMAIN, environment to
# STARTREE_ENVIRONMENT and trino_version to STARTREE_TRINO_VERSION. Set trino_version to the
# release your Trino runs, so that every catalog is checked against it. The provider makes no
# network calls.
terraform {
  required_providers {
    startree = {
      source = "startree/startree"
    }
  }
}

provider "startree" {
  api_token     = var.startree_api_token
  domain        = "awesome-company.startree.cloud"
  environment   = "prod"
  trino_version = 476
}

variable "startree_api_token" {
  type      = string
  sensitive = true
}
