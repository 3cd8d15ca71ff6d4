package provider

import (
	"context"
	"maps"
	"math/big"
	"slices"
	"sort"
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
			"the other arguments default as on the data source, and a null value counts as unset. Numbers must be numbers and booleans booleans (a `map(string)` cannot carry them), " +
			"and `extra_properties` must be an object or map of strings. An unknown part anywhere in `settings` makes the result unknown." + functionNotes,
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
	s, text := functionSettings(settings)
	if text != "" {
		resp.Error = function.NewArgumentFuncError(0, text)
		return
	}
	c, ps := connection.Compute(s)
	if resp.Error = problemsError(0, "settings", ps); resp.Error != nil {
		return
	}
	var m connectionModel
	m.setOutputs(c)
	result := types.ObjectValueMust(connectionResultType, map[string]attr.Value{
		"token_type":     m.TokenType,
		"username":       m.Username,
		"password":       m.Password,
		"controller_url": m.ControllerURL,
		"grpc_proxy_uri": m.GRPCProxyURI,
		"properties":     m.Properties,
		"properties_map": m.PropertiesMap,
		"env_properties": m.EnvProperties,
		"env":            m.Env,
	})
	resp.Error = resp.Result.Set(ctx, result)
}

// functionSettings reads the settings argument into core Settings. It returns the text of an error
// when an argument name is unknown, a value has the wrong type or a required argument is missing.
func functionSettings(v types.Dynamic) (connection.Settings, string) {
	s := connection.DefaultSettings()
	var attrs map[string]attr.Value
	switch u := v.UnderlyingValue().(type) {
	case types.Object:
		attrs = u.Attributes()
	case types.Map:
		attrs = u.Elements()
	default:
		return s, "settings must be an object or a map with the data source's argument names (" + strings.Join(slices.Sorted(maps.Keys(connectionInputs)), ", ") + ")"
	}
	var unknownNames, problems []string
	for name := range attrs {
		if _, ok := connectionInputs[name]; !ok {
			unknownNames = append(unknownNames, "\""+name+"\"")
		}
	}
	if len(unknownNames) > 0 {
		sort.Strings(unknownNames)
		return s, "settings has no argument named " + strings.Join(unknownNames, ", ") + "; the allowed names are " + strings.Join(slices.Sorted(maps.Keys(connectionInputs)), ", ")
	}
	present := func(name string) (attr.Value, bool) {
		val, ok := attrs[name]
		return val, ok && !val.IsNull()
	}
	str := func(name string, target *string) bool {
		val, ok := present(name)
		if !ok {
			return false
		}
		sv, isString := val.(types.String)
		if !isString {
			problems = append(problems, "settings."+name+" must be a string")
			return false
		}
		*target = sv.ValueString()
		return true
	}
	num := func(name string, target *int64) bool {
		val, ok := present(name)
		if !ok {
			return false
		}
		n, isInt := wholeNumber(val)
		if !isInt {
			problems = append(problems, "settings."+name+" must be a whole number")
			return false
		}
		*target = n
		return true
	}

	var token string
	if str("api_token", &token) {
		s.APIToken = &token
	}
	for _, c := range []struct {
		name   string
		target *string
	}{{"cluster", &s.Cluster}, {"environment", &s.Environment}, {"domain", &s.Domain}} {
		if _, ok := present(c.name); !ok {
			problems = append(problems, "settings."+c.name+" is required: a function cannot read the provider block or the environment")
			continue
		}
		str(c.name, c.target)
	}
	str("env_var_prefix", &s.EnvVarPrefix)
	num("grpc_port", &s.GRPCPort)
	var version int64
	if num("trino_version", &version) {
		s.TrinoVersion = &version
	}
	if val, ok := present("tls_enabled"); ok {
		if b, isBool := val.(types.Bool); isBool {
			s.TLSEnabled = b.ValueBool()
		} else {
			problems = append(problems, "settings.tls_enabled must be a bool")
		}
	}
	if val, ok := present("extra_properties"); ok {
		props, text := stringElements(val)
		if text != "" {
			problems = append(problems, text)
		}
		s.ExtraProperties = props
	}
	if s.TLSEnabled && s.APIToken == nil {
		problems = append(problems, "settings.api_token is required when tls_enabled is true (the default): a function cannot read the provider block or the "+connection.EnvAPIToken+" environment variable")
	}
	return s, strings.Join(problems, "; ")
}

// wholeNumber returns a number value as an int64 when it is a whole number in range.
func wholeNumber(v attr.Value) (int64, bool) {
	n, ok := v.(types.Number)
	if !ok || n.IsUnknown() {
		return 0, false
	}
	f := n.ValueBigFloat()
	if !f.IsInt() {
		return 0, false
	}
	i, acc := f.Int64()
	return i, acc == big.Exact
}

// stringElements reads an object or map whose values are all strings.
func stringElements(v attr.Value) (map[string]string, string) {
	var elems map[string]attr.Value
	switch u := v.(type) {
	case types.Object:
		elems = u.Attributes()
	case types.Map:
		elems = u.Elements()
	default:
		return nil, "settings.extra_properties must be an object or a map of strings"
	}
	out := make(map[string]string, len(elems))
	var bad []string
	for k, e := range elems {
		s, ok := e.(types.String)
		if !ok || s.IsNull() {
			bad = append(bad, "\""+k+"\"")
			continue
		}
		out[k] = s.ValueString()
	}
	if len(bad) > 0 {
		sort.Strings(bad)
		return nil, "settings.extra_properties must map each key to a string; the values of " + strings.Join(bad, ", ") + " are not strings"
	}
	return out, ""
}
