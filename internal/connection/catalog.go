package connection

import (
	"fmt"
	"sort"
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
	// PropertiesMap holds the same keys and values as Properties.
	PropertiesMap map[string]string
	// EnvProperties is the catalog with ${ENV:...} references in place of every secret.
	EnvProperties string
	// Env maps the variable names EnvProperties references to their values; nil when there are none.
	Env map[string]string
}

// catalogLine is one property of the catalog; a secret carries the variable env_properties uses.
type catalogLine struct {
	key, value, envVar string
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

func render(s Settings, creds *Credentials, e Endpoints) Connection {
	plainText := strconv.FormatBool(!s.TLSEnabled)
	lines := make([]catalogLine, 0, 12+len(s.ExtraProperties))
	lines = append(lines,
		catalogLine{key: KeyConnectorName, value: "pinot"},
		catalogLine{key: KeyControllerURLs, value: e.ControllerURL},
		catalogLine{key: KeyGRPCPort, value: strconv.FormatInt(s.GRPCPort, 10)},
		catalogLine{key: KeyProxyEnabled, value: "true"},
		catalogLine{key: KeyGRPCProxyURI, value: e.GRPCProxyURI},
		catalogLine{key: KeyGRPCUsePlainText, value: plainText},
	)
	if creds != nil {
		userVar, passwordVar := s.EnvVarPrefix+"_USERNAME", s.EnvVarPrefix+"_PASSWORD"
		lines = append(lines,
			catalogLine{key: KeyControllerAuthType, value: "PASSWORD"},
			catalogLine{key: KeyControllerAuthUser, value: creds.Username, envVar: userVar},
			catalogLine{key: KeyControllerAuthPassword, value: creds.Password, envVar: passwordVar},
			catalogLine{key: KeyBrokerAuthType, value: "PASSWORD"},
			catalogLine{key: KeyBrokerAuthUser, value: creds.Username, envVar: userVar},
			catalogLine{key: KeyBrokerAuthPassword, value: creds.Password, envVar: passwordVar},
		)
	}
	for _, k := range sortedKeys(s.ExtraProperties) {
		l := catalogLine{key: k, value: s.ExtraProperties[k]}
		if IsSensitiveProperty(k) {
			l.envVar = s.EnvVarPrefix + "_" + envVarSuffix(k)
		}
		lines = append(lines, l)
	}

	c := Connection{Credentials: creds, Endpoints: e, PropertiesMap: make(map[string]string, len(lines))}
	size := 0
	for _, l := range lines {
		size += len(l.key) + len(l.value) + len(l.envVar) + 10
	}
	inline := make([]byte, 0, size)
	withEnv := make([]byte, 0, size)
	for _, l := range lines {
		c.PropertiesMap[l.key] = l.value
		inline = AppendProperty(inline, l.key, l.value)
		if l.envVar == "" {
			withEnv = AppendProperty(withEnv, l.key, l.value)
			continue
		}
		withEnv = AppendProperty(withEnv, l.key, "${ENV:"+l.envVar+"}")
		if c.Env == nil {
			c.Env = make(map[string]string, 2)
		}
		c.Env[l.envVar] = l.value
	}
	c.Properties = string(inline)
	c.EnvProperties = string(withEnv)
	return c
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

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
