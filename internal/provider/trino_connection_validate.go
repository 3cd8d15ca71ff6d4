package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/startree/terraform-provider-startree/internal/connection"
)

// connectionDescription opens the documentation of the data source and the ephemeral resource.
const connectionDescription = "Computes the settings that connect Trino to a StarTree Cloud cluster through the StarTree Pinot proxy: " +
	"the username and password from an API token, the controller URL, the gRPC proxy URI, and the Trino catalog file, " +
	"inline (`properties`) or with environment references (`env_properties` plus `env`). Everything is computed locally, without a network call."

// validateConnectionConfig checks a configuration in one pass through the core, before Terraform
// knows every value: each known value of an attribute with a check, then extra_properties and
// secret_properties together. Unknown values are left to Read or Open: trino_version decides which
// keys Trino knows, so no property is judged while it is unknown; an unknown tls_enabled is taken
// as the default, under which no TLS rule fires. Only errors are reported: warnings come once,
// from Read or Open.
func validateConnectionConfig(config tftypes.Value) diag.Diagnostics {
	var diags diag.Diagnostics
	var m connectionModel
	if err := m.fromRaw(config); err != nil {
		return unreadable(err)
	}
	var ps connection.Problems
	for _, a := range connectionAttributes {
		if a.check == nil {
			continue
		}
		if v := fieldValue(a.field(&m)); !v.IsNull() && !v.IsUnknown() {
			ps = append(ps, a.check(v)...)
		}
	}
	ps = append(ps, m.propertyProblems()...)
	appendInputProblems(&diags, ps.Errors())
	return diags
}

// propertyProblems checks extra_properties and secret_properties together, by key only for the
// values not known yet.
func (m *connectionModel) propertyProblems() connection.Problems {
	tls, version := m.TLSEnabled, m.TrinoVersion
	if version.IsUnknown() || m.ExtraProperties.IsUnknown() || m.SecretProperties.IsUnknown() {
		return nil
	}
	var v *int64
	if !version.IsNull() {
		n, ps := connection.WholeNumber(connection.InputTrinoVersion, version.ValueBigFloat())
		if ps.HasError() {
			return nil // trino_version's own check reports it
		}
		v = &n
	}
	in := connection.PropertyInputs{Unknown: map[string]bool{}}
	in.Extra = knownValues(m.ExtraProperties, in.Unknown)
	in.Secret = knownValues(m.SecretProperties, in.Unknown)
	tlsEnabled := tls.IsNull() || tls.IsUnknown() || tls.ValueBool()
	return connection.CheckProperties(in, tlsEnabled, v)
}

// knownValues returns a map's entries, with "" for each value that is not known yet (or null,
// which Read and Open report), and records those keys in unknown.
func knownValues(props types.Map, unknown map[string]bool) map[string]string {
	values, nulls, unknowns := mapEntries(props)
	for _, k := range append(nulls, unknowns...) {
		values[k], unknown[k] = "", true
	}
	return values
}
