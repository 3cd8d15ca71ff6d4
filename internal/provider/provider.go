// Package provider holds the Terraform adapters over the connection core: the provider, the
// startree_trino_connection data source and ephemeral resource, and the provider functions.
package provider

import (
	"context"
	"fmt"
	"os"
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/ephemeral"
	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/startree/terraform-provider-startree/internal/connection"
)

var (
	_ provider.Provider                       = (*StarTreeProvider)(nil)
	_ provider.ProviderWithEphemeralResources = (*StarTreeProvider)(nil)
	_ provider.ProviderWithFunctions          = (*StarTreeProvider)(nil)
)

// StarTreeProvider is the startree provider. Only the startree_trino_catalog resource makes
// network calls, to the Trino of the trino block; every other object computes its values from its
// inputs, the provider block and the environment.
type StarTreeProvider struct {
	version string
	// data is what Configure resolved, for the RPCs the protocol server answers itself.
	data *providerData
}

// providerModel is the provider block.
type providerModel struct {
	APIToken     types.String `tfsdk:"api_token"`
	Domain       types.String `tfsdk:"domain"`
	Environment  types.String `tfsdk:"environment"`
	TrinoVersion types.Int64  `tfsdk:"trino_version"`
	Trino        *trinoBlock  `tfsdk:"trino"`
}

// fallback is a value the provider block or the environment supplies when an object leaves an input
// unset; from says where it came from, for the messages about it, and is "" when nothing supplied it.
type fallback struct {
	value string
	from  string
}

// providerData is what Configure hands to every data source and ephemeral resource.
type providerData struct {
	apiToken    fallback
	domain      fallback
	environment fallback
	// trinoVersion is the release every object checks against unless it sets its own; nil for
	// the newest the provider knows.
	trinoVersion     *int64
	trinoVersionFrom string
	// trino says how the catalog resource reaches Trino; only that resource reads it.
	trino trinoSettings
}

// Metadata names the provider.
func (p *StarTreeProvider) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = "startree"
	resp.Version = p.version
}

// Schema describes the provider block.
func (p *StarTreeProvider) Schema(_ context.Context, _ provider.SchemaRequest, resp *provider.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Computes the settings that connect Trino to a StarTree Cloud (Apache Pinot) cluster through the StarTree Pinot proxy: credentials from an API token, the proxy URLs, and the Trino catalog file, offline. " +
			"Only the `startree_trino_catalog` resource makes network calls, to the Trino coordinator the `trino` block names; without that block nothing connects anywhere. Every value set here is a default that an object's own attribute overrides.",
		Attributes: map[string]schema.Attribute{
			"api_token": schema.StringAttribute{
				MarkdownDescription: "Default StarTree API token for every object that sets no `api_token`. Falls back to the `" + connection.EnvAPIToken + "` environment variable. A token taken from here or from the environment is never written to state.",
				Optional:            true,
				Sensitive:           true,
				Validators:          []validator.String{stringValidator{description: "must be a StarTree basic or bearer API token", check: checkToken}},
			},
			"domain": schema.StringAttribute{
				MarkdownDescription: "Default StarTree Cloud domain, such as `awesome-company.startree.cloud`. Falls back to the `" + connection.EnvDomain + "` environment variable.",
				Optional:            true,
				Validators:          []validator.String{stringValidator{description: "must be a lowercase DNS name", check: stringRule(connection.CheckDomain)}},
			},
			"environment": schema.StringAttribute{
				MarkdownDescription: "Default StarTree Cloud environment, such as `prod`. Falls back to the `" + connection.EnvEnvironment + "` environment variable.",
				Optional:            true,
				Validators:          []validator.String{stringValidator{description: "must be a DNS label", check: checkLabel(connection.InputEnvironment)}},
			},
			"trino_version": schema.Int64Attribute{
				MarkdownDescription: "The Trino release the catalogs are for, such as `476`: every data source and ephemeral resource that sets no `trino_version` of its own checks `extra_properties` and `secret_properties` against it. " +
					"Set it once, next to the Trino image or Helm chart you deploy, so that the release checked is the release run. Falls back to the `" + connection.EnvTrinoVersion + "` environment variable; " +
					"unset, the objects check against the newest release the provider knows. Functions read no provider block: give `trino_connection` its own `trino_version`.",
				Optional: true,
			},
		},
		Blocks: map[string]schema.Block{"trino": trinoBlockSchema()},
	}
}

// Configure resolves the provider block and the environment into the fallbacks of every object.
func (p *StarTreeProvider) Configure(ctx context.Context, req provider.ConfigureRequest, resp *provider.ConfigureResponse) {
	var cfg providerModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	checkKnown(&resp.Diagnostics, cfg.APIToken, "api_token", "StarTree API token", connection.EnvAPIToken)
	checkKnown(&resp.Diagnostics, cfg.Domain, "domain", "StarTree domain", connection.EnvDomain)
	checkKnown(&resp.Diagnostics, cfg.Environment, "environment", "StarTree environment", connection.EnvEnvironment)
	checkKnown(&resp.Diagnostics, cfg.TrinoVersion, "trino_version", "Trino version", connection.EnvTrinoVersion)
	if resp.Diagnostics.HasError() {
		return
	}
	data := &providerData{
		apiToken:    resolveFallback(cfg.APIToken, "api_token", connection.EnvAPIToken),
		domain:      resolveFallback(cfg.Domain, "domain", connection.EnvDomain),
		environment: resolveFallback(cfg.Environment, "environment", connection.EnvEnvironment),
	}
	data.trinoVersion, data.trinoVersionFrom = resolveTrinoVersion(&resp.Diagnostics, cfg.TrinoVersion)
	data.trino = resolveTrino(cfg.Trino)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.ResourceData = data
	resp.DataSourceData = data
	resp.EphemeralResourceData = data
	p.data = data
}

// resolveTrinoVersion is the provider block's trino_version, else STARTREE_TRINO_VERSION's, with
// where it came from; each is held to the rule of an object's own trino_version.
func resolveTrinoVersion(diags *diag.Diagnostics, v types.Int64) (*int64, string) {
	var version int64
	from := ""
	switch env := os.Getenv(connection.EnvTrinoVersion); {
	case !v.IsNull():
		version, from = v.ValueInt64(), "the provider block's trino_version"
	case env != "":
		n, err := strconv.ParseInt(env, 10, 64)
		if err != nil {
			diags.AddError("Invalid "+connection.EnvTrinoVersion,
				"The "+connection.EnvTrinoVersion+" environment variable is not a whole number. Set it to a Trino release such as 476, or unset it.")
			return nil, ""
		}
		version, from = n, "the "+connection.EnvTrinoVersion+" environment variable"
	default:
		return nil, ""
	}
	for _, p := range connection.CheckTrinoVersion(version) {
		diags.AddAttributeError(path.Root("trino_version"), p.Summary, "The value comes from "+from+". "+p.Detail)
	}
	return &version, from
}

// checkKnown refuses a provider block value that is unknown at plan time: the objects compute their
// results during plan, so a value known only after apply cannot be used.
func checkKnown(diags *diag.Diagnostics, v attr.Value, name, what, envVar string) {
	if !v.IsUnknown() {
		return
	}
	diags.AddAttributeError(path.Root(name), "Unknown "+what,
		"The provider block's "+name+" depends on a value that is known only after apply, and the provider computes connections during plan. "+
			"Set "+name+" to a value known at plan time (a variable or a literal), or remove it and set the "+envVar+" environment variable.")
}

func resolveFallback(v types.String, name, envVar string) fallback {
	if !v.IsNull() {
		return fallback{value: v.ValueString(), from: "the provider block's " + name}
	}
	if s := os.Getenv(envVar); s != "" {
		return fallback{value: s, from: "the " + envVar + " environment variable"}
	}
	return fallback{}
}

// configuredData takes the providerData that Configure handed over; nil (before Configure, as in
// validation) leaves an object with no fallbacks.
func configuredData(v any, diags *diag.Diagnostics) *providerData {
	if v == nil {
		return nil
	}
	data, ok := v.(*providerData)
	if !ok {
		diags.AddError("Unexpected provider data", fmt.Sprintf("Expected *providerData, got %T. This is a bug in the provider.", v))
		return nil
	}
	return data
}

// DataSources lists the provider's data sources.
func (p *StarTreeProvider) DataSources(context.Context) []func() datasource.DataSource {
	return []func() datasource.DataSource{NewTrinoConnectionDataSource}
}

// EphemeralResources lists the provider's ephemeral resources.
func (p *StarTreeProvider) EphemeralResources(context.Context) []func() ephemeral.EphemeralResource {
	return []func() ephemeral.EphemeralResource{NewTrinoConnectionEphemeralResource}
}

// Functions lists the provider's functions.
func (p *StarTreeProvider) Functions(context.Context) []func() function.Function {
	return []func() function.Function{NewParseAPITokenFunction, NewTrinoConnectionFunction, NewEncodePropertiesFunction, NewEncodeCreateCatalogFunction}
}

// Resources lists the provider's managed resources.
func (p *StarTreeProvider) Resources(context.Context) []func() resource.Resource {
	return []func() resource.Resource{NewTrinoCatalogResource}
}
