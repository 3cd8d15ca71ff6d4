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

// diagnosticCase is a configuration and the exact error it must draw.
type diagnosticCase struct {
	name    string
	env     map[string]string
	config  string
	summary string
	detail  string
}

func dataSource(body string) string {
	return "data \"startree_trino_connection\" \"test\" {\n" + body + "\n}\n"
}

// diagnosticCases cover every rule of the data source's inputs and of the provider block; the
// exact texts of the rules' variants are covered by the core's tests.
var diagnosticCases = []diagnosticCase{
	{name: "bearer token segments", config: dataSource(coordinates + `api_token = "st-XkQBXKr652MV1VF95gkhGWNaGAdA1NU5"`),
		summary: "Too few segments in the bearer token",
		detail:  `After the "st-" prefix the token has 1 hyphen-separated segment, expected 2. A bearer token has the form "st-<key>-<secret>": the prefix "st-", then two non-empty runs of ASCII letters and digits joined by one hyphen.`},
	{name: "bearer token characters", config: dataSource(coordinates + `api_token = "st-XkQBXKr6_2MV1VF9-5gkhGWNaGAdA1NU5yrHXRSPKMCcNRlRg"`),
		summary: "Invalid character in the bearer token's key",
		detail:  `The key segment of the bearer token contains a character other than an ASCII letter or digit. A bearer token has the form "st-<key>-<secret>": the prefix "st-", then two non-empty runs of ASCII letters and digits joined by one hyphen.`},
	{name: "basic token base64", config: dataSource(coordinates + `api_token = "not*valid*64"`),
		summary: "Invalid StarTree API token",
		detail:  `The token is not a bearer token and contains a character outside the base64 alphabet. Expected a bearer token ("st-<key>-<secret>") or a basic token: base64 (standard or URL-safe alphabet, padded or not) of "<key>:<secret>".`},
	{name: "basic token colon", config: dataSource(coordinates + `api_token = base64encode("userpassword")`),
		summary: "Missing colon in the basic token",
		detail:  `The basic token decodes to text without a colon. Expected base64 of "<key>:<secret>"; the username is the text before the first colon.`},
	{name: "basic token empty part", config: dataSource(coordinates + `api_token = base64encode("user:")`),
		summary: "Empty password in the basic token",
		detail:  `The basic token decodes to text whose password (the part after the first colon) is empty.`},
	{name: "cluster", config: dataSource(`api_token = "` + guideBasicToken + `"
  cluster = "Pug"
  environment = "prod"
  domain = "x.io"`),
		summary: "Invalid cluster",
		detail:  `cluster "Pug" contains the uppercase letter 'P'; use "pug". Expected a DNS label: 1 to 63 lowercase letters, digits and hyphens, not starting or ending with a hyphen.`},
	{name: "environment", config: dataSource(`api_token = "` + guideBasicToken + `"
  cluster = "pug"
  environment = "prod-"
  domain = "x.io"`),
		summary: "Invalid environment",
		detail:  `environment "prod-" starts or ends with a hyphen. Expected a DNS label: 1 to 63 lowercase letters, digits and hyphens, not starting or ending with a hyphen.`},
	{name: "domain", config: dataSource(`api_token = "` + guideBasicToken + `"
  cluster = "pug"
  environment = "prod"
  domain = "https://awesome-company.startree.cloud"`),
		summary: "Invalid domain",
		detail:  `domain "https://awesome-company.startree.cloud" includes a scheme; give the bare domain "awesome-company.startree.cloud". Expected a lowercase DNS name such as "awesome-company.startree.cloud": no scheme, port, path or trailing dot.`},
	{name: "host name length", config: dataSource(`api_token = "` + guideBasicToken + `"
  cluster = "` + strings.Repeat("c", 63) + `"
  environment = "` + strings.Repeat("e", 63) + `"
  domain = "` + strings.Repeat("d", 63) + "." + strings.Repeat("d", 63) + `"`),
		summary: "Proxy host name too long",
		detail:  `The gRPC proxy host name proxy-grpc.broker.<cluster>.<environment>.<domain> would have 273 characters; DNS allows at most 253. Use a shorter cluster, environment or domain.`},
	{name: "grpc_port", config: dataSource(coordinates + `api_token = "` + guideBasicToken + `"
  grpc_port = 70000`),
		summary: "Invalid grpc_port",
		detail:  `70000 is not a TCP port. Expected a port from 1 to 65535; StarTree Cloud uses 8096.`},
	{name: "fractional grpc_port", config: dataSource(coordinates + `api_token = "` + guideBasicToken + `"
  grpc_port = 1.5`),
		summary: "Invalid grpc_port",
		detail:  `grpc_port must be a whole number, and 1.5 is not.`},
	{name: "huge trino_version", config: dataSource(coordinates + `api_token = "` + guideBasicToken + `"
  trino_version = 1e30`),
		summary: "Invalid trino_version",
		detail:  `trino_version is 1e+30, far outside any value it can take.`},
	{name: "token pasted with its HTTP scheme", config: dataSource(coordinates + `api_token = "Bearer ` + guideBearerToken + `"`),
		summary: "HTTP authorization scheme in the StarTree API token",
		detail:  `The API token starts with "Bearer ", the word an HTTP Authorization header puts before a token. Remove "Bearer " and give the token alone.`},
	{name: "secret in extra_properties", config: dataSource(coordinates + `api_token = "` + guideBasicToken + `"
  extra_properties = { "pinot.grpc.tls.keystore-password" = "changeit" }`),
		summary: "Secret in extra_properties",
		detail:  `"pinot.grpc.tls.keystore-password" is security-sensitive. Set it in secret_properties, which Terraform keeps out of plan output and marks sensitive in state; env_properties refers to it as ${ENV:...} either way.`},
	{name: "plain property in secret_properties", config: dataSource(coordinates + `api_token = "` + guideBasicToken + `"
  secret_properties = { "pinot.connection-timeout" = "1m" }`),
		summary: "Not a secret property",
		detail:  `"pinot.connection-timeout" is not security-sensitive. Set it in extra_properties, where its value stays visible in plans.`},
	{name: "trino_version", config: dataSource(coordinates + `api_token = "` + guideBasicToken + `"
  trino_version = 399`),
		summary: "Trino version too old for the Pinot proxy",
		detail:  `trino_version is 399, and the Pinot proxy properties this catalog uses exist from Trino 400 on. Upgrade Trino to 400 or later; the catalog cannot work with an older release.`},
	{name: "env_var_prefix", config: dataSource(coordinates + `api_token = "` + guideBasicToken + `"
  env_var_prefix = "pinot"`),
		summary: "Invalid env_var_prefix",
		detail:  `env_var_prefix "pinot" is not an uppercase variable name. Expected an uppercase ASCII letter followed by uppercase letters, digits and underscores (^[A-Z][A-Z0-9_]*$), such as "PINOT".`},
	{name: "managed property", config: dataSource(coordinates + `api_token = "` + guideBasicToken + `"
  extra_properties = { "pinot.grpc.port" = "8090" }`),
		summary: "Property managed by the provider",
		detail:  `"pinot.grpc.port" is set by grpc_port, not by extra_properties. Remove it from extra_properties.`},
	{name: "removed property", config: dataSource(coordinates + `api_token = "` + guideBasicToken + `"
  extra_properties = { "pinot.grpc.enabled" = "true" }`),
		summary: "Property removed from Trino",
		detail:  `"pinot.grpc.enabled" was removed in Trino 449, and Trino refuses to load a catalog that sets a removed property. Remove it from extra_properties.`},
	{name: "property newer than trino_version", config: dataSource(coordinates + `api_token = "` + guideBasicToken + `"
  trino_version = 440
  extra_properties = { "pinot.broker-url" = "broker:8099" }`),
		summary: "Property not in this Trino release",
		detail:  `"pinot.broker-url" exists from Trino 447 on, and trino_version is 440; Trino refuses to load a catalog that sets a property it does not know. Remove it or raise trino_version.`},
	{name: "gRPC TLS property without TLS", config: dataSource(coordinates + `tls_enabled = false
  extra_properties = { "pinot.grpc.tls.truststore-path" = "/etc/trust.jks" }`),
		summary: "gRPC TLS property without TLS",
		detail:  `"pinot.grpc.tls.truststore-path" applies only with TLS (pinot.grpc.use-plain-text=false), and tls_enabled is false; Trino would refuse the unused property. Remove it or set tls_enabled = true.`},
	{name: "white space around a value", config: dataSource(coordinates + `api_token = "` + guideBasicToken + `"
  extra_properties = { "pinot.connection-timeout" = "2m " }`),
		summary: "White space around a property value",
		detail:  `The value of "pinot.connection-timeout" begins or ends with white space or a control character. Trino trims every catalog value, so it would read a different value; remove the white space.`},
	{name: "empty property name", config: dataSource(coordinates + `api_token = "` + guideBasicToken + `"
  extra_properties = { "" = "x" }`),
		summary: "Empty property name",
		detail:  `extra_properties has an entry whose key is empty. Every key must be a Pinot connector property name such as "pinot.connection-timeout".`},
	{name: "null property value", config: dataSource(coordinates + `api_token = "` + guideBasicToken + `"
  extra_properties = { "pinot.connection-timeout" = null }`),
		summary: "Null value in extra_properties",
		detail:  `The entry "pinot.connection-timeout" of extra_properties has no value. Give it a string value or remove the entry.`},
	// The six catalogs that stopped Trino at start-up while the provider planned them clean.
	{name: "aggregation pushdown off alone", config: dataSource(coordinates + `api_token = "` + guideBasicToken + `"
  extra_properties = { "pinot.aggregation-pushdown.enabled" = "false" }`),
		summary: "Count-distinct pushdown needs aggregation pushdown",
		detail:  `pinot.aggregation-pushdown.enabled is false while pinot.count-distinct-pushdown.enabled is true (its default), and Trino refuses that catalog. Set "pinot.count-distinct-pushdown.enabled" = "false" too, or keep aggregation pushdown on.`},
	{name: "connection timeout below the minimum", config: dataSource(coordinates + `api_token = "` + guideBasicToken + `"
  extra_properties = { "pinot.connection-timeout" = "5s" }`),
		summary: "Invalid value for pinot.connection-timeout",
		detail:  `"5s" is below Trino's minimum of 15s for pinot.connection-timeout.`},
	{name: "zero segments per split", config: dataSource(coordinates + `api_token = "` + guideBasicToken + `"
  extra_properties = { "pinot.segments-per-split" = "0" }`),
		summary: "Invalid value for pinot.segments-per-split",
		detail:  `"0" is below Trino's minimum of 1 for pinot.segments-per-split.`},
	{name: "boolean yes", config: dataSource(coordinates + `api_token = "` + guideBasicToken + `"
  extra_properties = { "pinot.prefer-broker-queries" = "yes" }`),
		summary: "Invalid value for pinot.prefer-broker-queries",
		detail:  `"yes" is not a boolean. Trino reads only true or false (in any case) for pinot.prefer-broker-queries.`},
	{name: "data size lots", config: dataSource(coordinates + `api_token = "` + guideBasicToken + `"
  extra_properties = { "pinot.target-segment-page-size" = "lots" }`),
		summary: "Invalid value for pinot.target-segment-page-size",
		detail:  `"lots" is not a data size. Trino reads a number and a unit of B, kB, MB, GB, TB or PB (as written here), such as "1MB", for pinot.target-segment-page-size.`},
	{name: "keystore type XYZ", config: dataSource(coordinates + `api_token = "` + guideBasicToken + `"
  extra_properties = { "pinot.grpc.tls.keystore-type" = "XYZ" }`),
		summary: "Invalid value for pinot.grpc.tls.keystore-type",
		detail:  `"XYZ" is not one of JKS, PKCS12 (in any case) for pinot.grpc.tls.keystore-type.`},
	{name: "unknown key", config: dataSource(coordinates + `api_token = "` + guideBasicToken + `"
  extra_properties = { "pinot.http-client.idle-timout" = "1m" }`),
		summary: "Unknown Pinot connector property",
		detail:  `"pinot.http-client.idle-timout" is not a property of Trino's Pinot connector in Trino 483 (the newest release the provider knows; trino_version names another), and Trino refuses to load a catalog with a property it does not use. Did you mean "pinot.http-client.idle-timeout"?`},
	{name: "missing token with TLS", config: dataSource(coordinates),
		summary: "Missing StarTree API token",
		detail:  `A StarTree API token is required when tls_enabled is true. Set api_token on this object, api_token in the provider block, or the STARTREE_API_TOKEN environment variable.`},
	{name: "missing environment", config: dataSource(`api_token = "` + guideBasicToken + `"
  cluster = "pug"
  domain = "x.io"`),
		summary: "Missing environment",
		detail:  `environment is not set. Set environment on this object, environment in the provider block, or the STARTREE_ENVIRONMENT environment variable.`},
	{name: "missing domain", config: dataSource(`api_token = "` + guideBasicToken + `"
  cluster = "pug"
  environment = "prod"`),
		summary: "Missing domain",
		detail:  `domain is not set. Set domain on this object, domain in the provider block, or the STARTREE_DOMAIN environment variable.`},
	{name: "invalid token from the environment", env: map[string]string{"STARTREE_API_TOKEN": "st-only"}, config: dataSource(coordinates),
		summary: "Too few segments in the bearer token",
		detail:  `The value comes from the STARTREE_API_TOKEN environment variable. After the "st-" prefix the token has 1 hyphen-separated segment, expected 2.`},
	{name: "invalid domain from the environment", env: map[string]string{"STARTREE_DOMAIN": "x.io:443"}, config: dataSource(`api_token = "` + guideBasicToken + `"
  cluster = "pug"
  environment = "prod"`),
		summary: "Invalid domain",
		detail:  `The value comes from the STARTREE_DOMAIN environment variable. domain "x.io:443" includes a port; give the bare domain "x.io".`},
	{name: "invalid token in the provider block", config: `provider "startree" { api_token = "st-only" }` + "\n" + dataSource(coordinates),
		summary: "Too few segments in the bearer token",
		detail:  `After the "st-" prefix the token has 1 hyphen-separated segment, expected 2.`},
	{name: "invalid domain in the provider block", config: `provider "startree" { domain = "Awesome.io" }` + "\n" + dataSource(`api_token = "`+guideBasicToken+`"
  cluster = "pug"
  environment = "prod"`),
		summary: "Invalid domain",
		detail:  `domain "Awesome.io" contains uppercase letters; use "awesome.io".`},
	{name: "unknown token in the provider block", config: `
resource "terraform_data" "token" { input = "` + guideBasicToken + `" }
provider "startree" { api_token = terraform_data.token.output }
` + dataSource(coordinates),
		summary: "Unknown StarTree API token",
		detail:  `The provider block's api_token depends on a value that is known only after apply, and the provider computes connections during plan. Set api_token to a value known at plan time (a variable or a literal), or remove it and set the STARTREE_API_TOKEN environment variable.`},
	{name: "unknown environment in the provider block", config: `
resource "terraform_data" "environment" { input = "prod" }
provider "startree" { environment = terraform_data.environment.output }
` + dataSource(`api_token = "`+guideBasicToken+`"
  cluster = "pug"
  domain = "x.io"`),
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
				ExpectError: errorText(tc.summary, tc.detail),
			})
		})
	}
}
