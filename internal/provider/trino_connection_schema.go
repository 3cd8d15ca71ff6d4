package provider

import (
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	dsschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/startree/terraform-provider-startree/internal/connection"
)

// The data source and the ephemeral resource share this one description of their attributes; each
// builds its own schema types from it, and the functions document their arguments with it.

// attributeKind is the Terraform type of an attribute.
type attributeKind int

const (
	kindString attributeKind = iota
	kindBool
	// kindNumber holds a whole number (a port, a release); it is a Terraform number, not an int64,
	// so that 1.5 or 1e30 reach the core, which says what is wrong with them.
	kindNumber
	kindStringMap
)

// attributeRole says who sets an attribute.
type attributeRole int

const (
	// roleRequired: the user must set it.
	roleRequired attributeRole = iota
	// roleOptional: the user may set it; unset stays null.
	roleOptional
	// roleDefaulted: the user may set it; unset, Read or Open fills in the value used.
	roleDefaulted
	// roleOutput: computed from the inputs.
	roleOutput
)

type connectionAttribute struct {
	name string
	// field is the attribute's place in connectionModel: the raw reading and writing of the object
	// go through it, so the schema and the values can never list different attributes.
	field       func(*connectionModel) any
	kind        attributeKind
	role        attributeRole
	sensitive   bool
	description string
	// ephemeralDescription replaces description on the ephemeral resource, where the value can
	// feed only what takes an ephemeral value.
	ephemeralDescription string
	// check is the core's rule for a known value of the attribute, run when Terraform validates
	// the configuration.
	check func(attr.Value) connection.Problems
}

// connectionAttributes lists every input and output of startree_trino_connection, in the order the
// documentation shows them.
var connectionAttributes = []connectionAttribute{
	{
		name: "api_token", field: func(m *connectionModel) any { return &m.APIToken }, kind: kindString, role: roleOptional, sensitive: true, check: checkToken,
		description: "StarTree API token: a basic token (base64 of `<key>:<secret>`, standard or URL-safe alphabet, padded or not) or a bearer token (`st-<key>-<secret>`). " +
			"White space around it is ignored, so `file()` works as it is. A basic token whose username or password begins or ends with a space is refused, because Trino trims catalog values. " +
			"The key and the secret of a bearer token may have any length (StarTree's docs give the form `st-<accessKey>-<secretKey>` and no lengths). Required when `tls_enabled` is true." +
			fallbackText("api_token", connection.EnvAPIToken) +
			" A token taken from the provider block or the environment is not copied into this object's attributes.",
	},
	{
		name: "cluster", field: func(m *connectionModel) any { return &m.Cluster }, kind: kindString, role: roleRequired, check: checkLabel(connection.InputCluster),
		description: "StarTree Cloud cluster name (`pug` in `proxy.broker.pug.prod.awesome-company.startree.cloud`): a DNS label of 1 to 63 lowercase letters, digits and hyphens, not starting or ending with a hyphen.",
	},
	{
		name: "environment", field: func(m *connectionModel) any { return &m.Environment }, kind: kindString, role: roleDefaulted, check: checkLabel(connection.InputEnvironment),
		description: "StarTree Cloud environment (`prod` in the example): a DNS label." + fallbackText("environment", connection.EnvEnvironment),
	},
	{
		name: "domain", field: func(m *connectionModel) any { return &m.Domain }, kind: kindString, role: roleDefaulted, check: stringRule(connection.CheckDomain),
		description: "StarTree Cloud domain, such as `awesome-company.startree.cloud`: a lowercase DNS name of at least two labels, with no scheme, port, path or trailing dot. " +
			"The three coordinates come from the cluster's broker host, `broker.<cluster>.<environment>.<domain>` (the link to the cluster in the StarTree Cloud console holds it): the cluster and the environment are its second and third labels, and the domain is the rest. " +
			"A domain that starts with the cluster and the environment, or with `proxy.broker.`, `proxy-grpc.broker.`, `broker.` or `pinot.`, is an error that gives the domain to use." + fallbackText("domain", connection.EnvDomain),
	},
	{
		name: "tls_enabled", field: func(m *connectionModel) any { return &m.TLSEnabled }, kind: kindBool, role: roleDefaulted,
		description: "Whether the cluster uses TLS: `https` and port 443 with it, `http` and port 80 without, and `pinot.grpc.use-plain-text` to match. Defaults to `true`. " +
			"Without TLS a token is optional; a token used without TLS draws a warning, since the credentials then cross the network unencrypted.",
	},
	{
		name: "grpc_port", field: func(m *connectionModel) any { return &m.GRPCPort }, kind: kindNumber, role: roleDefaulted, check: numberRule(connection.InputGRPCPort, connection.CheckGRPCPort),
		description: "Pinot server gRPC port, written as `pinot.grpc.port`: 1 to 65535. Defaults to `" + strconv.Itoa(connection.DefaultGRPCPort) + "`, StarTree Cloud's port (Trino's own default is 8090).",
	},
	{
		name: "trino_version", field: func(m *connectionModel) any { return &m.TrinoVersion }, kind: kindNumber, role: roleOptional, check: numberRule(connection.InputTrinoVersion, connection.CheckTrinoVersion),
		description: "The Trino release the catalog is for, such as `476`. When set it must be " + strconv.Itoa(connection.MinTrinoVersion) + " or later (the proxy properties arrived in Trino 400), and `extra_properties` are checked as that release's Pinot connector checks them: " +
			"which names it binds, how it reads each value, and its constraints (see the property table). Unset, it falls back to the provider block's `trino_version`, then to the `" + connection.EnvTrinoVersion + "` environment variable, " +
			"then to the newest release the provider knows (" + strconv.Itoa(connection.NewestKnownTrinoRelease) + "); above that release, an unknown key is a warning instead of an error. " +
			"Set it to the release your Trino runs: a key that exists only in a newer release stops an older coordinator. " +
			"The verdicts are proven against the real Pinot connector of Trino 418, 426, 470 and 476 and on a real Trino 470 and 476 server; for every other release they are derived from Trino's and airlift's sources.",
	},
	{
		name: "extra_properties", field: func(m *connectionModel) any { return &m.ExtraProperties }, kind: kindStringMap, role: roleDefaulted,
		description: "More catalog properties, written after the managed ones, sorted by key. Each is checked as Trino's Pinot connector of `trino_version` checks it, so that Trino loads the catalog: " +
			"an unknown key (with the nearest known name), a removed key, a key the provider sets itself, a `pinot.grpc.tls.*` key without TLS, a value Trino cannot read or that breaks a constraint, " +
			"a broken rule between properties, and a value with white space at either end (Trino trims a catalog file's values but not a CREATE CATALOG statement's) are errors. `${ENV:NAME}` values are not checked (Trino resolves them first). " +
			"Security-sensitive properties belong in `secret_properties`, and are refused here. Defaults to `{}`. " +
			"The data source page's section \"Extra properties: what Trino accepts\" lists every property with its type, default, rule and releases.",
	},
	{
		name: "secret_properties", field: func(m *connectionModel) any { return &m.SecretProperties }, kind: kindStringMap, role: roleDefaulted, sensitive: true,
		description: "The catalog properties to keep secret. The security-sensitive ones belong here, and `extra_properties` refuses them: " + codeList(sensitiveExtraNames()) + ". " +
			"Any other property may be kept here too, such as `pinot.http-client.http-proxy.user` from a sensitive variable: Terraform drops the sensitive mark of a value that reaches a computed output, so a value given to `extra_properties` shows in clear in `env_properties` and `create_catalog_sql`. " +
			"The same rules as `extra_properties`; this map is sensitive, so Terraform keeps its values out of plan output and marks them sensitive in state. " +
			"In `env_properties` and `create_catalog_sql` each value is a `${ENV:<prefix>_...}` reference and the value moves into `env`; `properties` and `properties_map` carry it inline. " +
			"A value that is exactly one `${ENV:NAME}` reference (a secret kept on the Trino nodes) stays that reference everywhere and is not moved into `env`; any other `${` in a value is an error, since `env` would hand it to Trino as literal text. " +
			"A non-secret input (an `extra_properties` value, a coordinate, `catalog_name`, `env_var_prefix`) that holds one of this object's secrets (a value here, the token or its password) is an error. Defaults to `{}`.",
	},
	{
		name: "env_var_prefix", field: func(m *connectionModel) any { return &m.EnvVarPrefix }, kind: kindString, role: roleDefaulted, check: stringRule(connection.CheckEnvVarPrefix),
		description: "Prefix of the variable names in `env` and `env_properties`: `<prefix>_USERNAME`, `<prefix>_PASSWORD`, and for each security-sensitive extra property `<prefix>_` and its name after `pinot.` in upper case with `_` for `.` and `-` (`<prefix>_GRPC_TLS_KEYSTORE_PASSWORD`, `<prefix>_HTTP_CLIENT_HTTP_PROXY_PASSWORD`). " +
			"Must match `^[A-Z][A-Z0-9_]*$`; give each catalog its own prefix when one Trino reads several. Defaults to `catalog_name` upper-cased (`pinot` gives `PINOT_USERNAME` and `PINOT_PASSWORD`, `pinot_a` gives `PINOT_A_USERNAME`), so that two catalogs never share variables by default.",
	},
	{
		name: "catalog_name", field: func(m *connectionModel) any { return &m.CatalogName }, kind: kindString, role: roleDefaulted, check: stringRule(connection.CheckCatalogName),
		description: "The catalog's name in `create_catalog_sql`: a lower-case identifier (letters, digits and `_`), since Trino lower-cases catalog names, of at most 240 characters " +
			"(Trino's file catalog store writes `<name>.properties.tmp`, and a file name has at most 255 bytes), and not `system`, which every Trino server has. Defaults to `" + connection.DefaultCatalogName + "`.",
	},
	{
		name: "token_type", field: func(m *connectionModel) any { return &m.TokenType }, kind: kindString, role: roleOutput,
		description: "`basic` or `bearer`; null without a token.",
	},
	{
		name: "username", field: func(m *connectionModel) any { return &m.Username }, kind: kindString, role: roleOutput,
		description: "Username for the Pinot controller and broker: the token's key. Null without a token.",
	},
	{
		name: "password", field: func(m *connectionModel) any { return &m.Password }, kind: kindString, role: roleOutput, sensitive: true,
		description: "Password for the Pinot controller and broker: the token's secret. Null without a token.",
	},
	{
		name: "controller_url", field: func(m *connectionModel) any { return &m.ControllerURL }, kind: kindString, role: roleOutput,
		description: "`pinot.controller-urls`: `https://proxy.broker.<cluster>.<environment>.<domain>:443`, or `http://…:80` without TLS.",
	},
	{
		name: "grpc_proxy_uri", field: func(m *connectionModel) any { return &m.GRPCProxyURI }, kind: kindString, role: roleOutput,
		description: "`pinot.grpc.proxy-uri`: `proxy-grpc.broker.<cluster>.<environment>.<domain>:443`, or port 80 without TLS.",
	},
	{
		name: "properties", field: func(m *connectionModel) any { return &m.Properties }, kind: kindString, role: roleOutput, sensitive: true,
		description: "The whole Trino catalog file (`pinot.properties`) with the credentials inline: the managed keys in a fixed order, then `extra_properties` sorted by key. " +
			"Escaped as `java.util.Properties` reads it (pure ASCII, `\\uXXXX` for other characters), LF line endings and a final newline; the same inputs always give the same bytes.",
	},
	{
		name: "properties_map", field: func(m *connectionModel) any { return &m.PropertiesMap }, kind: kindStringMap, role: roleOutput, sensitive: true,
		description: "The catalog's keys and values as a map, unescaped: what Trino reads from `properties`.",
	},
	{
		name: "env_properties_map", field: func(m *connectionModel) any { return &m.EnvPropertiesMap }, kind: kindStringMap, role: roleOutput,
		description: "`env_properties` as a map, unescaped, `${ENV:...}` references in place of the secrets: the input of a `startree_trino_catalog` resource. Not sensitive.",
	},
	{
		name: "env_properties", field: func(m *connectionModel) any { return &m.EnvProperties }, kind: kindString, role: roleOutput,
		description: "The catalog with `${ENV:<prefix>_USERNAME}` and `${ENV:<prefix>_PASSWORD}` (and a reference for each security-sensitive extra property) in place of the secrets. " +
			"Trino resolves the references from its environment; feed them from `env`. Not sensitive, so its diff stays visible in plans: use it for ConfigMaps and the Trino Helm chart's `catalogs` value.",
		ephemeralDescription: "The catalog with `${ENV:<prefix>_USERNAME}` and `${ENV:<prefix>_PASSWORD}` (and a reference for each secret property) in place of the secrets. " +
			"Like every attribute of an ephemeral resource it is an ephemeral value, which only write-only arguments, provider blocks, locals, other ephemeral resources and ephemeral outputs take: " +
			"it cannot go into a ConfigMap, a Helm release's `values` or any other ordinary argument. The catalog holds no secret, so take it from the `startree_trino_connection` data source " +
			"or the `trino_connection` function instead (the function gives the same `env_properties` for any valid token: see the Kubernetes guide).",
	},
	{
		name: "create_catalog_sql", field: func(m *connectionModel) any { return &m.CreateCatalogSQL }, kind: kindString, role: roleOutput,
		description: "The same catalog as a statement for Trino's dynamic catalog management (`catalog.management=dynamic`): `CREATE CATALOG \"<catalog_name>\" USING pinot WITH (...)`, " +
			"the properties in the catalog file's order, with the same `${ENV:...}` references as `env_properties` in place of the credentials and every secret property, so it is not sensitive and holds no secret. " +
			"The catalog and property names are quoted identifiers and every value a string literal; the connector name is bare, since Trino looks the connector up by the name as written, quotes included. " +
			"The tests run it on a real Trino server, and Trino's own parser reads it back to the map of `env_properties`. " +
			"A statement longer than 1000000 characters (Trino's default `query.max-length`) draws a warning.",
	},
	{
		name: "env", field: func(m *connectionModel) any { return &m.Env }, kind: kindStringMap, role: roleOutput, sensitive: true,
		description: "The environment variables `env_properties` refers to, name to value, for a Kubernetes Secret that the Trino pods load with `envFrom`. Null when there are none (no token).",
		ephemeralDescription: "The environment variables `env_properties` refers to, name to value. Feed it to a write-only argument, such as `data_wo` of `kubernetes_secret_v1` (Terraform 1.11+), " +
			"so that the credentials reach the Secret without being stored in the plan or the state. Null when there are none (no token).",
	},
}

// ephemeralText is the attribute's description on the ephemeral resource.
func (a connectionAttribute) ephemeralText() string {
	if a.ephemeralDescription != "" {
		return a.ephemeralDescription
	}
	return a.description
}

// flags returns the Required, Optional and Computed flags of the attribute's role.
func (a connectionAttribute) flags() (required, optional, computed bool) {
	return a.role == roleRequired, a.role == roleOptional || a.role == roleDefaulted, a.role == roleDefaulted || a.role == roleOutput
}

// attrType is the Terraform type of the attribute's values.
func (a connectionAttribute) attrType() attr.Type {
	switch a.kind {
	case kindBool:
		return types.BoolType
	case kindNumber:
		return types.NumberType
	case kindStringMap:
		return types.MapType{ElemType: types.StringType}
	default:
		return types.StringType
	}
}

// codeList renders names as a comma-separated list of code spans.
// sensitiveExtraNames are the security-sensitive properties extra_properties may set.
func sensitiveExtraNames() []string {
	var names []string
	for _, p := range connection.Properties() {
		if p.Sensitive {
			names = append(names, p.Name)
		}
	}
	return names
}

func codeList(names []string) string {
	return "`" + strings.Join(names, "`, `") + "`"
}

func fallbackText(name, envVar string) string {
	return " Defaults to the provider block's `" + name + "`, then the `" + envVar + "` environment variable."
}

// dataSourceAttributes builds the data source schema's attributes from connectionAttributes.
func dataSourceAttributes() map[string]dsschema.Attribute {
	attrs := make(map[string]dsschema.Attribute, len(connectionAttributes))
	for _, a := range connectionAttributes {
		required, optional, computed := a.flags()
		switch a.kind {
		case kindString:
			attrs[a.name] = dsschema.StringAttribute{MarkdownDescription: a.description, Required: required, Optional: optional, Computed: computed, Sensitive: a.sensitive}
		case kindBool:
			attrs[a.name] = dsschema.BoolAttribute{MarkdownDescription: a.description, Required: required, Optional: optional, Computed: computed, Sensitive: a.sensitive}
		case kindNumber:
			attrs[a.name] = dsschema.NumberAttribute{MarkdownDescription: a.description, Required: required, Optional: optional, Computed: computed, Sensitive: a.sensitive}
		case kindStringMap:
			attrs[a.name] = dsschema.MapAttribute{ElementType: types.StringType, MarkdownDescription: a.description, Required: required, Optional: optional, Computed: computed, Sensitive: a.sensitive}
		}
	}
	return attrs
}
