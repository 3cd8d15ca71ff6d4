package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/startree/terraform-provider-startree/internal/connection"
)

var _ function.Function = parseAPITokenFunction{}

// tokenObjectType is the result of parse_api_token.
var tokenObjectType = map[string]attr.Type{
	"token_type": types.StringType,
	"username":   types.StringType,
	"password":   types.StringType,
}

// parseAPITokenFunction is provider::startree::parse_api_token.
type parseAPITokenFunction struct{}

// NewParseAPITokenFunction returns the parse_api_token function.
func NewParseAPITokenFunction() function.Function { return parseAPITokenFunction{} }

func (parseAPITokenFunction) Metadata(_ context.Context, _ function.MetadataRequest, resp *function.MetadataResponse) {
	resp.Name = "parse_api_token"
}

func (parseAPITokenFunction) Definition(_ context.Context, _ function.DefinitionRequest, resp *function.DefinitionResponse) {
	resp.Definition = function.Definition{
		Summary: "Decode a StarTree API token into its type, username and password",
		MarkdownDescription: "Decodes a StarTree API token, basic (base64 of `<key>:<secret>`) or bearer (`st-<key>-<secret>`), into an object " +
			"`{token_type, username, password}` by the same rules as the `api_token` of `startree_trino_connection`. White space around the token is ignored." + functionNotes,
		Parameters: []function.Parameter{
			function.StringParameter{
				Name:                "token",
				MarkdownDescription: "The StarTree API token.",
			},
		},
		Return: function.ObjectReturn{AttributeTypes: tokenObjectType},
	}
}

func (parseAPITokenFunction) Run(ctx context.Context, req function.RunRequest, resp *function.RunResponse) {
	var token string
	resp.Error = req.Arguments.Get(ctx, &token)
	if resp.Error != nil {
		return
	}
	creds, ps := connection.ParseToken(token)
	if resp.Error = problemsError(0, "", ps); resp.Error != nil {
		return
	}
	result := types.ObjectValueMust(tokenObjectType, map[string]attr.Value{
		"token_type": types.StringValue(string(creds.Type)),
		"username":   types.StringValue(creds.Username),
		"password":   types.StringValue(creds.Password),
	})
	resp.Error = resp.Result.Set(ctx, result)
}
