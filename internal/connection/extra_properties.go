package connection

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// MaxExtraPropertyProblems bounds the problems reported one by one for extra_properties; the rest
// are counted in one more. A map with thousands of mistakes then gives a readable answer, and the
// costly suggestion of a near name is computed only for what is shown.
const MaxExtraPropertyProblems = 20

// CheckExtraProperties applies the rules of extra_properties as Trino's Pinot connector applies
// them, for the release trinoVersion names (the newest known when nil): each key against the
// names the release binds, each value against its type and constraints, then the rules that join
// several properties. Errors come before warnings, each in key order, so that a few errors among
// many warnings are never among those left unshown.
func CheckExtraProperties(props map[string]string, tls bool, trinoVersion *int64) Problems {
	return CheckProperties(PropertyInputs{Extra: props}, tls, trinoVersion)
}

// PropertyInputs are the catalog properties a user sets: extra_properties, and secret_properties
// for the security-sensitive ones. Unknown names the keys whose values are not known yet
// (validation before Terraform knows them): their names are checked, nothing about their values.
type PropertyInputs struct {
	Extra, Secret map[string]string
	Unknown       map[string]bool
}

// CheckProperties applies the rules of extra_properties and secret_properties together, as Trino
// reads them from one catalog; each problem names the input that holds its key.
func CheckProperties(in PropertyInputs, tls bool, trinoVersion *int64) Problems {
	props := mergedProperties(in.Extra, in.Secret)
	c := catalogCheck{props: props, secret: in.Secret, unknown: in.Unknown, tls: tls, release: NewestKnownTrinoRelease}
	if trinoVersion != nil {
		c.release, c.versionSet = *trinoVersion, true
		c.newer = *trinoVersion > NewestKnownTrinoRelease
	}
	var ps Problems
	for _, k := range sortedKeys(props) {
		ps = append(ps, c.checkKey(k, props[k])...)
	}
	ps = append(ps, c.crossRules()...)
	for _, k := range sortedKeys(in.Secret) {
		if _, both := in.Extra[k]; both {
			ps = append(ps, keyProblem(SeverityError, k, "Property set twice",
				fmt.Sprintf("%s is set in both extra_properties and secret_properties. Keep it in secret_properties only.", quotedKey(k))))
		}
	}
	for i := range ps {
		if _, fromSecret := in.Secret[ps[i].Key]; fromSecret && ps[i].Input == InputExtraProperties {
			ps[i].Input = InputSecretProperties
		}
	}
	return limitProblems(ps)
}

// limitProblems puts errors first and keeps MaxExtraPropertyProblems of them, with one summary
// problem for the rest.
func limitProblems(ps Problems) Problems {
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

// catalogCheck holds what every rule of one check needs.
type catalogCheck struct {
	// props holds both inputs; secret holds the keys (and values) of secret_properties.
	props  map[string]string
	secret map[string]string
	// unknown are the keys whose values are not known yet.
	unknown map[string]bool
	tls     bool
	release int64
	// versionSet is true when trino_version names the release; otherwise it is the newest known.
	versionSet bool
	// newer is true when trino_version is above the newest release the provider knows.
	newer bool
}

func keyProblem(severity Severity, key, summary, detail string) Problem {
	return Problem{Severity: severity, Input: InputExtraProperties, Key: key, Summary: summary, Detail: detail}
}

// checkKey applies the rules of one entry: its name, then its value.
func (c catalogCheck) checkKey(key, value string) Problems {
	var ps Problems
	if !c.unknown[key] && value != "" && (value[0] <= ' ' || value[len(value)-1] <= ' ') {
		ps = append(ps, keyProblem(SeverityError, key, "White space around a property value",
			fmt.Sprintf("The value of %s begins or ends with white space or a control character. Trino trims the values of a catalog file but keeps a CREATE CATALOG value as written, so the two forms of this catalog would give Trino different values; remove the white space.", c.keyText(key))))
	}
	p, nameProblem := c.checkName(key)
	if nameProblem != nil {
		return append(Problems{*nameProblem}, ps...)
	}
	if p == nil || len(ps) > 0 || c.unknown[key] {
		return ps
	}
	return c.checkValue(*p, value)
}

// checkName returns the property a key names in the release, or the problem with the name.
func (c catalogCheck) checkName(key string) (*Property, *Problem) {
	fail := func(summary, detail string) (*Property, *Problem) {
		p := keyProblem(SeverityError, key, summary, detail)
		return nil, &p
	}
	p, known := propertyByName[key]
	switch {
	case key == "":
		return fail("Empty property name",
			"extra_properties has an entry whose key is empty. Every key must be a Pinot connector property name such as \"pinot.connection-timeout\".")
	case managedBy[key] != "":
		return fail("Property managed by the provider",
			fmt.Sprintf("%q is set by %s, not by %s. Remove it from %s.", key, managedBy[key], c.inputOf(key), c.inputOf(key)))
	case !c.isSecret(key) && (known && p.Sensitive || !known && c.newer && IsSensitiveProperty(key)):
		// On the object: Terraform's snippet of the entry's line would show the secret.
		problem := keyProblem(SeverityError, key, "Secret in extra_properties",
			fmt.Sprintf("extra_properties[%s] is security-sensitive. Set it in secret_properties, which Terraform keeps out of plan output and marks sensitive in state; env_properties refers to it as ${ENV:...} either way.", quotedKey(key)))
		problem.OnObject = true
		return nil, &problem
	case !known && c.newer:
		w := keyProblem(SeverityWarning, key, unknownPropertySummary,
			fmt.Sprintf("%s is not a property of Trino's Pinot connector as of Trino %d, the newest release the provider knows; trino_version is %d, so it may be new. Trino refuses to load a catalog with a property it does not use. The value is written as given.", upperFirst(c.keyText(key)), NewestKnownTrinoRelease, c.release))
		return nil, &w
	case !known:
		return fail(unknownPropertySummary,
			fmt.Sprintf("%s is not a property of Trino's Pinot connector%s, and Trino refuses to load a catalog with a property it does not use.", upperFirst(c.keyText(key)), c.releaseText()))
	case p.DefunctIn != 0 && c.release >= p.DefunctIn:
		when := "before Trino 400"
		if p.DefunctIn > MinTrinoVersion {
			when = fmt.Sprintf("in Trino %d", p.DefunctIn)
		}
		return fail("Property removed from Trino",
			fmt.Sprintf("%q was removed %s, and Trino refuses to load a catalog that sets a removed property. Remove it from %s.", key, when, c.inputOf(key)))
	case c.release < p.Since:
		return fail("Property not in this Trino release",
			fmt.Sprintf("%q exists from Trino %d on, and trino_version is %d; Trino refuses to load a catalog that sets a property it does not know. Remove it or raise trino_version.", key, p.Since, c.release))
	case p.TLSOnly && !c.tls:
		return fail("gRPC TLS property without TLS",
			fmt.Sprintf("%q applies only with TLS (pinot.grpc.use-plain-text=false), and tls_enabled is false; Trino would refuse the unused property. Remove it or set tls_enabled = true.", key))
	}
	return p, nil
}

// secretWithReference is the error for a secret_properties value that holds "${" but is not one
// ${ENV:NAME} reference: env would carry the text to a variable that Trino reads literally, while
// properties would have Trino resolve it, and the two routes would give Trino different values.
func secretWithReference(key string) Problem {
	return Problem{Severity: SeverityError, Input: InputSecretProperties, Key: key, Summary: "Secret reference inside a secret value",
		Detail: fmt.Sprintf("The value of %s holds \"${\" but is not one ${ENV:NAME} reference alone. env would pass that text to Trino through a variable, where it stays literal, while properties has Trino resolve it, so the two routes would give Trino different values. Give the secret itself, or exactly one ${ENV:NAME} reference, which every output then keeps as a reference.", quotedKey(key))}
}

// keyText names a key in a message: quoted and bounded (quotedKey), except a key of
// secret_properties that is no property the provider knows, which is never quoted: a map given the
// wrong way round would hold a secret there.
func (c catalogCheck) keyText(key string) string {
	if _, known := propertyByName[key]; c.isSecret(key) && !known {
		return "this key of secret_properties"
	}
	return quotedKey(key)
}

// upperFirst starts a sentence with the text.
func upperFirst(s string) string {
	if s != "" && 'a' <= s[0] && s[0] <= 'z' {
		return string(s[0]-'a'+'A') + s[1:]
	}
	return s
}

// isSecret reports whether the key comes from secret_properties.
func (c catalogCheck) isSecret(key string) bool {
	_, ok := c.secret[key]
	return ok
}

// inputOf names the input that holds the key.
func (c catalogCheck) inputOf(key string) Input {
	if c.isSecret(key) {
		return InputSecretProperties
	}
	return InputExtraProperties
}

// releaseText names the release the rules applied, for messages.
func (c catalogCheck) releaseText() string {
	if c.versionSet {
		return fmt.Sprintf(" in Trino %d", c.release)
	}
	return fmt.Sprintf(" in Trino %d (the newest release the provider knows, since trino_version is not set; set it to the release you run)", c.release)
}

// checkValue applies the rules of one value: Trino's secret references, its type, its bounds.
func (c catalogCheck) checkValue(p Property, value string) Problems {
	if c.isSecret(p.Name) && strings.Contains(value, "${") && !IsEnvReference(value) {
		return Problems{secretWithReference(p.Name)}
	}
	refs, problem := secretReferences(p.Name, value, c.release)
	if problem != nil {
		return Problems{*problem}
	}
	var ps Problems
	if p.IsLegacyIn(c.release) {
		if _, both := c.props[p.LegacyOf]; both {
			ps = append(ps, keyProblem(SeverityError, p.Name, "Old and new name of one property",
				fmt.Sprintf("%q is the old name of %q, and both are set; Trino refuses a catalog that sets a property under both names. Keep only %q.", p.Name, p.LegacyOf, p.LegacyOf)))
		} else {
			ps = append(ps, keyProblem(SeverityWarning, p.Name, "Old property name",
				fmt.Sprintf("%q is the old name of %q. Trino still reads it; use %q.", p.Name, p.LegacyOf, p.LegacyOf)))
		}
	}
	if refs {
		// Trino reads the value only after it resolves the reference.
		return ps
	}
	if msg := c.valueRule(p, value); msg != "" {
		ps = append(ps, keyProblem(SeverityError, p.Name, "Invalid value for "+p.Name, msg))
	}
	switch {
	case p.Name == "pinot.grpc.tls.ssl-provider" && !slices.Contains([]string{"JDK", "OPENSSL", "OPENSSL_REFCNT"}, value):
		ps = append(ps, keyProblem(SeverityWarning, p.Name, "Unknown TLS provider",
			"The value is not one of the providers gRPC knows (JDK, OPENSSL, OPENSSL_REFCNT). Trino loads the catalog, but its first query over TLS fails."))
	case p.Name == "pinot.grpc.enabled" && value != "" && !ps.HasError():
		if enabled, _ := ParseJavaBoolean(value); !enabled {
			ps = append(ps, keyProblem(SeverityError, p.Name, "gRPC turned off",
				"With pinot.grpc.enabled=false Trino uses its legacy client and refuses the pinot.grpc.* properties that the provider always writes (the port, the proxy URI and TLS). Remove pinot.grpc.enabled."))
		}
	case p.Name == "pinot.http-client.secure-random-algorithm" && !slices.ContainsFunc(secureRandomAlgorithms, func(a string) bool { return strings.EqualFold(a, value) }):
		ps = append(ps, keyProblem(SeverityError, p.Name, "Unknown SecureRandom algorithm",
			"pinot.http-client.secure-random-algorithm names no SecureRandom algorithm that a JDK provides on the systems Trino runs on ("+strings.Join(secureRandomAlgorithms, ", ")+", in any case), and Trino refuses the catalog (NoSuchAlgorithmException). Use one of them, or remove the property to keep the JDK's default."))
	case p.Name == "pinot.http-client.timeout-concurrency" && !ps.HasError():
		if v, _ := ParseJavaInt(value); v > timeoutConcurrencyWarning {
			ps = append(ps, keyProblem(SeverityWarning, p.Name, "Many HTTP client timeout schedulers",
				fmt.Sprintf("pinot.http-client.timeout-concurrency is above %d: Trino's HTTP client creates that many schedulers on every node when the catalog loads, each taking heap (4000000 exhaust 1GB). The default is 4; a few per CPU are plenty.", timeoutConcurrencyWarning)))
		}
	case p.Name == "pinot.http-client.https.automatic-shared-secret":
		ps = append(ps, keyProblem(SeverityError, p.Name, "Automatic HTTPS is not available to connectors",
			"Trino's HTTP client needs a node environment for automatic HTTPS, which the Pinot connector does not have, so Trino refuses to load the catalog. Remove pinot.http-client.https.automatic-shared-secret."))
	}
	return ps
}

// secureRandomAlgorithms are the SecureRandom algorithms the JDK's own providers offer on Linux
// and macOS (the JDK's standard algorithm names; PKCS11 needs a configured token, Windows-PRNG
// Windows). Java looks algorithm names up in any case.
var secureRandomAlgorithms = []string{"DRBG", "NativePRNG", "NativePRNGBlocking", "NativePRNGNonBlocking", "SHA1PRNG"}

// valueRule returns why Trino would refuse the value, or "".
func (c catalogCheck) valueRule(p Property, value string) string {
	// The provider cannot see Terraform's sensitive marks, so no value is ever quoted: the
	// diagnostic sits on the entry, and Terraform shows its expression, masked where sensitive.
	const shown = "The value"
	switch p.Type {
	case TypeBoolean:
		if _, ok := ParseJavaBoolean(value); !ok {
			return fmt.Sprintf("%s is not a boolean. Trino reads only true or false (in any case) for %s.", shown, p.Name)
		}
	case TypeInt:
		v, ok := ParseJavaInt(value)
		if !ok {
			return fmt.Sprintf("%s is not an integer. Trino reads a whole number from -2147483648 to 2147483647, such as %q, for %s.", shown, orDefault(p.Default, "1"), p.Name)
		}
		b := p.BoundsIn(c.release)
		if b.MinInt != nil && v < *b.MinInt {
			return fmt.Sprintf("%s is below Trino's minimum of %d for %s.", shown, *b.MinInt, p.Name)
		}
		if b.MaxInt != 0 && v >= b.MaxInt && b.MaxIntReason != "" {
			return fmt.Sprintf("%s is above %d for %s. %s", shown, b.MaxInt-1, p.Name, b.MaxIntReason)
		}
		if b.MaxInt != 0 && v >= b.MaxInt {
			return fmt.Sprintf("%s is too large for %s: Trino's HTTP client makes an array of that many entries, and no JVM can hold one that long.", shown, p.Name)
		}
	case TypeDuration:
		d, ok := ParseDuration(value)
		if !ok {
			return fmt.Sprintf("%s is not a duration. Trino reads a number and a unit of ns, us, ms, s, m, h or d (lower case), such as %q, for %s.", shown, orDefault(p.Default, "10s"), p.Name)
		}
		return durationBounds(p, d, shown, c.release)
	case TypeDataSize:
		size, ok := ParseDataSize(value)
		if !ok {
			return fmt.Sprintf("%s is not a data size. Trino reads a number and a unit of B, kB, MB, GB, TB or PB (as written here), such as %q, for %s.", shown, orDefault(p.Default, "16MB"), p.Name)
		}
		bounds := p.BoundsIn(c.release)
		if b := bounds.MinDataSize; b != "" && size < mustDataSize(b) {
			return fmt.Sprintf("%s is below Trino's minimum of %s for %s.", shown, b, p.Name)
		}
		if b := bounds.MaxDataSize; b != "" && size > mustDataSize(b) {
			return fmt.Sprintf("%s is above Trino's maximum of %s for %s.", shown, b, p.Name)
		}
	case TypeEnum:
		if _, ok := ParseJavaEnum(value, p.Enum, c.release >= enumUpperCaseSince); !ok {
			return fmt.Sprintf("%s is not one of %s (in any case) for %s.", shown, strings.Join(p.Enum, ", "), p.Name)
		}
	case TypeHostAndPort:
		if _, ok := ParseHostAndPort(value); !ok {
			return fmt.Sprintf("%s is not a host and port. Trino reads host, host:port or [IPv6]:port, with a port from 0 to 65535, for %s.", shown, p.Name)
		}
	case TypeString, TypeFile:
	}
	return ""
}

// enumUpperCaseSince is the first Trino release whose airlift reads an enum by the value's upper
// case first (airlift 251), so that "paßword" reads as PASSWORD.
const enumUpperCaseSince = 451

func durationBounds(p Property, d Duration, shown string, release int64) string {
	bounds := p.BoundsIn(release)
	if bounds.MillisFit && release >= bounds.MillisFitSince && (bounds.MillisFitUntil == 0 || release < bounds.MillisFitUntil) {
		if _, fits := d.RoundedMillis(); !fits {
			return fmt.Sprintf("%s is too long for %s: Trino's HTTP client counts it in milliseconds in a 64-bit number.", shown, p.Name)
		}
	}
	if b := bounds.MinDuration; b != "" {
		minimum, _ := ParseDuration(b)
		if d.Millis() < minimum.Millis() {
			return fmt.Sprintf("%s is below Trino's minimum of %s for %s.", shown, b, p.Name)
		}
	}
	if bounds.PositiveDuration {
		// Trino hands the value to a cache that refuses zero: up to 480 rounded to milliseconds,
		// from 481 as nanoseconds.
		ms, fits := d.RoundedMillis()
		zero := release < 481 && fits && ms < 1 || release >= 481 && d.Nanos() < 1
		if zero {
			unit := "1ms"
			if release >= 481 {
				unit = "1ns"
			}
			return fmt.Sprintf("%s is too short for %s: Trino needs at least %s, and its metadata cache refuses zero.", shown, p.Name, unit)
		}
		if !fits && release < 481 {
			return fmt.Sprintf("%s is too long for %s: Trino counts it in milliseconds in a 64-bit number.", shown, p.Name)
		}
	}
	return ""
}

func orDefault(v, fallback string) string {
	if v == "" {
		return fallback
	}
	return v
}

func mustDataSize(s string) int64 {
	v, ok := ParseDataSize(s)
	if !ok {
		panic("connection: invalid data size bound " + s)
	}
	return v
}

// maxQuotedKey bounds a key quoted in a message: a key far longer than any property name is cut,
// so that a map of huge keys still gives a readable answer.
const maxQuotedKey = 200

// quotedKey quotes a key for a message, as Go quotes it (no character of it can act on a
// terminal), cut after about 100 bytes when it is longer than maxQuotedKey.
func quotedKey(key string) string {
	if len(key) <= maxQuotedKey {
		return strconv.Quote(key)
	}
	cut := 100
	for cut > 0 && !utf8.RuneStart(key[cut]) {
		cut--
	}
	return fmt.Sprintf("%s... (%d bytes in all)", strconv.Quote(key[:cut]), len(key))
}

// suggestionMaxKey bounds the keys for which a near name is looked for: far longer than any known
// name, no name is near, and the edit distance would cost time in the key's length squared.
const suggestionMaxKey = 128

// suggestion names the known property nearest to key, when one is near enough to be a typo.
func suggestion(key string) string {
	best, bestDistance := "", len(key)
	if len(key) <= suggestionMaxKey {
		for _, p := range properties {
			if p.DefunctIn != 0 {
				continue
			}
			d := editDistance(key, p.Name)
			if !strings.HasPrefix(key, "pinot.") {
				// A key without the connector's prefix: compare it as if it had one.
				d = min(d, editDistance("pinot."+key, p.Name))
			}
			if d < bestDistance || d == bestDistance && p.Name < best {
				best, bestDistance = p.Name, d
			}
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
