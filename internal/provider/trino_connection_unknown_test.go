package provider

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
)

// Inputs known only after apply are not judged at validation: Terraform defers the data source to
// apply, where the values are checked and used. Here an unknown trino_version must not let the
// validation call pinot.grpc.enabled removed, since Trino 440 still has it.
func TestAccTrinoConnectionDataSourceUnknownInputs(t *testing.T) {
	clearEnvironment(t)
	acceptance(t, resource.TestStep{
		Config: `
resource "terraform_data" "later" {
  input = {
    cluster = "pug"
    version = 440
    tls     = true
    grpc    = "true"
    token   = "` + guideBasicToken + `"
  }
}

data "startree_trino_connection" "test" {
  api_token     = terraform_data.later.output.token
  cluster       = terraform_data.later.output.cluster
  environment   = "prod"
  domain        = "awesome-company.startree.cloud"
  tls_enabled   = terraform_data.later.output.tls
  trino_version = terraform_data.later.output.version
  extra_properties = {
    "pinot.grpc.enabled"            = terraform_data.later.output.grpc
    "pinot.grpc.tls.truststore-type" = "JKS"
  }
}
`,
		ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
			plancheck.ExpectUnknownValue(dataSourceAddress, tfjsonpath.New("controller_url")),
			plancheck.ExpectUnknownValue(dataSourceAddress, tfjsonpath.New("env_properties")),
		}},
		ConfigStateChecks: expectAttributes(map[string]knownvalue.Check{
			"controller_url": knownvalue.StringExact(guideControllerURL),
			"trino_version":  knownvalue.Int64Exact(440),
			"env_properties": knownvalue.StringRegexp(exactlyLines("pinot.grpc.enabled=true", "pinot.grpc.tls.truststore-type=JKS")),
		}),
	})
}
