package provider

import (
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
)

// coordinates is the guide's cluster, for configurations that vary something else.
const coordinates = `
  cluster     = "pug"
  environment = "prod"
  domain      = "awesome-company.startree.cloud"
`

// diagnosticCase is a configuration and the error it must draw: its summary, and the start of the
// configuration line Terraform shows for it (the attribute, or the block when the value is not in
// the configuration). The core's tests assert the words of every detail the core writes; detail
// is set here only for words the provider adds: where a value came from, the provider block's
// unknown values, a null map entry.
type diagnosticCase struct {
	name    string
	env     map[string]string
	config  string
	at      string
	summary string
	detail  string
}

func dataSource(body string) string {
	return "data \"startree_trino_connection\" \"test\" {\n" + body + "\n}\n"
}

// diagnosticCases cover every rule of the data source's inputs and of the provider block.
var diagnosticCases = []diagnosticCase{
	{name: "bearer token segments", config: dataSource(coordinates + `api_token = "st-XkQBXKr652MV1VF95gkhGWNaGAdA1NU5"`),
		at: "api_token", summary: "Too few segments in the bearer token"},
	{name: "bearer token characters", config: dataSource(coordinates + `api_token = "st-XkQBXKr6_2MV1VF9-5gkhGWNaGAdA1NU5yrHXRSPKMCcNRlRg"`),
		at: "api_token", summary: "Invalid character in the bearer token's key"},
	{name: "basic token base64", config: dataSource(coordinates + `api_token = "not*valid*64"`),
		at: "api_token", summary: "Invalid StarTree API token"},
	{name: "basic token colon", config: dataSource(coordinates + `api_token = base64encode("userpassword")`),
		at: "api_token", summary: "Missing colon in the basic token"},
	{name: "basic token empty part", config: dataSource(coordinates + `api_token = base64encode("user:")`),
		at: "api_token", summary: "Empty password in the basic token"},
	{name: "cluster", config: dataSource(`api_token = "` + guideBasicToken + `"
  cluster = "Pug"
  environment = "prod"
  domain = "x.io"`),
		at: "cluster", summary: "Invalid cluster"},
	{name: "environment", config: dataSource(`api_token = "` + guideBasicToken + `"
  cluster = "pug"
  environment = "prod-"
  domain = "x.io"`),
		at: "environment", summary: "Invalid environment"},
	{name: "domain", config: dataSource(`api_token = "` + guideBasicToken + `"
  cluster = "pug"
  environment = "prod"
  domain = "https://awesome-company.startree.cloud"`),
		at: "domain", summary: "Invalid domain"},
	{name: "host name length", config: dataSource(`api_token = "` + guideBasicToken + `"
  cluster = "` + strings.Repeat("c", 63) + `"
  environment = "` + strings.Repeat("e", 63) + `"
  domain = "` + strings.Repeat("d", 63) + "." + strings.Repeat("d", 63) + `"`),
		at: "domain", summary: "Proxy host name too long"},
	{name: "grpc_port", config: dataSource(coordinates + `api_token = "` + guideBasicToken + `"
  grpc_port = 70000`),
		at: "grpc_port", summary: "Invalid grpc_port"},
	{name: "fractional grpc_port", config: dataSource(coordinates + `api_token = "` + guideBasicToken + `"
  grpc_port = 1.5`),
		at: "grpc_port", summary: "Invalid grpc_port"},
	{name: "huge trino_version", config: dataSource(coordinates + `api_token = "` + guideBasicToken + `"
  trino_version = 1e30`),
		at: "trino_version", summary: "Invalid trino_version"},
	{name: "token pasted with its HTTP scheme", config: dataSource(coordinates + `api_token = "Bearer ` + guideBearerToken + `"`),
		at: "api_token", summary: "HTTP authorization scheme in the StarTree API token"},
	{name: "secret in extra_properties", config: dataSource(coordinates + `api_token = "` + guideBasicToken + `"
  extra_properties = { "pinot.grpc.tls.keystore-password" = "changeit" }`),
		at: `data "startree_trino_connection"`, summary: "Secret in extra_properties"},
	{name: "the password in extra_properties", config: dataSource(coordinates + `api_token = "` + guideBasicToken + `"
  extra_properties = { "pinot.http-client.http-proxy.user" = "` + guideBasicPassword + `" }`),
		at: `data "startree_trino_connection"`, summary: "Secret in an input that is not secret"},
	{name: "trino_version", config: dataSource(coordinates + `api_token = "` + guideBasicToken + `"
  trino_version = 399`),
		at: "trino_version", summary: "Trino version too old for the Pinot proxy"},
	{name: "env_var_prefix", config: dataSource(coordinates + `api_token = "` + guideBasicToken + `"
  env_var_prefix = "pinot"`),
		at: "env_var_prefix", summary: "Invalid env_var_prefix"},
	{name: "managed property", config: dataSource(coordinates + `api_token = "` + guideBasicToken + `"
  extra_properties = { "pinot.grpc.port" = "8090" }`),
		at: "extra_properties", summary: "Property managed by the provider"},
	{name: "removed property", config: dataSource(coordinates + `api_token = "` + guideBasicToken + `"
  extra_properties = { "pinot.grpc.enabled" = "true" }`),
		at: "extra_properties", summary: "Property removed from Trino"},
	{name: "property newer than trino_version", config: dataSource(coordinates + `api_token = "` + guideBasicToken + `"
  trino_version = 440
  extra_properties = { "pinot.broker-url" = "broker:8099" }`),
		at: "extra_properties", summary: "Property not in this Trino release"},
	{name: "gRPC TLS property without TLS", config: dataSource(coordinates + `tls_enabled = false
  extra_properties = { "pinot.grpc.tls.truststore-path" = "/etc/trust.jks" }`),
		at: "extra_properties", summary: "gRPC TLS property without TLS"},
	{name: "white space around a value", config: dataSource(coordinates + `api_token = "` + guideBasicToken + `"
  extra_properties = { "pinot.connection-timeout" = "2m " }`),
		at: "extra_properties", summary: "White space around a property value"},
	{name: "empty property name", config: dataSource(coordinates + `api_token = "` + guideBasicToken + `"
  extra_properties = { "" = "x" }`),
		at: "extra_properties", summary: "Empty property name"},
	{name: "null property value", config: dataSource(coordinates + `api_token = "` + guideBasicToken + `"
  extra_properties = { "pinot.connection-timeout" = null }`),
		at:      "extra_properties",
		summary: "Null value in extra_properties",
		detail:  `The entry "pinot.connection-timeout" of extra_properties has no value. Give it a string value or remove the entry.`},
	// The six catalogs that stopped Trino at start-up while the provider planned them clean.
	{name: "aggregation pushdown off alone", config: dataSource(coordinates + `api_token = "` + guideBasicToken + `"
  extra_properties = { "pinot.aggregation-pushdown.enabled" = "false" }`),
		at: "extra_properties", summary: "Count-distinct pushdown needs aggregation pushdown"},
	{name: "connection timeout below the minimum", config: dataSource(coordinates + `api_token = "` + guideBasicToken + `"
  extra_properties = { "pinot.connection-timeout" = "5s" }`),
		at: "extra_properties", summary: "Invalid value for pinot.connection-timeout"},
	{name: "zero segments per split", config: dataSource(coordinates + `api_token = "` + guideBasicToken + `"
  extra_properties = { "pinot.segments-per-split" = "0" }`),
		at: "extra_properties", summary: "Invalid value for pinot.segments-per-split"},
	{name: "boolean yes", config: dataSource(coordinates + `api_token = "` + guideBasicToken + `"
  extra_properties = { "pinot.prefer-broker-queries" = "yes" }`),
		at: "extra_properties", summary: "Invalid value for pinot.prefer-broker-queries"},
	{name: "data size lots", config: dataSource(coordinates + `api_token = "` + guideBasicToken + `"
  extra_properties = { "pinot.target-segment-page-size" = "lots" }`),
		at: "extra_properties", summary: "Invalid value for pinot.target-segment-page-size"},
	{name: "keystore type XYZ", config: dataSource(coordinates + `api_token = "` + guideBasicToken + `"
  extra_properties = { "pinot.grpc.tls.keystore-type" = "XYZ" }`),
		at: "extra_properties", summary: "Invalid value for pinot.grpc.tls.keystore-type"},
	{name: "unknown key", config: dataSource(coordinates + `api_token = "` + guideBasicToken + `"
  extra_properties = { "pinot.http-client.idle-timout" = "1m" }`),
		at: "extra_properties", summary: "Unknown Pinot connector property"},
	{name: "missing token with TLS", config: dataSource(coordinates),
		at: `data "startree_trino_connection" "test"`, summary: "Missing StarTree API token"},
	{name: "missing environment", config: dataSource(`api_token = "` + guideBasicToken + `"
  cluster = "pug"
  domain = "x.io"`),
		at: `data "startree_trino_connection" "test"`, summary: "Missing environment"},
	{name: "missing domain", config: dataSource(`api_token = "` + guideBasicToken + `"
  cluster = "pug"
  environment = "prod"`),
		at: `data "startree_trino_connection" "test"`, summary: "Missing domain"},
	{name: "invalid token from the environment", env: map[string]string{"STARTREE_API_TOKEN": "st-only"}, config: dataSource(coordinates),
		at:      `data "startree_trino_connection" "test"`,
		summary: "Too few segments in the bearer token",
		detail:  `The value comes from the STARTREE_API_TOKEN environment variable. After the "st-" prefix the token has 1 hyphen-separated segment, expected 2.`},
	{name: "invalid domain from the environment", env: map[string]string{"STARTREE_DOMAIN": "x.io:443"}, config: dataSource(`api_token = "` + guideBasicToken + `"
  cluster = "pug"
  environment = "prod"`),
		at:      `data "startree_trino_connection" "test"`,
		summary: "Invalid domain",
		detail:  `The value comes from the STARTREE_DOMAIN environment variable. domain "x.io:443" includes a port; give the bare domain "x.io".`},
	{name: "invalid token in the provider block", config: `provider "startree" { api_token = "st-only" }` + "\n" + dataSource(coordinates),
		at: `provider "startree" { api_token`, summary: "Too few segments in the bearer token"},
	{name: "invalid domain in the provider block", config: `provider "startree" { domain = "Awesome.io" }` + "\n" + dataSource(`api_token = "`+guideBasicToken+`"
  cluster = "pug"
  environment = "prod"`),
		at: `provider "startree" { domain`, summary: "Invalid domain"},
	{name: "unknown token in the provider block", config: `
resource "terraform_data" "token" { input = "` + guideBasicToken + `" }
provider "startree" { api_token = terraform_data.token.output }
` + dataSource(coordinates),
		at:      `provider "startree" { api_token`,
		summary: "Unknown StarTree API token",
		detail:  `The provider block's api_token depends on a value that is known only after apply, and the provider computes connections during plan. Set api_token to a value known at plan time (a variable or a literal), or remove it and set the STARTREE_API_TOKEN environment variable.`},
	{name: "unknown environment in the provider block", config: `
resource "terraform_data" "environment" { input = "prod" }
provider "startree" { environment = terraform_data.environment.output }
` + dataSource(`api_token = "`+guideBasicToken+`"
  cluster = "pug"
  domain = "x.io"`),
		at:      `provider "startree" { environment`,
		summary: "Unknown StarTree environment",
		detail:  `The provider block's environment depends on a value that is known only after apply, and the provider computes connections during plan. Set environment to a value known at plan time (a variable or a literal), or remove it and set the STARTREE_ENVIRONMENT environment variable.`},
}

func TestAccTrinoConnectionDataSourceDiagnostics(t *testing.T) {
	for _, tc := range diagnosticCases {
		t.Run(tc.name, func(t *testing.T) {
			clearEnvironment(t)
			for k, v := range tc.env {
				t.Setenv(k, v)
			}
			acceptance(t, resource.TestStep{
				Config:      tc.config,
				ExpectError: errorAt(tc.summary, tc.at, tc.detail),
			})
		})
	}
}
