# A TLS trust store password, a release and a port: the password reaches the Secret, never the
# catalog the chart shows.
variables {
  api_token     = "st-XkQBXKr652MV1VF9-5gkhGWNaGAdA1NU5yrHXRSPKMCcNRlRg"
  cluster       = "pug"
  environment   = "prod"
  domain        = "awesome-company.startree.cloud"
  namespace     = "trino"
  catalog_name  = "sales"
  grpc_port     = 9000
  trino_version = 476
  extra_properties = {
    "pinot.grpc.tls.truststore-path" = "/etc/trino/pinot-trust.p12"
    "pinot.grpc.tls.truststore-type" = "PKCS12"
  }
  secret_properties = {
    "pinot.grpc.tls.truststore-password" = "trust-me-123"
  }
}

run "secret_properties" {
  command = plan

  assert {
    condition     = strcontains(output.config_map_data["sales.properties"], "pinot.grpc.tls.truststore-password=$${ENV:SALES_GRPC_TLS_TRUSTSTORE_PASSWORD}\n")
    error_message = "The trust store password is not a reference in the catalog."
  }

  assert {
    condition     = !strcontains(output.helm_values, "trust-me-123") && !strcontains(output.config_map_data["sales.properties"], "trust-me-123")
    error_message = "The trust store password reached a non-sensitive output."
  }

  assert {
    condition     = nonsensitive(output.secret.data["SALES_GRPC_TLS_TRUSTSTORE_PASSWORD"] == "trust-me-123")
    error_message = "The trust store password is not in the Secret."
  }

  assert {
    condition     = output.env_var_names == tolist(["SALES_GRPC_TLS_TRUSTSTORE_PASSWORD", "SALES_PASSWORD", "SALES_USERNAME"])
    error_message = "The Secret's variable names are not the catalog's."
  }

  assert {
    condition     = strcontains(output.config_map_data["sales.properties"], "pinot.grpc.port=9000\n")
    error_message = "grpc_port does not reach the catalog."
  }
}
