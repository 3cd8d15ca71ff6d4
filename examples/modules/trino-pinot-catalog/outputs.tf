output "helm_values" {
  description = "YAML for the trinodb/trino chart. static: catalogs.<catalog_name> holds the catalog (escaped for the chart's tpl) and envFrom adds the Secret to every pod. dynamic: no catalog, envFrom, and the values that turn on catalog.management=dynamic with a writable file catalog store (additionalConfigProperties, additionalConfigFiles, and the store's volume for the coordinator). It holds no credential. To combine several catalogs in one release, merge helm_catalogs and concatenate helm_env_from instead: Helm replaces lists when it merges values files."
  value       = var.catalog_management == "dynamic" ? yamlencode(local.helm_dynamic) : yamlencode({ catalogs = local.helm_catalogs, envFrom = local.helm_env_from })
}

output "catalog_properties" {
  description = "The catalog as a map with $${ENV:...} references in place of the secrets: the properties of a startree_trino_catalog resource (dynamic mode). It holds no credential."
  value       = data.startree_trino_connection.this.env_properties_map
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
  catalog_store_dir = "/etc/trino/catalog-store"
  # Dynamic catalogs on the chart: the chart mounts etc/catalog from a read-only ConfigMap, so the
  # file store gets a folder of its own, named in etc/catalog-store.properties (which the file store
  # reads; config.properties does not name it), on a volume of the coordinator.
  helm_dynamic = {
    catalogs = {}
    envFrom  = local.helm_env_from
    additionalConfigProperties = [
      "catalog.management=dynamic",
      "catalog.store=file",
    ]
    additionalConfigFiles = {
      "catalog-store.properties" = "catalog.config-dir=${local.catalog_store_dir}\n"
    }
    coordinator = {
      additionalVolumes = [
        # Two shapes of one volume: through JSON, so that the conditional's branches have one type.
        jsondecode(var.catalog_store_claim == null ? jsonencode({ name = "catalog-store", emptyDir = {} }) : jsonencode({ name = "catalog-store", persistentVolumeClaim = { claimName = var.catalog_store_claim } })),
      ]
      additionalVolumeMounts = [{ name = "catalog-store", mountPath = local.catalog_store_dir }]
    }
  }
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
