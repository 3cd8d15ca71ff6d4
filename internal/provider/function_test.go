package provider

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"
)

// functionAcceptance runs steps on a CLI with provider functions (Terraform 1.8 and later).
// functionUnitTest runs steps that exercise the functions as unit tests (resource.UnitTest): they
// need the Terraform CLI, but not TF_ACC, and run in make unittest as in make testacc-tofu.
func functionUnitTest(t *testing.T, steps ...resource.TestStep) {
	t.Helper()
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_8_0)},
		Steps:                    steps,
	})
}

func output(name string, v knownvalue.Check) statecheck.StateCheck {
	return statecheck.ExpectKnownOutputValue(name, v)
}

// sameAsDataSource are inputs, written once as HCL, that the data source and trino_connection
// must turn into the same outputs.
var sameAsDataSource = []struct {
	name   string
	inputs string
}{
	{"guide basic token", `api_token = "` + guideBasicToken + `", cluster = "pug", environment = "prod", domain = "awesome-company.startree.cloud"`},
	{"guide bearer token", `api_token = "` + guideBearerToken + `", cluster = "pug", environment = "prod", domain = "awesome-company.startree.cloud"`},
	{"without TLS or token", `cluster = "c-1", environment = "dev", domain = "x.startree.cloud", tls_enabled = false, grpc_port = 8090`},
	{"without TLS with token", `api_token = "` + guideBearerToken + `", cluster = "c", environment = "e", domain = "d.io", tls_enabled = false`},
	{"every input", `api_token = "` + guideBasicToken + `", cluster = "pug", environment = "prod", domain = "awesome-company.startree.cloud", tls_enabled = true, grpc_port = 9000, trino_version = 448, env_var_prefix = "SALES", catalog_name = "sales", extra_properties = { "pinot.grpc.enabled" = "true", "pinot.http-client.read-timeout" = "1m" }, secret_properties = { "pinot.grpc.tls.keystore-password" = "k=s:#!\\ é" }`},
	{"numbers and bools as Terraform converts them", `api_token = "` + guideBasicToken + `", cluster = "pug", environment = "prod", domain = "awesome-company.startree.cloud", tls_enabled = "true", grpc_port = "9000", trino_version = "476", extra_properties = { "pinot.fetch-retry-count" = 3, "pinot.prefer-broker-queries" = true }`},
}

var outputNames = []string{"token_type", "username", "password", "controller_url", "grpc_proxy_uri", "properties", "properties_map", "env_properties", "env_properties_map", "create_catalog_sql", "env"}

func TestTrinoConnectionFunctionMatchesDataSource(t *testing.T) {
	clearEnvironment(t)
	var cfg strings.Builder
	for i, tc := range sameAsDataSource {
		// Each case is one data source, one function call, and an output listing the outputs in
		// which they differ: none may.
		fmt.Fprintf(&cfg, `
data "startree_trino_connection" "case%[1]d" {
  %[2]s
}

locals {
  function%[1]d = provider::startree::trino_connection({ %[2]s })
}

output "mismatches%[1]d" {
  value = nonsensitive([for k in %[3]s : k if jsonencode(data.startree_trino_connection.case%[1]d[k]) != jsonencode(local.function%[1]d[k])])
}

output "function_outputs%[1]d" {
  value = sort(keys(local.function%[1]d))
}
`, i, strings.ReplaceAll(tc.inputs, ", ", "\n  "), hclList(outputNames))
	}
	var checks []statecheck.StateCheck
	for i := range sameAsDataSource {
		checks = append(checks,
			output(fmt.Sprintf("mismatches%d", i), knownvalue.ListSizeExact(0)),
			output(fmt.Sprintf("function_outputs%d", i), knownvalue.ListExact(stringChecks(slices.Sorted(slices.Values(outputNames))))),
		)
	}
	functionUnitTest(t, resource.TestStep{Config: cfg.String(), ConfigStateChecks: checks})
}

func TestTrinoConnectionFunctionGuide(t *testing.T) {
	clearEnvironment(t)
	functionUnitTest(t, resource.TestStep{
		Config: `
output "connection" {
  value = sensitive(provider::startree::trino_connection({
    api_token   = "` + guideBasicToken + `"
    cluster     = "pug"
    environment = "prod"
    domain      = "awesome-company.startree.cloud"
  }))
  sensitive = true
}

output "catalog" {
  value = provider::startree::trino_connection({
    api_token   = "` + guideBasicToken + `"
    cluster     = "pug"
    environment = "prod"
    domain      = "awesome-company.startree.cloud"
  }).env_properties
}
`,
		ConfigStateChecks: []statecheck.StateCheck{
			output("catalog", knownvalue.StringExact(golden(t, "guide_env.properties"))),
			output("connection", knownvalue.ObjectPartial(map[string]knownvalue.Check{
				"properties": knownvalue.StringExact(golden(t, "guide_basic.properties")),
				"password":   knownvalue.StringExact(guideBasicPassword),
			})),
		},
	})
}

func TestParseAPITokenFunction(t *testing.T) {
	clearEnvironment(t)
	functionUnitTest(t, resource.TestStep{
		Config: `
output "basic" {
  value = provider::startree::parse_api_token("` + guideBasicToken + `\n")
}

output "bearer" {
  value = provider::startree::parse_api_token("` + guideBearerToken + `")
}
`,
		ConfigStateChecks: []statecheck.StateCheck{
			output("basic", knownvalue.ObjectExact(map[string]knownvalue.Check{
				"token_type": knownvalue.StringExact("basic"), "username": knownvalue.StringExact(guideBasicUsername), "password": knownvalue.StringExact(guideBasicPassword),
			})),
			output("bearer", knownvalue.ObjectExact(map[string]knownvalue.Check{
				"token_type": knownvalue.StringExact("bearer"), "username": knownvalue.StringExact(guideBearerUsername), "password": knownvalue.StringExact(guideBearerPassword),
			})),
		},
	})
}

// Unknown arguments give an unknown result, computed at apply.
func TestFunctionsUnknownArguments(t *testing.T) {
	clearEnvironment(t)
	functionUnitTest(t, resource.TestStep{
		Config: `
resource "terraform_data" "later" {
  input = { token = "` + guideBearerToken + `", cluster = "pug", props = "v" }
}

output "token" {
  value = provider::startree::parse_api_token(terraform_data.later.output.token).username
}

output "connection" {
  value = provider::startree::trino_connection({
    api_token   = "` + guideBearerToken + `"
    cluster     = terraform_data.later.output.cluster
    environment = "prod"
    domain      = "awesome-company.startree.cloud"
  }).controller_url
}

output "encoded" {
  value = provider::startree::encode_properties({ k = terraform_data.later.output.props })
}
`,
		ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
			plancheck.ExpectUnknownOutputValue("token"),
			plancheck.ExpectUnknownOutputValue("connection"),
			plancheck.ExpectUnknownOutputValue("encoded"),
		}},
		ConfigStateChecks: []statecheck.StateCheck{
			output("token", knownvalue.StringExact(guideBearerUsername)),
			output("connection", knownvalue.StringExact(guideControllerURL)),
			output("encoded", knownvalue.StringExact("k=v\n")),
		},
	})
}

func TestFunctionErrors(t *testing.T) {
	clearEnvironment(t)
	tests := []struct {
		name, call, detail string
	}{
		{"parse_api_token null", `provider::startree::parse_api_token(null)`,
			`Invalid value for "token" parameter: argument must not be null.`},
		{"parse_api_token empty", `provider::startree::parse_api_token(" ")`,
			`Empty StarTree API token:`},
		{"parse_api_token white space inside", `provider::startree::parse_api_token("st-a -b")`,
			`White space inside the StarTree API token:`},
		{"parse_api_token uppercase prefix", `provider::startree::parse_api_token("ST-XkQBXKr652MV1VF9-5gkhGWNaGAdA1NU5yrHXRSPKMCcNRlRg")`,
			`Uppercase bearer token prefix:`},
		{"parse_api_token segments", `provider::startree::parse_api_token("st-a-b-c")`,
			`Too many segments in the bearer token:`},
		{"parse_api_token empty key", `provider::startree::parse_api_token("st--b")`,
			`Empty key in the bearer token:`},
		{"parse_api_token characters", `provider::startree::parse_api_token("st-a-b!")`,
			`Invalid character in the bearer token's secret:`},
		{"parse_api_token empty secret", `provider::startree::parse_api_token("st-a-")`,
			`Empty secret in the bearer token:`},
		{"parse_api_token alphabet", `provider::startree::parse_api_token("not*valid*64")`,
			`Invalid StarTree API token:`},
		{"parse_api_token UTF-8", `provider::startree::parse_api_token("df86OnA=")`,
			`Basic token is not UTF-8 text:`},
		{"parse_api_token control", `provider::startree::parse_api_token(base64encode("u\tx:p"))`,
			`Control character in the basic token:`},
		{"parse_api_token colon", `provider::startree::parse_api_token(base64encode("up"))`,
			`Missing colon in the basic token:`},
		{"parse_api_token empty username", `provider::startree::parse_api_token(base64encode(":p"))`,
			`Empty username in the basic token:`},
		{"parse_api_token spaces", `provider::startree::parse_api_token(base64encode("u:p "))`,
			`White space around the basic token's password:`},
		{"trino_connection null", `provider::startree::trino_connection(null)`,
			`Invalid value for "settings" parameter: argument must not be null.`},
		{"trino_connection not an object", `provider::startree::trino_connection("pug")`,
			`settings must be an object or a map with the data source's argument names (api_token, catalog_name, cluster, domain, env_var_prefix, environment, extra_properties, grpc_port, secret_properties, tls_enabled, trino_version)`},
		{"trino_connection unknown name", `provider::startree::trino_connection({ cluster = "pug", environment = "prod", domain = "x.io", tls = false })`,
			`settings has no argument named "tls"; the allowed names are api_token, catalog_name, cluster, domain, env_var_prefix, environment, extra_properties, grpc_port, secret_properties, tls_enabled, trino_version`},
		{"trino_connection missing names", `provider::startree::trino_connection({ cluster = "pug" })`,
			`settings.api_token: Missing StarTree API token: A StarTree API token is required when tls_enabled is true. A function cannot read the provider block or the environment: set api_token in its settings; settings.environment: Missing environment: environment is not set. A function cannot read the provider block or the environment: set environment in its settings; settings.domain: Missing domain: domain is not set. A function cannot read the provider block or the environment: set domain in its settings`},
		{"trino_connection types", `provider::startree::trino_connection({ cluster = "pug", environment = "prod", domain = "x.io", tls_enabled = "False", grpc_port = "port", trino_version = 4.5, extra_properties = { a = [1] } })`,
			`settings.trino_version: Invalid trino_version: trino_version must be a whole number, and 4.5 is not; settings.grpc_port: a number is required; settings.tls_enabled: a bool is required; to convert from string, use lowercase "false"; settings.extra_properties["a"]: string required`},
		{"trino_connection huge number", `provider::startree::trino_connection({ cluster = "pug", environment = "prod", domain = "x.io", tls_enabled = false, grpc_port = 1e30 })`,
			`settings.grpc_port: Invalid grpc_port: grpc_port is 1e+30, far outside any value it can take`},
		{"trino_connection key quoted", `provider::startree::trino_connection({ cluster = "pug", environment = "prod", domain = "x.io", tls_enabled = false, extra_properties = { "pinot.\u001b[2K\nApply complete!" = "1" } })`,
			`settings.extra_properties["pinot.\x1b[2K\nApply complete!"]: Unknown Pinot connector property`},
		{"encode_properties null value quoted", `provider::startree::encode_properties({ "a\u001b[1m\nb" = null })`,
			`Null property value for "a\x1b[1m\nb": give each entry a string value or remove it`},
		{"trino_connection rules", `provider::startree::trino_connection({ cluster = "Pug", environment = "prod", domain = "x.io", tls_enabled = false, extra_properties = { "pinot.grpc.port" = "1" } })`,
			`settings.cluster: Invalid cluster: cluster "Pug" contains the uppercase letter 'P'; use "pug". Expected a DNS label: 1 to 63 lowercase letters, digits and hyphens, not starting or ending with a hyphen; settings.extra_properties["pinot.grpc.port"]: Property managed by the provider: "pinot.grpc.port" is set by grpc_port, not by extra_properties. Remove it from extra_properties`},
		{"encode_properties null", `provider::startree::encode_properties(null)`,
			`Invalid value for "properties" parameter: argument must not be null.`},
	}
	params := map[string]string{"parse_api_token": "token", "trino_connection": "settings", "encode_properties": "properties"}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			detail := tt.detail
			if !strings.HasPrefix(detail, "Invalid value for") {
				call, _, _ := strings.Cut(tt.call, "(")
				name := strings.TrimPrefix(call, "provider::startree::")
				detail = `Invalid value for "` + params[name] + `" parameter: ` + detail
			}
			functionUnitTest(t, resource.TestStep{
				Config:      "output \"x\" {\n  value = " + tt.call + "\n}\n",
				ExpectError: errorText("Invalid function argument", detail),
			})
		})
	}
}

func hclList(names []string) string {
	return `["` + strings.Join(names, `", "`) + `"]`
}

func stringChecks(names []string) []knownvalue.Check {
	checks := make([]knownvalue.Check, len(names))
	for i, n := range names {
		checks[i] = knownvalue.StringExact(n)
	}
	return checks
}
