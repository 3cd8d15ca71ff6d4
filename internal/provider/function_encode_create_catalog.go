package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/startree/terraform-provider-startree/internal/connection"
)

var _ function.Function = encodeCreateCatalogFunction{}

// encodeCreateCatalogFunction is provider::startree::encode_create_catalog.
type encodeCreateCatalogFunction struct{}

// NewEncodeCreateCatalogFunction returns the encode_create_catalog function.
func NewEncodeCreateCatalogFunction() function.Function { return encodeCreateCatalogFunction{} }

func (encodeCreateCatalogFunction) Metadata(_ context.Context, _ function.MetadataRequest, resp *function.MetadataResponse) {
	resp.Name = "encode_create_catalog"
}

func (encodeCreateCatalogFunction) Definition(_ context.Context, _ function.DefinitionRequest, resp *function.DefinitionResponse) {
	resp.Definition = function.Definition{
		Summary: "Encode a catalog map as a Trino CREATE CATALOG statement",
		MarkdownDescription: "Does for CREATE CATALOG what `encode_properties` does for the catalog file: from a map in the shape of `properties_map` (with `connector.name`), " +
			"it writes `CREATE CATALOG \"<name>\" USING <connector.name> WITH (...)`, the other entries sorted by key, the catalog and property names quoted identifiers (`\"` doubled) " +
			"and every value a string literal (`'` doubled), numbers and booleans too, since Trino evaluates each catalog property as a varchar. " +
			"The connector name is written bare, since Trino looks the connector up by the name as written, quotes included: it must be a lower-case identifier, such as `pinot`. " +
			"Trino's own parser reads the statement back to exactly the map, and the tests run it on a real Trino server. The names and values are not checked against Trino's properties." + functionNotes,
		Parameters: []function.Parameter{
			function.StringParameter{
				Name:                "name",
				MarkdownDescription: "The catalog name: a lower-case identifier (letters, digits and `_`), since Trino lower-cases catalog names, of at most 240 characters (the file catalog store writes `<name>.properties.tmp`, and a file name has at most 255 bytes), and not `system`, which every Trino has.",
			},
			function.MapParameter{
				Name:                "properties",
				ElementType:         types.StringType,
				MarkdownDescription: "The catalog's keys and values, `connector.name` included.",
			},
		},
		Return: function.StringReturn{},
	}
}

func (encodeCreateCatalogFunction) Run(ctx context.Context, req function.RunRequest, resp *function.RunResponse) {
	var name string
	var props types.Map
	resp.Error = req.Arguments.Get(ctx, &name, &props)
	if resp.Error != nil {
		return
	}
	m, funcErr := propertiesArgument(1, props)
	if resp.Error = funcErr; resp.Error != nil {
		return
	}
	sql, ps := connection.EncodeCreateCatalog(name, m)
	if ps.HasError() {
		arg := int64(1)
		if ps[0].Input == connection.InputCatalogName {
			arg = 0
		}
		resp.Error = problemsError(arg, "", ps)
		return
	}
	resp.Error = resp.Result.Set(ctx, types.StringValue(sql))
}
