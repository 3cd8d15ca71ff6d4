# Two StarTree clusters as two catalogs of one Trino: their variables must not collide.
run "two_catalogs" {
  command = plan

  module {
    source = "./tests/two-catalogs"
  }

  assert {
    condition     = length(setintersection(toset(output.sales.env_var_names), toset(output.marketing.env_var_names))) == 0
    error_message = "The two catalogs share an environment variable."
  }

  assert {
    condition     = output.sales.env_var_names == tolist(["SALES_PASSWORD", "SALES_USERNAME"]) && output.marketing.env_var_names == tolist(["MARKETING_PASSWORD", "MARKETING_USERNAME"])
    error_message = "The variable names are not derived from catalog_name."
  }

  assert {
    condition     = strcontains(output.sales.helm_catalogs.sales, "$${ENV:SALES_PASSWORD}") && !strcontains(output.sales.helm_catalogs.sales, "MARKETING")
    error_message = "The sales catalog does not refer to its own variables only."
  }

  assert {
    condition     = jsonencode(keys(yamldecode(output.combined_values).catalogs)) == jsonencode(["marketing", "sales"]) && length(yamldecode(output.combined_values).envFrom) == 2
    error_message = "The combined Helm values do not hold both catalogs and both Secrets."
  }

  assert {
    condition     = output.sales.secret_name != output.marketing.secret_name
    error_message = "The two catalogs share a Secret name."
  }
}
