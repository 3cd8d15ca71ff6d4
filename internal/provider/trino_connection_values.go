package provider

import (
	"context"
	"fmt"
	"math/big"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// The data source and the ephemeral resource read their configuration and write their result as
// raw Terraform values rather than through the framework's reflection (tfsdk.Config.Get,
// tfsdk.State.Set), which costs far more than the whole computation: with thousands of instances in
// a plan, this is the provider's hot path.

// connectionObjectType is the Terraform type of the data source's and ephemeral resource's object,
// and connectionResultObjectType that of the trino_connection function's result (the outputs only),
// both built once from connectionAttributes. A test holds them equal to the schema's and the
// function definition's own types.
var (
	connectionObjectType       = rawObjectType(anyRole)
	connectionResultObjectType = rawObjectType(isOutput)
)

func anyRole(connectionAttribute) bool { return true }

func isOutput(a connectionAttribute) bool { return a.role == roleOutput }

// rawObjectType is the Terraform object type of the attributes keep selects.
func rawObjectType(keep func(connectionAttribute) bool) tftypes.Object {
	attrs := map[string]tftypes.Type{}
	for _, a := range connectionAttributes {
		if keep(a) {
			attrs[a.name] = a.attrType().TerraformType(context.Background())
		}
	}
	return tftypes.Object{AttributeTypes: attrs}
}

// fromRaw reads the model's attributes from a raw object value.
func (m *connectionModel) fromRaw(v tftypes.Value) error {
	var attrs map[string]tftypes.Value
	if err := v.As(&attrs); err != nil {
		return err
	}
	var err error
	for _, a := range connectionAttributes {
		raw, ok := attrs[a.name]
		if !ok {
			return fmt.Errorf("attribute %q is missing", a.name)
		}
		switch target := a.field(m).(type) {
		case *types.String:
			*target, err = rawString(raw)
		case *types.Bool:
			*target, err = rawBool(raw)
		case *types.Number:
			*target, err = rawNumber(raw)
		case *types.Map:
			*target, err = rawStringMap(raw)
		}
		if err != nil {
			return fmt.Errorf("attribute %q: %w", a.name, err)
		}
	}
	return nil
}

// toRaw builds the raw object value of the model.
func (m *connectionModel) toRaw() tftypes.Value {
	return tftypes.NewValue(connectionObjectType, m.rawAttributes(anyRole))
}

// outputsToRaw builds the raw value of the model's outputs: the trino_connection function's result.
func (m *connectionModel) outputsToRaw() tftypes.Value {
	return tftypes.NewValue(connectionResultObjectType, m.rawAttributes(isOutput))
}

// rawAttributes is the raw value of each attribute keep selects.
func (m *connectionModel) rawAttributes(keep func(connectionAttribute) bool) map[string]tftypes.Value {
	vals := make(map[string]tftypes.Value, len(connectionAttributes))
	for _, a := range connectionAttributes {
		if !keep(a) {
			continue
		}
		switch v := a.field(m).(type) {
		case *types.String:
			vals[a.name] = stringToRaw(*v)
		case *types.Bool:
			vals[a.name] = boolToRaw(*v)
		case *types.Number:
			vals[a.name] = numberToRaw(*v)
		case *types.Map:
			vals[a.name] = stringMapToRaw(*v)
		}
	}
	return vals
}

func rawString(v tftypes.Value) (types.String, error) {
	switch {
	case !v.IsKnown():
		return types.StringUnknown(), nil
	case v.IsNull():
		return types.StringNull(), nil
	}
	var s string
	err := v.As(&s)
	return types.StringValue(s), err
}

func rawBool(v tftypes.Value) (types.Bool, error) {
	switch {
	case !v.IsKnown():
		return types.BoolUnknown(), nil
	case v.IsNull():
		return types.BoolNull(), nil
	}
	var b bool
	err := v.As(&b)
	return types.BoolValue(b), err
}

func rawNumber(v tftypes.Value) (types.Number, error) {
	switch {
	case !v.IsKnown():
		return types.NumberUnknown(), nil
	case v.IsNull():
		return types.NumberNull(), nil
	}
	f := new(big.Float)
	if err := v.As(&f); err != nil {
		return types.NumberNull(), err
	}
	return types.NumberValue(f), nil
}

func rawStringMap(v tftypes.Value) (types.Map, error) {
	switch {
	case !v.IsKnown():
		return types.MapUnknown(types.StringType), nil
	case v.IsNull():
		return types.MapNull(types.StringType), nil
	}
	var elems map[string]tftypes.Value
	if err := v.As(&elems); err != nil {
		return types.MapNull(types.StringType), err
	}
	out := make(map[string]attr.Value, len(elems))
	for k, e := range elems {
		s, err := rawString(e)
		if err != nil {
			return types.MapNull(types.StringType), err
		}
		out[k] = s
	}
	return types.MapValueMust(types.StringType, out), nil
}

func stringToRaw(v types.String) tftypes.Value {
	switch {
	case v.IsUnknown():
		return tftypes.NewValue(tftypes.String, tftypes.UnknownValue)
	case v.IsNull():
		return tftypes.NewValue(tftypes.String, nil)
	}
	return tftypes.NewValue(tftypes.String, v.ValueString())
}

func boolToRaw(v types.Bool) tftypes.Value {
	switch {
	case v.IsUnknown():
		return tftypes.NewValue(tftypes.Bool, tftypes.UnknownValue)
	case v.IsNull():
		return tftypes.NewValue(tftypes.Bool, nil)
	}
	return tftypes.NewValue(tftypes.Bool, v.ValueBool())
}

func numberToRaw(v types.Number) tftypes.Value {
	switch {
	case v.IsUnknown():
		return tftypes.NewValue(tftypes.Number, tftypes.UnknownValue)
	case v.IsNull():
		return tftypes.NewValue(tftypes.Number, nil)
	}
	return tftypes.NewValue(tftypes.Number, v.ValueBigFloat())
}

var rawStringMapType = tftypes.Map{ElementType: tftypes.String}

func stringMapToRaw(v types.Map) tftypes.Value {
	switch {
	case v.IsUnknown():
		return tftypes.NewValue(rawStringMapType, tftypes.UnknownValue)
	case v.IsNull():
		return tftypes.NewValue(rawStringMapType, nil)
	}
	elems := v.Elements()
	out := make(map[string]tftypes.Value, len(elems))
	for k, e := range elems {
		s, _ := e.(types.String)
		out[k] = stringToRaw(s)
	}
	return tftypes.NewValue(rawStringMapType, out)
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
