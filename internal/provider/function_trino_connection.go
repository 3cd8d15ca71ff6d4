package provider

import (
	"context"
	"fmt"
	"maps"
	"math/big"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/startree/terraform-provider-startree/internal/connection"
)

var _ function.Function = trinoConnectionFunction{}

// connectionResultType is the result of trino_connection: exactly the data source's outputs.
var connectionResultType = func() map[string]attr.Type {
	outputs := map[string]attr.Type{}
	for _, a := range connectionAttributes {
		if a.role == roleOutput {
			outputs[a.name] = a.attrType()
		}
	}
	return outputs
}()

// connectionInputs maps each input name of the data source to its description.
var connectionInputs = func() map[string]connectionAttribute {
	inputs := map[string]connectionAttribute{}
	for _, a := range connectionAttributes {
		if a.role != roleOutput {
			inputs[a.name] = a
		}
	}
	return inputs
}()

// trinoConnectionFunction is provider::startree::trino_connection.
type trinoConnectionFunction struct{}

// NewTrinoConnectionFunction returns the trino_connection function.
func NewTrinoConnectionFunction() function.Function { return trinoConnectionFunction{} }

func (trinoConnectionFunction) Metadata(_ context.Context, _ function.MetadataRequest, resp *function.MetadataResponse) {
	resp.Name = "trino_connection"
}

func (trinoConnectionFunction) Definition(_ context.Context, _ function.DefinitionRequest, resp *function.DefinitionResponse) {
	resp.Definition = function.Definition{
		Summary: "Compute a StarTree Trino connection at plan time, without a data block",
		MarkdownDescription: "Computes what the `startree_trino_connection` data source computes, from an object (or map) with the data source's argument names, " +
			"and returns an object with exactly the data source's outputs: " + codeList(slices.Sorted(maps.Keys(connectionResultType))) + ". " +
			"A function cannot read the provider block or the environment, so `cluster`, `environment` and `domain` are required, and so is `api_token` when `tls_enabled` is true (the default); " +
			"the other arguments default as on the data source, and a null value counts as unset. Each value is converted as Terraform converts it for the data source's typed argument " +
			"(`grpc_port = \"8096\"` is the number 8096, `tls_enabled = \"false\"` the bool, a number in `extra_properties` its decimal text), or refused with Terraform's words. " +
			"An unknown part anywhere in `settings` makes the result unknown." + functionNotes,
		Parameters: []function.Parameter{
			function.DynamicParameter{
				Name:                "settings",
				MarkdownDescription: "An object or map with the data source's argument names: " + codeList(slices.Sorted(maps.Keys(connectionInputs))) + ".",
			},
		},
		Return: function.ObjectReturn{AttributeTypes: connectionResultType},
	}
}

func (trinoConnectionFunction) Run(ctx context.Context, req function.RunRequest, resp *function.RunResponse) {
	var settings types.Dynamic
	resp.Error = req.Arguments.Get(ctx, &settings)
	if resp.Error != nil {
		return
	}
	s, numberProblems, texts := functionSettings(settings)
	if len(texts) > 0 || numberProblems.HasError() {
		resp.Error = function.NewArgumentFuncError(0, strings.Join(append(problemTexts("settings", numberProblems), texts...), "; "))
		return
	}
	c, ps := connection.Compute(s)
	if resp.Error = problemsError(0, "settings", ps); resp.Error != nil {
		return
	}
	var m connectionModel
	m.setOutputs(c)
	outputs := make(map[string]attr.Value, len(connectionResultType))
	for _, a := range connectionAttributes {
		if a.role == roleOutput {
			outputs[a.name] = fieldValue(a.field(&m))
		}
	}
	result := types.ObjectValueMust(connectionResultType, outputs)
	resp.Error = resp.Result.Set(ctx, result)
}

// fieldValue is the value of a model field, given by its place.
func fieldValue(field any) attr.Value {
	switch v := field.(type) {
	case *types.String:
		return *v
	case *types.Bool:
		return *v
	case *types.Number:
		return *v
	case *types.Map:
		return *v
	}
	panic(fmt.Sprintf("provider: a model field of type %T", field))
}

// functionSettings reads the settings argument into core Settings, converting each value as
// Terraform converts it for the data source's typed attribute. It returns the core's problems with
// the numbers and the texts of the other errors: an unknown argument name, a value Terraform could
// not convert, a required argument that is missing.
func functionSettings(v types.Dynamic) (connection.Settings, connection.Problems, []string) {
	s := connection.DefaultSettings()
	var attrs map[string]attr.Value
	switch u := v.UnderlyingValue().(type) {
	case types.Object:
		attrs = u.Attributes()
	case types.Map:
		attrs = u.Elements()
	default:
		return s, nil, []string{"settings must be an object or a map with the data source's argument names (" + strings.Join(slices.Sorted(maps.Keys(connectionInputs)), ", ") + ")"}
	}
	var unknownNames []string
	for name := range attrs {
		if _, ok := connectionInputs[name]; !ok {
			unknownNames = append(unknownNames, strconv.Quote(name))
		}
	}
	if len(unknownNames) > 0 {
		sort.Strings(unknownNames)
		return s, nil, []string{"settings has no argument named " + strings.Join(unknownNames, ", ") + "; the allowed names are " + strings.Join(slices.Sorted(maps.Keys(connectionInputs)), ", ")}
	}
	r := settingsReader{attrs: attrs}
	s.NoFallbacks = true
	var token string
	if r.str("api_token", &token) {
		s.APIToken = &token
	}
	r.str("cluster", &s.Cluster)
	s.Environment = r.optionalStr("environment")
	s.Domain = r.optionalStr("domain")
	r.str("env_var_prefix", &s.EnvVarPrefix)
	r.str("catalog_name", &s.CatalogName)
	r.number("grpc_port", connection.InputGRPCPort, &s.GRPCPort)
	var version int64
	if r.number("trino_version", connection.InputTrinoVersion, &version) {
		s.TrinoVersion = &version
	}
	r.boolean("tls_enabled", &s.TLSEnabled)
	s.ExtraProperties = r.stringMap("extra_properties")
	s.SecretProperties = r.stringMap("secret_properties")
	return s, r.problems, r.texts
}

// settingsReader reads the arguments of settings, collecting what is wrong with them.
type settingsReader struct {
	attrs    map[string]attr.Value
	problems connection.Problems
	texts    []string
}

func (r *settingsReader) present(name string) (attr.Value, bool) {
	val, ok := r.attrs[name]
	return val, ok && !val.IsNull()
}

// optionalStr reads a string argument that may be absent: nil then, for the core to report.
func (r *settingsReader) optionalStr(name string) *string {
	var v string
	if !r.str(name, &v) {
		return nil
	}
	return &v
}

// str reads a string argument; a number or bool is converted, as Terraform converts it.
func (r *settingsReader) str(name string, target *string) bool {
	val, ok := r.present(name)
	if !ok {
		return false
	}
	s, ok := stringOf(val)
	if !ok {
		r.texts = append(r.texts, "settings."+name+": string required")
		return false
	}
	*target = s
	return true
}

// number reads a whole-number argument: a number, or a string Terraform reads as one.
func (r *settingsReader) number(name string, in connection.Input, target *int64) bool {
	val, ok := r.present(name)
	if !ok {
		return false
	}
	f, ok := numberOf(val)
	if !ok {
		r.texts = append(r.texts, "settings."+name+": a number is required")
		return false
	}
	n, ps := connection.WholeNumber(in, f)
	if ps.HasError() {
		r.problems = append(r.problems, ps...)
		return false
	}
	*target = n
	return true
}

// boolean reads a bool argument: a bool, or "true", "false", "1" or "0" as Terraform reads them.
func (r *settingsReader) boolean(name string, target *bool) {
	val, ok := r.present(name)
	if !ok {
		return
	}
	if b, isBool := val.(types.Bool); isBool {
		*target = b.ValueBool()
		return
	}
	if sv, isString := val.(types.String); isString {
		switch sv.ValueString() {
		case "true", "1":
			*target = true
			return
		case "false", "0":
			*target = false
			return
		}
		if lower := strings.ToLower(sv.ValueString()); lower == "true" || lower == "false" {
			r.texts = append(r.texts, "settings."+name+": a bool is required; to convert from string, use lowercase \""+lower+"\"")
			return
		}
	}
	r.texts = append(r.texts, "settings."+name+": a bool is required")
}

// stringMap reads an object or map argument whose values Terraform can convert to strings.
func (r *settingsReader) stringMap(name string) map[string]string {
	val, ok := r.present(name)
	if !ok {
		return nil
	}
	var elems map[string]attr.Value
	switch u := val.(type) {
	case types.Object:
		elems = u.Attributes()
	case types.Map:
		elems = u.Elements()
	default:
		r.texts = append(r.texts, "settings."+name+": an object or a map of strings is required")
		return nil
	}
	out := make(map[string]string, len(elems))
	for _, k := range slices.Sorted(maps.Keys(elems)) {
		e := elems[k]
		if e.IsNull() {
			r.texts = append(r.texts, fmt.Sprintf("settings.%s[%q]: the value is null; give it a string value or remove the entry", name, k))
			continue
		}
		s, ok := stringOf(e)
		if !ok {
			r.texts = append(r.texts, fmt.Sprintf("settings.%s[%q]: string required", name, k))
			continue
		}
		out[k] = s
	}
	return out
}

// stringOf converts a value to a string as Terraform does for a string attribute: numbers in
// their exact decimal form, bools as "true" or "false".
func stringOf(v attr.Value) (string, bool) {
	switch u := v.(type) {
	case types.String:
		return u.ValueString(), true
	case types.Number:
		return u.ValueBigFloat().Text('f', -1), true
	case types.Bool:
		return strconv.FormatBool(u.ValueBool()), true
	}
	return "", false
}

// numberOf converts a value to a number as Terraform does for a number attribute: a string is
// read as a decimal number.
func numberOf(v attr.Value) (*big.Float, bool) {
	switch u := v.(type) {
	case types.Number:
		return u.ValueBigFloat(), true
	case types.String:
		f, _, err := big.ParseFloat(u.ValueString(), 10, 512, big.ToNearestEven)
		return f, err == nil
	}
	return nil, false
}
