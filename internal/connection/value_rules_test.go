package connection

import (
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

// Every value and cross-property rule, with its exact message. Which of these Trino refuses is
// proven by the agreement suite (agreement_judge_test.go) against the real connector.
// split puts each security-sensitive key of m in secret_properties and the rest in
// extra_properties, as a user following the rules would.
func split(m map[string]string) PropertyInputs {
	in := PropertyInputs{Extra: map[string]string{}, Secret: map[string]string{}}
	for k, v := range m {
		if p, ok := LookupProperty(k); ok && p.Sensitive {
			in.Secret[k] = v
		} else {
			in.Extra[k] = v
		}
	}
	return in
}

// checkSplit is CheckExtraProperties with the secrets in secret_properties.
func checkSplit(m map[string]string, tls bool, v *int64) Problems {
	return CheckProperties(split(m), tls, v)
}

func TestValueRules(t *testing.T) {
	v := func(n int64) *int64 { return &n }
	tests := []struct {
		name    string
		props   map[string]string
		version *int64
		key     string
		summary string
		detail  string
	}{
		// The six catalogs that stopped Trino 483 while the provider planned them clean.
		{"aggregation pushdown off alone", map[string]string{"pinot.aggregation-pushdown.enabled": "false"}, nil,
			"pinot.aggregation-pushdown.enabled", "Count-distinct pushdown needs aggregation pushdown",
			`pinot.aggregation-pushdown.enabled is false while pinot.count-distinct-pushdown.enabled is true (its default), and Trino refuses that catalog. Set "pinot.count-distinct-pushdown.enabled" = "false" too, or keep aggregation pushdown on.`},
		{"connection timeout below 15s", map[string]string{"pinot.connection-timeout": "5s"}, nil,
			"pinot.connection-timeout", "Invalid value for pinot.connection-timeout",
			`The value is below Trino's minimum of 15s for pinot.connection-timeout.`},
		{"segments per split zero", map[string]string{"pinot.segments-per-split": "0"}, nil,
			"pinot.segments-per-split", "Invalid value for pinot.segments-per-split",
			`The value is below Trino's minimum of 1 for pinot.segments-per-split.`},
		{"boolean yes", map[string]string{"pinot.prefer-broker-queries": "yes"}, nil,
			"pinot.prefer-broker-queries", "Invalid value for pinot.prefer-broker-queries",
			`The value is not a boolean. Trino reads only true or false (in any case) for pinot.prefer-broker-queries.`},
		{"data size lots", map[string]string{"pinot.target-segment-page-size": "lots"}, nil,
			"pinot.target-segment-page-size", "Invalid value for pinot.target-segment-page-size",
			`The value is not a data size. Trino reads a number and a unit of B, kB, MB, GB, TB or PB (as written here), such as "1MB", for pinot.target-segment-page-size.`},
		{"keystore type XYZ", map[string]string{"pinot.grpc.tls.keystore-type": "XYZ"}, nil,
			"pinot.grpc.tls.keystore-type", "Invalid value for pinot.grpc.tls.keystore-type",
			`The value is not one of JKS, PKCS12 (in any case) for pinot.grpc.tls.keystore-type.`},
		// Types.
		{"integer out of range", map[string]string{"pinot.fetch-retry-count": "2147483648"}, nil,
			"pinot.fetch-retry-count", "Invalid value for pinot.fetch-retry-count",
			`The value is not an integer. Trino reads a whole number from -2147483648 to 2147483647, such as "2", for pinot.fetch-retry-count.`},
		{"duration unit in upper case", map[string]string{"pinot.metadata-expiry": "10S"}, nil,
			"pinot.metadata-expiry", "Invalid value for pinot.metadata-expiry",
			`The value is not a duration. Trino reads a number and a unit of ns, us, ms, s, m, h or d (lower case), such as "2m", for pinot.metadata-expiry.`},
		{"host and port out of range", map[string]string{"pinot.broker-url": "broker:70000"}, nil,
			"pinot.broker-url", "Invalid value for pinot.broker-url",
			`The value is not a host and port. Trino reads host, host:port or [IPv6]:port, with a port from 0 to 65535, for pinot.broker-url.`},
		{"a secret with a reference inside", map[string]string{"pinot.http-client.http-proxy.password": "${vault:pw}", "pinot.http-client.http-proxy": "p:1"}, nil,
			"pinot.http-client.http-proxy.password", "Secret reference inside a secret value",
			`The value of "pinot.http-client.http-proxy.password" holds "${" but is not one ${ENV:NAME} reference alone. env would pass that text to Trino through a variable, where it stays literal, while properties has Trino resolve it, so the two routes would give Trino different values. Give the secret itself, or exactly one ${ENV:NAME} reference, which every output then keeps as a reference.`},
		{"metadata expiry rounds to zero before 481", map[string]string{"pinot.metadata-expiry": "0.4ms"}, v(476),
			"pinot.metadata-expiry", "Invalid value for pinot.metadata-expiry",
			`The value is too short for pinot.metadata-expiry: Trino needs at least 1ms, and its metadata cache refuses zero.`},
		{"metadata expiry zero", map[string]string{"pinot.metadata-expiry": "0s"}, nil,
			"pinot.metadata-expiry", "Invalid value for pinot.metadata-expiry",
			`The value is too short for pinot.metadata-expiry: Trino needs at least 1ns, and its metadata cache refuses zero.`},
		{"HTTP timeout too long", map[string]string{"pinot.http-client.connect-timeout": "5000000000000000000000d"}, nil,
			"pinot.http-client.connect-timeout", "Invalid value for pinot.http-client.connect-timeout",
			`The value is too long for pinot.http-client.connect-timeout: Trino's HTTP client counts it in milliseconds in a 64-bit number.`},
		{"buffer above its maximum", map[string]string{"pinot.http-client.request-buffer-size": "33554433B"}, nil,
			"pinot.http-client.request-buffer-size", "Invalid value for pinot.http-client.request-buffer-size",
			`The value is above Trino's maximum of 32MB for pinot.http-client.request-buffer-size.`},
		{"heap memory below its minimum in 470", map[string]string{"pinot.http-client.max-heap-memory": "8MB"}, v(470),
			"pinot.http-client.max-heap-memory", "Invalid value for pinot.http-client.max-heap-memory",
			`The value is below Trino's minimum of 16MB for pinot.http-client.max-heap-memory.`},
		{"selectors beyond any array", map[string]string{"pinot.http-client.selector-count": "2147483647"}, nil,
			"pinot.http-client.selector-count", "Invalid value for pinot.http-client.selector-count",
			`The value is too large for pinot.http-client.selector-count: Trino's HTTP client makes an array of that many entries, and no JVM can hold one that long.`},
		// Cross rules.
		{"keystore path without password", map[string]string{"pinot.grpc.tls.keystore-path": "/etc/k.p12"}, nil,
			"pinot.grpc.tls.keystore-path", "TLS keystore without a password",
			`pinot.grpc.tls.keystore-path is set without pinot.grpc.tls.keystore-password, and Trino refuses a keystore it cannot open. Set pinot.grpc.tls.keystore-password as well.`},
		{"two proxies", map[string]string{"pinot.http-client.socks-proxy": "s:1080", "pinot.http-client.http-proxy": "h:3128"}, nil,
			"pinot.http-client.http-proxy", "Two proxies for one HTTP client",
			`pinot.http-client.socks-proxy and pinot.http-client.http-proxy are both set, and Trino's HTTP client takes only one proxy. Remove one of them.`},
		{"secure proxy without proxy", map[string]string{"pinot.http-client.http-proxy.secure": "TRUE"}, nil,
			"pinot.http-client.http-proxy.secure", "Secure proxy without a proxy",
			`pinot.http-client.http-proxy.secure is true, but pinot.http-client.http-proxy is not set, and Trino refuses that. Set the proxy, or remove pinot.http-client.http-proxy.secure.`},
		{"min threads above max", map[string]string{"pinot.http-client.min-threads": "300"}, nil,
			"pinot.http-client.min-threads", "More minimum than maximum HTTP client threads",
			`pinot.http-client.min-threads (300) is above pinot.http-client.max-threads (200), and Trino's HTTP client cannot start its thread pool. Keep min-threads at or below max-threads (defaults 8 and 200).`},
		{"threads for the selectors", map[string]string{"pinot.http-client.max-threads": "11"}, nil,
			"pinot.http-client.max-threads", "Too few HTTP client threads",
			`pinot.http-client.max-threads (11) leaves no room beside the 10 selector threads (pinot.http-client.selector-count), the reserved thread and the one worker Trino's HTTP client needs, and Trino refuses to start it. Allow at least 12 threads.`},
		{"response length above 2GB", map[string]string{"pinot.http-client.max-response-content-length": "2GB"}, nil,
			"pinot.http-client.max-response-content-length", "HTTP response limit too large",
			`Trino's HTTP client keeps the response content length limit and its buffer sizes in a 32-bit number, so none may be above 2147483647 bytes (just under 2GB). Lower the limit.`},
		{"response length not in 4kB steps", map[string]string{"pinot.http-client.max-content-length": "1000000B"}, v(470),
			"pinot.http-client.max-content-length", "HTTP buffer size not a multiple of 4kB",
			`Trino's HTTP client sizes its buffer pool by the largest of the response content length limit and the request and response buffer sizes (here 1000000 bytes), and that must be a multiple of 4096 bytes. Use a whole number of MB, or of kB divisible by 4.`},
		{"old and new name", map[string]string{"pinot.http-client.read-timeout": "1m", "pinot.http-client.idle-timeout": "1m"}, nil,
			"pinot.http-client.read-timeout", "Old and new name of one property",
			`"pinot.http-client.read-timeout" is the old name of "pinot.http-client.idle-timeout", and both are set; Trino refuses a catalog that sets a property under both names. Keep only "pinot.http-client.idle-timeout".`},
		{"gRPC off before 449", map[string]string{"pinot.grpc.enabled": "false"}, v(448),
			"pinot.grpc.enabled", "gRPC turned off",
			`With pinot.grpc.enabled=false Trino uses its legacy client and refuses the pinot.grpc.* properties that the provider always writes (the port, the proxy URI and TLS). Remove pinot.grpc.enabled.`},
		{"automatic HTTPS", map[string]string{"pinot.http-client.https.automatic-shared-secret": "s"}, nil,
			"pinot.http-client.https.automatic-shared-secret", "Automatic HTTPS is not available to connectors",
			`Trino's HTTP client needs a node environment for automatic HTTPS, which the Pinot connector does not have, so Trino refuses to load the catalog. Remove pinot.http-client.https.automatic-shared-secret.`},
		// What a real Trino server showed.
		{"HTTP client key store without its password", map[string]string{"pinot.http-client.key-store-path": "/etc/ks.p12"}, nil,
			"pinot.http-client.key-store-path", "HTTP client key store without a password",
			`pinot.http-client.key-store-path is set without pinot.http-client.key-store-password, and Trino refuses a key store it cannot open. Set pinot.http-client.key-store-password as well.`},
		{"SecureRandom algorithm no JDK has", map[string]string{"pinot.http-client.secure-random-algorithm": "NOPE"}, nil,
			"pinot.http-client.secure-random-algorithm", "Unknown SecureRandom algorithm",
			`pinot.http-client.secure-random-algorithm names no SecureRandom algorithm that a JDK provides on the systems Trino runs on (DRBG, NativePRNG, NativePRNGBlocking, NativePRNGNonBlocking, SHA1PRNG, in any case), and Trino refuses the catalog (NoSuchAlgorithmException). Use one of them, or remove the property to keep the JDK's default.`},
		{"timeout schedulers beyond a heap", map[string]string{"pinot.http-client.timeout-concurrency": "2147483644"}, nil,
			"pinot.http-client.timeout-concurrency", "Invalid value for pinot.http-client.timeout-concurrency",
			`The value is above 1000000 for pinot.http-client.timeout-concurrency. Trino's HTTP client makes one scheduler per unit when the catalog loads, and above 1000000 they take much of a coordinator's heap (4000000 exhaust 1GB); an exhausted heap stops the coordinator, with a dynamic CREATE CATALOG too. The default is 4.`},
		{"HTTP timeout just past what airlift rounds", map[string]string{"pinot.http-client.idle-timeout": "9223372036854776833ms"}, nil,
			"pinot.http-client.idle-timeout", "Invalid value for pinot.http-client.idle-timeout",
			`The value is too long for pinot.http-client.idle-timeout: Trino's HTTP client counts it in milliseconds in a 64-bit number.`},
		// Secret references.
		{"another secret provider", map[string]string{"pinot.http-client.log.path": "/logs/${vault:path}"}, nil,
			"pinot.http-client.log.path", "Secret reference Trino cannot resolve",
			`The value of "pinot.http-client.log.path" holds a ${name:...} sequence other than ${ENV:...}, which Trino 483 reads as a reference to a secret provider, and Trino knows only ${ENV:...} (environment variables) unless it is configured with a secrets file. There is no way to escape the sequence: change the value, or refer to an environment variable with ${ENV:NAME}.`},
		{"lower-case env is literal before 454", map[string]string{"pinot.connection-timeout": "${env:T}"}, v(453),
			"pinot.connection-timeout", "Invalid value for pinot.connection-timeout",
			`The value is not a duration. Trino reads a number and a unit of ns, us, ms, s, m, h or d (lower case), such as "1m", for pinot.connection-timeout.`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ps := checkSplit(tt.props, true, tt.version).Errors()
			if len(ps) != 1 {
				t.Fatalf("got %d errors %v, want 1", len(ps), ps)
			}
			p := ps[0]
			wantInput := InputExtraProperties
			if prop, _ := LookupProperty(tt.key); prop.Sensitive {
				wantInput = InputSecretProperties
			}
			if p.Key != tt.key || p.Summary != tt.summary || p.Detail != tt.detail || p.Input != wantInput {
				t.Errorf("got %q on %q: %q\nwant %q on %q: %q", p.Summary, p.Key, p.Detail, tt.summary, tt.key, tt.detail)
			}
		})
	}
}

func TestValueRulesAccept(t *testing.T) {
	v := func(n int64) *int64 { return &n }
	tests := []struct {
		name    string
		props   map[string]string
		version *int64
	}{
		{"both pushdowns off", map[string]string{"pinot.aggregation-pushdown.enabled": "false", "pinot.count-distinct-pushdown.enabled": "False"}, nil},
		{"timeout at the minimum", map[string]string{"pinot.connection-timeout": "0.25m"}, nil},
		{"an env reference is not type-checked", map[string]string{"pinot.connection-timeout": "${ENV:PINOT_TIMEOUT}"}, nil},
		{"a lower-case env reference from 454", map[string]string{"pinot.segments-per-split": "${env:SPLITS}"}, v(454)},
		{"another provider's text is literal before 454", map[string]string{"pinot.http-client.log.path": "${vault:x}"}, v(453)},
		{"metadata expiry of 1ns from 481", map[string]string{"pinot.metadata-expiry": "1ns"}, v(481)},
		{"metadata expiry rounding up to 1ms", map[string]string{"pinot.metadata-expiry": "0.5ms"}, v(476)},
		{"heap memory at 8MB from 476", map[string]string{"pinot.http-client.max-heap-memory": "8MB"}, v(476)},
		{"content length in kB divisible by 4", map[string]string{"pinot.http-client.max-content-length": "4100kB"}, nil},
		{"enum with a dash and in lower case", map[string]string{"pinot.grpc.tls.truststore-type": "pkcs12"}, nil},
		{"Unicode digits", map[string]string{"pinot.fetch-retry-count": "١٢"}, nil},
		{"thread pool with room", map[string]string{"pinot.http-client.max-threads": "12"}, nil},
		{"legacy name alone", map[string]string{"pinot.http-client.max-content-length": "16MB"}, v(476)},
		// airlift compares the rounded milliseconds with 2^63 as a double: Long.MAX_VALUE loads.
		{"HTTP timeout of Long.MAX_VALUE milliseconds", map[string]string{"pinot.http-client.connect-timeout": "9223372036854775807ms"}, nil},
		{"HTTP timeout of 106751991167 days", map[string]string{"pinot.http-client.idle-timeout": "106751991167d"}, nil},
		{"HTTP client trust store without its password", map[string]string{"pinot.http-client.trust-store-path": "/etc/ts.p12"}, nil},
		{"SecureRandom algorithm in another case", map[string]string{"pinot.http-client.secure-random-algorithm": "nativeprngnonblocking"}, nil},
		{"a million timeout schedulers", map[string]string{"pinot.http-client.timeout-concurrency": "1000000"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if ps := checkSplit(tt.props, true, tt.version); ps.HasError() {
				t.Errorf("unexpected errors: %v", ps)
			}
		})
	}
}

func TestValueWarnings(t *testing.T) {
	tests := []struct {
		name    string
		props   map[string]string
		summary string
		detail  string
	}{
		{"unknown TLS provider", map[string]string{"pinot.grpc.tls.ssl-provider": "BORINGSSL"}, "Unknown TLS provider",
			`The value is not one of the providers gRPC knows (JDK, OPENSSL, OPENSSL_REFCNT). Trino loads the catalog, but its first query over TLS fails.`},
		{"old name", map[string]string{"pinot.http-client.read-timeout": "1m"}, "Old property name",
			`"pinot.http-client.read-timeout" is the old name of "pinot.http-client.idle-timeout". Trino still reads it; use "pinot.http-client.idle-timeout".`},
		{"many timeout schedulers", map[string]string{"pinot.http-client.timeout-concurrency": "1025"}, "Many HTTP client timeout schedulers",
			`pinot.http-client.timeout-concurrency is above 1024: Trino's HTTP client creates that many schedulers on every node when the catalog loads, each taking heap (4000000 exhaust 1GB). The default is 4; a few per CPU are plenty.`},
		{"threads on a large node", map[string]string{"pinot.http-client.max-threads": "16", "pinot.http-client.selector-count": "14"}, "HTTP client threads may not suffice",
			`Trino's HTTP client reserves one thread per CPU (at most max-threads / 8) beside its 14 selector threads and needs one more. On a Trino node with 2 or more CPUs, pinot.http-client.max-threads = 16 is too few and Trino refuses to start the client.`},
		// Jetty needs selectors + min(CPUs, max-threads / 8) < max-threads: a 2-CPU node refuses it.
		{"selectors two below the threads", map[string]string{"pinot.http-client.selector-count": "198"}, "HTTP client threads may not suffice",
			`Trino's HTTP client reserves one thread per CPU (at most max-threads / 8) beside its 198 selector threads and needs one more. On a Trino node with 2 or more CPUs, pinot.http-client.max-threads = 200 is too few and Trino refuses to start the client.`},
		{"selectors 25 below the threads", map[string]string{"pinot.http-client.selector-count": "175"}, "HTTP client threads may not suffice",
			`Trino's HTTP client reserves one thread per CPU (at most max-threads / 8) beside its 175 selector threads and needs one more. On a Trino node with 25 or more CPUs, pinot.http-client.max-threads = 200 is too few and Trino refuses to start the client.`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ps := checkSplit(tt.props, true, nil)
			if ps.HasError() || len(ps) != 1 || ps[0].Summary != tt.summary || ps[0].Detail != tt.detail {
				t.Errorf("got %v\nwant the warning %q: %q", ps, tt.summary, tt.detail)
			}
		})
	}
}

func TestPropertyTable(t *testing.T) {
	seen := map[string]bool{}
	for _, p := range Properties() {
		if seen[p.Name] {
			t.Errorf("%s is listed twice", p.Name)
		}
		seen[p.Name] = true
		if managedBy[p.Name] != "" {
			t.Errorf("%s is both managed and settable", p.Name)
		}
		if p.Type == TypeEnum && len(p.Enum) == 0 {
			t.Errorf("%s is an enum without constants", p.Name)
		}
		if p.LegacyOf != "" && propertyByName[p.LegacyOf] == nil {
			t.Errorf("%s is the old name of an unknown %s", p.Name, p.LegacyOf)
		}
		for _, b := range []Bounds{p.Bounds, p.BoundsIn(0)} {
			for _, s := range []string{b.MinDataSize, b.MaxDataSize} {
				if s != "" {
					mustDataSize(s)
				}
			}
			if b.MinDuration != "" {
				if _, ok := ParseDuration(b.MinDuration); !ok {
					t.Errorf("%s: bad bound %q", p.Name, b.MinDuration)
				}
			}
		}
		if p.Default != "" && p.DefunctIn == 0 {
			if ps := checkSplit(map[string]string{p.Name: p.Default}, true, nil); ps.HasError() && p.LegacyOf == "" {
				t.Errorf("%s: its own default %q is refused: %v", p.Name, p.Default, ps)
			}
		}
	}
}

// Before Terraform knows a value, only its key is judged.
func TestCheckExtraPropertiesWithUnknownValues(t *testing.T) {
	props := map[string]string{"pinot.connection-timeout": "", "pinot.conection-timeout": "", "pinot.grpc.tls.keystore-path": "/k"}
	unknown := map[string]bool{"pinot.connection-timeout": true, "pinot.conection-timeout": true}
	ps := CheckProperties(PropertyInputs{Extra: props, Unknown: unknown}, true, nil)
	secrets := map[string]string{}
	if len(ps) != 2 || ps[0].Key != "pinot.conection-timeout" || ps[0].Summary != unknownPropertySummary ||
		ps[1].Key != "pinot.grpc.tls.keystore-path" || ps[1].Summary != "TLS keystore without a password" {
		t.Errorf("got %v", ps)
	}
	secrets["pinot.grpc.tls.keystore-password"] = ""
	unknown["pinot.grpc.tls.keystore-password"] = true
	if ps := CheckProperties(PropertyInputs{Extra: props, Secret: secrets, Unknown: unknown}, true, nil); len(ps) != 1 {
		t.Errorf("an unknown password still counts as set: %v", ps)
	}
}

// Secrets live in secret_properties: a security-sensitive key in extra_properties and a key in both
// are errors on the input at fault; any property may be kept secret.
func TestSecretProperties(t *testing.T) {
	tests := []struct {
		name    string
		in      PropertyInputs
		input   Input
		key     string
		summary string
		detail  string
	}{
		{"secret in extra_properties", PropertyInputs{Extra: map[string]string{"pinot.grpc.tls.keystore-password": "s3cret!"}}, InputExtraProperties,
			"pinot.grpc.tls.keystore-password", "Secret in extra_properties",
			`extra_properties["pinot.grpc.tls.keystore-password"] is security-sensitive. Set it in secret_properties, which Terraform keeps out of plan output and marks sensitive in state; env_properties refers to it as ${ENV:...} either way.`},
		{"in both", PropertyInputs{Extra: map[string]string{"pinot.http-client.key-store-password": "a"}, Secret: map[string]string{"pinot.http-client.key-store-password": "a"}}, InputSecretProperties,
			"pinot.http-client.key-store-password", "Property set twice",
			`"pinot.http-client.key-store-password" is set in both extra_properties and secret_properties. Keep it in secret_properties only.`},
		{"managed password in secret_properties", PropertyInputs{Secret: map[string]string{"pinot.broker.authentication.password": "p"}}, InputSecretProperties,
			"pinot.broker.authentication.password", "Property managed by the provider",
			`"pinot.broker.authentication.password" is set by api_token, not by secret_properties. Remove it from secret_properties.`},
		{"a secret's value is never quoted", PropertyInputs{Secret: map[string]string{"pinot.grpc.tls.keystore-password": "KS_${vault:abc}"}}, InputSecretProperties,
			"pinot.grpc.tls.keystore-password", "Secret reference inside a secret value",
			`The value of "pinot.grpc.tls.keystore-password" holds "${" but is not one ${ENV:NAME} reference alone. env would pass that text to Trino through a variable, where it stays literal, while properties has Trino resolve it, so the two routes would give Trino different values. Give the secret itself, or exactly one ${ENV:NAME} reference, which every output then keeps as a reference.`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ps := CheckProperties(tt.in, true, nil).Errors()
			found := false
			for _, p := range ps {
				if p.Key == tt.key && p.Summary == tt.summary {
					found = true
					if p.Input != tt.input || p.Detail != tt.detail {
						t.Errorf("got %q on %s: %q\nwant %q on %s: %q", p.Summary, p.Input, p.Detail, tt.summary, tt.input, tt.detail)
					}
				}
			}
			if !found {
				t.Errorf("got %v, want %q on %q", ps, tt.summary, tt.key)
			}
		})
	}
}

// The error on a secret in extra_properties goes on the object: Terraform would print the entry's
// line, literal included. Any property may go in secret_properties.
func TestSecretPlacement(t *testing.T) {
	ps := CheckProperties(PropertyInputs{Extra: map[string]string{"pinot.http-client.key-store-password": "KsPw-123"}}, true, nil)
	if len(ps) != 1 || !ps[0].OnObject || ps[0].Summary != "Secret in extra_properties" {
		t.Errorf("got %v", ps)
	}
	ps = CheckProperties(PropertyInputs{Secret: map[string]string{"pinot.http-client.http-proxy.user": "proxy-user", "pinot.connection-timeout": "1m"}}, true, nil)
	if len(ps) != 0 {
		t.Errorf("plain properties in secret_properties: %v", ps)
	}
}

// A huge unknown key is named by its first bytes only, and no near name is searched for it.
func TestHugeUnknownKeys(t *testing.T) {
	key := "pinot.conection-timeout" + strings.Repeat("x", 1<<20)
	ps := CheckExtraProperties(map[string]string{key: "1m"}, true, nil)
	if len(ps) != 1 || ps[0].Key != key {
		t.Fatalf("got %d problems", len(ps))
	}
	want := strconv.Quote(key[:100]) + `... (1048599 bytes in all) is not a property of Trino's Pinot connector in Trino 483 (the newest release the provider knows, since trino_version is not set; set it to the release you run), and Trino refuses to load a catalog with a property it does not use. See the provider documentation for the known property names.`
	if ps[0].Detail != want {
		t.Errorf("detail = %.300q", ps[0].Detail)
	}
	if got := quotedKey("pinot." + strings.Repeat("é", 200)); !strings.HasSuffix(got, `... (406 bytes in all)`) || !utf8.ValidString(got) {
		t.Errorf("quotedKey cut a character: %q", got)
	}
}
