# Trino on Kubernetes with two StarTree catalogs: the credentials in a Secret per catalog, the
# catalogs in the trinodb/trino chart's values. Nothing here holds a credential in a plan diff.
terraform {
  required_version = ">= 1.8"
  required_providers {
    startree = {
      source = "startree/startree"
    }
    kubernetes = {
      source = "hashicorp/kubernetes"
    }
    helm = {
      source = "hashicorp/helm"
    }
  }
}

variable "startree_api_token" {
  type      = string
  sensitive = true
}

# The Trino release the chart runs (its image tag below): every catalog is checked against it.
locals {
  trino_version = 476
}

provider "startree" {
  api_token     = var.startree_api_token
  environment   = "prod"
  domain        = "awesome-company.startree.cloud"
  trino_version = local.trino_version
}

# No release is tagged yet: pin ?ref= to a commit of main until the first one, then to its tag.
module "sales" {
  source       = "git::https://github.com/startree/terraform-provider-startree.git//examples/modules/trino-pinot-catalog?ref=main"
  cluster      = "pug"
  catalog_name = "sales"
  namespace    = "trino"
}

module "marketing" {
  source       = "git::https://github.com/startree/terraform-provider-startree.git//examples/modules/trino-pinot-catalog?ref=main"
  cluster      = "beagle"
  catalog_name = "marketing"
  namespace    = "trino"
  extra_properties = {
    "pinot.prefer-broker-queries" = "true"
  }
}

# One Secret per catalog: SALES_USERNAME and SALES_PASSWORD, MARKETING_USERNAME and
# MARKETING_PASSWORD.
resource "kubernetes_secret_v1" "pinot" {
  for_each = { sales = module.sales.secret, marketing = module.marketing.secret }

  metadata {
    name      = each.value.name
    namespace = each.value.namespace
  }
  data = each.value.data
}

resource "helm_release" "trino" {
  name       = "trino"
  namespace  = "trino"
  repository = "https://trinodb.github.io/charts"
  chart      = "trino"
  version    = "1.42.2"

  # Helm replaces lists when it merges values, so combine the catalogs and the envFrom entries here
  # rather than passing each module's helm_values.
  values = [yamlencode({
    image    = { tag = tostring(local.trino_version) }
    catalogs = merge(module.sales.helm_catalogs, module.marketing.helm_catalogs)
    envFrom  = concat(module.sales.helm_env_from, module.marketing.helm_env_from)
  })]

  depends_on = [kubernetes_secret_v1.pinot]
}
