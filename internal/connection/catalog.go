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
	APIToken *string
	Cluster  string
	// Environment and Domain are nil when no source sets them: Compute reports them missing.
	Environment     *string
	Domain          *string
	TLSEnabled      bool
	GRPCPort        int64
	TrinoVersion    *int64
	ExtraProperties map[string]string
	// SecretProperties are the security-sensitive catalog properties, kept apart so that Terraform
	// can keep them out of plan output.
	SecretProperties map[string]string
	EnvVarPrefix     string
	// CatalogName names the catalog in CreateCatalogSQL.
	CatalogName string
	// Sources names where a value that was not set on the object itself came from, such as "the
	// provider block" or "the STARTREE_DOMAIN environment variable": the problems with that value
	// say so.
	Sources map[Input]string
	// NoFallbacks marks a caller with no provider block or environment to fall back to (a
	// function): a missing value is then asked for in its own settings.
	NoFallbacks bool
}

// DefaultSettings returns Settings with every default of the contract filled in: TLS on, StarTree
// Cloud's gRPC port and the PINOT variable prefix.
func DefaultSettings() Settings {
	return Settings{TLSEnabled: true, GRPCPort: DefaultGRPCPort, EnvVarPrefix: DefaultEnvVarPrefix, CatalogName: DefaultCatalogName}
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
	creds, tokenProblems := s.credentials()
	ps = append(ps, tokenProblems...)
	endpoints, endpointProblems := s.endpoints()
	ps = append(ps, endpointProblems...)
	ps = append(ps, CheckGRPCPort(s.GRPCPort)...)
	if s.TrinoVersion != nil {
		ps = append(ps, CheckTrinoVersion(*s.TrinoVersion)...)
	}
	ps = append(ps, CheckEnvVarPrefix(s.EnvVarPrefix)...)
	ps = append(ps, CheckCatalogName(s.CatalogName)...)
	ps = append(ps, CheckProperties(PropertyInputs{Extra: s.ExtraProperties, Secret: s.SecretProperties}, s.TLSEnabled, s.TrinoVersion)...)
	if !ps.HasError() {
		ps = append(ps, checkEnvVarNames(s)...)
	}
	ps = s.withSources(ps)
	if ps.HasError() {
		return Connection{}, ps
	}
	return render(s, creds, endpoints), ps
}

// credentials parses the token, or reports it missing where TLS needs one.
func (s Settings) credentials() (*Credentials, Problems) {
	switch {
	case s.APIToken != nil:
		c, ps := ParseToken(*s.APIToken)
		if ps.HasError() {
			return nil, ps
		}
		if !s.TLSEnabled {
			ps = append(ps, warningf(InputAPIToken, "Credentials sent without TLS",
				"tls_enabled is false, so Trino sends the username and password derived from api_token to the Pinot proxy unencrypted. Enable TLS unless the network between Trino and the cluster is trusted."))
		}
		return &c, ps
	case s.TLSEnabled:
		return nil, Problems{s.missing(InputAPIToken)}
	}
	return nil, nil
}

// endpoints builds the proxy endpoints, or reports the coordinates that are missing.
func (s Settings) endpoints() (Endpoints, Problems) {
	var ps Problems
	if s.Cluster == "" && s.NoFallbacks {
		ps = append(ps, s.missing(InputCluster))
	}
	if s.Environment == nil {
		ps = append(ps, s.missing(InputEnvironment))
	}
	if s.Domain == nil {
		ps = append(ps, s.missing(InputDomain))
	}
	if ps != nil {
		return Endpoints{}, ps
	}
	return BuildEndpoints(Coordinates{Cluster: s.Cluster, Environment: *s.Environment, Domain: *s.Domain}, s.TLSEnabled)
}

// withSources says, in each problem with a value that came from the provider block or the
// environment, where it came from.
func (s Settings) withSources(ps Problems) Problems {
	for i, p := range ps {
		if where := s.Sources[p.Input]; where != "" {
			ps[i].Detail = "The value comes from " + where + ". " + p.Detail
		}
	}
	return ps
}

// The environment variables the provider falls back to when neither the object nor the provider
// block sets a value.
const (
	EnvAPIToken    = "STARTREE_API_TOKEN"
	EnvEnvironment = "STARTREE_ENVIRONMENT"
	EnvDomain      = "STARTREE_DOMAIN"
)

// fallbackEnv names the environment variable each input falls back to.
var fallbackEnv = map[Input]string{InputAPIToken: EnvAPIToken, InputEnvironment: EnvEnvironment, InputDomain: EnvDomain}

// missing is the error for an input that no source sets.
func (s Settings) missing(in Input) Problem {
	summary := "Missing " + string(in)
	detail := string(in) + " is not set."
	if in == InputAPIToken {
		summary = "Missing StarTree API token"
		detail = "A StarTree API token is required when tls_enabled is true."
	}
	switch envVar := fallbackEnv[in]; {
	case s.NoFallbacks:
		detail += fmt.Sprintf(" A function cannot read the provider block or the environment: set %s in its settings.", in)
	case envVar == "":
		detail += fmt.Sprintf(" Set %s on this object.", in)
	default:
		detail += fmt.Sprintf(" Set %s on this object, %s in the provider block, or the %s environment variable.", in, in, envVar)
	}
	return errorf(in, summary, detail)
}

// CheckEnvVarPrefix applies the rule of env_var_prefix: an uppercase environment variable name,
// short enough for a Kubernetes Secret key once suffixed, that no other prefix can collide with.
func CheckEnvVarPrefix(p string) Problems {
	ok := p != "" && 'A' <= p[0] && p[0] <= 'Z'
	for i := 1; ok && i < len(p); i++ {
		c := p[i]
		ok = 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_'
	}
	if !ok {
		fix := ""
		if f := fixedEnvVarPrefix(p); f != "" {
			fix = fmt.Sprintf(" Use %q.", f)
		}
		return Problems{errorf(InputEnvVarPrefix, "Invalid env_var_prefix",
			fmt.Sprintf("env_var_prefix %q is not an uppercase variable name. Expected an uppercase ASCII letter followed by uppercase letters, digits and underscores (^[A-Z][A-Z0-9_]*$), such as %q.%s", p, DefaultEnvVarPrefix, fix))}
	}
	if longest := len(p) + 1 + len(longestEnvVarSuffix); longest > MaxEnvVarName {
		return Problems{errorf(InputEnvVarPrefix, "env_var_prefix too long",
			fmt.Sprintf("env_var_prefix has %d characters. With the longest ending the provider gives a variable (_%s) a name would have %d characters, and a Kubernetes Secret key has at most %d. Use at most %d characters.", len(p), longestEnvVarSuffix, longest, MaxEnvVarName, MaxEnvVarName-1-len(longestEnvVarSuffix)))}
	}
	for _, tail := range collidingTails {
		if strings.HasSuffix(p, "_"+tail.tail) {
			shorter := strings.TrimSuffix(p, "_"+tail.tail)
			return Problems{errorf(InputEnvVarPrefix, "env_var_prefix that another prefix collides with",
				fmt.Sprintf("env_var_prefix %q ends with \"_%s\", so its %s variable, %s_%s, would have the same name as the %s variable of env_var_prefix %q: two catalogs' secrets could replace each other in one Kubernetes Secret. Choose a prefix that does not end with \"_%s\".",
					p, tail.tail, tail.restOf, p, tail.rest, tail.wholeOf, shorter, tail.tail))}
		}
	}
	return nil
}

// fixedEnvVarPrefix spells a prefix as a variable name (upper case, '_' for anything else), or
// "" when that does not give one.
func fixedEnvVarPrefix(p string) string {
	f := strings.Map(func(r rune) rune {
		switch {
		case 'a' <= r && r <= 'z':
			return r - 'a' + 'A'
		case 'A' <= r && r <= 'Z', '0' <= r && r <= '9':
			return r
		}
		return '_'
	}, p)
	if f == "" || f[0] < 'A' || f[0] > 'Z' || f == p {
		return ""
	}
	return f
}

// MaxEnvVarName is the longest key a Kubernetes Secret allows, and so the longest variable name
// the provider gives.
const MaxEnvVarName = 253

// envVarEndings are the endings the provider gives variable names after "<prefix>_": the
// credentials', and one per security-sensitive property it knows.
var envVarEndings = func() map[string]string {
	m := map[string]string{"USERNAME": "username", "PASSWORD": "password"}
	for _, p := range properties {
		if p.Sensitive {
			m[envVarSuffix(p.Name)] = p.Name
		}
	}
	return m
}()

var longestEnvVarSuffix = func() string {
	longest := ""
	for s := range envVarEndings {
		if len(s) > len(longest) || len(s) == len(longest) && s < longest {
			longest = s
		}
	}
	return longest
}()

// collidingTail is a prefix ending that makes two prefixes give one name: P + "_" + tail + "_" +
// rest is both prefix P's ending tail_rest and prefix P_tail's ending rest.
type collidingTail struct {
	tail, rest string
	// restOf and wholeOf name what the endings rest and tail_rest stand for.
	restOf, wholeOf string
}

var collidingTails = func() []collidingTail {
	var tails []collidingTail
	for ending := range envVarEndings {
		for i := 0; i < len(ending); i++ {
			if ending[i] != '_' {
				continue
			}
			if restOf, ok := envVarEndings[ending[i+1:]]; ok {
				tails = append(tails, collidingTail{tail: ending[:i], rest: ending[i+1:], restOf: restOf, wholeOf: envVarEndings[ending]})
			}
		}
	}
	slices.SortFunc(tails, func(a, b collidingTail) int { return strings.Compare(a.tail+"_"+a.rest, b.tail+"_"+b.rest) })
	return tails
}()

// defaultGRPCPort is DefaultGRPCPort as the catalog writes it.
const defaultGRPCPort = "8096"

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
		userVar, passwordVar := s.EnvVarPrefix+"_USERNAME", s.EnvVarPrefix+"_PASSWORD"
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
		entries = append(entries, Entry{Key: k, Value: props[k], EnvVar: envVarOf(s, k)})
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
	if len(s.SecretProperties) == 0 {
		return s.ExtraProperties
	}
	m := make(map[string]string, len(s.ExtraProperties)+len(s.SecretProperties))
	for k, v := range s.ExtraProperties {
		m[k] = v
	}
	for k, v := range s.SecretProperties {
		m[k] = v
	}
	return m
}

// envVarOf names the variable env_properties refers to in place of a property's value, or "" for
// a value that is not a secret: every key of secret_properties, and every security-sensitive one.
func envVarOf(s Settings, key string) string {
	if _, secret := s.SecretProperties[key]; !secret && !IsSensitiveProperty(key) {
		return ""
	}
	return s.EnvVarPrefix + "_" + envVarSuffix(key)
}

// checkEnvVarNames refuses two secrets that would share a variable name, and a name longer than a
// Kubernetes Secret key: only keys the provider does not know (for a newer Trino) can do either.
func checkEnvVarNames(s Settings) Problems {
	var ps Problems
	owner := map[string]string{s.EnvVarPrefix + "_USERNAME": "the username", s.EnvVarPrefix + "_PASSWORD": "the password"}
	for _, k := range sortedKeys(catalogProperties(s)) {
		name := envVarOf(s, k)
		if name == "" {
			continue
		}
		in := InputExtraProperties
		if _, secret := s.SecretProperties[k]; secret {
			in = InputSecretProperties
		}
		if other, taken := owner[name]; taken {
			ps = append(ps, Problem{Severity: SeverityError, Input: in, Key: k, Summary: "Two secrets with one variable name",
				Detail: fmt.Sprintf("The value of %s would be the variable %s in env, which already holds %s. Rename the property, or set it under a different env_var_prefix.", quotedKey(k), name, other)})
			continue
		}
		owner[name] = "the value of " + quotedKey(k)
		if len(name) > MaxEnvVarName {
			ps = append(ps, Problem{Severity: SeverityError, Input: in, Key: k, Summary: "Variable name too long",
				Detail: fmt.Sprintf("The value of %s would be a variable of %d characters in env, and a Kubernetes Secret key has at most %d. Use a shorter env_var_prefix or a shorter key.", quotedKey(k), len(name), MaxEnvVarName)})
		}
	}
	return ps
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
