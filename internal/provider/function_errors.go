package provider

import (
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/function"

	"github.com/startree/terraform-provider-startree/internal/connection"
)

// functionNotes is the part of every function's documentation that says how functions differ from
// the data source, as the framework makes them.
const functionNotes = "\n\nA function differs from the data source in three ways: it has no warnings (what would draw one is accepted silently), " +
	"its errors point at the argument rather than an attribute, and its result cannot be marked sensitive by the provider " +
	"(a sensitive argument makes the whole result sensitive; otherwise wrap the result in `sensitive(...)`). " +
	"Functions are pure: they read no provider block, environment variable or clock. Requires Terraform 1.8 or later."

// problemsError turns the core's errors into one function error on the argument at index arg.
// prefix, when not empty, names the part of the argument each problem is about ("settings").
// Terraform ends the message with a period, so the text does not.
func problemsError(arg int64, prefix string, ps connection.Problems) *function.FuncError {
	texts := problemTexts(prefix, ps)
	if len(texts) == 0 {
		return nil
	}
	return function.NewArgumentFuncError(arg, strings.Join(texts, "; "))
}

// problemTexts renders the errors among ps for a function message, each with the part of the
// argument it is about; a property name is quoted as Go quotes it, so that no character of it can
// act on the terminal.
func problemTexts(prefix string, ps connection.Problems) []string {
	var texts []string
	for _, p := range ps.Errors() {
		text := p.Summary + ": " + strings.TrimSuffix(p.Detail, ".")
		if prefix != "" {
			where := prefix + "." + string(p.Input)
			if p.Key != "" {
				where += "[" + strconv.Quote(p.Key) + "]"
			}
			text = where + ": " + text
		}
		texts = append(texts, text)
	}
	return texts
}

// bugError is a function error for what cannot happen with a value Terraform sent: the provider
// failed to do what (read the argument, write its result).
func bugError(what string, err error) *function.FuncError {
	return function.NewFuncError("The provider could not " + what + ": " + err.Error() + ". This is a bug in the provider")
}
