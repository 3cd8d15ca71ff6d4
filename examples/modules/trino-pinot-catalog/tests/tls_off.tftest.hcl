# A cluster without TLS and without a token: plain text, no credentials, an empty Secret.
variables {
  cluster     = "pug"
  environment = "dev"
  domain      = "awesome-company.startree.cloud"
  namespace   = "trino"
  tls_enabled = false
}

run "tls_off" {
  command = plan

  assert {
    condition = output.config_map_data["pinot.properties"] == join("\n", [
      "connector.name=pinot",
      "pinot.controller-urls=http://proxy.broker.pug.dev.awesome-company.startree.cloud:80",
      "pinot.grpc.port=8096",
      "pinot.proxy.enabled=true",
      "pinot.grpc.proxy-uri=proxy-grpc.broker.pug.dev.awesome-company.startree.cloud:80",
      "pinot.grpc.use-plain-text=true",
      "",
    ])
    error_message = "The plain-text catalog is wrong."
  }

  assert {
    condition     = length(output.env_var_names) == 0 && length(output.secret.manifest.stringData) == 0
    error_message = "Without a token the Secret must be empty."
  }
}
