package connection

import (
	"fmt"
	"strings"
	"testing"
)

func TestCheckExtraProperties(t *testing.T) {
	v := func(n int64) *int64 { return &n }
	tests := []struct {
		name     string
		props    map[string]string
		tls      bool
		version  *int64
		severity Severity
		summary  string
		detail   string
	}{
		{"managed connector name", map[string]string{"connector.name": "pinot"}, true, nil, SeverityError, "Property managed by the provider",
			`"connector.name" is set by the provider (it is always "pinot"), not by extra_properties. Remove it from extra_properties.`},
		{"managed controller URLs", map[string]string{"pinot.controller-urls": "x"}, true, nil, SeverityError, "Property managed by the provider",
			`"pinot.controller-urls" is set by cluster, environment, domain and tls_enabled, not by extra_properties. Remove it from extra_properties.`},
		{"managed gRPC port", map[string]string{"pinot.grpc.port": "1"}, true, nil, SeverityError, "Property managed by the provider",
			`"pinot.grpc.port" is set by grpc_port, not by extra_properties. Remove it from extra_properties.`},
		{"managed plain text", map[string]string{"pinot.grpc.use-plain-text": "true"}, true, nil, SeverityError, "Property managed by the provider",
			`"pinot.grpc.use-plain-text" is set by tls_enabled, not by extra_properties. Remove it from extra_properties.`},
		{"managed password", map[string]string{"pinot.broker.authentication.password": "p"}, false, nil, SeverityError, "Property managed by the provider",
			`"pinot.broker.authentication.password" is set by api_token, not by extra_properties. Remove it from extra_properties.`},
		{"managed proxy", map[string]string{"pinot.proxy.enabled": "false"}, true, nil, SeverityError, "Property managed by the provider",
			`"pinot.proxy.enabled" is set by the provider (the StarTree proxy is always enabled), not by extra_properties. Remove it from extra_properties.`},
		{"removed before 400", map[string]string{"pinot.request-timeout": "1m"}, true, nil, SeverityError, "Property removed from Trino",
			`"pinot.request-timeout" was removed before Trino 400, and Trino refuses to load a catalog that sets a removed property. Remove it from extra_properties.`},
		{"removed in 449", map[string]string{"pinot.grpc.enabled": "true"}, true, nil, SeverityError, "Property removed from Trino",
			`"pinot.grpc.enabled" was removed in Trino 449, and Trino refuses to load a catalog that sets a removed property. Remove it from extra_properties.`},
		{"removed in 449, Trino 449", map[string]string{"pinot.grpc.enabled": "true"}, true, v(449), SeverityError, "Property removed from Trino",
			`"pinot.grpc.enabled" was removed in Trino 449, and Trino refuses to load a catalog that sets a removed property. Remove it from extra_properties.`},
		{"added in 447, Trino 446", map[string]string{"pinot.broker-url": "b:8099"}, true, v(446), SeverityError, "Property not in this Trino release",
			`"pinot.broker-url" exists from Trino 447 on, and trino_version is 446; Trino refuses to load a catalog that sets a property it does not know. Remove it or raise trino_version.`},
		{"gRPC TLS without TLS", map[string]string{"pinot.grpc.tls.keystore-path": "/k"}, false, nil, SeverityError, "gRPC TLS property without TLS",
			`"pinot.grpc.tls.keystore-path" applies only with TLS (pinot.grpc.use-plain-text=false), and tls_enabled is false; Trino would refuse the unused property. Remove it or set tls_enabled = true.`},
		{"unknown gRPC TLS without TLS", map[string]string{"pinot.grpc.tls.nonsense": "x"}, false, nil, SeverityError, "Unknown Pinot connector property",
			`"pinot.grpc.tls.nonsense" is not a property of Trino's Pinot connector in Trino 483 (the newest release the provider knows, since trino_version is not set; set it to the release you run), and Trino refuses to load a catalog with a property it does not use. See the provider documentation for the known property names.`},
		{"empty key", map[string]string{"": "x"}, true, nil, SeverityError, "Empty property name",
			`extra_properties has an entry whose key is empty. Every key must be a Pinot connector property name such as "pinot.connection-timeout".`},
		{"typo", map[string]string{"pinot.conection-timeout": "1m"}, true, nil, SeverityError, "Unknown Pinot connector property",
			`"pinot.conection-timeout" is not a property of Trino's Pinot connector in Trino 483 (the newest release the provider knows, since trino_version is not set; set it to the release you run), and Trino refuses to load a catalog with a property it does not use. Did you mean "pinot.connection-timeout"?`},
		{"typo, Trino 470", map[string]string{"pinot.conection-timeout": "1m"}, true, v(470), SeverityError, "Unknown Pinot connector property",
			`"pinot.conection-timeout" is not a property of Trino's Pinot connector in Trino 470, and Trino refuses to load a catalog with a property it does not use. Did you mean "pinot.connection-timeout"?`},
		{"unknown, nothing near", map[string]string{"hive.metastore.uri": "thrift://x"}, true, nil, SeverityError, "Unknown Pinot connector property",
			`"hive.metastore.uri" is not a property of Trino's Pinot connector in Trino 483 (the newest release the provider knows, since trino_version is not set; set it to the release you run), and Trino refuses to load a catalog with a property it does not use. See the provider documentation for the known property names.`},
		{"unknown, Trino newer than known", map[string]string{"pinot.new-in-500": "x"}, true, v(500), SeverityWarning, "Unknown Pinot connector property",
			`"pinot.new-in-500" is not a property of Trino's Pinot connector as of Trino 483, the newest release the provider knows; trino_version is 500, so it may be new. Trino refuses to load a catalog with a property it does not use. The value is written as given. See the provider documentation for the known property names.`},
		{"defunct HTTP client name", map[string]string{"pinot.http-client.max-connections": "5"}, true, nil, SeverityError, "Property removed from Trino",
			`"pinot.http-client.max-connections" was removed in Trino 440, and Trino refuses to load a catalog that sets a removed property. Remove it from extra_properties.`},
		{"leading space in value", map[string]string{"pinot.connection-timeout": " 1m"}, true, nil, SeverityError, "White space around a property value",
			`The value of "pinot.connection-timeout" begins or ends with white space or a control character. Trino trims the values of a catalog file but keeps a CREATE CATALOG value as written, so the two forms of this catalog would give Trino different values; remove the white space.`},
		{"trailing newline in value", map[string]string{"pinot.connection-timeout": "1m\n"}, true, nil, SeverityError, "White space around a property value",
			`The value of "pinot.connection-timeout" begins or ends with white space or a control character. Trino trims the values of a catalog file but keeps a CREATE CATALOG value as written, so the two forms of this catalog would give Trino different values; remove the white space.`},
		{"trailing NUL in value", map[string]string{"pinot.connection-timeout": "1m\x00"}, true, nil, SeverityError, "White space around a property value",
			`The value of "pinot.connection-timeout" begins or ends with white space or a control character. Trino trims the values of a catalog file but keeps a CREATE CATALOG value as written, so the two forms of this catalog would give Trino different values; remove the white space.`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ps := CheckExtraProperties(tt.props, tt.tls, tt.version)
			if len(ps) != 1 {
				t.Fatalf("got %d problems %v, want 1", len(ps), ps)
			}
			p := ps[0]
			var key string
			for k := range tt.props {
				key = k
			}
			if p.Severity != tt.severity || p.Summary != tt.summary || p.Detail != tt.detail || p.Input != InputExtraProperties || p.Key != key {
				t.Errorf("got %+v\nwant %q: %q on key %q", p, tt.summary, tt.detail, key)
			}
		})
	}
}

func TestCheckExtraPropertiesAccepts(t *testing.T) {
	v := func(n int64) *int64 { return &n }
	tests := []struct {
		name    string
		props   map[string]string
		tls     bool
		version *int64
	}{
		{"every known property with TLS", allKnown(), true, nil},
		{"removed in 449 but Trino 448", map[string]string{"pinot.grpc.enabled": "true", "pinot.estimated-size-in-bytes-for-non-numeric-column": "20"}, true, v(448)},
		{"added in 447, Trino 447", map[string]string{"pinot.broker-url": "b:8099"}, true, v(447)},
		{"non-TLS properties without TLS", map[string]string{"pinot.connection-timeout": "1m", "pinot.grpc.max-inbound-message-size": "128MB"}, false, nil},
		{"inner white space and empty value", map[string]string{"pinot.http-client.log.path": "", "pinot.grpc.tls.keystore-password": "a b"}, true, nil},
		{"unknown key, Trino newer than known, as a warning only", nil, true, nil},
		{"none", nil, true, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if ps := checkSplit(tt.props, tt.tls, tt.version); len(ps) != 0 {
				t.Errorf("unexpected problems: %v", ps)
			}
		})
	}
}

// allKnown sets every property of the newest release that may be set together, each to a value
// Trino accepts.
func allKnown() map[string]string {
	m := map[string]string{}
	for _, k := range KnownPropertyNames() {
		p, _ := LookupProperty(k)
		switch {
		case p.LegacyOf != "", k == "pinot.http-client.socks-proxy", k == "pinot.http-client.https.automatic-shared-secret":
			continue
		case p.Default != "":
			m[k] = p.Default
		case k == "pinot.http-client.secure-random-algorithm":
			m[k] = "sha1prng"
		case p.Type == TypeHostAndPort:
			m[k] = "proxy.example.com:3128"
		case p.Type == TypeDataSize:
			m[k] = "64MB"
		case p.Type == TypeDuration:
			m[k] = "30s"
		default:
			m[k] = "x"
		}
	}
	return m
}

func TestCheckExtraPropertiesBoundsTheReport(t *testing.T) {
	props := map[string]string{}
	for i := 0; i < 10000; i++ {
		props[fmt.Sprintf("custom.key.%05d", i)] = "v"
	}
	props["pinot.grpc.enabled"] = "true"
	newer := int64(NewestKnownTrinoRelease + 1)
	ps := CheckExtraProperties(props, true, &newer)
	if len(ps) != MaxExtraPropertyProblems+1 {
		t.Fatalf("got %d problems, want %d", len(ps), MaxExtraPropertyProblems+1)
	}
	// The one error comes first, however many warnings sort before it; what is left unshown is
	// warnings only.
	if ps[0].Key != "pinot.grpc.enabled" || ps[0].Severity != SeverityError {
		t.Errorf("first problem = %+v", ps[0])
	}
	if ps[1].Key != "custom.key.00000" || !strings.HasSuffix(ps[1].Detail, "known property names.") {
		t.Errorf("second problem = %+v", ps[1])
	}
	last := ps[len(ps)-1]
	if last.Severity != SeverityWarning || last.Summary != "9981 more problems in extra_properties" ||
		last.Detail != "Only the first 20 problems in extra_properties are shown one by one; 9981 more were found. Correct the ones shown and plan again." {
		t.Errorf("last problem = %+v", last)
	}
	manyErrors := map[string]string{}
	for i := 0; i < 25; i++ {
		manyErrors[fmt.Sprintf("pinot.x.%02d", i)] = " padded "
	}
	ps = CheckExtraProperties(manyErrors, true, nil)
	if last := ps[len(ps)-1]; len(ps) != 21 || last.Severity != SeverityError || last.Summary != "30 more problems in extra_properties" {
		t.Errorf("with hidden errors, the summary is %+v", last)
	}
}

func TestKnownPropertyListsAreDisjoint(t *testing.T) {
	for _, k := range KnownPropertyNames() {
		if p, _ := LookupProperty(k); p.DefunctIn != 0 || managedBy[k] != "" {
			t.Errorf("%q is both known and removed or managed", k)
		}
	}
	if len(ManagedPropertyNames()) != len(managedBy) {
		t.Errorf("ManagedPropertyNames has %d names, managedBy %d", len(ManagedPropertyNames()), len(managedBy))
	}
	for _, k := range ManagedPropertyNames() {
		if managedBy[k] == "" {
			t.Errorf("managed key %q has no setter", k)
		}
	}
}

// A key written without the connector's "pinot." prefix is still matched to its property.
func TestSuggestionWithoutThePrefix(t *testing.T) {
	ps := CheckExtraProperties(map[string]string{"http-client.max-threads": "10"}, true, nil)
	if len(ps) != 1 || !strings.HasSuffix(ps[0].Detail, `Did you mean "pinot.http-client.max-threads"?`) {
		t.Errorf("got %v", ps)
	}
}
