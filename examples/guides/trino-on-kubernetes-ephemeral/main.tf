# The credentials never reach plan or state: the ephemeral resource writes them into the Secret
# through write-only arguments (Terraform 1.11+), and the catalog, which holds only environment
# references, comes from the trino_connection function, whose result is stored nowhere.
variable "startree_api_token" {
  type      = string
  sensitive = true
}

locals {
  sales = {
    api_token      = var.startree_api_token
    cluster        = "pug"
    environment    = "prod"
    domain         = "awesome-company.startree.cloud"
    env_var_prefix = "SALES"
  }
  # The token is sensitive, so the whole result is; env_properties holds no secret.
  sales_catalog = nonsensitive(provider::startree::trino_connection(local.sales).env_properties)
}

ephemeral "startree_trino_connection" "sales" {
  api_token      = local.sales.api_token
  cluster        = local.sales.cluster
  environment    = local.sales.environment
  domain         = local.sales.domain
  env_var_prefix = local.sales.env_var_prefix
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
    # The chart renders catalogs with tpl: write each "{{" as a template that prints it.
    catalogs = { sales = replace(local.sales_catalog, "{{", "{{ \"{{\" }}") }
    envFrom  = [{ secretRef = { name = kubernetes_secret_v1.sales_pinot.metadata[0].name } }]
  })]
}
