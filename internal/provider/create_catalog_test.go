package provider

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
)

// create_catalog_sql is not sensitive (the schema test holds the list of sensitive attributes),
// holds no secret (the exact text has only references), and follows catalog_name.
func TestAccCreateCatalogSQL(t *testing.T) {
	clearEnvironment(t)
	acceptance(t, resource.TestStep{
		Config: dataSource(coordinates + `api_token = "` + guideBasicToken + `"
  catalog_name      = "sales"
  env_var_prefix    = "SALES"
  extra_properties  = { "pinot.connection-timeout" = "2m" }
  secret_properties = { "pinot.grpc.tls.keystore-password" = "ks-secret" }`),
		ConfigStateChecks: []statecheck.StateCheck{
			statecheck.ExpectKnownValue(dataSourceAddress, tfjsonpath.New("create_catalog_sql"), knownvalue.StringExact(golden(t, "guide_create_catalog.sql"))),
			statecheck.ExpectKnownValue(dataSourceAddress, tfjsonpath.New("catalog_name"), knownvalue.StringExact("sales")),
			statecheck.ExpectSensitiveValue(dataSourceAddress, tfjsonpath.New("secret_properties")),
			statecheck.ExpectSensitiveValue(dataSourceAddress, tfjsonpath.New("env")),
		},
	})
}

func TestAccCatalogNameRule(t *testing.T) {
	clearEnvironment(t)
	acceptance(t, resource.TestStep{
		Config: dataSource(coordinates + `api_token = "` + guideBasicToken + `"
  catalog_name = "Sales"`),
		ExpectError: errorAt("Invalid catalog_name", "catalog_name", ""),
	})
}

func TestEncodeCreateCatalogFunction(t *testing.T) {
	clearEnvironment(t)
	functionUnitTest(t, resource.TestStep{
		Config: `
output "statement" {
  value = provider::startree::encode_create_catalog("c", { "connector.name" = "pinot", "a\"b" = "it's", "x" = "line\nbreak" })
}

output "same_as_data_source" {
  value = provider::startree::trino_connection({
    api_token      = "` + guideBasicToken + `"
    cluster        = "pug"
    environment    = "prod"
    domain         = "awesome-company.startree.cloud"
    catalog_name   = "sales"
    env_var_prefix = "SALES"
    extra_properties  = { "pinot.connection-timeout" = "2m" }
    secret_properties = { "pinot.grpc.tls.keystore-password" = "ks-secret" }
  }).create_catalog_sql
}
`,
		ConfigStateChecks: []statecheck.StateCheck{
			output("statement", knownvalue.StringExact("CREATE CATALOG \"c\" USING pinot\nWITH (\n  \"a\"\"b\" = 'it''s',\n  \"x\" = 'line\nbreak'\n)\n")),
			output("same_as_data_source", knownvalue.StringExact(golden(t, "guide_create_catalog.sql"))),
		},
	}, resource.TestStep{
		Config:      `output "x" { value = provider::startree::encode_create_catalog("Bad-Name", { "a" = "b" }) }`,
		ExpectError: errorText("Invalid function argument", `Invalid value for "name" parameter: Invalid catalog_name:`),
	}, resource.TestStep{
		Config:      `output "x" { value = provider::startree::encode_create_catalog("c", { "a" = "b" }) }`,
		ExpectError: errorText("Invalid function argument", `Invalid value for "properties" parameter: No connector.name:`),
	})
}
