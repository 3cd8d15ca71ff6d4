package provider

import (
	"context"
	"sort"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
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
		{"sensitive", sensitive, []string{"api_token", "env", "password", "properties", "properties_map"}},
		{"required", required, []string{"cluster"}},
		{"optional and computed", optionalComputed, []string{"domain", "env_var_prefix", "environment", "extra_properties", "grpc_port", "tls_enabled"}},
		{"optional only", optional, []string{"api_token", "trino_version"}},
	} {
		sort.Strings(c.got)
		if strings.Join(c.got, ",") != strings.Join(c.want, ",") {
			t.Errorf("%s attributes = %v, want %v", c.what, c.got, c.want)
		}
	}
}
