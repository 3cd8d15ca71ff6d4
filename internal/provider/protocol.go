package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// connectionTypeName is the type name of the data source and of the ephemeral resource.
const connectionTypeName = "startree_trino_connection"

// NewServer returns the provider's protocol server: terraform-plugin-framework's, except for the
// RPCs a plan of many connections makes for every instance (validating and reading the data
// source, validating and opening the ephemeral resource, calling trino_connection), which it
// answers itself with the same functions the framework's Read, Open and Run call. The framework
// spends most of such a call walking the schema (attribute by attribute, a copy of the attribute
// map per path lookup) and comparing values for semantic equality, though no attribute here has a
// custom type; the object is read and written whole, as one raw value, instead.
func NewServer(version string) func() (tfprotov6.ProviderServer, error) {
	return func() (tfprotov6.ProviderServer, error) {
		p := &StarTreeProvider{version: version}
		framework, err := providerserver.NewProtocol6WithError(p)()
		if err != nil {
			return nil, err
		}
		return &protocolServer{ProviderServer: framework, provider: p}, nil
	}
}

type protocolServer struct {
	tfprotov6.ProviderServer
	provider *StarTreeProvider
}

func (s *protocolServer) ValidateDataResourceConfig(ctx context.Context, req *tfprotov6.ValidateDataResourceConfigRequest) (*tfprotov6.ValidateDataResourceConfigResponse, error) {
	if req.TypeName != connectionTypeName {
		return s.ProviderServer.ValidateDataResourceConfig(ctx, req)
	}
	return &tfprotov6.ValidateDataResourceConfigResponse{Diagnostics: validateDynamic(req.Config)}, nil
}

func (s *protocolServer) ValidateEphemeralResourceConfig(ctx context.Context, req *tfprotov6.ValidateEphemeralResourceConfigRequest) (*tfprotov6.ValidateEphemeralResourceConfigResponse, error) {
	if req.TypeName != connectionTypeName {
		return s.ProviderServer.ValidateEphemeralResourceConfig(ctx, req)
	}
	return &tfprotov6.ValidateEphemeralResourceConfigResponse{Diagnostics: validateDynamic(req.Config)}, nil
}

func (s *protocolServer) ReadDataSource(ctx context.Context, req *tfprotov6.ReadDataSourceRequest) (*tfprotov6.ReadDataSourceResponse, error) {
	if req.TypeName != connectionTypeName {
		return s.ProviderServer.ReadDataSource(ctx, req)
	}
	state, diags := s.read(ctx, req.Config)
	return &tfprotov6.ReadDataSourceResponse{State: state, Diagnostics: diags}, nil
}

func (s *protocolServer) OpenEphemeralResource(ctx context.Context, req *tfprotov6.OpenEphemeralResourceRequest) (*tfprotov6.OpenEphemeralResourceResponse, error) {
	if req.TypeName != connectionTypeName {
		return s.ProviderServer.OpenEphemeralResource(ctx, req)
	}
	result, diags := s.read(ctx, req.Config)
	return &tfprotov6.OpenEphemeralResourceResponse{Result: result, Diagnostics: diags}, nil
}

func (s *protocolServer) CallFunction(ctx context.Context, req *tfprotov6.CallFunctionRequest) (*tfprotov6.CallFunctionResponse, error) {
	if req.Name != trinoConnectionFunctionName || len(req.Arguments) != 1 {
		return s.ProviderServer.CallFunction(ctx, req)
	}
	result, funcErr := callTrinoConnectionDynamic(req.Arguments[0])
	return &tfprotov6.CallFunctionResponse{Result: result, Error: protocolFunctionError(funcErr)}, nil
}

// protocolFunctionError is a function error as the protocol writes it; nil stays nil.
func protocolFunctionError(e *function.FuncError) *tfprotov6.FunctionError {
	if e == nil {
		return nil
	}
	return &tfprotov6.FunctionError{Text: e.Text, FunctionArgument: e.FunctionArgument}
}

// callTrinoConnectionDynamic is callTrinoConnection on an argument as Terraform sends it.
func callTrinoConnectionDynamic(arg *tfprotov6.DynamicValue) (*tfprotov6.DynamicValue, *function.FuncError) {
	if arg == nil {
		return nil, function.NewArgumentFuncError(0, "settings is missing: Terraform sent the call without its argument")
	}
	settings, err := arg.Unmarshal(tftypes.DynamicPseudoType)
	if err != nil {
		return nil, bugError("read the argument", err)
	}
	result, funcErr := callTrinoConnection(settings)
	if funcErr != nil {
		return nil, funcErr
	}
	value, err := tfprotov6.NewDynamicValue(connectionResultObjectType, result)
	if err != nil {
		return nil, bugError("write its result", err)
	}
	return &value, nil
}

// read is readConnection on a configuration as Terraform sends it.
func (s *protocolServer) read(ctx context.Context, config *tfprotov6.DynamicValue) (*tfprotov6.DynamicValue, []*tfprotov6.Diagnostic) {
	if config == nil {
		return nil, protocolDiagnostics(missingConfiguration())
	}
	raw, err := config.Unmarshal(connectionObjectType)
	if err != nil {
		return nil, protocolDiagnostics(unreadable(err))
	}
	result, diags := readConnection(ctx, raw, s.provider.data)
	if diags.HasError() {
		return nil, protocolDiagnostics(diags)
	}
	value, err := tfprotov6.NewDynamicValue(connectionObjectType, result)
	if err != nil {
		return nil, protocolDiagnostics(unreadable(err))
	}
	return &value, protocolDiagnostics(diags)
}

func validateDynamic(config *tfprotov6.DynamicValue) []*tfprotov6.Diagnostic {
	if config == nil {
		return protocolDiagnostics(missingConfiguration())
	}
	raw, err := config.Unmarshal(connectionObjectType)
	if err != nil {
		return protocolDiagnostics(unreadable(err))
	}
	return protocolDiagnostics(validateConnectionConfig(raw))
}

// missingConfiguration is the error for a request without a configuration, which Terraform never
// sends: answered as the framework answers it, without a panic.
func missingConfiguration() diag.Diagnostics {
	var diags diag.Diagnostics
	diags.AddError("Missing configuration", "Terraform sent the request without a configuration, so there is nothing to read. This is a bug in the client or the provider.")
	return diags
}

// unreadable is the error for a configuration value Terraform sent that the provider could not
// read as its schema says: a bug in the provider, never the user's input.
func unreadable(err error) diag.Diagnostics {
	var diags diag.Diagnostics
	diags.AddError("Unreadable configuration", "The provider could not read the configuration: "+err.Error()+". This is a bug in the provider.")
	return diags
}

// protocolDiagnostics turns the framework's diagnostics, as the adapters build them, into the
// protocol's, each on its attribute (and map key).
func protocolDiagnostics(diags diag.Diagnostics) []*tfprotov6.Diagnostic {
	if len(diags) == 0 {
		return nil
	}
	out := make([]*tfprotov6.Diagnostic, 0, len(diags))
	for _, d := range diags {
		pd := &tfprotov6.Diagnostic{Severity: tfprotov6.DiagnosticSeverityError, Summary: d.Summary(), Detail: d.Detail()}
		if d.Severity() == diag.SeverityWarning {
			pd.Severity = tfprotov6.DiagnosticSeverityWarning
		}
		if withPath, ok := d.(diag.DiagnosticWithPath); ok {
			at, err := attributePath(withPath.Path())
			if err != nil {
				// Loudly: a diagnostic on the wrong attribute would point the user elsewhere.
				out = append(out, &tfprotov6.Diagnostic{Severity: tfprotov6.DiagnosticSeverityError, Summary: "Unwritable diagnostic path",
					Detail: err.Error() + ". This is a bug in the provider; the diagnostic follows without its attribute."})
			}
			pd.Attribute = at
		}
		out = append(out, pd)
	}
	return out
}

// attributePath is a framework path as the protocol writes it: attribute names and map keys are
// the only steps the adapters build; any other step is an error, and the path is dropped.
func attributePath(p path.Path) (*tftypes.AttributePath, error) {
	out := tftypes.NewAttributePath()
	for _, step := range p.Steps() {
		switch s := step.(type) {
		case path.PathStepAttributeName:
			out = out.WithAttributeName(string(s))
		case path.PathStepElementKeyString:
			out = out.WithElementKeyString(string(s))
		default:
			return nil, fmt.Errorf("the path %s has a step (%T) the protocol server does not write", p, step)
		}
	}
	return out, nil
}
