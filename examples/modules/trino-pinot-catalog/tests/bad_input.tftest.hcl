# A catalog_name that cannot name a Trino catalog and its variables is refused by the module.
variables {
  api_token   = "st-XkQBXKr652MV1VF9-5gkhGWNaGAdA1NU5yrHXRSPKMCcNRlRg"
  cluster     = "pug"
  environment = "prod"
  domain      = "awesome-company.startree.cloud"
  namespace   = "trino"
}

run "bad_catalog_name" {
  command = plan

  variables {
    catalog_name = "Sales-Pinot"
  }

  expect_failures = [var.catalog_name]
}
