package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/startree/terraform-provider-startree/internal/connection"
)

// The attribute validators run the core's own checks, so that `terraform validate` and a plan
// report the same message. They skip null and unknown values (an unknown value is not wrong, only
// not known yet) and report errors only: warnings come once, from Read or Open.
var (
	tokenValidator = stringCheck{
		description: "must be a StarTree basic or bearer API token",
		check: func(s string) connection.Problems {
			_, ps := connection.ParseToken(s)
			return ps
		},
	}
	domainValidator       = stringCheck{description: "must be a lowercase DNS name", check: connection.CheckDomain}
	envVarPrefixValidator = stringCheck{description: "must match ^[A-Z][A-Z0-9_]*$", check: connection.CheckEnvVarPrefix}
	catalogNameValidator  = stringCheck{description: "must be a lower-case identifier", check: connection.CheckCatalogName}
	grpcPortValidator     = numberCheck{in: connection.InputGRPCPort, description: "must be a TCP port from 1 to 65535", check: connection.CheckGRPCPort}
	trinoVersionValidator = numberCheck{in: connection.InputTrinoVersion, description: "must be 400 or later", check: connection.CheckTrinoVersion}
)

func labelValidator(in connection.Input) stringCheck {
	return stringCheck{
		description: "must be a DNS label",
		check:       func(s string) connection.Problems { return connection.CheckLabel(in, s) },
	}
}

type stringCheck struct {
	description string
	check       func(string) connection.Problems
}

var _ validator.String = stringCheck{}

func (v stringCheck) Description(context.Context) string         { return v.description }
func (v stringCheck) MarkdownDescription(context.Context) string { return v.description }

func (v stringCheck) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	appendProblems(&resp.Diagnostics, req.Path, v.check(req.ConfigValue.ValueString()).Errors())
}

// numberCheck reads a whole number with the core's conversion, then applies the core's check.
type numberCheck struct {
	in          connection.Input
	description string
	check       func(int64) connection.Problems
}

var _ validator.Number = numberCheck{}

func (v numberCheck) Description(context.Context) string         { return v.description }
func (v numberCheck) MarkdownDescription(context.Context) string { return v.description }

func (v numberCheck) ValidateNumber(_ context.Context, req validator.NumberRequest, resp *validator.NumberResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	n, ps := connection.WholeNumber(v.in, req.ConfigValue.ValueBigFloat())
	if !ps.HasError() {
		ps = v.check(n)
	}
	appendProblems(&resp.Diagnostics, req.Path, ps.Errors())
}

// appendProblems turns the core's problems into diagnostics on the attribute at, or on its map key.
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
	if p.Key != "" {
		at = at.AtMapKey(p.Key)
	}
	if p.Severity == connection.SeverityWarning {
		diags.AddAttributeWarning(at, p.Summary, p.Detail)
	} else {
		diags.AddAttributeError(at, p.Summary, p.Detail)
	}
}
