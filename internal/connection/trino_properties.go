package connection

import (
	"slices"
	"strings"
)

// The properties of Trino's Pinot connector, read from Trino's and airlift's sources (PinotConfig,
// the gRPC and TLS client configs, the authentication configs, airlift's HttpClientConfig bound
// under the prefix "pinot", and airlift's BootstrapConfig) and checked against the names the real
// connector binds in every release the Trino judge in tools/judge runs. Trino refuses to load a
// catalog that sets a property it does not use, a defunct one, or a value it cannot read, so this
// table decides what extra_properties may hold, and it is the table the docs print.

// The Trino releases the provider knows.
const (
	// MinTrinoVersion is the oldest release with the Pinot proxy properties.
	MinTrinoVersion = 400
	// NewestKnownTrinoRelease is the newest release whose property names the provider knows. A
	// trino_version above it turns an unknown key from an error into a warning.
	NewestKnownTrinoRelease = 483
)

// Managed catalog keys, in the order the catalog writes them.
const (
	KeyConnectorName          = "connector.name"
	KeyControllerURLs         = "pinot.controller-urls"
	KeyGRPCPort               = "pinot.grpc.port"
	KeyProxyEnabled           = "pinot.proxy.enabled"
	KeyGRPCProxyURI           = "pinot.grpc.proxy-uri"
	KeyGRPCUsePlainText       = "pinot.grpc.use-plain-text"
	KeyControllerAuthType     = "pinot.controller.authentication.type"
	KeyControllerAuthUser     = "pinot.controller.authentication.user"
	KeyControllerAuthPassword = "pinot.controller.authentication.password"
	KeyBrokerAuthType         = "pinot.broker.authentication.type"
	KeyBrokerAuthUser         = "pinot.broker.authentication.user"
	KeyBrokerAuthPassword     = "pinot.broker.authentication.password"
)

// managedKeys are the keys the provider sets itself, in the order the catalog writes them, each
// with the inputs that set it, for the error that refuses the key in extra_properties.
var managedKeys = []struct{ key, setBy string }{
	{KeyConnectorName, "the provider (it is always \"pinot\")"},
	{KeyControllerURLs, "cluster, environment, domain and tls_enabled"},
	{KeyGRPCPort, "grpc_port"},
	{KeyProxyEnabled, "the provider (the StarTree proxy is always enabled)"},
	{KeyGRPCProxyURI, "cluster, environment, domain and tls_enabled"},
	{KeyGRPCUsePlainText, "tls_enabled"},
	{KeyControllerAuthType, "api_token"},
	{KeyControllerAuthUser, "api_token"},
	{KeyControllerAuthPassword, "api_token"},
	{KeyBrokerAuthType, "api_token"},
	{KeyBrokerAuthUser, "api_token"},
	{KeyBrokerAuthPassword, "api_token"},
}

// managedBy is managedKeys as a map.
var managedBy = func() map[string]string {
	m := make(map[string]string, len(managedKeys))
	for _, k := range managedKeys {
		m[k.key] = k.setBy
	}
	return m
}()

// ValueType is how Trino reads a property's value.
type ValueType int

// The value types of the connector's properties.
const (
	TypeString ValueType = iota
	TypeBoolean
	TypeInt
	TypeDuration
	TypeDataSize
	TypeEnum
	TypeHostAndPort
	// TypeFile is a path that Trino requires to exist on its nodes.
	TypeFile
)

// String names the type as the docs do.
func (t ValueType) String() string {
	return [...]string{"string", "boolean", "integer", "duration", "data size", "enum", "host:port", "file path"}[t]
}

// Property is one property of the connector that extra_properties may set.
type Property struct {
	Name string
	Type ValueType
	// Enum lists the constants of an enum property.
	Enum []string
	// Default is Trino's default, as the docs show it ("" for none).
	Default string
	// Since is the first release with the name (0: before the provider's oldest, 400).
	Since int64
	// DefunctIn is the release that made the name defunct (0: never). Setting a defunct property
	// stops the catalog.
	DefunctIn int64
	// LegacyOf names the property this one is an old name of, from LegacyIn on (0: always).
	LegacyOf string
	LegacyIn int64
	// Sensitive marks Trino's @ConfigSecuritySensitive properties: env_properties moves their
	// values into env.
	Sensitive bool
	// TLSOnly marks the gRPC TLS properties, bound only with pinot.grpc.use-plain-text=false.
	TLSOnly bool
	// Bounds are the value's constraints; OldBounds replace them before release OldBoundsUntil.
	Bounds         Bounds
	OldBounds      *Bounds
	OldBoundsUntil int64
}

// Bounds are the constraints of one value, inclusive, as Trino states them.
type Bounds struct {
	// MinDuration is a @MinDuration, such as "15s".
	MinDuration string
	// PositiveDuration: the duration must be above zero once Trino converts it (see
	// metadataExpiryProblem).
	PositiveDuration bool
	// MinInt is a @Min (or "greater than zero" as 1); nil for none.
	MinInt *int32
	// MinDataSize and MaxDataSize are @MinDataSize and @MaxDataSize, such as "32MB".
	MinDataSize, MaxDataSize string
	// MillisFit: Trino rounds the duration to milliseconds in a 64-bit number when it builds the
	// HTTP client, from release MillisFitSince up to (not including) MillisFitUntil (0: still).
	MillisFit                      bool
	MillisFitSince, MillisFitUntil int64
	// MaxInt is one above the largest value the JVM can hold (an array of that many entries, or
	// that many objects), or 0; MaxIntReason says why, when it is not an array's length.
	MaxInt       int32
	MaxIntReason string
}

// BoundsIn returns the property's constraints in the release.
func (p Property) BoundsIn(release int64) Bounds {
	if p.OldBounds != nil && release < p.OldBoundsUntil {
		return *p.OldBounds
	}
	return p.Bounds
}

// In reports whether the property exists in the release.
func (p Property) In(release int64) bool {
	return release >= p.Since && (p.DefunctIn == 0 || release < p.DefunctIn)
}

// IsLegacyIn reports whether the name is an old name of another property in the release.
func (p Property) IsLegacyIn(release int64) bool {
	return p.LegacyOf != "" && release >= p.LegacyIn
}

func minInt(v int32) *int32 { return &v }

// maxJavaArray is one above the longest array a JVM allocates: the HTTP client sizes arrays by
// selector-count and timeout-concurrency.
const maxJavaArray = 2147483645

// maxTimeoutConcurrency bounds pinot.http-client.timeout-concurrency: the HTTP client makes one
// scheduler per unit when the catalog loads. Measured with the judge on a 1 GB heap: 1000000 load
// in seconds, 4000000 exhaust the heap after minutes of collection, and a coordinator run with
// Trino's -XX:+ExitOnOutOfMemoryError then exits, from a dynamic CREATE CATALOG too.
const maxTimeoutConcurrency = 1000000

// timeoutConcurrencyWarning is the value above which timeout-concurrency draws a warning.
const timeoutConcurrencyWarning = 1024

const timeoutConcurrencyReason = "Trino's HTTP client makes one scheduler per unit when the catalog loads, and above 1000000 they take much of a coordinator's heap (4000000 exhaust 1GB); an exhausted heap stops the coordinator, with a dynamic CREATE CATALOG too. The default is 4."

var (
	atLeastOne = Bounds{MinInt: minInt(1)}
	arrayCount = Bounds{MinInt: minInt(1), MaxInt: maxJavaArray}
	httpMillis = Bounds{MillisFit: true}
	upTo32MB   = Bounds{MaxDataSize: "32MB"}
	storeTypes = []string{"JKS", "PKCS12"}
)

// properties is every property extra_properties may name, in the docs' order. Releases come from
// Trino's and airlift's history (pinot.http-client names follow the airlift release each Trino
// release uses).
var properties = []Property{
	// PinotConfig
	{Name: "pinot.broker-url", Type: TypeHostAndPort, Since: 447},
	{Name: "pinot.connection-timeout", Type: TypeDuration, Default: "1m", Bounds: Bounds{MinDuration: "15s"}},
	{Name: "pinot.metadata-expiry", Type: TypeDuration, Default: "2m", Bounds: Bounds{PositiveDuration: true}},
	{Name: "pinot.prefer-broker-queries", Type: TypeBoolean, Default: "false"},
	{Name: "pinot.forbid-segment-queries", Type: TypeBoolean, Default: "false"},
	{Name: "pinot.segments-per-split", Type: TypeInt, Default: "1", Bounds: atLeastOne},
	{Name: "pinot.fetch-retry-count", Type: TypeInt, Default: "2"},
	{Name: "pinot.non-aggregate-limit-for-broker-queries", Type: TypeInt, Default: "25000"},
	{Name: "pinot.max-rows-for-broker-queries", Type: TypeInt, Default: "50000"},
	{Name: "pinot.aggregation-pushdown.enabled", Type: TypeBoolean, Default: "true"},
	{Name: "pinot.count-distinct-pushdown.enabled", Type: TypeBoolean, Default: "true"},
	{Name: "pinot.target-segment-page-size", Type: TypeDataSize, Default: "1MB"},
	{Name: "pinot.grpc.enabled", Type: TypeBoolean, Default: "true", DefunctIn: 449},
	{Name: "pinot.estimated-size-in-bytes-for-non-numeric-column", Type: TypeInt, DefunctIn: 449},
	{Name: "pinot.thread-pool-size", DefunctIn: MinTrinoVersion},
	{Name: "pinot.idle-timeout", DefunctIn: MinTrinoVersion},
	{Name: "pinot.max-backlog-per-server", DefunctIn: MinTrinoVersion},
	{Name: "pinot.max-connections-per-server", DefunctIn: MinTrinoVersion},
	{Name: "pinot.min-connections-per-server", DefunctIn: MinTrinoVersion},
	{Name: "pinot.request-timeout", DefunctIn: MinTrinoVersion},
	// PinotGrpcServerQueryClientConfig
	{Name: "pinot.max-rows-per-split-for-segment-queries", Type: TypeInt, Default: "2147483646"},
	{Name: "pinot.grpc.max-inbound-message-size", Type: TypeDataSize, Default: "128MB"},
	// PinotGrpcServerQueryClientTlsConfig
	{Name: "pinot.grpc.tls.keystore-type", Type: TypeEnum, Enum: storeTypes, Default: "JKS", TLSOnly: true},
	{Name: "pinot.grpc.tls.keystore-path", Type: TypeFile, TLSOnly: true},
	{Name: "pinot.grpc.tls.keystore-password", Sensitive: true, TLSOnly: true},
	{Name: "pinot.grpc.tls.truststore-type", Type: TypeEnum, Enum: storeTypes, Default: "JKS", TLSOnly: true},
	{Name: "pinot.grpc.tls.truststore-path", Type: TypeFile, TLSOnly: true},
	{Name: "pinot.grpc.tls.truststore-password", Sensitive: true, TLSOnly: true},
	{Name: "pinot.grpc.tls.ssl-provider", Default: "JDK", TLSOnly: true},
	// airlift's HttpClientConfig, with the connector's defaults
	{Name: "pinot.http-client.connect-timeout", Type: TypeDuration, Default: "300s", Bounds: httpMillis},
	{Name: "pinot.http-client.request-timeout", Type: TypeDuration, Default: "300s", Bounds: Bounds{MillisFit: true, MillisFitUntil: 470}},
	{Name: "pinot.http-client.idle-timeout", Type: TypeDuration, Default: "300s", Bounds: httpMillis},
	{Name: "pinot.http-client.read-timeout", Type: TypeDuration, LegacyOf: "pinot.http-client.idle-timeout", Bounds: httpMillis},
	{Name: "pinot.http-client.destination-idle-timeout", Type: TypeDuration, Default: "1m", Since: 454, Bounds: httpMillis},
	{Name: "pinot.http-client.keep-alive-interval", Type: TypeDuration, DefunctIn: 447},
	{Name: "pinot.http-client.max-connections", Type: TypeInt, DefunctIn: 440, Bounds: atLeastOne},
	{Name: "pinot.http-client.max-connections-per-server", Type: TypeInt, Default: "250", Bounds: atLeastOne},
	{Name: "pinot.http-client.max-requests-queued-per-destination", Type: TypeInt, Default: "1024", Bounds: atLeastOne},
	{Name: "pinot.http-client.max-response-content-length", Type: TypeDataSize, Default: "32MB", Since: 480},
	{Name: "pinot.http-client.max-content-length", Type: TypeDataSize, Default: "32MB", LegacyOf: "pinot.http-client.max-response-content-length", LegacyIn: 480},
	{Name: "pinot.http-client.request-buffer-size", Type: TypeDataSize, Default: "4kB", Bounds: upTo32MB},
	{Name: "pinot.http-client.response-buffer-size", Type: TypeDataSize, Default: "16kB", Bounds: upTo32MB},
	{Name: "pinot.http-client.max-request-header-size", Type: TypeDataSize, Default: "8kB", Since: 477, Bounds: upTo32MB},
	{Name: "pinot.http-client.max-response-header-size", Type: TypeDataSize, Default: "16kB", Since: 477, Bounds: upTo32MB},
	{Name: "pinot.http-client.max-heap-memory", Type: TypeDataSize, Since: 469, Bounds: Bounds{MinDataSize: "8MB"}, OldBounds: &Bounds{MinDataSize: "16MB"}, OldBoundsUntil: 476},
	{Name: "pinot.http-client.max-direct-memory", Type: TypeDataSize, Since: 469, Bounds: Bounds{MinDataSize: "8MB"}, OldBounds: &Bounds{MinDataSize: "16MB"}, OldBoundsUntil: 476},
	{Name: "pinot.http-client.buffer-pool-type", Type: TypeEnum, Enum: []string{"DEFAULT", "FFM"}, Default: "DEFAULT", Since: 472, DefunctIn: 477},
	{Name: "pinot.http-client.socks-proxy", Type: TypeHostAndPort},
	{Name: "pinot.http-client.http-proxy", Type: TypeHostAndPort},
	{Name: "pinot.http-client.http-proxy.user", Since: 454},
	{Name: "pinot.http-client.http-proxy.password", Since: 454, Sensitive: true},
	{Name: "pinot.http-client.http-proxy.secure", Type: TypeBoolean, Default: "false"},
	{Name: "pinot.http-client.key-store-path", Type: TypeFile},
	{Name: "pinot.http-client.key-store-password", Sensitive: true},
	{Name: "pinot.http-client.trust-store-path", Type: TypeFile},
	{Name: "pinot.http-client.trust-store-password", Sensitive: true},
	{Name: "pinot.http-client.secure-random-algorithm"},
	{Name: "pinot.http-client.https.included-cipher"},
	{Name: "pinot.http-client.https.excluded-cipher"},
	{Name: "pinot.http-client.https.automatic-shared-secret", Sensitive: true},
	{Name: "pinot.http-client.https.hostname-verification", Type: TypeBoolean, Default: "true"},
	{Name: "pinot.http-client.http2.enabled", Type: TypeBoolean, Default: "false"},
	{Name: "pinot.http-client.http2.session-receive-window-size", Type: TypeDataSize, Default: "16MB", Bounds: Bounds{MinDataSize: "1kB", MaxDataSize: "1GB"}},
	{Name: "pinot.http-client.http2.stream-receive-window-size", Type: TypeDataSize, Default: "16MB", Bounds: Bounds{MinDataSize: "1kB", MaxDataSize: "1GB"}},
	{Name: "pinot.http-client.http2.input-buffer-size", Type: TypeDataSize, Default: "8kB", Bounds: Bounds{MinDataSize: "1kB", MaxDataSize: "32MB"}},
	{Name: "pinot.http-client.selector-count", Type: TypeInt, Default: "10", Bounds: arrayCount},
	{Name: "pinot.http-client.record-request-complete", Type: TypeBoolean, Default: "true"},
	{Name: "pinot.http-client.use-blocking-connect", Type: TypeBoolean, Default: "false"},
	{Name: "pinot.http-client.max-threads", Type: TypeInt, Default: "200", Bounds: atLeastOne},
	{Name: "pinot.http-client.min-threads", Type: TypeInt, Default: "8", Bounds: atLeastOne},
	{Name: "pinot.http-client.timeout-threads", Type: TypeInt, Default: "8", Bounds: atLeastOne},
	{Name: "pinot.http-client.timeout-concurrency", Type: TypeInt, Default: "4", Bounds: Bounds{MinInt: minInt(1), MaxInt: maxTimeoutConcurrency + 1, MaxIntReason: timeoutConcurrencyReason}},
	{Name: "pinot.http-client.log.path", Default: "var/log/"},
	{Name: "pinot.http-client.log.enabled", Type: TypeBoolean, Default: "false"},
	{Name: "pinot.http-client.log.max-size", Type: TypeDataSize, Default: "1GB"},
	{Name: "pinot.http-client.log.max-history", Type: TypeInt, Default: "15"},
	{Name: "pinot.http-client.log.queue-size", Type: TypeInt, Default: "10000", Bounds: atLeastOne},
	{Name: "pinot.http-client.log.buffer-size", Type: TypeDataSize, Default: "1MB", Bounds: Bounds{MinDataSize: "1MB", MaxDataSize: "1GB"}},
	{Name: "pinot.http-client.log.flush-interval", Type: TypeDuration, Default: "10s"},
	{Name: "pinot.http-client.log.compression.enabled", Type: TypeBoolean, Default: "true"},
	{Name: "pinot.http-client.tcp-keep-alive-idle-time", Type: TypeDuration, Since: 429},
	{Name: "pinot.http-client.strict-event-ordering", Type: TypeBoolean, Default: "false", Since: 454},
	{Name: "pinot.http-client.use-virtual-threads", Type: TypeBoolean, Default: "false", Since: 475},
	{Name: "pinot.http-client.track-memory-allocations", Type: TypeBoolean, Default: "false", Since: 478},
	{Name: "pinot.http-client.authentication.enabled", DefunctIn: MinTrinoVersion},
	{Name: "pinot.http-client.authentication.krb5.name-type", DefunctIn: MinTrinoVersion},
	{Name: "pinot.http-client.authentication.krb5.principal", DefunctIn: MinTrinoVersion},
	{Name: "pinot.http-client.authentication.krb5.remote-service-name", DefunctIn: MinTrinoVersion},
	{Name: "pinot.http-client.authentication.krb5.service-principal-pattern", DefunctIn: MinTrinoVersion},
	{Name: "pinot.http.authentication.krb5.config", DefunctIn: MinTrinoVersion},
	{Name: "pinot.http.authentication.krb5.credential-cache", DefunctIn: MinTrinoVersion},
	{Name: "pinot.http.authentication.krb5.keytab", DefunctIn: MinTrinoVersion},
	{Name: "pinot.http.authentication.krb5.use-canonical-hostname", DefunctIn: MinTrinoVersion},
	// airlift's BootstrapConfig
	{Name: "bootstrap.quiet", Type: TypeBoolean, Default: "false"},
}

var propertyByName = func() map[string]*Property {
	m := make(map[string]*Property, len(properties))
	for i := range properties {
		m[properties[i].Name] = &properties[i]
	}
	return m
}()

// LookupProperty returns the connector property of that name, if the provider knows it in any
// release.
func LookupProperty(name string) (Property, bool) {
	p, ok := propertyByName[name]
	if !ok {
		return Property{}, false
	}
	return *p, true
}

// Properties returns every property extra_properties may name, in the docs' order.
func Properties() []Property {
	return slices.Clone(properties)
}

// sensitiveWords mark a key the provider cannot know (only with a trino_version newer than it
// knows) as a secret, so that env_properties never shows its value.
var sensitiveWords = []string{"password", "secret", "token"}

// IsSensitiveProperty reports whether the property's value is a secret: Trino marks it
// security-sensitive, or the provider does not know it and its name says password, secret or token.
func IsSensitiveProperty(key string) bool {
	if key == KeyControllerAuthPassword || key == KeyBrokerAuthPassword {
		return true
	}
	if p, ok := propertyByName[key]; ok {
		return p.Sensitive
	}
	if managedBy[key] != "" {
		return false
	}
	lower := strings.ToLower(key)
	for _, w := range sensitiveWords {
		if strings.Contains(lower, w) {
			return true
		}
	}
	return false
}

// KnownPropertyNames returns the names extra_properties may set in the newest known release,
// sorted.
func KnownPropertyNames() []string {
	var names []string
	for _, p := range properties {
		if p.In(NewestKnownTrinoRelease) {
			names = append(names, p.Name)
		}
	}
	slices.Sort(names)
	return names
}

// ManagedPropertyNames returns the keys the provider sets itself, in catalog order.
func ManagedPropertyNames() []string {
	names := make([]string, len(managedKeys))
	for i, k := range managedKeys {
		names[i] = k.key
	}
	return names
}
