package connection

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

//go:generate go run ./propertytable ../../templates/data-sources/trino_connection.md.tmpl

// The markers between which a template holds PropertyTableMarkdown.
const (
	propertyTableBegin = "<!-- properties:begin -->\n"
	propertyTableEnd   = "<!-- properties:end -->"
)

// SplicePropertyTable returns the template with PropertyTableMarkdown between its markers.
func SplicePropertyTable(template string) (string, error) {
	i, j := strings.Index(template, propertyTableBegin), strings.Index(template, propertyTableEnd)
	if i < 0 || j < i {
		return "", errors.New("no property table markers")
	}
	return template[:i+len(propertyTableBegin)] + PropertyTableMarkdown() + template[j:], nil
}

// PropertyTableMarkdown is the docs' table of every property extra_properties may name: its type,
// Trino's default, the rule the provider checks and the releases that have it. It is made from the
// same table the checks read, so the docs cannot drift from the rules.
func PropertyTableMarkdown() string {
	var b strings.Builder
	b.WriteString("| Property | Type | Default | Rule | Trino releases |\n")
	b.WriteString("| --- | --- | --- | --- | --- |\n")
	for _, p := range properties {
		def := ""
		if p.Default != "" {
			def = "`" + p.Default + "`"
		}
		typ := p.Type.String()
		if p.DefunctIn == MinTrinoVersion {
			typ = "-"
		}
		fmt.Fprintf(&b, "| `%s` | %s | %s | %s | %s |\n", p.Name, typ, def, propertyRule(p), propertyReleases(p))
	}
	return b.String()
}

func propertyRule(p Property) string {
	var rules []string
	if p.DefunctIn != 0 {
		rules = append(rules, "removed: an error from the release that removed it")
	}
	if p.Name == "pinot.grpc.enabled" {
		rules = append(rules, "`false` is an error: Trino then refuses the `pinot.grpc.*` keys the provider writes")
	}
	if p.Name == "pinot.http-client.https.automatic-shared-secret" {
		rules = append(rules, "an error: a connector has no node environment for automatic HTTPS")
	}
	if p.Type == TypeEnum {
		rules = append(rules, "one of `"+strings.Join(p.Enum, "`, `")+"` (any case)")
	}
	rules = append(rules, boundsRule(p.Bounds)...)
	if p.OldBounds != nil {
		for _, r := range boundsRule(*p.OldBounds) {
			rules = append(rules, fmt.Sprintf("%s before %d", r, p.OldBoundsUntil))
		}
	}
	if p.LegacyOf != "" {
		since := ""
		if p.LegacyIn != 0 {
			since = fmt.Sprintf(" from %d", p.LegacyIn)
		}
		rules = append(rules, fmt.Sprintf("old name of `%s`%s: a warning, an error beside it", p.LegacyOf, since))
	}
	if p.Type == TypeFile {
		rules = append(rules, "must exist on every Trino node (not checked)")
	}
	if p.TLSOnly {
		rules = append(rules, "only with `tls_enabled`")
	}
	if p.Sensitive {
		rules = append(rules, "secret: `${ENV:...}` in `env_properties`, the value in `env`")
	}
	return strings.Join(rules, "; ")
}

func boundsRule(b Bounds) []string {
	var rules []string
	switch {
	case b.MinInt != nil && b.MaxInt != 0:
		rules = append(rules, fmt.Sprintf("%d to %d", *b.MinInt, b.MaxInt-1))
	case b.MinInt != nil:
		rules = append(rules, "at least "+strconv.Itoa(int(*b.MinInt)))
	}
	if b.MinDuration != "" {
		rules = append(rules, "at least "+b.MinDuration)
	}
	if b.PositiveDuration {
		rules = append(rules, "above zero: at least 1ms up to 480, 1ns from 481")
	}
	if b.MillisFit {
		when := ""
		if b.MillisFitUntil != 0 {
			when = fmt.Sprintf(" (before %d)", b.MillisFitUntil)
		}
		rules = append(rules, "at most 2^63-1 milliseconds"+when)
	}
	switch {
	case b.MinDataSize != "" && b.MaxDataSize != "":
		rules = append(rules, b.MinDataSize+" to "+b.MaxDataSize)
	case b.MinDataSize != "":
		rules = append(rules, "at least "+b.MinDataSize)
	case b.MaxDataSize != "":
		rules = append(rules, "at most "+b.MaxDataSize)
	}
	return rules
}

func propertyReleases(p Property) string {
	from := MinTrinoVersion
	if p.Since > MinTrinoVersion {
		from = int(p.Since)
	}
	switch {
	case p.DefunctIn == MinTrinoVersion:
		return "removed before 400"
	case p.DefunctIn != 0:
		return fmt.Sprintf("%d-%d (removed in %d)", from, p.DefunctIn-1, p.DefunctIn)
	}
	return fmt.Sprintf("%d and later", from)
}
