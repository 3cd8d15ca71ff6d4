package provider

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
)

// A key that exists only from Trino 477 (max-request-header-size): checked against the release the
// provider block or STARTREE_TRINO_VERSION names, so that the release checked is the release run.
const headerSizeConfig = `
data "startree_trino_connection" "test" {
  api_token        = "` + guideBasicToken + `"
  cluster          = "pug"
  environment      = "prod"
  domain           = "awesome-company.startree.cloud"
  extra_properties = { "pinot.http-client.max-request-header-size" = "8kB" }
}
`

func TestAccTrinoVersionFromTheProviderBlock(t *testing.T) {
	clearEnvironment(t)
	acceptance(t,
		resource.TestStep{Config: `provider "startree" {}` + headerSizeConfig},
		resource.TestStep{
			Config:      `provider "startree" { trino_version = 476 }` + headerSizeConfig,
			ExpectError: errorText("Property not in this Trino release", "pinot.http-client.max-request-header-size"),
		},
		resource.TestStep{
			Config:      `provider "startree" { trino_version = 399 }` + headerSizeConfig,
			ExpectError: errorText("Trino version too old for the Pinot proxy", "The value comes from the provider block's trino_version. trino_version is 399"),
		},
		// The object's own trino_version wins.
		resource.TestStep{Config: `provider "startree" { trino_version = 476 }` + `
data "startree_trino_connection" "test" {
  api_token        = "` + guideBasicToken + `"
  cluster          = "pug"
  environment      = "prod"
  domain           = "awesome-company.startree.cloud"
  trino_version    = 477
  extra_properties = { "pinot.http-client.max-request-header-size" = "8kB" }
}
`},
	)
}

func TestAccTrinoVersionFromTheEnvironment(t *testing.T) {
	clearEnvironment(t)
	t.Setenv("STARTREE_TRINO_VERSION", "476")
	acceptance(t, resource.TestStep{
		Config:      `provider "startree" {}` + headerSizeConfig,
		ExpectError: errorText("Property not in this Trino release", "pinot.http-client.max-request-header-size"),
	})
	t.Setenv("STARTREE_TRINO_VERSION", "4.76")
	acceptance(t, resource.TestStep{
		Config:      `provider "startree" {}` + headerSizeConfig,
		ExpectError: errorText("Invalid STARTREE_TRINO_VERSION", "The STARTREE_TRINO_VERSION environment variable is not a whole number. Set it to a Trino release such as 476, or unset it."),
	})
}
