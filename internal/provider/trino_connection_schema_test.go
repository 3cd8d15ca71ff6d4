package provider

import (
	"context"
	"math/big"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/ephemeral"
	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// The contract names the sensitive attributes; no other attribute may be sensitive, and every input
// with a default must be Optional and Computed so that state shows the value used.
func TestDataSourceSchemaSensitivityAndRoles(t *testing.T) {
	resp := &datasource.SchemaResponse{}
	NewTrinoConnectionDataSource().Schema(context.Background(), datasource.SchemaRequest{}, resp)
	if resp.Diagnostics.HasError() {
		t.Fatal(resp.Diagnostics)
	}
	if diags := resp.Schema.ValidateImplementation(context.Background()); diags.HasError() {
		t.Fatal(diags)
	}
	var sensitive, optionalComputed, required, optional []string
	for name, a := range resp.Schema.Attributes {
		if a.IsSensitive() {
			sensitive = append(sensitive, name)
		}
		switch {
		case a.IsRequired():
			required = append(required, name)
		case a.IsOptional() && a.IsComputed():
			optionalComputed = append(optionalComputed, name)
		case a.IsOptional():
			optional = append(optional, name)
		}
		if a.GetMarkdownDescription() == "" {
			t.Errorf("%s has no description", name)
		}
	}
	for _, c := range []struct {
		what      string
		got, want []string
	}{
		{"sensitive", sensitive, []string{"api_token", "env", "password", "properties", "properties_map", "secret_properties"}},
		{"required", required, []string{"cluster"}},
		{"optional and computed", optionalComputed, []string{"catalog_name", "domain", "env_var_prefix", "environment", "extra_properties", "grpc_port", "secret_properties", "tls_enabled"}},
		{"optional only", optional, []string{"api_token", "trino_version"}},
	} {
		sort.Strings(c.got)
		if strings.Join(c.got, ",") != strings.Join(c.want, ",") {
			t.Errorf("%s attributes = %v, want %v", c.what, c.got, c.want)
		}
	}
}

// The raw values the data source and the ephemeral resource read and write, and the function's raw
// result, use types built from connectionAttributes; they must be exactly the schemas' types and the
// function's return type.
func TestConnectionObjectTypeMatchesSchemas(t *testing.T) {
	ctx := context.Background()
	ds := &datasource.SchemaResponse{}
	NewTrinoConnectionDataSource().Schema(ctx, datasource.SchemaRequest{}, ds)
	eph := &ephemeral.SchemaResponse{}
	NewTrinoConnectionEphemeralResource().Schema(ctx, ephemeral.SchemaRequest{}, eph)
	for name, typ := range map[string]tftypes.Type{
		"data source":        ds.Schema.Type().TerraformType(ctx),
		"ephemeral resource": eph.Schema.Type().TerraformType(ctx),
	} {
		if !typ.Equal(connectionObjectType) {
			t.Errorf("the %s schema's type %s differs from connectionObjectType %s", name, typ, connectionObjectType)
		}
	}
	fn := &function.DefinitionResponse{}
	NewTrinoConnectionFunction().Definition(ctx, function.DefinitionRequest{}, fn)
	if typ := fn.Definition.Return.GetType().TerraformType(ctx); !typ.Equal(connectionResultObjectType) {
		t.Errorf("trino_connection's return type %s differs from connectionResultObjectType %s", typ, connectionResultObjectType)
	}
}

// A model survives the trip to a raw value and back, null, unknown and known values alike.
func TestConnectionModelRawRoundTrip(t *testing.T) {
	m := connectionModel{
		APIToken: types.StringNull(), Cluster: types.StringValue("pug"), Environment: types.StringUnknown(), Domain: types.StringValue("x.io"),
		TLSEnabled: types.BoolValue(false), GRPCPort: types.NumberValue(big.NewFloat(8096)), TrinoVersion: types.NumberUnknown(),
		ExtraProperties:  types.MapValueMust(types.StringType, map[string]attr.Value{"k": types.StringValue("v"), "u": types.StringUnknown()}),
		SecretProperties: types.MapNull(types.StringType), CatalogName: types.StringValue("pinot"), CreateCatalogSQL: types.StringNull(),
		EnvVarPrefix: types.StringNull(), TokenType: types.StringValue("basic"), Username: types.StringValue("u"), Password: types.StringValue("p"),
		ControllerURL: types.StringValue("c"), GRPCProxyURI: types.StringValue("g"), Properties: types.StringValue("p=1\n"),
		PropertiesMap: types.MapValueMust(types.StringType, map[string]attr.Value{"p": types.StringValue("1")}), EnvProperties: types.StringValue("e"),
		EnvPropertiesMap: types.MapValueMust(types.StringType, map[string]attr.Value{"p": types.StringValue("${ENV:P}")}),
		Env:              types.MapNull(types.StringType),
	}
	var back connectionModel
	if err := back.fromRaw(m.toRaw()); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(back, m) {
		t.Errorf("round trip changed the model:\n%+v\n%+v", back, m)
	}
}

// The ephemeral resource's page must not advise what an ephemeral value cannot do.
func TestEphemeralDescriptionsSayWhatEphemeralValuesFeed(t *testing.T) {
	attrs := ephemeralAttributes()
	envProperties := attrs["env_properties"].GetMarkdownDescription()
	if strings.Contains(envProperties, "use it for ConfigMaps") || !strings.Contains(envProperties, "cannot go into a ConfigMap") {
		t.Errorf("env_properties on the ephemeral resource: %s", envProperties)
	}
	if env := attrs["env"].GetMarkdownDescription(); !strings.Contains(env, "write-only") {
		t.Errorf("env on the ephemeral resource: %s", env)
	}
	if ds := dataSourceAttributes()["env_properties"].GetMarkdownDescription(); !strings.Contains(ds, "use it for ConfigMaps") {
		t.Errorf("env_properties on the data source lost its advice: %s", ds)
	}
}

// Every field of connectionModel belongs to exactly one attribute of the table, with the Go type
// of the attribute's kind: a field added without its attribute (or with the wrong kind) fails
// here, not in a run.
func TestAttributeTableCoversTheModel(t *testing.T) {
	var m connectionModel
	base := reflect.ValueOf(&m).Elem()
	owners := map[uintptr]string{}
	kindTypes := map[attributeKind]reflect.Type{
		kindString:    reflect.TypeOf(types.String{}),
		kindBool:      reflect.TypeOf(types.Bool{}),
		kindNumber:    reflect.TypeOf(types.Number{}),
		kindStringMap: reflect.TypeOf(types.Map{}),
	}
	for _, a := range connectionAttributes {
		p := reflect.ValueOf(a.field(&m))
		if p.Kind() != reflect.Pointer {
			t.Fatalf("%s: field is not a pointer", a.name)
		}
		if p.Elem().Type() != kindTypes[a.kind] {
			t.Errorf("%s: field of type %s for kind %d", a.name, p.Elem().Type(), a.kind)
		}
		if other, taken := owners[p.Pointer()]; taken {
			t.Errorf("%s and %s share a field", a.name, other)
		}
		owners[p.Pointer()] = a.name
	}
	for i := 0; i < base.NumField(); i++ {
		f := base.Type().Field(i)
		owner, ok := owners[base.Field(i).Addr().Pointer()]
		if !ok {
			t.Errorf("connectionModel.%s has no attribute in connectionAttributes", f.Name)
			continue
		}
		if tag := f.Tag.Get("tfsdk"); tag != owner {
			t.Errorf("connectionModel.%s is tagged %q but read and written as %q", f.Name, tag, owner)
		}
	}
}
