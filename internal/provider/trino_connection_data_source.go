package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	dsschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
)

var (
	_ datasource.DataSource                   = (*trinoConnectionDataSource)(nil)
	_ datasource.DataSourceWithConfigure      = (*trinoConnectionDataSource)(nil)
	_ datasource.DataSourceWithValidateConfig = (*trinoConnectionDataSource)(nil)
)

// trinoConnectionDataSource is the startree_trino_connection data source.
type trinoConnectionDataSource struct {
	data *providerData
}

// NewTrinoConnectionDataSource returns the startree_trino_connection data source.
func NewTrinoConnectionDataSource() datasource.DataSource {
	return &trinoConnectionDataSource{}
}

func (d *trinoConnectionDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_trino_connection"
}

func (d *trinoConnectionDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = dsschema.Schema{
		MarkdownDescription: connectionDescription + " The password, the token set on the data source and the catalog with inline credentials are stored in state (marked sensitive); use the ephemeral resource to keep them out of state.",
		Attributes:          dataSourceAttributes(),
	}
}

func (d *trinoConnectionDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.data = configuredData(req.ProviderData, &resp.Diagnostics)
}

// ValidateConfig and Read are the framework's entry points. Terraform's requests for this type are
// answered by protocolServer (protocol.go), which calls the same validateConnectionConfig and
// readConnection on the raw value: these are the fallbacks, held to the protocol path by
// TestFrameworkFallbacksAgreeWithTheProtocolPath.
func (d *trinoConnectionDataSource) ValidateConfig(_ context.Context, req datasource.ValidateConfigRequest, resp *datasource.ValidateConfigResponse) {
	resp.Diagnostics.Append(validateConnectionConfig(req.Config.Raw)...)
}

func (d *trinoConnectionDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	result, diags := readConnection(ctx, req.Config.Raw, d.data)
	resp.Diagnostics.Append(diags...)
	if !diags.HasError() {
		resp.State.Raw = result
	}
}
