package connection

import (
	"errors"
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf16"
)

// The parsers below read a catalog value the way airlift's configuration binding does
// (ConfigurationFactory.coerce, io.airlift.units, Guava), so that a value the provider accepts is
// one Trino accepts. The Trino judge in tools/ checks each against airlift's own code.

// javaSpace reports whether c is in Java's regex class \s: [ \t\n\x0B\f\r].
func javaSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'
}

// splitUnitValue matches airlift units' ^\s*(\d+(?:\.\d+)?)\s*([a-zA-Z]+)\s*$ with ASCII digits,
// returning the number and the unit.
func splitUnitValue(s string) (number, unit string, ok bool) {
	i := 0
	for i < len(s) && javaSpace(s[i]) {
		i++
	}
	start := i
	for i < len(s) && isASCIIDigit(s[i]) {
		i++
	}
	if i == start {
		return "", "", false
	}
	if i < len(s) && s[i] == '.' {
		j := i + 1
		for j < len(s) && isASCIIDigit(s[j]) {
			j++
		}
		if j == i+1 {
			return "", "", false
		}
		i = j
	}
	number = s[start:i]
	for i < len(s) && javaSpace(s[i]) {
		i++
	}
	unitStart := i
	for i < len(s) && isASCIILetter(s[i]) {
		i++
	}
	if i == unitStart {
		return "", "", false
	}
	unit = s[unitStart:i]
	for i < len(s) && javaSpace(s[i]) {
		i++
	}
	return number, unit, i == len(s)
}

func isASCIIDigit(c byte) bool  { return '0' <= c && c <= '9' }
func isASCIILetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// durationUnitMillis are the units of io.airlift.units.Duration, in milliseconds per unit, as
// Duration.millisPerTimeUnit gives them.
var durationUnitMillis = map[string]float64{
	"ns": 1.0 / 1000000.0,
	"us": 1.0 / 1000.0,
	"ms": 1,
	"s":  1000,
	"m":  1000 * 60,
	"h":  1000 * 60 * 60,
	"d":  1000 * 60 * 60 * 24,
}

// Duration is a parsed io.airlift.units.Duration: a non-negative number of one unit.
type Duration struct {
	Value float64
	Unit  string
}

// Millis is the duration in milliseconds, computed as Duration.getValue(MILLISECONDS) does; it is
// what @MinDuration compares.
func (d Duration) Millis() float64 {
	return d.Value * (durationUnitMillis[d.Unit] * 1.0 / 1)
}

// RoundedMillis is Duration.roundTo(MILLISECONDS), and false where that throws (too large).
// airlift compares the rounded double with Long.MAX_VALUE, which Java widens to 2^63, so 2^63
// itself passes and Java's cast saturates it to Long.MAX_VALUE: 9223372036854775807ms loads.
func (d Duration) RoundedMillis() (int64, bool) {
	r := math.Floor(d.Millis() + 0.5)
	switch {
	case r > math.MaxInt64:
		return 0, false
	case r == math.MaxInt64:
		return math.MaxInt64, true
	}
	return int64(r), true
}

// Nanos is the duration in nanoseconds, as Duration.getValue(NANOSECONDS) computes it.
func (d Duration) Nanos() float64 {
	return d.Value * (durationUnitMillis[d.Unit] * 1.0 / durationUnitMillis["ns"])
}

// ParseDuration reads a value as io.airlift.units.Duration.valueOf does: a decimal number (ASCII
// digits, no sign or exponent) and a case-sensitive unit of ns, us, ms, s, m, h or d.
func ParseDuration(s string) (Duration, bool) {
	number, unit, ok := splitUnitValue(s)
	if !ok {
		return Duration{}, false
	}
	if _, known := durationUnitMillis[unit]; !known {
		return Duration{}, false
	}
	v, err := strconv.ParseFloat(number, 64)
	if err != nil && !isRangeError(err) || math.IsInf(v, 0) {
		return Duration{}, false
	}
	return Duration{Value: v, Unit: unit}, true
}

func isRangeError(err error) bool {
	return errors.Is(err, strconv.ErrRange)
}

// dataSizeUnits are the units of io.airlift.units.DataSize, in bytes per unit (powers of 1024).
var dataSizeUnits = map[string]int64{
	"B":  1,
	"kB": 1 << 10,
	"MB": 1 << 20,
	"GB": 1 << 30,
	"TB": 1 << 40,
	"PB": 1 << 50,
}

// ParseDataSize reads a value as io.airlift.units.DataSize.valueOf does and returns its size in
// bytes: first the fast path for plain byte counts ("1024B", read with Long.parseLong), then a
// decimal number and a case-sensitive unit of B, kB, MB, GB, TB or PB.
func ParseDataSize(s string) (int64, bool) {
	if n := utf16Len(s); n > 1 && n <= 20 && s[0] != '+' && s[len(s)-1] == 'B' {
		if v, ok := javaParseLong(s[:len(s)-1]); ok && v >= 0 {
			return v, true
		}
	}
	number, unit, ok := splitUnitValue(s)
	if !ok {
		return 0, false
	}
	factor, known := dataSizeUnits[unit]
	if !known {
		return 0, false
	}
	if !strings.Contains(number, ".") {
		v, err := strconv.ParseInt(number, 10, 64)
		if err != nil {
			return 0, false
		}
		if factor == 1 {
			return v, true
		}
		if v > math.MaxInt64/factor {
			return 0, false
		}
		return v * factor, true
	}
	v, err := strconv.ParseFloat(number, 64)
	if err != nil && !isRangeError(err) || math.IsInf(v, 0) {
		return 0, false
	}
	rounded := math.Floor(v/(1.0/float64(factor)) + 0.5)
	if rounded > math.MaxInt64 {
		return 0, false
	}
	if rounded >= math.MaxInt64 {
		// (long) of a double at or above 2^63 saturates in Java.
		return math.MaxInt64, true
	}
	return int64(rounded), true
}

// utf16Len is the length of s in UTF-16 code units: Java's String.length().
func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r)
	}
	return n
}

// ParseJavaBoolean reads a value as airlift does: "true" or "false" in any case
// (String.equalsIgnoreCase), nothing else.
func ParseJavaBoolean(s string) (bool, bool) {
	switch {
	case javaEqualsIgnoreCase(s, "true"):
		return true, true
	case javaEqualsIgnoreCase(s, "false"):
		return false, true
	}
	return false, false
}

// ParseJavaInt reads a value as Integer.valueOf does: an optional sign and decimal digits (any
// Unicode decimal digit, as Character.digit reads them), within the range of a Java int.
func ParseJavaInt(s string) (int32, bool) {
	v, ok := javaParseDigits(s, math.MinInt32, math.MaxInt32)
	return int32(v), ok
}

// javaParseLong is Long.parseLong(s, 10).
func javaParseLong(s string) (int64, bool) {
	return javaParseDigits(s, math.MinInt64, math.MaxInt64)
}

func javaParseDigits(s string, lo, hi int64) (int64, bool) {
	if s == "" {
		return 0, false
	}
	// Integer.parseInt's own algorithm: accumulate negatively against a limit, so that the minimum
	// value fits and overflow is caught before it happens.
	negative, rest, limit := false, s, -hi
	switch s[0] {
	case '-':
		negative, rest, limit = true, s[1:], lo
	case '+':
		rest = s[1:]
	}
	if rest == "" {
		return 0, false
	}
	multmin := limit / 10
	var acc int64
	for _, r := range rest {
		d, ok := javaDigit(r)
		if !ok || acc < multmin {
			return 0, false
		}
		acc *= 10
		if acc < limit+int64(d) {
			return 0, false
		}
		acc -= int64(d)
	}
	if negative {
		return acc, true
	}
	return -acc, true
}

// javaDigit is Character.digit(r, 10): the value of a Unicode decimal digit (category Nd).
func javaDigit(r rune) (int, bool) {
	if '0' <= r && r <= '9' {
		return int(r - '0'), true
	}
	// Java reads UTF-16 chars one by one: a digit beyond the BMP is two chars, neither a digit.
	if r < 0x80 || r > 0xFFFF || !unicode.Is(unicode.Nd, r) {
		return 0, false
	}
	// Decimal digits come in runs of ten, zero first; find the start of this run.
	zero := r
	for zero > 0 && unicode.Is(unicode.Nd, zero-1) {
		zero--
	}
	return int(r-zero) % 10, true
}

// javaEqualsIgnoreCase is String.equalsIgnoreCase: the same length in UTF-16 code units and, char
// by char, equal after Character.toUpperCase or then Character.toLowerCase.
func javaEqualsIgnoreCase(a, b string) bool {
	ua, ub := utf16.Encode([]rune(a)), utf16.Encode([]rune(b))
	if len(ua) != len(ub) {
		return false
	}
	for i := range ua {
		c1, c2 := rune(ua[i]), rune(ub[i])
		if c1 == c2 {
			continue
		}
		u1, u2 := unicode.ToUpper(c1), unicode.ToUpper(c2)
		if u1 == u2 || unicode.ToLower(u1) == unicode.ToLower(u2) {
			continue
		}
		return false
	}
	return true
}

// javaUpperEnglish is String.toUpperCase(Locale.ENGLISH), with the one-to-many mappings of
// Unicode's SpecialCasing that can produce the ASCII letters of an enum constant.
func javaUpperEnglish(s string) string {
	var b strings.Builder
	for _, r := range s {
		if m, ok := specialUpper[r]; ok {
			b.WriteString(m)
			continue
		}
		b.WriteRune(unicode.ToUpper(r))
	}
	return b.String()
}

var specialUpper = map[rune]string{
	'ß': "SS", 'ﬀ': "FF", 'ﬁ': "FI", 'ﬂ': "FL", 'ﬃ': "FFI", 'ﬄ': "FFL", 'ﬅ': "ST", 'ﬆ': "ST",
}

// ParseJavaEnum reads a value as airlift reads an enum: the constant named by the value in upper
// case (from airlift 2xx on, see upperCaseFirst), else the one constant whose name equals the value
// with '-' read as '_', ignoring case. It returns the constant's name.
func ParseJavaEnum(s string, constants []string, upperCaseFirst bool) (string, bool) {
	exact := s
	if upperCaseFirst {
		exact = javaUpperEnglish(s)
	}
	for _, c := range constants {
		if c == exact {
			return c, true
		}
	}
	match, found := "", false
	dashed := strings.ReplaceAll(s, "-", "_")
	for _, c := range constants {
		if javaEqualsIgnoreCase(c, dashed) {
			if found {
				return "", false
			}
			match, found = c, true
		}
	}
	return match, found
}

// HostAndPort is a value parsed as Guava's HostAndPort.fromString.
type HostAndPort struct {
	Host    string
	Port    int
	HasPort bool
}

// ParseHostAndPort reads a value as Guava's HostAndPort.fromString does: "host", "host:port",
// "[v6]" or "[v6]:port", with a port of ASCII digits from 0 to 65535; a host with more than one
// colon and no brackets is taken whole, without a port.
func ParseHostAndPort(s string) (HostAndPort, bool) {
	host, portString := s, ""
	hasPort := false
	switch {
	case strings.HasPrefix(s, "["):
		colon := strings.IndexByte(s, ':')
		closing := strings.LastIndexByte(s, ']')
		if colon < 0 || closing <= colon {
			return HostAndPort{}, false
		}
		host = s[1:closing]
		if closing+1 != len(s) {
			if s[closing+1] != ':' {
				return HostAndPort{}, false
			}
			hasPort, portString = true, s[closing+2:]
		}
	default:
		colon := strings.IndexByte(s, ':')
		if colon >= 0 && strings.IndexByte(s[colon+1:], ':') < 0 {
			host, portString, hasPort = s[:colon], s[colon+1:], true
		}
	}
	if !hasPort || portString == "" {
		return HostAndPort{Host: host}, true
	}
	// Guava: no leading '+', ASCII only, then Integer.parseInt and 0..65535.
	if portString[0] == '+' {
		return HostAndPort{}, false
	}
	for i := 0; i < len(portString); i++ {
		if portString[i] >= 0x80 {
			return HostAndPort{}, false
		}
	}
	port, ok := javaParseDigits(portString, math.MinInt32, math.MaxInt32)
	if !ok || port < 0 || port > 65535 {
		return HostAndPort{}, false
	}
	return HostAndPort{Host: host, Port: int(port), HasPort: true}, true
}
