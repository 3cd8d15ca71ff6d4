# Decode a token at plan time. The result is not sensitive unless the argument is, so wrap it.
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
  # A sensitive argument makes the whole result sensitive.
  credentials = provider::startree::parse_api_token(var.startree_api_token)
}

output "pinot_username" {
  value = nonsensitive(local.credentials.username)
}

output "pinot_credentials" {
  value     = sensitive(provider::startree::parse_api_token(file("${path.module}/token.txt")))
  sensitive = true
}
