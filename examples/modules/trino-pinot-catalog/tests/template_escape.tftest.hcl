# The chart passes catalogs through Helm's tpl: a "{{" in a value must come out of tpl unchanged.
variables {
  api_token   = "st-XkQBXKr652MV1VF9-5gkhGWNaGAdA1NU5yrHXRSPKMCcNRlRg"
  cluster     = "pug"
  environment = "prod"
  domain      = "awesome-company.startree.cloud"
  namespace   = "trino"
  extra_properties = {
    "pinot.grpc.tls.keystore-path" = "/etc/{{x}}/{{{k}}}.jks"
  }
  secret_properties = {
    "pinot.grpc.tls.keystore-password" = "{{changeit}}"
  }
}

run "template_escape" {
  command = plan

  assert {
    condition     = strcontains(output.helm_catalogs.pinot, "pinot.grpc.tls.keystore-path=/etc/{{ \"{{\" }}x}}/{{ \"{{\" }}{k}}}.jks\n")
    error_message = "A {{ in a value is not escaped for tpl in helm_catalogs."
  }

  assert {
    condition     = strcontains(output.config_map_data["pinot.properties"], "pinot.grpc.tls.keystore-path=/etc/{{x}}/{{{k}}}.jks\n")
    error_message = "config_map_data, which no template reads, must hold the value as it is."
  }
}
