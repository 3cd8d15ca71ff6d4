package connection

import (
	"fmt"
	"strings"
)

// CheckCatalog applies the plan-time rules to a whole catalog given as a map, connector.name and
// the managed keys included: what the startree_trino_catalog resource sends to Trino, usually
// env_properties_map of a connection. The managed keys must hold what a catalog of this provider
// holds (or a ${ENV:...} reference); every other key goes through the rules of extra_properties
// and secret_properties, with TLS as pinot.grpc.use-plain-text says. Each problem is on
// InputProperties and its key.
func CheckCatalog(m map[string]string, trinoVersion *int64) Problems {
	var ps Problems
	add := func(key, summary, detail string) {
		ps = append(ps, Problem{Severity: SeverityError, Input: InputProperties, Key: key, Summary: summary, Detail: detail})
	}
	if connector, ok := m[KeyConnectorName]; !ok || connector != "pinot" {
		add(KeyConnectorName, "Not a Pinot catalog",
			"properties must hold connector.name = \"pinot\": this resource manages the catalogs of Trino's Pinot connector that a startree_trino_connection computes. Give it the connection's env_properties_map.")
	}
	for _, k := range []string{KeyControllerURLs, KeyGRPCProxyURI} {
		if m[k] == "" {
			add(k, "Missing "+k, fmt.Sprintf("properties has no %s, which every catalog of this provider holds. Give it the connection's env_properties_map.", k))
		}
	}
	tls := true
	for key, rule := range managedValueRules {
		v, ok := m[key]
		if !ok || IsEnvReference(v) {
			continue
		}
		if msg := rule(v); msg != "" {
			add(key, "Invalid value for "+key, msg)
		}
		if key == KeyGRPCUsePlainText {
			plain, _ := ParseJavaBoolean(v)
			tls = !plain
		}
	}
	if _, ok := m[KeyGRPCUsePlainText]; !ok {
		// The connector's own default is plain text.
		tls = false
	}
	in := PropertyInputs{Extra: map[string]string{}, Secret: map[string]string{}}
	for k, v := range m {
		switch {
		case managedBy[k] != "":
		case IsSensitiveProperty(k):
			in.Secret[k] = v
		default:
			in.Extra[k] = v
		}
	}
	for _, p := range CheckProperties(in, tls, trinoVersion) {
		p.Input = InputProperties
		ps = append(ps, p)
	}
	return ps
}

// managedValueRules check the managed keys' values as the connector reads them.
var managedValueRules = map[string]func(string) string{
	KeyGRPCPort: func(v string) string {
		if n, ok := ParseJavaInt(v); !ok || n < 1 || n > 65535 {
			return "The value is not a TCP port (1 to 65535) for " + KeyGRPCPort + "."
		}
		return ""
	},
	KeyProxyEnabled:     booleanRule(KeyProxyEnabled),
	KeyGRPCUsePlainText: booleanRule(KeyGRPCUsePlainText),
	KeyControllerAuthType: func(v string) string {
		return authTypeRule(KeyControllerAuthType, v)
	},
	KeyBrokerAuthType: func(v string) string {
		return authTypeRule(KeyBrokerAuthType, v)
	},
}

func booleanRule(key string) func(string) string {
	return func(v string) string {
		if _, ok := ParseJavaBoolean(v); !ok {
			return "The value is not a boolean. Trino reads only true or false (in any case) for " + key + "."
		}
		return ""
	}
}

func authTypeRule(key, v string) string {
	if _, ok := ParseJavaEnum(v, []string{"NONE", "PASSWORD"}, true); !ok {
		return "The value is not one of " + strings.Join([]string{"NONE", "PASSWORD"}, ", ") + " (in any case) for " + key + "."
	}
	return ""
}
