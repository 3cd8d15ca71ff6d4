# The credentials never reach the plan file or the state. The real token comes from an ephemeral
# variable (Terraform 1.10+): a variable that is only sensitive is still written into the plan
# file (`terraform plan -out`). Only the ephemeral resource sees it, and it writes the credentials
# into the Secret through write-only arguments (Terraform 1.11+).
terraform {
  required_version = ">= 1.11"
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
  ephemeral = true
}

locals {
  # The Trino release the chart runs (its image tag below): the catalog is checked against it.
  trino_version = 476
  sales = {
    cluster       = "pug"
    environment   = "prod"
    domain        = "awesome-company.startree.cloud"
    catalog_name  = "sales"
    trino_version = local.trino_version
  }
  # The catalog names the credentials (${ENV:SALES_USERNAME}, ${ENV:SALES_PASSWORD}) and never holds
  # them, so it is the same for every token. The function gets the StarTree guide's public example
  # token: given the real, ephemeral one, its result would be ephemeral too, and no Helm value
  # could take it.
  sales_catalog = provider::startree::trino_connection(merge(local.sales, {
    api_token = "NGNlZmI4NDgwZjhmNGE3ODg2YTVjOWRhMTA1NmE3YjU6eVlHVVlsV1BVaU5OTjQ2bkZaY09vM2FUT3FJQ1AyYUFrMXF4VDVCOEFKUT0="
  })).env_properties
}

ephemeral "startree_trino_connection" "sales" {
  api_token     = var.startree_api_token
  cluster       = local.sales.cluster
  environment   = local.sales.environment
  domain        = local.sales.domain
  catalog_name  = local.sales.catalog_name
  trino_version = local.sales.trino_version
}

resource "kubernetes_secret_v1" "sales_pinot" {
  metadata {
    name      = "trino-sales-credentials"
    namespace = "trino"
  }
  data_wo          = ephemeral.startree_trino_connection.sales.env
  data_wo_revision = 1 # raise it to push a new token
}

resource "helm_release" "trino" {
  name       = "trino"
  namespace  = "trino"
  repository = "https://trinodb.github.io/charts"
  chart      = "trino"
  version    = "1.42.2"

  values = [yamlencode({
    image = { tag = tostring(local.trino_version) }
    # The chart renders catalogs with tpl: write each "{{" as a template that prints it.
    catalogs = { sales = replace(local.sales_catalog, "{{", "{{ \"{{\" }}") }
    envFrom  = [{ secretRef = { name = kubernetes_secret_v1.sales_pinot.metadata[0].name } }]
  })]
}
