# Dynamic mode: the chart values turn on dynamic catalog management with a writable, persistent
# file catalog store, and no catalog goes into the ConfigMap.
variables {
  api_token           = "NGNlZmI4NDgwZjhmNGE3ODg2YTVjOWRhMTA1NmE3YjU6eVlHVVlsV1BVaU5OTjQ2bkZaY09vM2FUT3FJQ1AyYUFrMXF4VDVCOEFKUT0="
  cluster             = "pug"
  environment         = "prod"
  domain              = "awesome-company.startree.cloud"
  namespace           = "trino"
  catalog_name        = "sales"
  catalog_management  = "dynamic"
  catalog_store_claim = "trino-catalog-store"
}

run "dynamic_values" {
  command = plan

  assert {
    condition = yamldecode(output.helm_values) == {
      catalogs                   = {}
      envFrom                    = [{ secretRef = { name = "trino-sales-credentials" } }]
      additionalConfigProperties = ["catalog.management=dynamic", "catalog.store=file"]
      additionalConfigFiles      = { "catalog-store.properties" = "catalog.config-dir=/etc/trino/catalog-store\n" }
      coordinator = {
        additionalVolumes      = [{ name = "catalog-store", persistentVolumeClaim = { claimName = "trino-catalog-store" } }]
        additionalVolumeMounts = [{ name = "catalog-store", mountPath = "/etc/trino/catalog-store" }]
      }
    }
    error_message = "helm_values does not turn on dynamic catalogs with a persistent file store."
  }

  assert {
    condition     = output.catalog_properties["pinot.controller.authentication.password"] == "$${ENV:SALES_PASSWORD}" && output.catalog_properties["connector.name"] == "pinot"
    error_message = "catalog_properties is not the catalog with references for the resource."
  }

  assert {
    condition     = !strcontains(output.helm_values, "yYGUYlWP") && !strcontains(jsonencode(output.catalog_properties), "yYGUYlWP")
    error_message = "a credential reached the values or the catalog."
  }
}

run "dynamic_without_a_claim" {
  command = plan

  variables {
    catalog_store_claim = null
  }

  assert {
    condition     = yamldecode(output.helm_values).coordinator.additionalVolumes == [{ name = "catalog-store", emptyDir = {} }]
    error_message = "without a claim the store is not an emptyDir."
  }
}
