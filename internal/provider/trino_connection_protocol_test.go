package provider

import (
	"context"
	"maps"
	"math/big"
	"reflect"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// These tests speak the plugin protocol to the provider directly, as Terraform does, to check what
// the CLI-driven tests cannot: warnings, and the attribute path each diagnostic is attached to.

// configuredServer returns the provider's protocol server, configured with an empty provider block,
// and a function that encodes a data source configuration with the given attributes (the rest null).
func configuredServer(tb testing.TB) (tfprotov6.ProviderServer, func(map[string]tftypes.Value) *tfprotov6.DynamicValue) {
	tb.Helper()
	ctx := context.Background()
	server, err := testProviders["startree"]()
	if err != nil {
		tb.Fatal(err)
	}
	schemas, err := server.GetProviderSchema(ctx, &tfprotov6.GetProviderSchemaRequest{})
	if err != nil {
		tb.Fatal(err)
	}
	providerType := schemas.Provider.ValueType()
	providerConfig, err := tfprotov6.NewDynamicValue(providerType, nullObject(providerType, nil))
	if err != nil {
		tb.Fatal(err)
	}
	configured, err := server.ConfigureProvider(ctx, &tfprotov6.ConfigureProviderRequest{Config: &providerConfig})
	if err != nil || len(configured.Diagnostics) > 0 {
		tb.Fatalf("ConfigureProvider: %v %v", err, configured.Diagnostics)
	}
	dsType := schemas.DataSourceSchemas["startree_trino_connection"].ValueType()
	return server, func(attrs map[string]tftypes.Value) *tfprotov6.DynamicValue {
		config, err := tfprotov6.NewDynamicValue(dsType, nullObject(dsType, attrs))
		if err != nil {
			tb.Fatal(err)
		}
		return &config
	}
}

// readDataSource validates and reads the data source with the given attributes (the rest null).
func readDataSource(t *testing.T, attrs map[string]tftypes.Value) []*tfprotov6.Diagnostic {
	t.Helper()
	ctx := context.Background()
	server, encode := configuredServer(t)
	config := *encode(attrs)
	validate, err := server.ValidateDataResourceConfig(ctx, &tfprotov6.ValidateDataResourceConfigRequest{TypeName: "startree_trino_connection", Config: &config})
	if err != nil {
		t.Fatal(err)
	}
	if len(validate.Diagnostics) > 0 {
		return validate.Diagnostics
	}
	read, err := server.ReadDataSource(ctx, &tfprotov6.ReadDataSourceRequest{TypeName: "startree_trino_connection", Config: &config})
	if err != nil {
		t.Fatal(err)
	}
	return read.Diagnostics
}

// nullObject builds an object of typ with the given attributes and every other one null.
func nullObject(typ tftypes.Type, attrs map[string]tftypes.Value) tftypes.Value {
	obj, ok := typ.(tftypes.Object)
	if !ok {
		panic("not an object type")
	}
	vals := map[string]tftypes.Value{}
	for name, at := range obj.AttributeTypes {
		if v, ok := attrs[name]; ok {
			vals[name] = v
		} else {
			vals[name] = tftypes.NewValue(at, nil)
		}
	}
	return tftypes.NewValue(typ, vals)
}

func str(s string) tftypes.Value { return tftypes.NewValue(tftypes.String, s) }

func guideAttrs(extra map[string]tftypes.Value) map[string]tftypes.Value {
	attrs := map[string]tftypes.Value{
		"cluster":     str("pug"),
		"environment": str("prod"),
		"domain":      str("awesome-company.startree.cloud"),
	}
	for k, v := range extra {
		attrs[k] = v
	}
	return attrs
}

func stringMapValueOf(m map[string]string) tftypes.Value {
	vals := map[string]tftypes.Value{}
	for k, v := range m {
		vals[k] = str(v)
	}
	return tftypes.NewValue(tftypes.Map{ElementType: tftypes.String}, vals)
}

func TestDataSourceDiagnosticsProtocol(t *testing.T) {
	clearEnvironment(t)
	tests := []struct {
		name     string
		attrs    map[string]tftypes.Value
		severity tfprotov6.DiagnosticSeverity
		path     *tftypes.AttributePath
		summary  string
		detail   string
	}{
		{"token without TLS warns", guideAttrs(map[string]tftypes.Value{"api_token": str(guideBasicToken), "tls_enabled": tftypes.NewValue(tftypes.Bool, false)}),
			tfprotov6.DiagnosticSeverityWarning, tftypes.NewAttributePath().WithAttributeName("api_token"), "Credentials sent without TLS",
			"tls_enabled is false, so Trino sends the username and password derived from api_token to the Pinot proxy unencrypted. Enable TLS unless the network between Trino and the cluster is trusted."},
		{"unknown property errs on its key", guideAttrs(map[string]tftypes.Value{"api_token": str(guideBasicToken), "extra_properties": stringMapValueOf(map[string]string{"pinot.prefer-broker-querys": "true"})}),
			tfprotov6.DiagnosticSeverityError, tftypes.NewAttributePath().WithAttributeName("extra_properties").WithElementKeyString("pinot.prefer-broker-querys"), "Unknown Pinot connector property",
			`"pinot.prefer-broker-querys" is not a property of Trino's Pinot connector in Trino 483 (the newest release the provider knows, since trino_version is not set; set it to the release you run), and Trino refuses to load a catalog with a property it does not use. Did you mean "pinot.prefer-broker-queries"?`},
		{"unknown property warns on its key for a newer Trino", guideAttrs(map[string]tftypes.Value{"api_token": str(guideBasicToken), "trino_version": tftypes.NewValue(tftypes.Number, 500), "extra_properties": stringMapValueOf(map[string]string{"pinot.new-in-500": "true"})}),
			tfprotov6.DiagnosticSeverityWarning, tftypes.NewAttributePath().WithAttributeName("extra_properties").WithElementKeyString("pinot.new-in-500"), "Unknown Pinot connector property",
			`"pinot.new-in-500" is not a property of Trino's Pinot connector as of Trino 483, the newest release the provider knows; trino_version is 500, so it may be new. Trino refuses to load a catalog with a property it does not use. The value is written as given. See the provider documentation for the known property names.`},
		{"invalid value errs on its key", guideAttrs(map[string]tftypes.Value{"api_token": str(guideBasicToken), "extra_properties": stringMapValueOf(map[string]string{"pinot.connection-timeout": "5s"})}),
			tfprotov6.DiagnosticSeverityError, tftypes.NewAttributePath().WithAttributeName("extra_properties").WithElementKeyString("pinot.connection-timeout"), "Invalid value for pinot.connection-timeout",
			`The value is below Trino's minimum of 15s for pinot.connection-timeout.`},
		{"removed property errs on its key", guideAttrs(map[string]tftypes.Value{"api_token": str(guideBasicToken), "extra_properties": stringMapValueOf(map[string]string{"pinot.request-timeout": "1m"})}),
			tfprotov6.DiagnosticSeverityError, tftypes.NewAttributePath().WithAttributeName("extra_properties").WithElementKeyString("pinot.request-timeout"), "Property removed from Trino",
			`"pinot.request-timeout" was removed before Trino 400, and Trino refuses to load a catalog that sets a removed property. Remove it from extra_properties.`},
		{"domain error on domain", guideAttrs(map[string]tftypes.Value{"api_token": str(guideBasicToken), "domain": str("x..io")}),
			tfprotov6.DiagnosticSeverityError, tftypes.NewAttributePath().WithAttributeName("domain"), "Invalid domain",
			`domain "x..io" has an empty label (two dots in a row, or a leading dot). Expected a lowercase DNS name such as "awesome-company.startree.cloud": no scheme, port, path or trailing dot.`},
		{"missing token on api_token", guideAttrs(nil),
			tfprotov6.DiagnosticSeverityError, tftypes.NewAttributePath().WithAttributeName("api_token"), "Missing StarTree API token",
			"A StarTree API token is required when tls_enabled is true. Set api_token on this object, api_token in the provider block, or the STARTREE_API_TOKEN environment variable."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			diags := readDataSource(t, tt.attrs)
			if len(diags) != 1 {
				t.Fatalf("got %d diagnostics, want 1: %v", len(diags), diags)
			}
			d := diags[0]
			if d.Severity != tt.severity || d.Summary != tt.summary || d.Detail != tt.detail || !d.Attribute.Equal(tt.path) {
				t.Errorf("got %v %q %q at %v\nwant %v %q %q at %v", d.Severity, d.Summary, d.Detail, d.Attribute, tt.severity, tt.summary, tt.detail, tt.path)
			}
		})
	}
}

func TestDataSourceUnknownValuesPassValidation(t *testing.T) {
	clearEnvironment(t)
	server, encode := configuredServer(t)
	unknownString := tftypes.NewValue(tftypes.String, tftypes.UnknownValue)
	attrs := map[string]tftypes.Value{
		"api_token":      unknownString,
		"cluster":        unknownString,
		"environment":    unknownString,
		"domain":         unknownString,
		"env_var_prefix": unknownString,
		"grpc_port":      tftypes.NewValue(tftypes.Number, tftypes.UnknownValue),
		"trino_version":  tftypes.NewValue(tftypes.Number, tftypes.UnknownValue),
		"tls_enabled":    tftypes.NewValue(tftypes.Bool, tftypes.UnknownValue),
		"extra_properties": tftypes.NewValue(tftypes.Map{ElementType: tftypes.String}, map[string]tftypes.Value{
			"pinot.grpc.enabled":           unknownString,
			"pinot.grpc.tls.keystore-type": unknownString,
		}),
	}
	resp, err := server.ValidateDataResourceConfig(context.Background(), &tfprotov6.ValidateDataResourceConfigRequest{TypeName: "startree_trino_connection", Config: encode(attrs)})
	if err != nil || len(resp.Diagnostics) != 0 {
		t.Errorf("unknown values drew diagnostics: %v %v", err, resp.Diagnostics)
	}
}

// trino_connection has two ways in: the protocol server answers CallFunction itself, and the
// framework's Run serves a server built without it. Both must give the same result and the same
// error, argument by argument.
func TestTrinoConnectionFunctionPathsAgree(t *testing.T) {
	ctx := context.Background()
	protocol, err := NewServer("test")()
	if err != nil {
		t.Fatal(err)
	}
	framework, err := providerserver.NewProtocol6WithError(&StarTreeProvider{version: "test"})()
	if err != nil {
		t.Fatal(err)
	}
	object := func(attrs map[string]tftypes.Value) tftypes.Value {
		types := map[string]tftypes.Type{}
		for k, v := range attrs {
			types[k] = v.Type()
		}
		return tftypes.NewValue(tftypes.Object{AttributeTypes: types}, attrs)
	}
	num := func(f float64) tftypes.Value { return tftypes.NewValue(tftypes.Number, big.NewFloat(f)) }
	guide := map[string]tftypes.Value{"api_token": str(guideBasicToken), "cluster": str("pug"), "environment": str("prod"), "domain": str("awesome-company.startree.cloud")}
	with := func(extra map[string]tftypes.Value) map[string]tftypes.Value {
		out := maps.Clone(guide)
		maps.Copy(out, extra)
		return out
	}
	cases := map[string]tftypes.Value{
		"guide":           object(guide),
		"map of strings":  tftypes.NewValue(tftypes.Map{ElementType: tftypes.String}, with(map[string]tftypes.Value{"grpc_port": str("8096"), "tls_enabled": str("1")})),
		"converted":       object(with(map[string]tftypes.Value{"trino_version": str("476"), "extra_properties": object(map[string]tftypes.Value{"pinot.fetch-retry-count": num(3)})})),
		"secrets":         object(with(map[string]tftypes.Value{"env_var_prefix": str("PINOT_PROD"), "secret_properties": object(map[string]tftypes.Value{"pinot.grpc.tls.truststore-password": str("changeit")})})),
		"not an object":   str("pug"),
		"unknown name":    object(with(map[string]tftypes.Value{"tls": tftypes.NewValue(tftypes.Bool, false)})),
		"missing names":   object(map[string]tftypes.Value{"cluster": str("pug")}),
		"types":           object(with(map[string]tftypes.Value{"grpc_port": num(1.5), "tls_enabled": str("False"), "extra_properties": object(map[string]tftypes.Value{"a": tftypes.NewValue(tftypes.Tuple{ElementTypes: []tftypes.Type{tftypes.Number}}, []tftypes.Value{num(1)})})})),
		"core rules":      object(with(map[string]tftypes.Value{"cluster": str("Pug")})),
		"null extra key":  object(with(map[string]tftypes.Value{"extra_properties": tftypes.NewValue(tftypes.Map{ElementType: tftypes.String}, map[string]tftypes.Value{"pinot.fetch-retry-count": tftypes.NewValue(tftypes.String, nil)})})),
		"unknown setting": object(with(map[string]tftypes.Value{"cluster": tftypes.NewValue(tftypes.String, tftypes.UnknownValue)})),
	}
	for name, settings := range cases {
		t.Run(name, func(t *testing.T) {
			arg, err := tfprotov6.NewDynamicValue(tftypes.DynamicPseudoType, settings)
			if err != nil {
				t.Fatal(err)
			}
			req := &tfprotov6.CallFunctionRequest{Name: trinoConnectionFunctionName, Arguments: []*tfprotov6.DynamicValue{&arg}}
			got, err := protocol.CallFunction(ctx, req)
			if err != nil {
				t.Fatal(err)
			}
			want, err := framework.CallFunction(ctx, req)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got.Error, want.Error) {
				t.Fatalf("error through the protocol server %+v, through the framework %+v", got.Error, want.Error)
			}
			if want.Error != nil {
				return // Terraform reads no result with an error
			}
			gotValue, err := got.Result.Unmarshal(connectionResultObjectType)
			if err != nil {
				t.Fatal(err)
			}
			wantValue, err := want.Result.Unmarshal(connectionResultObjectType)
			if err != nil {
				t.Fatal(err)
			}
			if !gotValue.Equal(wantValue) {
				t.Errorf("result through the protocol server\n%s\nthrough the framework\n%s", gotValue, wantValue)
			}
		})
	}
}

// Requests Terraform never sends are answered as the framework answers them: a nil configuration
// or argument is an error, not a panic; an unknown tls_enabled is an error, never a plain-text
// catalog.
func TestProtocolPathOnRequestsTerraformDoesNotSend(t *testing.T) {
	ctx := context.Background()
	server, encode := configuredServer(t)
	v, err := server.ValidateDataResourceConfig(ctx, &tfprotov6.ValidateDataResourceConfigRequest{TypeName: connectionTypeName})
	if err != nil || len(v.Diagnostics) != 1 || v.Diagnostics[0].Summary != "Missing configuration" {
		t.Errorf("validate without a configuration: %v %v", err, v)
	}
	r, err := server.ReadDataSource(ctx, &tfprotov6.ReadDataSourceRequest{TypeName: connectionTypeName})
	if err != nil || r.State != nil || len(r.Diagnostics) != 1 || r.Diagnostics[0].Summary != "Missing configuration" {
		t.Errorf("read without a configuration: %v %v", err, r)
	}
	o, err := server.OpenEphemeralResource(ctx, &tfprotov6.OpenEphemeralResourceRequest{TypeName: connectionTypeName})
	if err != nil || o.Result != nil || len(o.Diagnostics) != 1 {
		t.Errorf("open without a configuration: %v %v", err, o)
	}
	f, err := server.CallFunction(ctx, &tfprotov6.CallFunctionRequest{Name: trinoConnectionFunctionName, Arguments: []*tfprotov6.DynamicValue{nil}})
	if err != nil || f.Error == nil || f.Error.Text != "settings is missing: Terraform sent the call without its argument" {
		t.Errorf("call without an argument: %v %+v", err, f)
	}
	config := encode(guideAttrs(map[string]tftypes.Value{"api_token": str(guideBasicToken), "tls_enabled": tftypes.NewValue(tftypes.Bool, tftypes.UnknownValue)}))
	r, err = server.ReadDataSource(ctx, &tfprotov6.ReadDataSourceRequest{TypeName: connectionTypeName, Config: config})
	if err != nil || r.State != nil || len(r.Diagnostics) != 1 || r.Diagnostics[0].Summary != "Unknown tls_enabled" ||
		r.Diagnostics[0].Attribute.String() != tftypes.NewAttributePath().WithAttributeName("tls_enabled").String() {
		t.Errorf("read with an unknown tls_enabled: %v %+v", err, r)
	}
}
