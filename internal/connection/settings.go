package connection

import (
	"fmt"
	"strings"
)

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
	// EnvVarPrefix names the variables of env; "" follows CatalogName (EnvVarPrefixUsed).
	EnvVarPrefix string
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
// Cloud's gRPC port, the catalog pinot and a variable prefix that follows the catalog's name.
func DefaultSettings() Settings {
	return Settings{TLSEnabled: true, GRPCPort: DefaultGRPCPort, CatalogName: DefaultCatalogName}
}

// EnvVarPrefixUsed is env_var_prefix, or, when it is not set, catalog_name upper-cased (pinot
// gives PINOT, pinot_a PINOT_A): two catalogs of one Trino never share variables by default.
func (s Settings) EnvVarPrefixUsed() string {
	if s.EnvVarPrefix != "" {
		return s.EnvVarPrefix
	}
	return strings.ToUpper(s.CatalogName)
}

// Compute checks the settings and, when no rule is broken, computes the connection. Warnings come
// back with a result; errors come back without one.
func Compute(s Settings) (Connection, Problems) {
	prefixFollowsName := s.EnvVarPrefix == ""
	s.EnvVarPrefix = s.EnvVarPrefixUsed()
	var ps Problems
	creds, tokenProblems := s.credentials()
	ps = append(ps, tokenProblems...)
	endpoints, endpointProblems := s.endpoints()
	ps = append(ps, endpointProblems...)
	ps = append(ps, CheckGRPCPort(s.GRPCPort)...)
	if s.TrinoVersion != nil {
		ps = append(ps, CheckTrinoVersion(*s.TrinoVersion)...)
	}
	catalogProblems := CheckCatalogName(s.CatalogName)
	if !prefixFollowsName || !catalogProblems.HasError() {
		ps = append(ps, prefixProblems(s.EnvVarPrefix, prefixFollowsName)...)
	}
	ps = append(ps, catalogProblems...)
	ps = append(ps, CheckProperties(PropertyInputs{Extra: s.ExtraProperties, Secret: s.SecretProperties}, s.TLSEnabled, s.TrinoVersion)...)
	if !ps.HasError() {
		ps = append(ps, checkEnvVarNames(s)...)
		ps = append(ps, checkSecretsStaySecret(s, creds)...)
	}
	ps = s.withSources(ps)
	if ps.HasError() {
		return Connection{}, ps
	}
	c := render(s, creds, endpoints)
	return c, append(ps, statementLengthWarning(c.CreateCatalogSQL)...)
}

// prefixProblems checks the variable prefix; one that follows catalog_name says so.
func prefixProblems(prefix string, followsName bool) Problems {
	ps := CheckEnvVarPrefix(prefix)
	if followsName {
		for i := range ps {
			ps[i].Detail = "env_var_prefix is not set, so it follows catalog_name, upper-cased. " + ps[i].Detail + " Set env_var_prefix, or choose another catalog_name."
		}
	}
	return ps
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
	// EnvTrinoVersion sets trino_version for every object that sets none.
	EnvTrinoVersion = "STARTREE_TRINO_VERSION"
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
