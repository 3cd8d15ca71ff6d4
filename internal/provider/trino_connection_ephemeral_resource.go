package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/ephemeral"
	ephschema "github.com/hashicorp/terraform-plugin-framework/ephemeral/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

var (
	_ ephemeral.EphemeralResource                   = (*trinoConnectionEphemeralResource)(nil)
	_ ephemeral.EphemeralResourceWithConfigure      = (*trinoConnectionEphemeralResource)(nil)
	_ ephemeral.EphemeralResourceWithValidateConfig = (*trinoConnectionEphemeralResource)(nil)
)

// trinoConnectionEphemeralResource is the startree_trino_connection ephemeral resource: the data
// source's inputs and outputs, computed on every run and never written to state or plan.
type trinoConnectionEphemeralResource struct {
	data *providerData
}

// NewTrinoConnectionEphemeralResource returns the startree_trino_connection ephemeral resource.
func NewTrinoConnectionEphemeralResource() ephemeral.EphemeralResource {
	return &trinoConnectionEphemeralResource{}
}

func (r *trinoConnectionEphemeralResource) Metadata(_ context.Context, req ephemeral.MetadataRequest, resp *ephemeral.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_trino_connection"
}

func (r *trinoConnectionEphemeralResource) Schema(_ context.Context, _ ephemeral.SchemaRequest, resp *ephemeral.SchemaResponse) {
	resp.Schema = ephschema.Schema{
		MarkdownDescription: connectionDescription + " Nothing of it is written to plan or state: use it to feed write-only arguments and provider blocks. Requires Terraform 1.10 or later. " +
			"Give it the token from a variable declared `ephemeral = true` (or from `STARTREE_API_TOKEN`): a variable that is only `sensitive` is still written into the plan file of `terraform plan -out`. " +
			"Its values are ephemeral, so ordinary arguments (a ConfigMap, Helm values) cannot take them: take the catalog, which holds no secret, from the data source or the `trino_connection` function.",
		Attributes: ephemeralAttributes(),
	}
}

func (r *trinoConnectionEphemeralResource) Configure(_ context.Context, req ephemeral.ConfigureRequest, resp *ephemeral.ConfigureResponse) {
	r.data = configuredData(req.ProviderData, &resp.Diagnostics)
}

// ValidateConfig and Open are the framework's entry points; protocolServer answers Terraform's
// requests for this type with the same functions (see the data source's).
func (r *trinoConnectionEphemeralResource) ValidateConfig(_ context.Context, req ephemeral.ValidateConfigRequest, resp *ephemeral.ValidateConfigResponse) {
	resp.Diagnostics.Append(validateConnectionConfig(req.Config.Raw)...)
}

func (r *trinoConnectionEphemeralResource) Open(ctx context.Context, req ephemeral.OpenRequest, resp *ephemeral.OpenResponse) {
	result, diags := readConnection(ctx, req.Config.Raw, r.data)
	resp.Diagnostics.Append(diags...)
	if !diags.HasError() {
		resp.Result.Raw = result
	}
}

// ephemeralAttributes builds the ephemeral resource schema's attributes from connectionAttributes.
func ephemeralAttributes() map[string]ephschema.Attribute {
	attrs := make(map[string]ephschema.Attribute, len(connectionAttributes))
	for _, a := range connectionAttributes {
		required, optional, computed := a.flags()
		switch a.kind {
		case kindString:
			attrs[a.name] = ephschema.StringAttribute{MarkdownDescription: a.ephemeralText(), Required: required, Optional: optional, Computed: computed, Sensitive: a.sensitive}
		case kindBool:
			attrs[a.name] = ephschema.BoolAttribute{MarkdownDescription: a.ephemeralText(), Required: required, Optional: optional, Computed: computed, Sensitive: a.sensitive}
		case kindNumber:
			attrs[a.name] = ephschema.NumberAttribute{MarkdownDescription: a.ephemeralText(), Required: required, Optional: optional, Computed: computed, Sensitive: a.sensitive}
		case kindStringMap:
			attrs[a.name] = ephschema.MapAttribute{ElementType: types.StringType, MarkdownDescription: a.ephemeralText(), Required: required, Optional: optional, Computed: computed, Sensitive: a.sensitive}
		}
	}
	return attrs
}
