package provider

import (
	"context"
	"sort"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/startree/terraform-provider-startree/internal/connection"
)

var _ function.Function = encodePropertiesFunction{}

// encodePropertiesFunction is provider::startree::encode_properties.
type encodePropertiesFunction struct{}

// NewEncodePropertiesFunction returns the encode_properties function.
func NewEncodePropertiesFunction() function.Function { return encodePropertiesFunction{} }

func (encodePropertiesFunction) Metadata(_ context.Context, _ function.MetadataRequest, resp *function.MetadataResponse) {
	resp.Name = "encode_properties"
}

func (encodePropertiesFunction) Definition(_ context.Context, _ function.DefinitionRequest, resp *function.DefinitionResponse) {
	resp.Definition = function.Definition{
		Summary: "Encode a map of strings as a Java properties file",
		MarkdownDescription: "Encodes any `map(string)` as a Java properties file, which HCL has no encoder for: one `key=value` line per entry, keys sorted by Unicode code point, " +
			"LF line endings and a final newline (an empty map gives an empty string). The escaping is the catalog's: pure ASCII with `\\uXXXX` for other characters, " +
			"and `java.util.Properties.load` gives back exactly the map, whatever the keys and values hold (`\\`, `=`, `:`, `#`, `!`, line breaks, tabs, leading spaces). " +
			"Unlike `extra_properties`, the keys are not checked against Trino's property names." + functionNotes,
		Parameters: []function.Parameter{
			function.MapParameter{
				Name:                "properties",
				ElementType:         types.StringType,
				MarkdownDescription: "The keys and values to encode.",
			},
		},
		Return: function.StringReturn{},
	}
}

func (encodePropertiesFunction) Run(ctx context.Context, req function.RunRequest, resp *function.RunResponse) {
	var props types.Map
	resp.Error = req.Arguments.Get(ctx, &props)
	if resp.Error != nil {
		return
	}
	m, funcErr := propertiesArgument(0, props)
	if resp.Error = funcErr; resp.Error != nil {
		return
	}
	resp.Error = resp.Result.Set(ctx, types.StringValue(connection.EncodeProperties(m)))
}

// propertiesArgument reads a map(string) argument; a null value is an error that names its key.
func propertiesArgument(arg int64, props types.Map) (map[string]string, *function.FuncError) {
	values, nulls, _ := mapEntries(props)
	if len(nulls) > 0 {
		quoted := make([]string, len(nulls))
		for i, k := range nulls {
			quoted[i] = strconv.Quote(k)
		}
		sort.Strings(quoted)
		return nil, function.NewArgumentFuncError(arg, "Null property value for "+strings.Join(quoted, ", ")+": give each entry a string value or remove it")
	}
	return values, nil
}
