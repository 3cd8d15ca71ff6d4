package connection

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// DefaultEnvVarPrefix names the variables of Connection.Env: PINOT_USERNAME and PINOT_PASSWORD.
const DefaultEnvVarPrefix = "PINOT"

// Settings are the inputs of a connection, with the provider block and the environment already
// applied. Start from DefaultSettings so that the defaults are the contract's.
type Settings struct {
	// APIToken is nil when no token was given anywhere.
	APIToken        *string
	Cluster         string
	Environment     string
	Domain          string
	TLSEnabled      bool
	GRPCPort        int64
	TrinoVersion    *int64
	ExtraProperties map[string]string
	EnvVarPrefix    string
}

// DefaultSettings returns Settings with every default of the contract filled in: TLS on, StarTree
// Cloud's gRPC port and the PINOT variable prefix.
func DefaultSettings() Settings {
	return Settings{TLSEnabled: true, GRPCPort: DefaultGRPCPort, EnvVarPrefix: DefaultEnvVarPrefix}
}

// Connection is everything computed from Settings.
type Connection struct {
	// Credentials is nil without a token (possible only without TLS).
	Credentials *Credentials
	Endpoints
	// Properties is the catalog file with every value inline.
	Properties string
	// EnvProperties is the catalog with ${ENV:...} references in place of every secret.
	EnvProperties string
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
	if c.Entries == nil {
		return nil
	}
	m := make(map[string]string, len(c.Entries))
	for _, e := range c.Entries {
		m[e.Key] = e.Value
	}
	return m
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

// Compute checks the settings and, when no rule is broken, computes the connection. Warnings come
// back with a result; errors come back without one.
func Compute(s Settings) (Connection, Problems) {
	var ps Problems
	var creds *Credentials
	switch {
	case s.APIToken != nil:
		c, tokenProblems := ParseToken(*s.APIToken)
		ps = append(ps, tokenProblems...)
		if !tokenProblems.HasError() {
			creds = &c
			if !s.TLSEnabled {
				ps = append(ps, warningf(InputAPIToken, "Credentials sent without TLS",
					"tls_enabled is false, so Trino sends the username and password derived from api_token to the Pinot proxy unencrypted. Enable TLS unless the network between Trino and the cluster is trusted."))
			}
		}
	case s.TLSEnabled:
		ps = append(ps, MissingTokenProblem())
	}
	endpoints, endpointProblems := BuildEndpoints(Coordinates{Cluster: s.Cluster, Environment: s.Environment, Domain: s.Domain}, s.TLSEnabled)
	ps = append(ps, endpointProblems...)
	ps = append(ps, CheckGRPCPort(s.GRPCPort)...)
	if s.TrinoVersion != nil {
		ps = append(ps, CheckTrinoVersion(*s.TrinoVersion)...)
	}
	ps = append(ps, CheckEnvVarPrefix(s.EnvVarPrefix)...)
	ps = append(ps, CheckExtraProperties(s.ExtraProperties, s.TLSEnabled, s.TrinoVersion)...)
	if ps.HasError() {
		return Connection{}, ps
	}
	return render(s, creds, endpoints), ps
}

// The environment variables the provider falls back to when neither the object nor the provider
// block sets a value.
const (
	EnvAPIToken    = "STARTREE_API_TOKEN"
	EnvEnvironment = "STARTREE_ENVIRONMENT"
	EnvDomain      = "STARTREE_DOMAIN"
)

// MissingTokenProblem is the error for TLS without a token from any source.
func MissingTokenProblem() Problem {
	return errorf(InputAPIToken, "Missing StarTree API token",
		"A StarTree API token is required when tls_enabled is true. Set api_token on this object, api_token in the provider block, or the "+EnvAPIToken+" environment variable.")
}

// MissingCoordinateProblem is the error for an environment or domain that no source sets.
func MissingCoordinateProblem(in Input) Problem {
	envVar := map[Input]string{InputEnvironment: EnvEnvironment, InputDomain: EnvDomain}[in]
	return errorf(in, "Missing "+string(in),
		fmt.Sprintf("%s is not set. Set %s on this object, %s in the provider block, or the %s environment variable.", in, in, in, envVar))
}

// CheckEnvVarPrefix applies the rule of env_var_prefix: an uppercase environment variable name.
func CheckEnvVarPrefix(p string) Problems {
	ok := p != "" && 'A' <= p[0] && p[0] <= 'Z'
	for i := 1; ok && i < len(p); i++ {
		c := p[i]
		ok = 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_'
	}
	if !ok {
		return Problems{errorf(InputEnvVarPrefix, "Invalid env_var_prefix",
			fmt.Sprintf("env_var_prefix %q is not an uppercase variable name. Expected an uppercase ASCII letter followed by uppercase letters, digits and underscores (^[A-Z][A-Z0-9_]*$), such as %q.", p, DefaultEnvVarPrefix))}
	}
	return nil
}

// The managed lines whose values never need escaping: fixed text, or host names and numbers that
// the rules have already limited to letters, digits, '.', '-', ':' and '/'.
const (
	lineConnector   = KeyConnectorName + "=pinot\n"
	lineProxy       = KeyProxyEnabled + "=true\n"
	defaultGRPCPort = "8096"
)

func render(s Settings, creds *Credentials, e Endpoints) Connection {
	plainText := "false"
	if !s.TLSEnabled {
		plainText = "true"
	}
	port := defaultGRPCPort
	if s.GRPCPort != DefaultGRPCPort {
		port = strconv.FormatInt(s.GRPCPort, 10)
	}
	userVar, passwordVar := DefaultEnvVarPrefix+"_USERNAME", DefaultEnvVarPrefix+"_PASSWORD"
	if s.EnvVarPrefix != DefaultEnvVarPrefix {
		userVar, passwordVar = s.EnvVarPrefix+"_USERNAME", s.EnvVarPrefix+"_PASSWORD"
	}

	entries := make([]Entry, 0, 12+len(s.ExtraProperties))
	entries = append(entries,
		Entry{Key: KeyConnectorName, Value: "pinot"},
		Entry{Key: KeyControllerURLs, Value: e.ControllerURL},
		Entry{Key: KeyGRPCPort, Value: port},
		Entry{Key: KeyProxyEnabled, Value: "true"},
		Entry{Key: KeyGRPCProxyURI, Value: e.GRPCProxyURI},
		Entry{Key: KeyGRPCUsePlainText, Value: plainText},
	)
	if creds != nil {
		entries = append(entries,
			Entry{Key: KeyControllerAuthType, Value: "PASSWORD"},
			Entry{Key: KeyControllerAuthUser, Value: creds.Username, EnvVar: userVar},
			Entry{Key: KeyControllerAuthPassword, Value: creds.Password, EnvVar: passwordVar},
			Entry{Key: KeyBrokerAuthType, Value: "PASSWORD"},
			Entry{Key: KeyBrokerAuthUser, Value: creds.Username, EnvVar: userVar},
			Entry{Key: KeyBrokerAuthPassword, Value: creds.Password, EnvVar: passwordVar},
		)
	}
	firstExtra := len(entries)
	for _, k := range sortedKeys(s.ExtraProperties) {
		entry := Entry{Key: k, Value: s.ExtraProperties[k]}
		if IsSensitiveProperty(k) {
			entry.EnvVar = s.EnvVarPrefix + "_" + envVarSuffix(k)
		}
		entries = append(entries, entry)
	}

	// Both catalogs go into one buffer and one string; each output is a part of it.
	size := 0
	for _, entry := range entries {
		size += 2*(len(entry.Key)+len(entry.Value)+2) + len(entry.EnvVar) + 8
	}
	var b strings.Builder
	b.Grow(size + size/8)
	// The managed keys are constants and the managed values either need no escaping or, for the
	// credentials, are escaped once for both catalogs.
	plain := func() {
		b.WriteString(lineConnector)
		writeLine(&b, KeyControllerURLs+"=", e.ControllerURL)
		writeLine(&b, KeyGRPCPort+"=", port)
		b.WriteString(lineProxy)
		writeLine(&b, KeyGRPCProxyURI+"=", e.GRPCProxyURI)
		writeLine(&b, KeyGRPCUsePlainText+"=", plainText)
	}
	auth := func(user, password string) {
		writeLine(&b, KeyControllerAuthType+"=", "PASSWORD")
		writeLine(&b, KeyControllerAuthUser+"=", user)
		writeLine(&b, KeyControllerAuthPassword+"=", password)
		writeLine(&b, KeyBrokerAuthType+"=", "PASSWORD")
		writeLine(&b, KeyBrokerAuthUser+"=", user)
		writeLine(&b, KeyBrokerAuthPassword+"=", password)
	}
	extras := entries[firstExtra:]
	plain()
	if creds != nil {
		auth(escapedValue(creds.Username), escapedValue(creds.Password))
	}
	for _, entry := range extras {
		WriteProperty(&b, entry.Key, entry.Value)
	}
	inlineEnd := b.Len()
	plain()
	if creds != nil {
		auth("${ENV:"+userVar+"}", "${ENV:"+passwordVar+"}")
	}
	for _, entry := range extras {
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
	return Connection{
		Credentials:   creds,
		Endpoints:     e,
		Properties:    both[:inlineEnd],
		EnvProperties: both[inlineEnd:],
		Entries:       entries,
	}
}

// writeLine writes "<keyEquals><value>\n" for a managed key, given with its "=", and a value that
// needs no escaping.
func writeLine(b *strings.Builder, keyEquals, value string) {
	b.WriteString(keyEquals)
	b.WriteString(value)
	b.WriteByte('\n')
}

// envVarSuffix turns a property name into the rest of a variable name:
// "pinot.grpc.tls.keystore-password" gives "GRPC_TLS_KEYSTORE_PASSWORD".
func envVarSuffix(key string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case 'a' <= r && r <= 'z':
			return r - 'a' + 'A'
		case 'A' <= r && r <= 'Z', '0' <= r && r <= '9':
			return r
		default:
			return '_'
		}
	}, strings.TrimPrefix(key, "pinot."))
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
