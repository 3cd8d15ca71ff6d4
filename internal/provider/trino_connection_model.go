package provider

import (
	"context"
	"math/big"
	"slices"
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/startree/terraform-provider-startree/internal/connection"
)

// connectionModel holds the inputs and outputs of startree_trino_connection, for both the data
// source and the ephemeral resource: one model, one code path.
type connectionModel struct {
	APIToken         types.String `tfsdk:"api_token"`
	Cluster          types.String `tfsdk:"cluster"`
	Environment      types.String `tfsdk:"environment"`
	Domain           types.String `tfsdk:"domain"`
	TLSEnabled       types.Bool   `tfsdk:"tls_enabled"`
	GRPCPort         types.Number `tfsdk:"grpc_port"`
	TrinoVersion     types.Number `tfsdk:"trino_version"`
	ExtraProperties  types.Map    `tfsdk:"extra_properties"`
	SecretProperties types.Map    `tfsdk:"secret_properties"`
	EnvVarPrefix     types.String `tfsdk:"env_var_prefix"`
	CatalogName      types.String `tfsdk:"catalog_name"`

	TokenType        types.String `tfsdk:"token_type"`
	Username         types.String `tfsdk:"username"`
	Password         types.String `tfsdk:"password"`
	ControllerURL    types.String `tfsdk:"controller_url"`
	GRPCProxyURI     types.String `tfsdk:"grpc_proxy_uri"`
	Properties       types.String `tfsdk:"properties"`
	PropertiesMap    types.Map    `tfsdk:"properties_map"`
	EnvProperties    types.String `tfsdk:"env_properties"`
	EnvPropertiesMap types.Map    `tfsdk:"env_properties_map"`
	CreateCatalogSQL types.String `tfsdk:"create_catalog_sql"`
	Env              types.Map    `tfsdk:"env"`
}

// readConnection is the one code path of the data source's Read and the ephemeral resource's Open:
// the configuration in, the whole object (inputs with their defaults, and outputs) out.
func readConnection(ctx context.Context, config tftypes.Value, pd *providerData) (tftypes.Value, diag.Diagnostics) {
	var m connectionModel
	if err := m.fromRaw(config); err != nil {
		return tftypes.Value{}, unreadable(err)
	}
	diags := m.compute(ctx, pd)
	return m.toRaw(), diags
}

// compute resolves the inputs against the provider's fallbacks, runs the core and fills in the
// defaults used and every output. It is called with a wholly known configuration.
func (m *connectionModel) compute(ctx context.Context, pd *providerData) diag.Diagnostics {
	if pd == nil {
		pd = &providerData{}
	}
	if diags := m.unknownInputs(); diags.HasError() {
		return diags
	}
	s, diags := m.settings(pd)
	if diags.HasError() {
		return diags
	}
	ctx = maskInputSecrets(ctx, s)
	c, ps := connection.Compute(s)
	if c.Credentials != nil {
		ctx = maskSecrets(ctx, c.Credentials.Username, c.Credentials.Password)
	}
	appendInputProblems(&diags, ps)
	if diags.HasError() {
		tflog.Debug(ctx, "StarTree Trino connection not computed", map[string]any{"errors": diags.ErrorsCount()})
		return diags
	}
	m.setInputsUsed(s)
	m.setOutputs(c)
	tflog.Debug(ctx, "StarTree Trino connection computed", map[string]any{
		"cluster": s.Cluster, "environment": *s.Environment, "domain": *s.Domain, "tls_enabled": s.TLSEnabled,
		"token_type": m.TokenType.ValueString(), "extra_properties": len(s.ExtraProperties),
	})
	return diags
}

// unknownInputs refuses a configuration with a value not known yet. Terraform defers reading such
// a data source to apply and sends none today; were one to come, a value read as its zero (an
// unknown tls_enabled as false) would give a wrong catalog, plain text among them.
func (m *connectionModel) unknownInputs() diag.Diagnostics {
	var diags diag.Diagnostics
	for _, a := range connectionAttributes {
		if a.role == roleOutput {
			continue
		}
		v, ok := a.field(m).(attr.Value)
		if !ok {
			continue
		}
		unknown := v.IsUnknown()
		if mv, isMap := v.(types.Map); isMap && !unknown {
			_, _, unknownKeys := mapEntries(mv)
			unknown = len(unknownKeys) > 0
		}
		if unknown {
			diags.AddAttributeError(path.Root(a.name), "Unknown "+a.name,
				a.name+" is known only after apply, and the connection is computed from known values only. Give it a value known at plan time, or let Terraform read this object during apply.")
		}
	}
	return diags
}

// settings turns the object's inputs into the core's Settings, each missing one taken from the
// provider block or the environment, with where it came from.
func (m *connectionModel) settings(pd *providerData) (connection.Settings, diag.Diagnostics) {
	var diags diag.Diagnostics
	s := connection.DefaultSettings()
	s.Sources = map[connection.Input]string{}
	if !m.APIToken.IsNull() {
		token := m.APIToken.ValueString()
		s.APIToken = &token
	} else if pd.apiToken.from != "" {
		token := pd.apiToken.value
		s.APIToken = &token
		s.Sources[connection.InputAPIToken] = pd.apiToken.from
	}
	s.Cluster = m.Cluster.ValueString()
	s.Environment = withFallback(m.Environment, pd.environment, connection.InputEnvironment, s.Sources)
	s.Domain = withFallback(m.Domain, pd.domain, connection.InputDomain, s.Sources)
	if !m.TLSEnabled.IsNull() {
		s.TLSEnabled = m.TLSEnabled.ValueBool()
	}
	var ps connection.Problems
	if !m.GRPCPort.IsNull() {
		var portProblems connection.Problems
		s.GRPCPort, portProblems = connection.WholeNumber(connection.InputGRPCPort, m.GRPCPort.ValueBigFloat())
		ps = append(ps, portProblems...)
	}
	if !m.TrinoVersion.IsNull() {
		v, versionProblems := connection.WholeNumber(connection.InputTrinoVersion, m.TrinoVersion.ValueBigFloat())
		ps = append(ps, versionProblems...)
		s.TrinoVersion = &v
	} else if pd.trinoVersion != nil {
		v := *pd.trinoVersion
		s.TrinoVersion = &v
		s.Sources[connection.InputTrinoVersion] = pd.trinoVersionFrom
	}
	appendInputProblems(&diags, ps)
	if !m.EnvVarPrefix.IsNull() {
		s.EnvVarPrefix = m.EnvVarPrefix.ValueString()
	}
	if !m.CatalogName.IsNull() {
		s.CatalogName = m.CatalogName.ValueString()
	}
	s.ExtraProperties = stringMap(&diags, m.ExtraProperties, path.Root("extra_properties"))
	s.SecretProperties = stringMap(&diags, m.SecretProperties, path.Root("secret_properties"))
	return s, diags
}

// withFallback is the object's own value, else the provider block's or the environment's
// (recording where it came from), else nil.
func withFallback(own types.String, fb fallback, in connection.Input, sources map[connection.Input]string) *string {
	switch {
	case !own.IsNull():
		v := own.ValueString()
		return &v
	case fb.from != "":
		v := fb.value
		sources[in] = fb.from
		return &v
	}
	return nil
}

// maskInputSecrets hides in this object's log lines every secret known before the core runs: the
// token, and every secret property wherever it was set.
//
// All of them are masked in one call: each call copies every mask before it, so a call per secret
// cost memory in the square of their number (4.9 GB for 10,000 secret_properties).
func maskInputSecrets(ctx context.Context, s connection.Settings) context.Context {
	secrets := make([]string, 0, 1+len(s.SecretProperties))
	if s.APIToken != nil {
		secrets = append(secrets, *s.APIToken)
	}
	for k, v := range s.ExtraProperties {
		if connection.IsSensitiveProperty(k) {
			secrets = append(secrets, v)
		}
	}
	for _, v := range s.SecretProperties {
		secrets = append(secrets, v)
	}
	return maskSecrets(ctx, secrets...)
}

// setInputsUsed writes back the inputs with the defaults and fallbacks that were used.
func (m *connectionModel) setInputsUsed(s connection.Settings) {
	m.Environment = types.StringValue(*s.Environment)
	m.Domain = types.StringValue(*s.Domain)
	m.TLSEnabled = types.BoolValue(s.TLSEnabled)
	m.GRPCPort = types.NumberValue(new(big.Float).SetInt64(s.GRPCPort))
	m.EnvVarPrefix = types.StringValue(s.EnvVarPrefixUsed())
	m.CatalogName = types.StringValue(s.CatalogName)
	m.ExtraProperties = stringMapValue(s.ExtraProperties, false)
	m.SecretProperties = stringMapValue(s.SecretProperties, false)
}

// setOutputs copies a computed connection into the output attributes.
func (m *connectionModel) setOutputs(c connection.Connection) {
	m.TokenType, m.Username, m.Password = types.StringNull(), types.StringNull(), types.StringNull()
	if c.Credentials != nil {
		m.TokenType = types.StringValue(string(c.Credentials.Type))
		m.Username = types.StringValue(c.Credentials.Username)
		m.Password = types.StringValue(c.Credentials.Password)
	}
	m.ControllerURL = types.StringValue(c.ControllerURL)
	m.GRPCProxyURI = types.StringValue(c.GRPCProxyURI)
	m.Properties = types.StringValue(c.Properties)
	m.EnvProperties = types.StringValue(c.EnvProperties)
	m.CreateCatalogSQL = types.StringValue(c.CreateCatalogSQL)
	m.PropertiesMap = stringMapValue(c.PropertiesMap(), false)
	m.EnvPropertiesMap = stringMapValue(c.EnvPropertiesMap(), false)
	m.Env = stringMapValue(c.Env(), true)
}

// stringMap converts a known map(string); a null element is an error on its key.
func stringMap(diags *diag.Diagnostics, v types.Map, at path.Path) map[string]string {
	values, nulls, _ := mapEntries(v)
	for _, k := range nulls {
		diags.AddAttributeError(at.AtMapKey(k), "Null value in "+at.String(),
			"The entry "+strconv.Quote(k)+" of "+at.String()+" has no value. Give it a string value or remove the entry.")
	}
	return values
}

// mapEntries is the one reading of a map(string) value: its known values, and the keys whose
// values are null or not known yet, each sorted.
func mapEntries(v types.Map) (values map[string]string, nulls, unknowns []string) {
	if v.IsNull() || v.IsUnknown() {
		return nil, nil, nil
	}
	elems := v.Elements()
	values = make(map[string]string, len(elems))
	for k, e := range elems {
		s, ok := e.(types.String)
		switch {
		case !ok || s.IsNull():
			nulls = append(nulls, k)
		case s.IsUnknown():
			unknowns = append(unknowns, k)
		default:
			values[k] = s.ValueString()
		}
	}
	slices.Sort(nulls)
	slices.Sort(unknowns)
	return values, nulls, unknowns
}

// stringMapValue builds a map(string) value without reflection; a nil map gives null when
// nilIsNull, and an empty map otherwise.
func stringMapValue(m map[string]string, nilIsNull bool) types.Map {
	if m == nil && nilIsNull {
		return types.MapNull(types.StringType)
	}
	elems := make(map[string]attr.Value, len(m))
	for k, v := range m {
		elems[k] = types.StringValue(v)
	}
	return types.MapValueMust(types.StringType, elems)
}

// maskSecrets hides every non-empty secret from the log lines written with the returned context,
// in messages and in field values alike.
func maskSecrets(ctx context.Context, secrets ...string) context.Context {
	var nonEmpty []string
	for _, s := range secrets {
		if s != "" {
			nonEmpty = append(nonEmpty, s)
		}
	}
	if len(nonEmpty) == 0 {
		return ctx
	}
	ctx = tflog.MaskMessageStrings(ctx, nonEmpty...)
	return tflog.MaskAllFieldValuesStrings(ctx, nonEmpty...)
}
