output "helm_values" {
  description = "YAML for the trinodb/trino chart: catalogs.<catalog_name> holds the catalog (escaped for the chart's tpl) and envFrom adds the Secret to every pod. It holds no credential. To combine several catalogs in one release, merge helm_catalogs and concatenate helm_env_from instead: Helm replaces lists when it merges values files."
  value = yamlencode({
    catalogs = local.helm_catalogs
    envFrom  = local.helm_env_from
  })
}

output "helm_catalogs" {
  description = "The chart's catalogs map for this catalog alone: { <catalog_name> = <catalog escaped for tpl> }."
  value       = local.helm_catalogs
}

output "helm_env_from" {
  description = "The chart's envFrom list for this catalog alone: the Secret reference."
  value       = local.helm_env_from
}

output "secret" {
  description = "The Kubernetes Secret holding the catalog's environment variables: `manifest` for kubernetes_manifest, `yaml` for kubectl, `name`, `namespace` and `data` for kubernetes_secret_v1."
  sensitive   = true
  value = {
    name      = local.secret_name
    namespace = var.namespace
    data      = local.secret_data
    manifest  = local.secret_manifest
    yaml      = yamlencode(local.secret_manifest)
  }
}

output "config_map_data" {
  description = "{ \"<catalog_name>.properties\" = <catalog> } for a ConfigMap mounted into Trino's catalog directory, unescaped. It holds no credential."
  value       = { "${var.catalog_name}.properties" = data.startree_trino_connection.this.env_properties }
}

output "env_var_names" {
  description = "The names of the environment variables the catalog refers to."
  # The names are not secret, but keys() of a sensitive map is marked sensitive too.
  value = sort(try(nonsensitive(keys(local.secret_data)), keys(local.secret_data)))
}

locals {
  helm_catalogs = { (var.catalog_name) = local.catalog_for_tpl }
  helm_env_from = [{ secretRef = { name = local.secret_name } }]
  # env is null without a token (possible only without TLS): the Secret is then empty.
  secret_data = data.startree_trino_connection.this.env == null ? tomap({}) : data.startree_trino_connection.this.env
  secret_manifest = {
    apiVersion = "v1"
    kind       = "Secret"
    type       = "Opaque"
    metadata = {
      name      = local.secret_name
      namespace = var.namespace
    }
    stringData = local.secret_data
  }
}
