// Package connection computes everything the provider offers: credentials from a StarTree API
// token, the Pinot proxy endpoints of a cluster, and the Trino catalog that connects the two.
//
// It imports no Terraform package. The data source, the ephemeral resource and the functions
// translate Terraform values into Settings, call Compute (or one of its parts) and turn the
// Problems it returns into diagnostics on the input each one names.
package connection

import "strings"

// Input names one user-facing input. The values are the attribute names of the data source, so an
// adapter can attach a Problem to the attribute at fault without a lookup table.
type Input string

// The inputs of a connection, named as the data source names them.
const (
	InputAPIToken         Input = "api_token"
	InputCluster          Input = "cluster"
	InputEnvironment      Input = "environment"
	InputDomain           Input = "domain"
	InputGRPCPort         Input = "grpc_port"
	InputTrinoVersion     Input = "trino_version"
	InputExtraProperties  Input = "extra_properties"
	InputSecretProperties Input = "secret_properties"
	InputEnvVarPrefix     Input = "env_var_prefix"
	InputCatalogName      Input = "catalog_name"
	// InputProperties is the map argument of encode_create_catalog.
	InputProperties Input = "properties"
)

// Severity tells an error, which stops the computation, from a warning, which does not.
type Severity int

// The two severities of a Problem.
const (
	SeverityError Severity = iota
	SeverityWarning
)

// Problem is one broken rule (or, as a warning, one doubtful value) on one input.
//
// Summary and Detail never contain a token, a password or any part of either: they are built only
// from fixed text, cluster coordinates, property names and numbers.
type Problem struct {
	Severity Severity
	Input    Input
	// Key is the property at fault, when Input is InputExtraProperties or InputSecretProperties.
	Key     string
	Summary string
	Detail  string
	// OnObject puts the diagnostic on the object rather than on Input's entry: Terraform prints the
	// configuration line of the entry it is attached to, and the line of an entry that holds a
	// secret would show it. The detail names the attribute and the key instead.
	OnObject bool
}

// Error returns the summary and the detail in one line, for callers that have no room for two.
func (p Problem) Error() string {
	return p.Summary + ": " + p.Detail
}

// Problems is the outcome of a check: errors and warnings, in the order the rules were applied.
type Problems []Problem

// HasError reports whether any of the problems is an error.
func (ps Problems) HasError() bool {
	for _, p := range ps {
		if p.Severity == SeverityError {
			return true
		}
	}
	return false
}

// Errors returns only the errors.
func (ps Problems) Errors() Problems {
	return ps.filter(SeverityError)
}

// Warnings returns only the warnings.
func (ps Problems) Warnings() Problems {
	return ps.filter(SeverityWarning)
}

func (ps Problems) filter(s Severity) Problems {
	var out Problems
	for _, p := range ps {
		if p.Severity == s {
			out = append(out, p)
		}
	}
	return out
}

// Error joins the errors' texts; it lets Problems stand where a Go error is expected.
func (ps Problems) Error() string {
	var b strings.Builder
	for i, p := range ps.Errors() {
		if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString(p.Error())
	}
	return b.String()
}

func errorf(in Input, summary, detail string) Problem {
	return Problem{Severity: SeverityError, Input: in, Summary: summary, Detail: detail}
}

func warningf(in Input, summary, detail string) Problem {
	return Problem{Severity: SeverityWarning, Input: in, Summary: summary, Detail: detail}
}
