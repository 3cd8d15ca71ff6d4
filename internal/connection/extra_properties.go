package connection

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// MaxExtraPropertyProblems bounds the problems reported one by one for extra_properties; the rest
// are counted in one more. A map with thousands of mistakes then gives a readable answer, and the
// costly suggestion of a near name is computed only for what is shown.
const MaxExtraPropertyProblems = 20

// CheckExtraProperties applies the rules of extra_properties. The rules that depend on the Trino
// release apply the newest release when trinoVersion is nil. Errors come before warnings, each in
// key order, so that a few errors among many warnings are never among those left unshown.
func CheckExtraProperties(props map[string]string, tls bool, trinoVersion *int64) Problems {
	var ps Problems
	for _, k := range sortedKeys(props) {
		ps = append(ps, checkExtraProperty(k, props[k], tls, trinoVersion)...)
	}
	if len(ps) == 0 {
		return nil
	}
	// Errors first; the sort is stable, so each severity stays in key order.
	slices.SortStableFunc(ps, func(a, b Problem) int { return cmp.Compare(a.Severity, b.Severity) })
	errorCount := slices.IndexFunc(ps, func(p Problem) bool { return p.Severity != SeverityError })
	if errorCount < 0 {
		errorCount = len(ps)
	}
	shown := min(len(ps), MaxExtraPropertyProblems)
	hidden, hiddenErrors := len(ps)-shown, errorCount > shown
	ps = ps[:shown:shown]
	for i := range ps {
		if ps[i].Summary == unknownPropertySummary {
			ps[i].Detail += suggestion(ps[i].Key)
		}
	}
	if hidden > 0 {
		summary := fmt.Sprintf("%d more problems in extra_properties", hidden)
		detail := fmt.Sprintf("Only the first %d problems in extra_properties are shown one by one; %d more were found. Correct the ones shown and plan again.", MaxExtraPropertyProblems, hidden)
		if hiddenErrors {
			ps = append(ps, errorf(InputExtraProperties, summary, detail))
		} else {
			ps = append(ps, warningf(InputExtraProperties, summary, detail))
		}
	}
	return ps
}

const unknownPropertySummary = "Unknown Pinot connector property"

func checkExtraProperty(key, value string, tls bool, trinoVersion *int64) Problems {
	keyProblem := func(severity Severity, summary, detail string) Problem {
		return Problem{Severity: severity, Input: InputExtraProperties, Key: key, Summary: summary, Detail: detail}
	}
	var ps Problems
	known, isKnown := knownProperties[key]
	removedIn, isRemoved := removedProperties[key]
	switch {
	case key == "":
		ps = append(ps, keyProblem(SeverityError, "Empty property name",
			"extra_properties has an entry whose key is empty. Every key must be a Pinot connector property name such as \"pinot.connection-timeout\"."))
	case managedBy[key] != "":
		ps = append(ps, keyProblem(SeverityError, "Property managed by the provider",
			fmt.Sprintf("%q is set by %s, not by extra_properties. Remove it from extra_properties.", key, managedBy[key])))
	case isRemoved && (removedIn == 0 || trinoVersion == nil || *trinoVersion >= removedIn):
		when := "before Trino 400"
		if removedIn != 0 {
			when = fmt.Sprintf("in Trino %d", removedIn)
		}
		ps = append(ps, keyProblem(SeverityError, "Property removed from Trino",
			fmt.Sprintf("%q was removed %s, and Trino refuses to load a catalog that sets a removed property. Remove it from extra_properties.", key, when)))
	case isKnown && trinoVersion != nil && *trinoVersion < known.addedIn:
		ps = append(ps, keyProblem(SeverityError, "Property not in this Trino release",
			fmt.Sprintf("%q exists from Trino %d on, and trino_version is %d; Trino refuses to load a catalog that sets a property it does not know. Remove it or raise trino_version.", key, known.addedIn, *trinoVersion)))
	case !tls && strings.HasPrefix(key, grpcTLSPrefix):
		ps = append(ps, keyProblem(SeverityError, "gRPC TLS property without TLS",
			fmt.Sprintf("%q applies only with TLS (pinot.grpc.use-plain-text=false), and tls_enabled is false; Trino would refuse the unused property. Remove it or set tls_enabled = true.", key)))
	case !isKnown && !isRemoved:
		ps = append(ps, keyProblem(SeverityWarning, unknownPropertySummary,
			fmt.Sprintf("%q is not a property of Trino's Pinot connector (as of Trino 482), and Trino refuses to load a catalog with a property it does not use. The value is written as given.", key)))
	}
	if value != "" && (value[0] <= ' ' || value[len(value)-1] <= ' ') {
		ps = append(ps, keyProblem(SeverityError, "White space around a property value",
			fmt.Sprintf("The value of %q begins or ends with white space or a control character. Trino trims every catalog value, so it would read a different value; remove the white space.", key)))
	}
	return ps
}

// suggestion names the known property nearest to key, when one is near enough to be a typo.
func suggestion(key string) string {
	best, bestDistance := "", len(key)
	for name := range knownProperties {
		if d := editDistance(key, name); d < bestDistance || d == bestDistance && name < best {
			best, bestDistance = name, d
		}
	}
	if best == "" || bestDistance > max(3, len(key)/4) {
		return " See the provider documentation for the known property names."
	}
	return fmt.Sprintf(" Did you mean %q?", best)
}

// editDistance is the Levenshtein distance between a and b, in bytes.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
