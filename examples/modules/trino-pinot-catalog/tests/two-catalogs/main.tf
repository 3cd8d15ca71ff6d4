# Test fixture: the module twice in one configuration, as an infra repo with two StarTree clusters
# in one Trino would use it.
terraform {
  required_providers {
    startree = {
      source = "startree/startree"
    }
  }
}

provider "startree" {
  api_token   = "st-XkQBXKr652MV1VF9-5gkhGWNaGAdA1NU5yrHXRSPKMCcNRlRg"
  environment = "prod"
  domain      = "awesome-company.startree.cloud"
}

module "sales" {
  source       = "../.."
  cluster      = "pug"
  catalog_name = "sales"
  namespace    = "trino"
}

module "marketing" {
  source       = "../.."
  cluster      = "beagle"
  catalog_name = "marketing"
  namespace    = "trino"
}

output "sales" {
  value = {
    env_var_names = module.sales.env_var_names
    helm_catalogs = module.sales.helm_catalogs
    secret_name   = nonsensitive(module.sales.secret.name)
  }
}

output "marketing" {
  value = {
    env_var_names = module.marketing.env_var_names
    helm_catalogs = module.marketing.helm_catalogs
    secret_name   = nonsensitive(module.marketing.secret.name)
  }
}

output "combined_values" {
  value = yamlencode({
    catalogs = merge(module.sales.helm_catalogs, module.marketing.helm_catalogs)
    envFrom  = concat(module.sales.helm_env_from, module.marketing.helm_env_from)
  })
}
