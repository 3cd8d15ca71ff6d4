# A Trino catalog for one StarTree Cloud cluster, shaped for the trinodb/trino Helm chart: the catalog
# goes into the chart's `catalogs` value with environment references only, and the credentials go
# into a Secret that the pods load with `envFrom`.

locals {
  secret_name = coalesce(var.secret_name, "trino-${replace(var.catalog_name, "_", "-")}-credentials")

  # The chart passes every `catalogs` value through Helm's `tpl` (chart 1.42.2 and later), which would
  # read "{{" as the start of a template action. Writing each "{{" as a template that prints "{{"
  # makes `tpl` give back the catalog exactly as the provider rendered it.
  catalog_for_tpl = replace(data.startree_trino_connection.this.env_properties, "{{", "{{ \"{{\" }}")
}

data "startree_trino_connection" "this" {
  api_token         = var.api_token
  cluster           = var.cluster
  environment       = var.environment
  domain            = var.domain
  tls_enabled       = var.tls_enabled
  grpc_port         = var.grpc_port
  trino_version     = var.trino_version
  extra_properties  = var.extra_properties
  secret_properties = var.secret_properties
  # The provider derives env_var_prefix from catalog_name (sales gives SALES_USERNAME), so each
  # catalog gets its own variables and two StarTree clusters in one Trino never collide.
  catalog_name = var.catalog_name
}
