package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/startree/terraform-provider-startree/internal/connection"
)

// The checks of connectionAttributes run the core's own rules, so that `terraform validate` and a
// plan report the same message. The validation pass (validateConnectionConfig) calls them only
// for known, non-null values: an unknown value is not wrong, only not known yet.

func checkToken(v attr.Value) connection.Problems {
	_, ps := connection.ParseToken(stringText(v))
	return ps
}

// stringText is the text of a string value; the table gives checks of string kind only strings.
func stringText(v attr.Value) string {
	s, _ := v.(types.String)
	return s.ValueString()
}

func checkLabel(in connection.Input) func(attr.Value) connection.Problems {
	return stringRule(func(s string) connection.Problems { return connection.CheckLabel(in, s) })
}

func stringRule(rule func(string) connection.Problems) func(attr.Value) connection.Problems {
	return func(v attr.Value) connection.Problems { return rule(stringText(v)) }
}

// numberRule reads a whole number with the core's conversion, then applies the core's rule.
func numberRule(in connection.Input, rule func(int64) connection.Problems) func(attr.Value) connection.Problems {
	return func(v attr.Value) connection.Problems {
		number, _ := v.(types.Number)
		n, ps := connection.WholeNumber(in, number.ValueBigFloat())
		if ps.HasError() {
			return ps
		}
		return rule(n)
	}
}

func appendProblems(diags *diag.Diagnostics, at path.Path, ps connection.Problems) {
	for _, p := range ps {
		appendProblem(diags, at, p)
	}
}

// appendInputProblems turns the core's problems into diagnostics on the attribute each one names.
func appendInputProblems(diags *diag.Diagnostics, ps connection.Problems) {
	for _, p := range ps {
		appendProblem(diags, path.Root(string(p.Input)), p)
	}
}

func appendProblem(diags *diag.Diagnostics, at path.Path, p connection.Problem) {
	if p.OnObject {
		if p.Severity == connection.SeverityWarning {
			diags.AddWarning(p.Summary, p.Detail)
		} else {
			diags.AddError(p.Summary, p.Detail)
		}
		return
	}
	if p.Key != "" {
		at = at.AtMapKey(p.Key)
	}
	if p.Severity == connection.SeverityWarning {
		diags.AddAttributeWarning(at, p.Summary, p.Detail)
	} else {
		diags.AddAttributeError(at, p.Summary, p.Detail)
	}
}

// stringValidator runs a check as a framework validator, for the provider block, which the
// framework validates (once per provider process).
type stringValidator struct {
	description string
	check       func(attr.Value) connection.Problems
}

var _ validator.String = stringValidator{}

func (v stringValidator) Description(context.Context) string         { return v.description }
func (v stringValidator) MarkdownDescription(context.Context) string { return v.description }

func (v stringValidator) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	appendProblems(&resp.Diagnostics, req.Path, v.check(req.ConfigValue).Errors())
}
