package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/startree/terraform-provider-startree/internal/connection"
)

// connectionDescription opens the documentation of the data source and the ephemeral resource.
const connectionDescription = "Computes the settings that connect Trino to a StarTree Cloud cluster through the StarTree Pinot proxy: " +
	"the username and password from an API token, the controller URL, the gRPC proxy URI, and the Trino catalog file, " +
	"inline (`properties`) or with environment references (`env_properties` plus `env`). Everything is computed locally, without a network call."

// validateExtraProperties checks extra_properties at validation time, when the values it depends on
// are known. Unknown values are left to Read or Open: trino_version decides which keys Trino knows,
// so nothing is judged while it is unknown; an unknown tls_enabled is taken as the default, under
// which no TLS rule fires; an unknown value is not judged at all. Only errors are reported here.
func validateExtraProperties(cfg tfsdk.Config, diags *diag.Diagnostics) {
	var m connectionModel
	if err := m.fromRaw(cfg.Raw); err != nil {
		diags.AddError("Unreadable configuration", "The provider could not read the configuration: "+err.Error()+". This is a bug in the provider.")
		return
	}
	tls, version := m.TLSEnabled, m.TrinoVersion
	if version.IsUnknown() || m.ExtraProperties.IsUnknown() || m.SecretProperties.IsUnknown() {
		return
	}
	in := connection.PropertyInputs{Unknown: map[string]bool{}}
	in.Extra = knownValues(m.ExtraProperties, in.Unknown)
	in.Secret = knownValues(m.SecretProperties, in.Unknown)
	var v *int64
	if !version.IsNull() {
		n, ps := connection.WholeNumber(connection.InputTrinoVersion, version.ValueBigFloat())
		if ps.HasError() {
			return // the attribute's own validator reports it
		}
		v = &n
	}
	tlsEnabled := tls.IsNull() || tls.IsUnknown() || tls.ValueBool()
	appendInputProblems(diags, connection.CheckProperties(in, tlsEnabled, v).Errors())
}

// knownValues returns a map's entries, with "" for each value that is not known yet (or null,
// which Read and Open report), and records those keys in unknown.
func knownValues(props types.Map, unknown map[string]bool) map[string]string {
	if props.IsNull() {
		return nil
	}
	values := make(map[string]string, len(props.Elements()))
	for k, e := range props.Elements() {
		if s, ok := e.(types.String); ok && !s.IsNull() && !s.IsUnknown() {
			values[k] = s.ValueString()
			continue
		}
		values[k], unknown[k] = "", true
	}
	return values
}
