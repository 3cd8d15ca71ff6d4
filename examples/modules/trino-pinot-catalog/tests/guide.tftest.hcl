# The StarTree guide's example cluster and basic token.
variables {
  api_token   = "NGNlZmI4NDgwZjhmNGE3ODg2YTVjOWRhMTA1NmE3YjU6eVlHVVlsV1BVaU5OTjQ2bkZaY09vM2FUT3FJQ1AyYUFrMXF4VDVCOEFKUT0="
  cluster     = "pug"
  environment = "prod"
  domain      = "awesome-company.startree.cloud"
  namespace   = "trino"
}

run "guide_example" {
  command = plan

  assert {
    condition = output.config_map_data == { "pinot.properties" = <<-EOT
      connector.name=pinot
      pinot.controller-urls=https://proxy.broker.pug.prod.awesome-company.startree.cloud:443
      pinot.grpc.port=8096
      pinot.proxy.enabled=true
      pinot.grpc.proxy-uri=proxy-grpc.broker.pug.prod.awesome-company.startree.cloud:443
      pinot.grpc.use-plain-text=false
      pinot.controller.authentication.type=PASSWORD
      pinot.controller.authentication.user=$${ENV:PINOT_USERNAME}
      pinot.controller.authentication.password=$${ENV:PINOT_PASSWORD}
      pinot.broker.authentication.type=PASSWORD
      pinot.broker.authentication.user=$${ENV:PINOT_USERNAME}
      pinot.broker.authentication.password=$${ENV:PINOT_PASSWORD}
      EOT
    }
    error_message = "config_map_data is not the guide's catalog with environment references."
  }

  assert {
    condition = output.helm_values == yamlencode({
      catalogs = { pinot = output.config_map_data["pinot.properties"] }
      envFrom  = [{ secretRef = { name = "trino-pinot-credentials" } }]
    })
    error_message = "helm_values does not set catalogs.pinot and envFrom as the chart expects."
  }

  assert {
    condition     = !strcontains(output.helm_values, "yYGUYlWP") && !strcontains(output.helm_values, "4cefb848")
    error_message = "helm_values holds a credential."
  }

  assert {
    condition = nonsensitive(jsonencode(output.secret.manifest) == jsonencode({
      apiVersion = "v1"
      kind       = "Secret"
      metadata   = { name = "trino-pinot-credentials", namespace = "trino" }
      stringData = {
        PINOT_PASSWORD = "yYGUYlWPUiNNN46nFZcOo3aTOqICP2aAk1qxT5B8AJQ="
        PINOT_USERNAME = "4cefb8480f8f4a7886a5c9da1056a7b5"
      }
      type = "Opaque"
    }))
    error_message = "secret.manifest is not the Secret for kubernetes_manifest."
  }

  assert {
    condition     = nonsensitive(jsonencode(yamldecode(output.secret.yaml)) == jsonencode(output.secret.manifest))
    error_message = "secret.yaml does not hold the same Secret as secret.manifest."
  }

  assert {
    condition     = output.env_var_names == tolist(["PINOT_PASSWORD", "PINOT_USERNAME"])
    error_message = "The default catalog must use PINOT_USERNAME and PINOT_PASSWORD."
  }
}

run "custom_secret_name" {
  command = plan

  variables {
    secret_name = "startree"
  }

  assert {
    condition     = jsonencode(output.helm_env_from) == jsonencode([{ secretRef = { name = "startree" } }]) && nonsensitive(output.secret.name) == "startree"
    error_message = "secret_name is not used for the Secret and its reference."
  }
}
