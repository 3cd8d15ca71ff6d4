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
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

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

// trinoConnectionFunctionName is the name of provider::startree::trino_connection.
const trinoConnectionFunctionName = "trino_connection"

// trinoConnectionFunction is provider::startree::trino_connection.
type trinoConnectionFunction struct{}

// NewTrinoConnectionFunction returns the trino_connection function.
func NewTrinoConnectionFunction() function.Function { return trinoConnectionFunction{} }

func (trinoConnectionFunction) Metadata(_ context.Context, _ function.MetadataRequest, resp *function.MetadataResponse) {
	resp.Name = trinoConnectionFunctionName
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

// Run is the framework's way in; the protocol server calls callTrinoConnection directly.
func (trinoConnectionFunction) Run(ctx context.Context, req function.RunRequest, resp *function.RunResponse) {
	var settings types.Dynamic
	if resp.Error = req.Arguments.Get(ctx, &settings); resp.Error != nil {
		return
	}
	raw, err := settings.ToTerraformValue(ctx)
	if err != nil {
		resp.Error = bugError("read the argument", err)
		return
	}
	result, funcErr := callTrinoConnection(raw)
	if resp.Error = funcErr; funcErr != nil {
		return
	}
	value, err := basetypes.ObjectType{AttrTypes: connectionResultType}.ValueFromTerraform(ctx, result)
	if err != nil {
		resp.Error = bugError("write its result", err)
		return
	}
	resp.Error = resp.Result.Set(ctx, value)
}

// callTrinoConnection is trino_connection on its argument as a raw value, and its result as one:
// the one code path of Run and of the protocol server's CallFunction.
func callTrinoConnection(settings tftypes.Value) (tftypes.Value, *function.FuncError) {
	if !settings.IsFullyKnown() {
		// Terraform does not call a function with an unknown part in an argument that does not
		// allow one; should it, the result is unknown too.
		return tftypes.NewValue(connectionResultObjectType, tftypes.UnknownValue), nil
	}
	s, numberProblems, texts := functionSettings(settings)
	if len(texts) > 0 || numberProblems.HasError() {
		return tftypes.Value{}, function.NewArgumentFuncError(0, strings.Join(append(problemTexts("settings", numberProblems), texts...), "; "))
	}
	c, ps := connection.Compute(s)
	if funcErr := problemsError(0, "settings", ps); funcErr != nil {
		return tftypes.Value{}, funcErr
	}
	var m connectionModel
	m.setOutputs(c)
	return m.outputsToRaw(), nil
}

// functionSettings reads the settings argument into core Settings, converting each value as
// Terraform converts it for the data source's typed attribute. It returns the core's problems with
// the numbers and the texts of the other errors: an unknown argument name, a value Terraform could
// not convert, a required argument that is missing.
func functionSettings(v tftypes.Value) (connection.Settings, connection.Problems, []string) {
	s := connection.DefaultSettings()
	attrs, ok := elementsOf(v)
	if !ok {
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

// elementsOf is the attributes of an object or the elements of a map; ok is false for any other
// value.
func elementsOf(v tftypes.Value) (map[string]tftypes.Value, bool) {
	if !v.Type().Is(tftypes.Object{}) && !v.Type().Is(tftypes.Map{}) {
		return nil, false
	}
	var elems map[string]tftypes.Value
	return elems, v.As(&elems) == nil
}

// settingsReader reads the arguments of settings, collecting what is wrong with them.
type settingsReader struct {
	attrs    map[string]tftypes.Value
	problems connection.Problems
	texts    []string
}

func (r *settingsReader) present(name string) (tftypes.Value, bool) {
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

// readArgument converts a present argument with convert; a value it refuses adds the text
// "settings.<name>: <required>". ok is false for an absent argument and a refused one.
func readArgument[T any](r *settingsReader, name, required string, convert func(tftypes.Value) (T, bool)) (T, bool) {
	var zero T
	val, ok := r.present(name)
	if !ok {
		return zero, false
	}
	v, ok := convert(val)
	if !ok {
		r.texts = append(r.texts, "settings."+name+": "+required)
		return zero, false
	}
	return v, true
}

// str reads a string argument; a number or bool is converted, as Terraform converts it.
func (r *settingsReader) str(name string, target *string) bool {
	s, ok := readArgument(r, name, "string required", stringOf)
	if ok {
		*target = s
	}
	return ok
}

// number reads a whole-number argument: a number, or a string Terraform reads as one.
func (r *settingsReader) number(name string, in connection.Input, target *int64) bool {
	f, ok := readArgument(r, name, "a number is required", numberOf)
	if !ok {
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
	if val.Type().Is(tftypes.Bool) {
		_ = val.As(target)
		return
	}
	if val.Type().Is(tftypes.String) {
		var sv string
		_ = val.As(&sv)
		switch sv {
		case "true", "1":
			*target = true
			return
		case "false", "0":
			*target = false
			return
		}
		if lower := strings.ToLower(sv); lower == "true" || lower == "false" {
			r.texts = append(r.texts, "settings."+name+": a bool is required; to convert from string, use lowercase \""+lower+"\"")
			return
		}
	}
	r.texts = append(r.texts, "settings."+name+": a bool is required")
}

// stringMap reads an object or map argument whose values Terraform can convert to strings.
func (r *settingsReader) stringMap(name string) map[string]string {
	elems, ok := readArgument(r, name, "an object or a map of strings is required", elementsOf)
	if !ok {
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

// stringOf converts a known, non-null value to a string as Terraform does for a string attribute:
// numbers in their exact decimal form, bools as "true" or "false".
func stringOf(v tftypes.Value) (string, bool) {
	switch t := v.Type(); {
	case t.Is(tftypes.String):
		var s string
		err := v.As(&s)
		return s, err == nil
	case t.Is(tftypes.Number):
		f := new(big.Float)
		err := v.As(&f)
		return f.Text('f', -1), err == nil
	case t.Is(tftypes.Bool):
		var b bool
		err := v.As(&b)
		return strconv.FormatBool(b), err == nil
	}
	return "", false
}

// numberOf converts a known, non-null value to a number as Terraform does for a number attribute:
// a string is read as a decimal number.
func numberOf(v tftypes.Value) (*big.Float, bool) {
	switch t := v.Type(); {
	case t.Is(tftypes.Number):
		f := new(big.Float)
		err := v.As(&f)
		return f, err == nil
	case t.Is(tftypes.String):
		var s string
		if v.As(&s) != nil {
			return nil, false
		}
		f, _, err := big.ParseFloat(s, 10, 512, big.ToNearestEven)
		return f, err == nil
	}
	return nil, false
}
