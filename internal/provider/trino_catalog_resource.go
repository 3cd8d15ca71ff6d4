package provider

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/identityschema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/mapplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/startree/terraform-provider-startree/internal/connection"
	"github.com/startree/terraform-provider-startree/internal/trinoclient"
)

var (
	_ resource.Resource                   = (*trinoCatalogResource)(nil)
	_ resource.ResourceWithConfigure      = (*trinoCatalogResource)(nil)
	_ resource.ResourceWithImportState    = (*trinoCatalogResource)(nil)
	_ resource.ResourceWithValidateConfig = (*trinoCatalogResource)(nil)
	_ resource.ResourceWithModifyPlan     = (*trinoCatalogResource)(nil)
	_ resource.ResourceWithIdentity       = (*trinoCatalogResource)(nil)
)

// trinoCatalogIdentity is the resource's identity (Terraform 1.12 and later): the catalog's name,
// which is what an import block's identity names too.
type trinoCatalogIdentity struct {
	Name types.String `tfsdk:"name"`
}

func (r *trinoCatalogResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = identityschema.Schema{
		Attributes: map[string]identityschema.Attribute{
			"name": identityschema.StringAttribute{
				RequiredForImport: true,
				Description:       "The catalog's name.",
			},
		},
	}
}

// setIdentity writes the identity beside the state, where the client keeps one.
func setIdentity(ctx context.Context, identity *tfsdk.ResourceIdentity, name types.String, diags *diag.Diagnostics) {
	if identity != nil {
		diags.Append(identity.Set(ctx, trinoCatalogIdentity{Name: name})...)
	}
}

// trinoCatalogResource owns one catalog of a running Trino: CREATE CATALOG, its row in
// system.metadata.catalogs, DROP CATALOG. Trino has no ALTER CATALOG, so any change replaces it.
type trinoCatalogResource struct {
	data *providerData
}

// NewTrinoCatalogResource returns the startree_trino_catalog resource.
func NewTrinoCatalogResource() resource.Resource {
	return &trinoCatalogResource{}
}

type trinoCatalogModel struct {
	ID                   types.String `tfsdk:"id"`
	Name                 types.String `tfsdk:"name"`
	Properties           types.Map    `tfsdk:"properties"`
	InlineSecrets        types.Map    `tfsdk:"inline_secrets_wo"`
	InlineSecretsVersion types.Int64  `tfsdk:"inline_secrets_wo_version"`
	TrinoVersion         types.Int64  `tfsdk:"trino_version"`
	ConnectorName        types.String `tfsdk:"connector_name"`
}

func (r *trinoCatalogResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_trino_catalog"
}

func (r *trinoCatalogResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "One catalog of a running Trino coordinator with dynamic catalog management (`catalog.management=dynamic`), created with `CREATE CATALOG` and dropped with `DROP CATALOG`, " +
			"over Trino's client protocol to the coordinator of the provider's `trino` block. Trino has no `ALTER CATALOG`, so a change of any property replaces the catalog (the plan says so). " +
			"A catalog dropped outside Terraform is planned for creation again; an existing one is imported by its name (an import ID, or from Terraform 1.12 the resource identity's `name`). " +
			"The same plan-time rules as the connection's `extra_properties` run on `properties`, so a catalog Trino would refuse never reaches apply.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				MarkdownDescription: "The catalog's name.",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"name": schema.StringAttribute{
				MarkdownDescription: "The catalog's name: a lower-case identifier of at most 240 characters, not `system`. Changing it replaces the catalog.",
				Required:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"properties": schema.MapAttribute{
				MarkdownDescription: "The catalog, `connector.name` included: the `env_properties_map` of a `startree_trino_connection` (data source or `trino_connection` function), whose secrets are `${ENV:...}` references. " +
					"Trino logs every `CREATE CATALOG` and shows it in its Web UI, so by default the statement holds references only: set the variables of the connection's `env` on the coordinator and on every worker. " +
					"Changing any entry replaces the catalog. After an import, the first apply stores it without replacing the catalog.",
				ElementType: types.StringType,
				Required:    true,
				PlanModifiers: []planmodifier.Map{mapplanmodifier.RequiresReplaceIf(func(_ context.Context, req planmodifier.MapRequest, resp *mapplanmodifier.RequiresReplaceIfFuncResponse) {
					// An imported catalog has no properties in state: storing them is no change.
					resp.RequiresReplace = !req.StateValue.IsNull()
				}, "Trino has no ALTER CATALOG: a change of any property drops the catalog and creates it again.", "Trino has no ALTER CATALOG: a change of any property drops the catalog and creates it again.")},
			},
			"inline_secrets_wo": schema.MapAttribute{
				MarkdownDescription: "Values written into the statement inline, in place of the entries of `properties` with the same keys (usually the `${ENV:...}` references of the credentials), " +
					"for a Trino whose nodes do not carry the variables. An explicit choice: Trino then logs the credentials with the statement and shows them in its Web UI. " +
					"Write-only (Terraform 1.11 and later): never stored in plan or state. Raise `inline_secrets_wo_version` to replace the catalog with new values.",
				ElementType: types.StringType,
				Optional:    true,
				Sensitive:   true,
				WriteOnly:   true,
			},
			"inline_secrets_wo_version": schema.Int64Attribute{
				MarkdownDescription: "Any number; changing it replaces the catalog with the current `inline_secrets_wo`.",
				Optional:            true,
				PlanModifiers:       []planmodifier.Int64{int64planmodifier.RequiresReplace()},
			},
			"trino_version": schema.Int64Attribute{
				MarkdownDescription: "The Trino release the coordinator runs, for the plan-time rules; unset, the provider block's `trino_version`, then `" + connection.EnvTrinoVersion + "`, then the newest release the provider knows.",
				Optional:            true,
			},
			"connector_name": schema.StringAttribute{
				MarkdownDescription: "The catalog's connector as Trino reports it in `system.metadata.catalogs`.",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
		},
	}
}

func (r *trinoCatalogResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.data = configuredData(req.ProviderData, &resp.Diagnostics)
}

// ValidateConfig checks the name; the catalog is checked in ModifyPlan, where the provider
// block's trino_version is known.
func (r *trinoCatalogResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var m trinoCatalogModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if !m.Name.IsNull() && !m.Name.IsUnknown() {
		for _, p := range connection.CheckCatalogName(m.Name.ValueString()) {
			appendProblem(&resp.Diagnostics, path.Root("name"), p)
		}
	}
}

// ModifyPlan runs the plan-time rules on the catalog with its inline values, once all are known,
// for the release of trino_version (or the provider block's): a catalog Trino would refuse never
// reaches apply.
func (r *trinoCatalogResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() {
		return
	}
	var m trinoCatalogModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	catalog, known := m.catalog()
	if !known || m.TrinoVersion.IsUnknown() {
		return
	}
	var version *int64
	switch {
	case !m.TrinoVersion.IsNull():
		v := m.TrinoVersion.ValueInt64()
		version = &v
	case r.data != nil:
		version = r.data.trinoVersion
	}
	r.checkCatalog(&resp.Diagnostics, catalog, m.InlineSecrets, version)
}

// checkCatalog applies CheckCatalog; a problem on an inlined key goes on the object, and never
// quotes the value.
func (r *trinoCatalogResource) checkCatalog(diags *diag.Diagnostics, catalog map[string]string, inline types.Map, version *int64) {
	inlined, _, _ := mapEntries(inline)
	for _, p := range connection.CheckCatalog(catalog, version) {
		if _, secret := inlined[p.Key]; secret {
			p.OnObject = true
			p.Detail = "In inline_secrets_wo[" + fmt.Sprintf("%q", p.Key) + "]: " + p.Detail
		}
		appendProblem(diags, path.Root("properties"), p)
	}
}

// catalog is properties with the inline values in place; false while a part is unknown.
func (m trinoCatalogModel) catalog() (map[string]string, bool) {
	if m.Properties.IsUnknown() || m.InlineSecrets.IsUnknown() {
		return nil, false
	}
	props, _, unknown := mapEntries(m.Properties)
	inline, _, unknownInline := mapEntries(m.InlineSecrets)
	if len(unknown) > 0 || len(unknownInline) > 0 {
		return nil, false
	}
	catalog := maps.Clone(props)
	if catalog == nil {
		catalog = map[string]string{}
	}
	maps.Copy(catalog, inline)
	return catalog, true
}

// client connects to the coordinator of the provider's trino block.
func (r *trinoCatalogResource) client(diags *diag.Diagnostics) *trinoclient.Client {
	if r.data == nil || !r.data.trino.configured {
		diags.AddError("No Trino to manage catalogs on",
			"startree_trino_catalog needs the provider block's trino block (or the "+EnvTrinoURL+" environment variable) to name the Trino coordinator, with url, user and password or access_token.")
		return nil
	}
	t := r.data.trino
	if t.unknown != "" {
		diags.AddAttributeError(path.Root("trino").AtName(t.unknown), "Unknown trino."+t.unknown,
			"The provider block's trino."+t.unknown+" is known only after apply, and the catalog resource needs it to reach Trino. Give it a value known at plan time, or an ephemeral value.")
		return nil
	}
	if t.badTimeout {
		diags.AddAttributeError(path.Root("trino").AtName("request_timeout"), "Invalid trino.request_timeout",
			"trino.request_timeout (or "+EnvTrinoRequestTimeout+") is not a positive Go duration such as 30s or 2m.")
		return nil
	}
	c, err := trinoclient.New(t.config)
	if err != nil {
		diags.AddAttributeError(path.Root("trino"), "Invalid trino block", err.Error())
		return nil
	}
	return c
}

func (r *trinoCatalogResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan, config trinoCatalogModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	if resp.Diagnostics.HasError() {
		return
	}
	plan.InlineSecrets = config.InlineSecrets
	catalog, _ := plan.catalog()
	name := plan.Name.ValueString()
	statement, ps := connection.EncodeCreateCatalog(name, catalog)
	if ps.HasError() {
		appendInputProblems(&resp.Diagnostics, ps)
		return
	}
	c := r.client(&resp.Diagnostics)
	if c == nil {
		return
	}
	defer c.Close()
	inline, _, _ := mapEntries(config.InlineSecrets)
	c.MaskSecrets(slicesOfValues(inline)...)
	if err := c.Exec(ctx, statement); err != nil {
		addTrinoError(&resp.Diagnostics, "create the catalog "+name, name, err)
		return
	}
	connector, found, err := c.Catalog(ctx, name)
	if err != nil || !found {
		if err == nil {
			err = &trinoclient.Error{Kind: trinoclient.KindProtocol, Message: "Trino ran CREATE CATALOG, but system.metadata.catalogs does not list the catalog"}
		}
		addTrinoError(&resp.Diagnostics, "read the new catalog "+name, name, err)
		return
	}
	plan.ID = types.StringValue(name)
	plan.ConnectorName = types.StringValue(connector)
	plan.InlineSecrets = types.MapNull(types.StringType)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
	setIdentity(ctx, resp.Identity, plan.Name, &resp.Diagnostics)
}

// stateAndClient reads the resource's state and connects to Trino; the client is nil when either
// failed, with the diagnostics saying why.
func (r *trinoCatalogResource) stateAndClient(ctx context.Context, st tfsdk.State, diags *diag.Diagnostics) (trinoCatalogModel, *trinoclient.Client) {
	var state trinoCatalogModel
	diags.Append(st.Get(ctx, &state)...)
	if diags.HasError() {
		return state, nil
	}
	return state, r.client(diags)
}

func (r *trinoCatalogResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	state, c := r.stateAndClient(ctx, req.State, &resp.Diagnostics)
	if c == nil {
		return
	}
	defer c.Close()
	name := state.Name.ValueString()
	connector, found, err := c.Catalog(ctx, name)
	if err != nil {
		addTrinoError(&resp.Diagnostics, "read the catalog "+name, name, err)
		return
	}
	if !found {
		// Dropped outside Terraform: the next plan creates it again. The framework wants an
		// identity after every read that did not fail, a removal too.
		setIdentity(ctx, resp.Identity, state.Name, &resp.Diagnostics)
		resp.State.RemoveResource(ctx)
		return
	}
	state.ID = types.StringValue(name)
	state.ConnectorName = types.StringValue(connector)
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
	setIdentity(ctx, resp.Identity, state.Name, &resp.Diagnostics)
}

// Update stores what changes without replacing the catalog: the properties of an imported one, and
// trino_version.
func (r *trinoCatalogResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state trinoCatalogModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	plan.ID, plan.ConnectorName = state.ID, state.ConnectorName
	plan.InlineSecrets = types.MapNull(types.StringType)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
	setIdentity(ctx, resp.Identity, plan.Name, &resp.Diagnostics)
}

func (r *trinoCatalogResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	state, c := r.stateAndClient(ctx, req.State, &resp.Diagnostics)
	if c == nil {
		return
	}
	defer c.Close()
	name := state.Name.ValueString()
	if err := c.Exec(ctx, "DROP CATALOG IF EXISTS "+trinoclient.Identifier(name)); err != nil {
		addTrinoError(&resp.Diagnostics, "drop the catalog "+name, name, err)
		var te *trinoclient.Error
		if !errors.As(err, &te) || te.Kind != trinoclient.KindQuery {
			return
		}
		resp.Diagnostics.AddError("A catalog that failed to load",
			"If Trino lists the catalog but failed to load it (a variable it refers to is not set on the coordinator, say), Trino before 478 cannot drop it: "+
				"remove <name>.properties from the file catalog store's folder on the coordinator (catalog.config-dir), restart the coordinator, and run terraform destroy again, or forget it with terraform state rm.")
	}
}

// ImportState takes the catalog's name, as an import ID or (Terraform 1.12 and later) as the
// identity's name.
func (r *trinoCatalogResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	name := req.ID
	if name == "" && req.Identity != nil {
		var identity trinoCatalogIdentity
		resp.Diagnostics.Append(req.Identity.Get(ctx, &identity)...)
		if resp.Diagnostics.HasError() {
			return
		}
		name = identity.Name.ValueString()
	}
	if ps := connection.CheckCatalogName(name); ps.HasError() {
		resp.Diagnostics.AddError("Invalid catalog name to import", "Import a startree_trino_catalog by the catalog's name: "+ps[0].Detail)
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("name"), name)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), name)...)
	setIdentity(ctx, resp.Identity, types.StringValue(name), &resp.Diagnostics)
}

func slicesOfValues(m map[string]string) []string {
	out := make([]string, 0, len(m))
	for _, v := range m {
		out = append(out, v)
	}
	return out
}

// addTrinoError says what failed and how to fix it, from a failure of the client.
func addTrinoError(diags *diag.Diagnostics, what, name string, err error) {
	var te *trinoclient.Error
	if !errors.As(err, &te) {
		diags.AddError("Could not "+what, err.Error())
		return
	}
	summary, detail := "Could not "+what, ""
	switch te.Kind {
	case trinoclient.KindUnreachable:
		summary = "Trino coordinator unreachable"
		detail = "The provider could not connect to the coordinator of trino.url (" + te.Message + "). Check that trino.url, or " + EnvTrinoURL + ", names the coordinator, and that it is running."
	case trinoclient.KindTimeout:
		summary = "Trino coordinator did not answer"
		detail = "The coordinator gave no answer within trino.request_timeout. Raise request_timeout, or look at the coordinator's load and logs."
	case trinoclient.KindTLS:
		summary = "TLS with the Trino coordinator failed"
		detail = "The coordinator's certificate was not accepted (" + te.Message + "). Give the certificate of the authority that signs it in trino.ca_certificate, and use the host name the certificate names in trino.url."
	case trinoclient.KindAuthentication:
		summary = "Trino refused the credentials"
		detail = "The coordinator answered " + te.Message + " for trino.user. Check trino.password or trino.access_token (or " + EnvTrinoPassword + ", " + EnvTrinoAccessToken + ")."
	case trinoclient.KindQuery:
		detail = "Trino's message: " + te.Message
		switch {
		case te.Name == "ALREADY_EXISTS" || te.Name == "CATALOG_ALREADY_EXISTS" || strings.HasSuffix(te.Message, "already exists"):
			summary = "Catalog already exists"
			detail = fmt.Sprintf("Trino already has a catalog named %q. To manage it with Terraform, import it (terraform import <resource address> %s, or an import block with id = %q); or choose another name.", name, name, name)
		case te.Name == "NOT_SUPPORTED" || te.Name == "CATALOG_STORE_ERROR" && containsAny(te.Message, "read only", "Read-only"):
			summary = "Trino does not manage catalogs dynamically"
			detail = "Trino's message: " + te.Message + ". Set catalog.management=dynamic in the coordinator's config.properties, with a writable catalog store (catalog.store=file and catalog.config-dir in etc/catalog-store.properties on a writable volume), and restart it."
		default:
			summary = "Trino refused to " + what
		}
	default:
		detail = te.Message
	}
	diags.AddError(summary, detail)
}

func containsAny(s string, parts ...string) bool {
	for _, p := range parts {
		if strings.Contains(s, p) {
			return true
		}
	}
	return false
}
