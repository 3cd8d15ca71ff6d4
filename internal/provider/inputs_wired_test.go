package provider

import (
	"context"
	"maps"
	"math/big"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// inputVariants gives each input of the connection objects a value other than the base's: every
// input must change some output, or the problems, through the data source and through the
// trino_connection function. An input added to connectionAttributes without an entry here fails
// the test, and so does one that an object ignores.
var inputVariants = map[string]tftypes.Value{
	"api_token":         str(guideBearerToken),
	"cluster":           str("beagle"),
	"environment":       str("staging"),
	"domain":            str("other.startree.cloud"),
	"tls_enabled":       tftypes.NewValue(tftypes.Bool, false),
	"grpc_port":         tftypes.NewValue(tftypes.Number, big.NewFloat(9000)),
	"trino_version":     tftypes.NewValue(tftypes.Number, big.NewFloat(476)),
	"extra_properties":  stringMapValueOf(map[string]string{"pinot.http-client.max-request-header-size": "8kB"}),
	"secret_properties": stringMapValueOf(map[string]string{"pinot.http-client.http-proxy.user": "proxy-user"}),
	"env_var_prefix":    str("SALES"),
	"catalog_name":      str("sales"),
}

func TestEveryInputChangesAnOutput(t *testing.T) {
	ctx := context.Background()
	server, encode := configuredServer(t)
	base := map[string]tftypes.Value{"api_token": str(guideBasicToken), "cluster": str("pug"), "environment": str("prod"), "domain": str("awesome-company.startree.cloud")}
	// trino_version changes no output: with a key that exists from 477 on in both runs, its variant
	// (476) turns that key into an error, which is what it changes.
	read := func(attrs map[string]tftypes.Value) (tftypes.Value, string) {
		r, err := server.ReadDataSource(ctx, &tfprotov6.ReadDataSourceRequest{TypeName: connectionTypeName, Config: encode(attrs)})
		if err != nil {
			t.Fatal(err)
		}
		if r.State == nil {
			return tftypes.Value{}, diagnosticsText(r.Diagnostics)
		}
		v, err := r.State.Unmarshal(connectionObjectType)
		if err != nil {
			t.Fatal(err)
		}
		return outputsOf(t, v), diagnosticsText(r.Diagnostics)
	}
	call := func(attrs map[string]tftypes.Value) (tftypes.Value, string) {
		types := map[string]tftypes.Type{}
		for k, v := range attrs {
			types[k] = v.Type()
		}
		result, funcErr := callTrinoConnection(tftypes.NewValue(tftypes.Object{AttributeTypes: types}, attrs))
		if funcErr != nil {
			return tftypes.Value{}, funcErr.Text
		}
		return result, ""
	}
	for _, a := range connectionAttributes {
		if a.role == roleOutput {
			continue
		}
		variant, ok := inputVariants[a.name]
		if !ok {
			t.Errorf("input %s has no variant in inputVariants: give it one, and wire it through every object", a.name)
			continue
		}
		baseAttrs := maps.Clone(base)
		withVariant := maps.Clone(base)
		withVariant[a.name] = variant
		if a.name == "trino_version" {
			for _, m := range []map[string]tftypes.Value{baseAttrs, withVariant} {
				m["extra_properties"] = inputVariants["extra_properties"]
			}
		}
		for path, run := range map[string]func(map[string]tftypes.Value) (tftypes.Value, string){"data source": read, "function": call} {
			before, beforeProblems := run(baseAttrs)
			after, afterProblems := run(withVariant)
			if before.Equal(after) && beforeProblems == afterProblems {
				t.Errorf("%s: input %s changes no output and no problem", path, a.name)
			}
		}
	}
}

// outputsOf keeps the outputs of the data source's object: the inputs it writes back would
// differ whatever the object did with them.
func outputsOf(t *testing.T, v tftypes.Value) tftypes.Value {
	t.Helper()
	var attrs map[string]tftypes.Value
	if err := v.As(&attrs); err != nil {
		t.Fatal(err)
	}
	outputs := map[string]tftypes.Value{}
	for _, a := range connectionAttributes {
		if a.role == roleOutput {
			outputs[a.name] = attrs[a.name]
		}
	}
	return tftypes.NewValue(connectionResultObjectType, outputs)
}
