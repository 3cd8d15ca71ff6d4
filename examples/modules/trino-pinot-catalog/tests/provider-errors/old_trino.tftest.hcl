# Meant to fail, like bad_cluster: trino_version reaches the provider, which checks the properties
# against that release's Pinot connector.
variables {
  api_token        = "st-XkQBXKr652MV1VF9-5gkhGWNaGAdA1NU5yrHXRSPKMCcNRlRg"
  cluster          = "pug"
  environment      = "prod"
  domain           = "awesome-company.startree.cloud"
  namespace        = "trino"
  trino_version    = 446
  extra_properties = { "pinot.broker-url" = "broker:8099" }
}

run "old_trino" {
  command = plan
}
