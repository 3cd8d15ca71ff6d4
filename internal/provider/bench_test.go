package provider

import (
	"context"
	"fmt"
	"math/big"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// BenchmarkDataSourceRead measures what Terraform asks of the provider for one data source
// instance during a plan: validate its configuration, then read it, through the framework's
// protocol server, from the msgpack-encoded configuration to the msgpack-encoded state.
func BenchmarkDataSourceRead(b *testing.B) {
	ctx := context.Background()
	server, encode := configuredServer(b)
	config := encode(guideAttrs(map[string]tftypes.Value{"api_token": str(guideBasicToken)}))
	b.ReportAllocs()
	for b.Loop() {
		v, err := server.ValidateDataResourceConfig(ctx, &tfprotov6.ValidateDataResourceConfigRequest{TypeName: "startree_trino_connection", Config: config})
		if err != nil || len(v.Diagnostics) > 0 {
			b.Fatal(err, v.Diagnostics)
		}
		r, err := server.ReadDataSource(ctx, &tfprotov6.ReadDataSourceRequest{TypeName: "startree_trino_connection", Config: config})
		if err != nil || len(r.Diagnostics) > 0 {
			b.Fatal(err, r.Diagnostics)
		}
	}
}

// BenchmarkGetProviderSchema measures what every provider process pays first: a new server and the
// schemas of the provider, the data source, the ephemeral resource and the functions.
func BenchmarkGetProviderSchema(b *testing.B) {
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		server, err := NewServer("bench")()
		if err != nil {
			b.Fatal(err)
		}
		if _, err := server.GetProviderSchema(ctx, &tfprotov6.GetProviderSchemaRequest{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkTrinoConnectionFunction measures one call of provider::startree::trino_connection
// through the protocol server, from the msgpack-encoded argument to the encoded result.
func BenchmarkTrinoConnectionFunction(b *testing.B) {
	ctx := context.Background()
	server, err := testProviders["startree"]()
	if err != nil {
		b.Fatal(err)
	}
	settingsType := tftypes.Object{AttributeTypes: map[string]tftypes.Type{
		"api_token": tftypes.String, "cluster": tftypes.String, "environment": tftypes.String, "domain": tftypes.String,
	}}
	settings := tftypes.NewValue(settingsType, map[string]tftypes.Value{
		"api_token": str(guideBasicToken), "cluster": str("pug"), "environment": str("prod"), "domain": str("awesome-company.startree.cloud"),
	})
	arg, err := tfprotov6.NewDynamicValue(tftypes.DynamicPseudoType, settings)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		resp, err := server.CallFunction(ctx, &tfprotov6.CallFunctionRequest{Name: "trino_connection", Arguments: []*tfprotov6.DynamicValue{&arg}})
		if err != nil || resp.Error != nil {
			b.Fatal(err, resp.Error)
		}
	}
}

// BenchmarkManySecretProperties reads one data source with 5,000 secret_properties (keys a newer
// Trino might bind): the secrets are masked in one call, so memory grows with their number, not
// its square (6,000 took 1.8 GB when each was masked on its own).
func BenchmarkManySecretProperties(b *testing.B) {
	ctx := context.Background()
	server, encode := configuredServer(b)
	secrets := map[string]tftypes.Value{}
	for i := range 5000 {
		secrets[fmt.Sprintf("pinot.future.k%05d", i)] = str(fmt.Sprintf("secret-%05d", i))
	}
	config := encode(guideAttrs(map[string]tftypes.Value{
		"api_token":         str(guideBasicToken),
		"trino_version":     tftypes.NewValue(tftypes.Number, big.NewFloat(999)),
		"secret_properties": tftypes.NewValue(tftypes.Map{ElementType: tftypes.String}, secrets),
	}))
	b.ReportAllocs()
	for b.Loop() {
		r, err := server.ReadDataSource(ctx, &tfprotov6.ReadDataSourceRequest{TypeName: "startree_trino_connection", Config: config})
		if err != nil || len(r.Diagnostics) == 0 {
			b.Fatal(err, "want the unknown-key warnings")
		}
	}
}
