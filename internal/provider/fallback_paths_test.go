package provider

import (
	"context"
	"fmt"
	"reflect"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/ephemeral"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// The framework's ValidateConfig, Read and Open of the data source and the ephemeral resource are
// fallbacks: protocolServer answers Terraform's requests for them. Both paths give the same
// diagnostics and the same result, over valid inputs, each kind of broken one and warnings.
func TestFrameworkFallbacksAgreeWithTheProtocolPath(t *testing.T) {
	ctx := context.Background()
	protocol, encode := configuredServer(t)
	ps, ok := protocol.(*protocolServer)
	if !ok {
		t.Fatalf("the test providers are not served by protocolServer: %T", protocol)
	}
	framework := ps.ProviderServer
	cases := []map[string]tftypes.Value{
		{"api_token": str(guideBasicToken)},
		{"api_token": str(guideBearerToken), "catalog_name": str("sales"), "extra_properties": stringMapValueOf(map[string]string{"pinot.connection-timeout": "2m"})},
		{"api_token": str(guideBasicToken), "tls_enabled": tftypes.NewValue(tftypes.Bool, false)},
		{"api_token": str("not a token")},
		{"api_token": str(guideBasicToken), "extra_properties": stringMapValueOf(map[string]string{"pinot.conection-timeout": "1m", "pinot.connection-timeout": "5s"})},
		{"api_token": str(guideBasicToken), "cluster": str("Pug")},
		{"api_token": str(guideBasicToken), "secret_properties": stringMapValueOf(map[string]string{"pinot.grpc.tls.keystore-password": "pa${x"})},
	}
	for i, attrs := range cases {
		t.Run(fmt.Sprint(i), func(t *testing.T) {
			config := encode(guideAttrs(attrs))
			pv, err1 := protocol.ValidateDataResourceConfig(ctx, &tfprotov6.ValidateDataResourceConfigRequest{TypeName: connectionTypeName, Config: config})
			fv, err2 := framework.ValidateDataResourceConfig(ctx, &tfprotov6.ValidateDataResourceConfigRequest{TypeName: connectionTypeName, Config: config})
			if err1 != nil || err2 != nil || diagnosticsText(pv.Diagnostics) != diagnosticsText(fv.Diagnostics) {
				t.Errorf("validate: protocol %v %s\nframework %v %s", err1, diagnosticsText(pv.Diagnostics), err2, diagnosticsText(fv.Diagnostics))
			}
			pr, err1 := protocol.ReadDataSource(ctx, &tfprotov6.ReadDataSourceRequest{TypeName: connectionTypeName, Config: config})
			fr, err2 := framework.ReadDataSource(ctx, &tfprotov6.ReadDataSourceRequest{TypeName: connectionTypeName, Config: config})
			if err1 != nil || err2 != nil || diagnosticsText(pr.Diagnostics) != diagnosticsText(fr.Diagnostics) || !sameValue(t, pr.State, fr.State, pr.Diagnostics) {
				t.Errorf("read: protocol %v %s\nframework %v %s", err1, diagnosticsText(pr.Diagnostics), err2, diagnosticsText(fr.Diagnostics))
			}
			po, err1 := protocol.OpenEphemeralResource(ctx, &tfprotov6.OpenEphemeralResourceRequest{TypeName: connectionTypeName, Config: config})
			fo, err2 := framework.OpenEphemeralResource(ctx, &tfprotov6.OpenEphemeralResourceRequest{TypeName: connectionTypeName, Config: config})
			if err1 != nil || err2 != nil || diagnosticsText(po.Diagnostics) != diagnosticsText(fo.Diagnostics) || !sameValue(t, po.Result, fo.Result, po.Diagnostics) {
				t.Errorf("open: protocol %v %s\nframework %v %s", err1, diagnosticsText(po.Diagnostics), err2, diagnosticsText(fo.Diagnostics))
			}
		})
	}
}

func diagnosticsText(ds []*tfprotov6.Diagnostic) string {
	s := ""
	for _, d := range ds {
		s += fmt.Sprintf("[%v %q %q %v]", d.Severity, d.Summary, d.Detail, d.Attribute)
	}
	return s
}

// sameValue reports whether two results hold the same object. After an error Terraform reads no
// result, so only the diagnostics are compared then.
func sameValue(t *testing.T, a, b *tfprotov6.DynamicValue, diags []*tfprotov6.Diagnostic) bool {
	t.Helper()
	for _, d := range diags {
		if d.Severity == tfprotov6.DiagnosticSeverityError {
			return true
		}
	}
	if a == nil || b == nil {
		return false
	}
	av, err1 := a.Unmarshal(connectionObjectType)
	bv, err2 := b.Unmarshal(connectionObjectType)
	return err1 == nil && err2 == nil && av.Equal(bv)
}

// protocolServer answers the intercepted type's validation itself, so the framework's Validators,
// DeprecationMessage and ConfigValidators would never run for it: its schemas may have none.
func TestInterceptedSchemasHaveNoFrameworkValidation(t *testing.T) {
	ctx := context.Background()
	ds := NewTrinoConnectionDataSource()
	var dsResp datasource.SchemaResponse
	ds.Schema(ctx, datasource.SchemaRequest{}, &dsResp)
	er := NewTrinoConnectionEphemeralResource()
	var erResp ephemeral.SchemaResponse
	er.Schema(ctx, ephemeral.SchemaRequest{}, &erResp)
	for kind, attrs := range map[string]map[string]any{"data source": anyAttributes(dsResp.Schema.Attributes), "ephemeral resource": anyAttributes(erResp.Schema.Attributes)} {
		if len(attrs) < 10 {
			t.Fatalf("%s: %d attributes", kind, len(attrs))
		}
		inspected := 0
		for name, a := range attrs {
			v := reflect.ValueOf(a)
			if v.Kind() != reflect.Struct || !v.FieldByName("Validators").IsValid() {
				t.Fatalf("%s attribute %s is a %T: the test cannot see its fields", kind, name, a)
			}
			inspected++
			for _, field := range []string{"Validators", "DeprecationMessage", "PlanModifiers", "Default"} {
				if f := v.FieldByName(field); f.IsValid() && !f.IsZero() {
					t.Errorf("%s attribute %s has %s, which the protocol path never runs", kind, name, field)
				}
			}
		}
		if inspected != len(attrs) {
			t.Errorf("%s: %d of %d attributes inspected", kind, inspected, len(attrs))
		}
	}
	if dsResp.Schema.DeprecationMessage != "" || erResp.Schema.DeprecationMessage != "" {
		t.Error("a deprecation message on an intercepted schema is never shown")
	}
	if _, ok := ds.(datasource.DataSourceWithConfigValidators); ok {
		t.Error("the data source has ConfigValidators, which the protocol path never runs")
	}
	if _, ok := er.(ephemeral.EphemeralResourceWithConfigValidators); ok {
		t.Error("the ephemeral resource has ConfigValidators, which the protocol path never runs")
	}
}

func anyAttributes[A any](m map[string]A) map[string]any {
	out := make(map[string]any, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

// A diagnostic path with a step the protocol server does not write is an error of its own, not a
// diagnostic quietly moved to the step before.
func TestUnwritableDiagnosticPathIsLoud(t *testing.T) {
	var diags diag.Diagnostics
	diags.AddAttributeError(path.Root("extra_properties").AtListIndex(0), "S", "D")
	out := protocolDiagnostics(diags)
	if len(out) != 2 || out[0].Summary != "Unwritable diagnostic path" || out[1].Summary != "S" || out[1].Attribute != nil {
		t.Errorf("got %s", diagnosticsText(out))
	}
	diags = nil
	diags.AddAttributeError(path.Root("extra_properties").AtMapKey("k"), "S", "D")
	if out := protocolDiagnostics(diags); len(out) != 1 || out[0].Attribute.String() != tftypes.NewAttributePath().WithAttributeName("extra_properties").WithElementKeyString("k").String() {
		t.Errorf("got %s", diagnosticsText(out))
	}
}
