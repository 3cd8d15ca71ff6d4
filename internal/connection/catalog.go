package connection

import (
	"maps"
	"slices"
	"strconv"
	"strings"
)

// Connection is everything computed from Settings.
type Connection struct {
	// Credentials is nil without a token (possible only without TLS).
	Credentials *Credentials
	Endpoints
	// Properties is the catalog file with every value inline.
	Properties string
	// EnvProperties is the catalog with ${ENV:...} references in place of every secret.
	EnvProperties string
	// CreateCatalogSQL is the CREATE CATALOG statement of the same catalog, with the same ${ENV:...}
	// references as EnvProperties.
	CreateCatalogSQL string
	// Entries are the catalog's keys and values, unescaped, in the order the catalog writes them.
	Entries []Entry
}

// Entry is one property of the catalog.
type Entry struct {
	Key, Value string
	// EnvVar is the variable EnvProperties refers to in place of a secret value, or "".
	EnvVar string
}

// PropertiesMap returns the catalog's keys and values as a map: what Trino reads from Properties.
func (c Connection) PropertiesMap() map[string]string {
	return c.entriesMap(false)
}

// EnvPropertiesMap returns EnvProperties' keys and values as a map: each secret as its ${ENV:...}
// reference.
func (c Connection) EnvPropertiesMap() map[string]string {
	return c.entriesMap(true)
}

// entriesMap is the catalog as a map, each secret inline or, with references, as its reference.
func (c Connection) entriesMap(references bool) map[string]string {
	if c.Entries == nil {
		return nil
	}
	m := make(map[string]string, len(c.Entries))
	for _, e := range c.Entries {
		m[e.Key] = e.value(references)
	}
	return m
}

// value is the entry's value, or with references its ${ENV:...} reference when it has one.
func (e Entry) value(references bool) string {
	if references && e.EnvVar != "" {
		return "${ENV:" + e.EnvVar + "}"
	}
	return e.Value
}

// Env returns the variables EnvProperties refers to, name to value; nil when there are none.
func (c Connection) Env() map[string]string {
	var m map[string]string
	for _, e := range c.Entries {
		if e.EnvVar != "" {
			if m == nil {
				m = make(map[string]string, 2)
			}
			m[e.EnvVar] = e.Value
		}
	}
	return m
}

// The catalog's most common values, as constants, so that the usual catalog builds none of them.
const (
	// defaultGRPCPort is DefaultGRPCPort as the catalog writes it.
	defaultGRPCPort    = "8096"
	defaultUserVar     = DefaultEnvVarPrefix + "_USERNAME"
	defaultPasswordVar = DefaultEnvVarPrefix + "_PASSWORD"
)

func render(s Settings, creds *Credentials, e Endpoints) Connection {
	entries := catalogEntries(s, creds, e)
	inline, withReferences := writeCatalogs(entries)
	return Connection{
		Credentials:      creds,
		Endpoints:        e,
		Properties:       inline,
		EnvProperties:    withReferences,
		CreateCatalogSQL: createCatalog(s.CatalogName, "pinot", entries, true),
		Entries:          entries,
	}
}

// catalogEntries lists the catalog's properties in its order: the managed keys, the six
// authentication lines when there is a token, then extra_properties and secret_properties sorted
// by key; each secret names the variable env_properties refers to instead.
func catalogEntries(s Settings, creds *Credentials, e Endpoints) []Entry {
	plainText := "false"
	if !s.TLSEnabled {
		plainText = "true"
	}
	port := defaultGRPCPort
	if s.GRPCPort != DefaultGRPCPort {
		port = strconv.FormatInt(s.GRPCPort, 10)
	}
	props := catalogProperties(s)
	entries := make([]Entry, 0, 12+len(props))
	entries = append(entries,
		Entry{Key: KeyConnectorName, Value: "pinot"},
		Entry{Key: KeyControllerURLs, Value: e.ControllerURL},
		Entry{Key: KeyGRPCPort, Value: port},
		Entry{Key: KeyProxyEnabled, Value: "true"},
		Entry{Key: KeyGRPCProxyURI, Value: e.GRPCProxyURI},
		Entry{Key: KeyGRPCUsePlainText, Value: plainText},
	)
	if creds != nil {
		userVar, passwordVar := defaultUserVar, defaultPasswordVar
		if s.EnvVarPrefix != DefaultEnvVarPrefix {
			// s.EnvVarPrefix is the prefix used: Compute resolves it first.
			userVar, passwordVar = s.EnvVarPrefix+"_USERNAME", s.EnvVarPrefix+"_PASSWORD"
		}
		entries = append(entries,
			Entry{Key: KeyControllerAuthType, Value: "PASSWORD"},
			Entry{Key: KeyControllerAuthUser, Value: creds.Username, EnvVar: userVar},
			Entry{Key: KeyControllerAuthPassword, Value: creds.Password, EnvVar: passwordVar},
			Entry{Key: KeyBrokerAuthType, Value: "PASSWORD"},
			Entry{Key: KeyBrokerAuthUser, Value: creds.Username, EnvVar: userVar},
			Entry{Key: KeyBrokerAuthPassword, Value: creds.Password, EnvVar: passwordVar},
		)
	}
	for _, k := range sortedKeys(props) {
		entries = append(entries, Entry{Key: k, Value: props[k], EnvVar: envVarOf(s, k, props[k])})
	}
	return entries
}

// writeCatalogs writes the catalog twice, with the values inline and with ${ENV:...} references
// in place of the secrets, into one buffer: each output is a part of one string.
func writeCatalogs(entries []Entry) (inline, withReferences string) {
	size := 0
	for _, entry := range entries {
		size += 2*(len(entry.Key)+len(entry.Value)+2) + len(entry.EnvVar) + 8
	}
	var b strings.Builder
	b.Grow(size + size/8)
	for _, entry := range entries {
		WriteProperty(&b, entry.Key, entry.Value)
	}
	inlineEnd := b.Len()
	for _, entry := range entries {
		if entry.EnvVar == "" {
			WriteProperty(&b, entry.Key, entry.Value)
			continue
		}
		writeEscaped(&b, entry.Key, true)
		b.WriteString("=${ENV:")
		b.WriteString(entry.EnvVar)
		b.WriteString("}\n")
	}
	both := b.String()
	return both[:inlineEnd], both[inlineEnd:]
}

// catalogProperties are extra_properties and secret_properties in one map, as the catalog holds
// them (the rules have made sure no key is in both).
func catalogProperties(s Settings) map[string]string {
	return mergedProperties(s.ExtraProperties, s.SecretProperties)
}

// mergedProperties is extra and secret in one map; extra itself when there is no secret.
func mergedProperties(extra, secret map[string]string) map[string]string {
	if len(secret) == 0 {
		return extra
	}
	m := make(map[string]string, len(extra)+len(secret))
	maps.Copy(m, extra)
	maps.Copy(m, secret)
	return m
}

// sortedKeys returns the keys of m in code point order, in one allocation (none for an empty map,
// the common case); slices.Sorted(maps.Keys(m)) makes several, even for an empty map.
func sortedKeys(m map[string]string) []string {
	if len(m) == 0 {
		return nil
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
