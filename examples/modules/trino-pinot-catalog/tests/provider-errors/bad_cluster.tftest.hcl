# Meant to fail: a bad input reaches the user as the provider's own error. terraform test has no
# way to expect a provider error, so the provider's test suite (TestAccModuleTests) runs this
# directory alone with -test-directory and asserts the provider's exact message.
variables {
  api_token   = "st-XkQBXKr652MV1VF9-5gkhGWNaGAdA1NU5yrHXRSPKMCcNRlRg"
  cluster     = "Pug"
  environment = "prod"
  domain      = "awesome-company.startree.cloud"
  namespace   = "trino"
}

run "bad_cluster" {
  command = plan
}
