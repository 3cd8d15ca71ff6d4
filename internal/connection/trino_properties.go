package connection

import (
	"maps"
	"slices"
)

// The property names of Trino's Pinot connector, read from Trino's source at release 482
// (plugin/trino-pinot: PinotConfig, PinotGrpcServerQueryClientConfig,
// PinotGrpcServerQueryClientTlsConfig, PinotAuthenticationTypeConfig, the two inline password
// authentication configs, and PinotConfig's @DefunctConfig list). The release each name arrived in
// or was removed in comes from the same source's history. Trino refuses to load a catalog that sets
// a property it does not use, so these lists decide what extra_properties may hold.

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

// grpcTLSPrefix starts the properties Trino binds only when pinot.grpc.use-plain-text is false.
const grpcTLSPrefix = "pinot.grpc.tls."

// managedBy names, for each managed key, the inputs that set it, for the error that refuses the key
// in extra_properties.
var managedBy = map[string]string{
	KeyConnectorName:          "the provider (it is always \"pinot\")",
	KeyControllerURLs:         "cluster, environment, domain and tls_enabled",
	KeyGRPCPort:               "grpc_port",
	KeyProxyEnabled:           "the provider (the StarTree proxy is always enabled)",
	KeyGRPCProxyURI:           "cluster, environment, domain and tls_enabled",
	KeyGRPCUsePlainText:       "tls_enabled",
	KeyControllerAuthType:     "api_token",
	KeyControllerAuthUser:     "api_token",
	KeyControllerAuthPassword: "api_token",
	KeyBrokerAuthType:         "api_token",
	KeyBrokerAuthUser:         "api_token",
	KeyBrokerAuthPassword:     "api_token",
}

// knownProperty describes a Pinot connector property that extra_properties may set.
type knownProperty struct {
	// addedIn is the first Trino release with the property; 0 when it predates release 400.
	addedIn int64
	// sensitive marks Trino's @ConfigSecuritySensitive properties: env_properties moves their
	// values into env.
	sensitive bool
}

// knownProperties are the connector's properties other than the managed ones.
var knownProperties = map[string]knownProperty{
	// PinotConfig
	"pinot.broker-url":                             {addedIn: 447},
	"pinot.connection-timeout":                     {},
	"pinot.metadata-expiry":                        {},
	"pinot.prefer-broker-queries":                  {},
	"pinot.forbid-segment-queries":                 {},
	"pinot.segments-per-split":                     {},
	"pinot.fetch-retry-count":                      {},
	"pinot.non-aggregate-limit-for-broker-queries": {},
	"pinot.max-rows-for-broker-queries":            {},
	"pinot.aggregation-pushdown.enabled":           {},
	"pinot.count-distinct-pushdown.enabled":        {},
	"pinot.target-segment-page-size":               {},
	// PinotGrpcServerQueryClientConfig
	"pinot.max-rows-per-split-for-segment-queries": {},
	"pinot.grpc.max-inbound-message-size":          {},
	// PinotGrpcServerQueryClientTlsConfig
	"pinot.grpc.tls.keystore-type":       {},
	"pinot.grpc.tls.keystore-path":       {},
	"pinot.grpc.tls.keystore-password":   {sensitive: true},
	"pinot.grpc.tls.truststore-type":     {},
	"pinot.grpc.tls.truststore-path":     {},
	"pinot.grpc.tls.truststore-password": {sensitive: true},
	"pinot.grpc.tls.ssl-provider":        {},
}

// removedProperties are PinotConfig's @DefunctConfig names, with the Trino release that removed
// each one (0 when it was removed before release 400). Setting one stops the catalog.
var removedProperties = map[string]int64{
	"pinot.thread-pool-size":                               0,
	"pinot.idle-timeout":                                   0,
	"pinot.max-backlog-per-server":                         0,
	"pinot.max-connections-per-server":                     0,
	"pinot.min-connections-per-server":                     0,
	"pinot.request-timeout":                                0,
	"pinot.estimated-size-in-bytes-for-non-numeric-column": 449,
	"pinot.grpc.enabled":                                   449,
}

// IsSensitiveProperty reports whether Trino marks the property security-sensitive.
func IsSensitiveProperty(key string) bool {
	return knownProperties[key].sensitive || key == KeyControllerAuthPassword || key == KeyBrokerAuthPassword
}

// KnownPropertyNames returns the names extra_properties may set, sorted, for documentation.
func KnownPropertyNames() []string {
	return slices.Sorted(maps.Keys(knownProperties))
}

// ManagedPropertyNames returns the keys the provider sets itself, in catalog order.
func ManagedPropertyNames() []string {
	return []string{
		KeyConnectorName, KeyControllerURLs, KeyGRPCPort, KeyProxyEnabled, KeyGRPCProxyURI, KeyGRPCUsePlainText,
		KeyControllerAuthType, KeyControllerAuthUser, KeyControllerAuthPassword,
		KeyBrokerAuthType, KeyBrokerAuthUser, KeyBrokerAuthPassword,
	}
}

// RemovedPropertyNames returns the names Trino has removed, sorted, for documentation.
func RemovedPropertyNames() []string {
	return slices.Sorted(maps.Keys(removedProperties))
}
