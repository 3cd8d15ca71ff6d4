package connection

import (
	"encoding/base64"
	"strings"
	"testing"

	"github.com/startree/terraform-provider-startree/internal/startreeguide"
)

// The exact text of every error the core gives for one broken input of a connection: the
// adapters' tests check where each lands (attribute, severity, summary); the words are asserted
// here, once. A missing value is reported by the core itself, naming the attribute, the provider
// block and the environment variable, or, for a function, its settings; and a message says where
// a value came from when it was not the object's own.
func TestComputeMessagesExactly(t *testing.T) {
	b64 := func(s string) string { return base64.StdEncoding.EncodeToString([]byte(s)) }
	token := func(t string) func(*Settings) { return func(s *Settings) { s.APIToken = &t } }
	tests := []struct {
		name    string
		edit    func(*Settings)
		input   Input
		summary string
		detail  string
	}{
		{"bearer segments", token("st-XkQBXKr652MV1VF95gkhGWNaGAdA1NU5"), InputAPIToken, "Too few segments in the bearer token",
			`After the "st-" prefix the token has 1 hyphen-separated segment, expected 2. A bearer token has the form "st-<key>-<secret>": the prefix "st-", then two non-empty runs of ASCII letters and digits joined by one hyphen.`},
		{"bearer characters", token("st-XkQBXKr6_2MV1VF9-5gkhGWNaGAdA1NU5yrHXRSPKMCcNRlRg"), InputAPIToken, "Invalid character in the bearer token's key",
			`The key segment of the bearer token contains a character other than an ASCII letter or digit. A bearer token has the form "st-<key>-<secret>": the prefix "st-", then two non-empty runs of ASCII letters and digits joined by one hyphen.`},
		{"not base64", token("not*valid*64"), InputAPIToken, "Invalid StarTree API token",
			`The token is not a bearer token and contains a character outside the base64 alphabet. Expected a bearer token ("st-<key>-<secret>") or a basic token: base64 (standard or URL-safe alphabet, padded or not) of "<key>:<secret>".`},
		{"no colon", token(b64("userpassword")), InputAPIToken, "Missing colon in the basic token",
			`The basic token decodes to text without a colon. Expected base64 of "<key>:<secret>"; the username is the text before the first colon.`},
		{"empty password", token(b64("user:")), InputAPIToken, "Empty password in the basic token",
			`The basic token decodes to text whose password (the part after the first colon) is empty.`},
		{"uppercase cluster", func(s *Settings) { s.Cluster = "Pug" }, InputCluster, "Invalid cluster",
			`cluster "Pug" contains the uppercase letter 'P'; use "pug". Expected a DNS label: 1 to 63 lowercase letters, digits and hyphens, not starting or ending with a hyphen.`},
		{"environment hyphen", func(s *Settings) { s.Environment = ptr("prod-") }, InputEnvironment, "Invalid environment",
			`environment "prod-" starts or ends with a hyphen. Expected a DNS label: 1 to 63 lowercase letters, digits and hyphens, not starting or ending with a hyphen.`},
		{"domain scheme", func(s *Settings) { s.Domain = ptr("https://awesome-company.startree.cloud") }, InputDomain, "Invalid domain",
			`domain "https://awesome-company.startree.cloud" includes a scheme; give the bare domain "awesome-company.startree.cloud". Expected a lowercase DNS name such as "awesome-company.startree.cloud": no scheme, port, path or trailing dot.`},
		{"uppercase domain", func(s *Settings) { s.Domain = ptr("Awesome.io") }, InputDomain, "Invalid domain",
			`domain "Awesome.io" contains uppercase letters; use "awesome.io". Expected a lowercase DNS name such as "awesome-company.startree.cloud": no scheme, port, path or trailing dot.`},
		{"host name length", func(s *Settings) {
			s.Cluster, s.Environment = strings.Repeat("c", 63), ptr(strings.Repeat("e", 63))
			s.Domain = ptr(strings.Repeat("d", 63) + "." + strings.Repeat("d", 62))
		}, InputDomain, "Proxy host name too long",
			`The gRPC proxy host name proxy-grpc.broker.<cluster>.<environment>.<domain> would have 272 characters; DNS allows at most 253. Use a shorter cluster, environment or domain.`},
		{"port", func(s *Settings) { s.GRPCPort = 70000 }, InputGRPCPort, "Invalid grpc_port",
			`70000 is not a TCP port. Expected a port from 1 to 65535; StarTree Cloud uses 8096.`},
		{"old Trino", func(s *Settings) { v := int64(399); s.TrinoVersion = &v }, InputTrinoVersion, "Trino version too old for the Pinot proxy",
			`trino_version is 399, and the Pinot proxy properties this catalog uses exist from Trino 400 on. Upgrade Trino to 400 or later; the catalog cannot work with an older release.`},
		{"managed key", func(s *Settings) { s.ExtraProperties = map[string]string{"pinot.grpc.port": "1"} }, InputExtraProperties, "Property managed by the provider",
			`"pinot.grpc.port" is set by grpc_port, not by extra_properties. Remove it from extra_properties.`},
		{"removed key", func(s *Settings) { s.ExtraProperties = map[string]string{"pinot.grpc.enabled": "true"} }, InputExtraProperties, "Property removed from Trino",
			`"pinot.grpc.enabled" was removed in Trino 449, and Trino refuses to load a catalog that sets a removed property. Remove it from extra_properties.`},
		{"key newer than the release", func(s *Settings) {
			v := int64(440)
			s.TrinoVersion, s.ExtraProperties = &v, map[string]string{"pinot.broker-url": "b:8099"}
		}, InputExtraProperties, "Property not in this Trino release",
			`"pinot.broker-url" exists from Trino 447 on, and trino_version is 440; Trino refuses to load a catalog that sets a property it does not know. Remove it or raise trino_version.`},
		{"TLS key without TLS", func(s *Settings) {
			s.TLSEnabled, s.ExtraProperties = false, map[string]string{"pinot.grpc.tls.truststore-path": "/etc/trust.jks"}
		}, InputExtraProperties, "gRPC TLS property without TLS",
			`"pinot.grpc.tls.truststore-path" applies only with TLS (pinot.grpc.use-plain-text=false), and tls_enabled is false; Trino would refuse the unused property. Remove it or set tls_enabled = true.`},
		{"unknown key", func(s *Settings) { s.ExtraProperties = map[string]string{"pinot.http-client.idle-timout": "1m"} }, InputExtraProperties, unknownPropertySummary,
			`"pinot.http-client.idle-timout" is not a property of Trino's Pinot connector in Trino 483 (the newest release the provider knows, since trino_version is not set; set it to the release you run), and Trino refuses to load a catalog with a property it does not use. Did you mean "pinot.http-client.idle-timeout"?`},
		{"token from the environment", func(s *Settings) {
			s.APIToken = ptr("st-only")
			s.Sources = map[Input]string{InputAPIToken: "the STARTREE_API_TOKEN environment variable"}
		}, InputAPIToken, "Too few segments in the bearer token",
			`The value comes from the STARTREE_API_TOKEN environment variable. After the "st-" prefix the token has 1 hyphen-separated segment, expected 2. A bearer token has the form "st-<key>-<secret>": the prefix "st-", then two non-empty runs of ASCII letters and digits joined by one hyphen.`},
		{"domain from the environment", func(s *Settings) {
			s.Domain = ptr("x.io:443")
			s.Sources = map[Input]string{InputDomain: "the STARTREE_DOMAIN environment variable"}
		}, InputDomain, "Invalid domain",
			`The value comes from the STARTREE_DOMAIN environment variable. domain "x.io:443" includes a port; give the bare domain "x.io". Expected a lowercase DNS name such as "awesome-company.startree.cloud": no scheme, port, path or trailing dot.`},
		{"no environment", func(s *Settings) { s.Environment = nil }, InputEnvironment, "Missing environment",
			"environment is not set. Set environment on this object, environment in the provider block, or the STARTREE_ENVIRONMENT environment variable."},
		{"no domain", func(s *Settings) { s.Domain = nil }, InputDomain, "Missing domain",
			"domain is not set. Set domain on this object, domain in the provider block, or the STARTREE_DOMAIN environment variable."},
		{"no token", func(s *Settings) { s.APIToken = nil }, InputAPIToken, "Missing StarTree API token",
			"A StarTree API token is required when tls_enabled is true. Set api_token on this object, api_token in the provider block, or the STARTREE_API_TOKEN environment variable."},
		{"no domain in a function", func(s *Settings) { s.Domain, s.NoFallbacks = nil, true }, InputDomain, "Missing domain",
			"domain is not set. A function cannot read the provider block or the environment: set domain in its settings."},
		{"no cluster in a function", func(s *Settings) { s.Cluster, s.NoFallbacks = "", true }, InputCluster, "Missing cluster",
			"cluster is not set. A function cannot read the provider block or the environment: set cluster in its settings."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := guideSettings(startreeguide.BasicToken)
			tt.edit(&s)
			_, ps := Compute(s)
			errs := ps.Errors()
			if len(errs) != 1 || errs[0].Input != tt.input || errs[0].Summary != tt.summary || errs[0].Detail != tt.detail {
				t.Errorf("got %v\nwant %s: %q: %q", errs, tt.input, tt.summary, tt.detail)
			}
		})
	}
}
