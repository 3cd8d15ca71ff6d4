package connection

import (
	"encoding/base64"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// TokenType is the kind of a StarTree API token.
type TokenType string

// The two kinds of StarTree API token.
const (
	TokenTypeBasic  TokenType = "basic"
	TokenTypeBearer TokenType = "bearer"
)

// BearerPrefix starts every bearer token.
const BearerPrefix = "st-"

// Credentials are what a token stands for: the username and password that Trino sends to the
// Pinot controller and broker.
type Credentials struct {
	Type     TokenType
	Username string
	Password string
}

// ParseToken decodes a StarTree API token into credentials.
//
// Surrounding ASCII white space is ignored. A token that starts with "st-" is a bearer token;
// anything else must be a basic token (base64 of "<key>:<secret>"). The returned problems all
// concern InputAPIToken; none of them quotes the token or any part of it.
func ParseToken(token string) (Credentials, Problems) {
	t := trimASCIISpace(token)
	if scheme := authorizationScheme(t); scheme != "" {
		return Credentials{}, Problems{errorf(InputAPIToken, "HTTP authorization scheme in the StarTree API token",
			fmt.Sprintf("The API token starts with %q, the word an HTTP Authorization header puts before a token. Remove %q and give the token alone.", scheme, scheme))}
	}
	switch {
	case t == "":
		return Credentials{}, Problems{errorf(InputAPIToken, "Empty StarTree API token",
			"The API token is empty or white space only. Expected a basic token (base64 of \"<key>:<secret>\") or a bearer token (\"st-<key>-<secret>\").")}
	case containsASCIISpace(t):
		return Credentials{}, Problems{errorf(InputAPIToken, "White space inside the StarTree API token",
			"The API token contains white space between its characters. Only white space around a token is ignored; copy the token again as one unbroken string.")}
	case strings.HasPrefix(t, BearerPrefix):
		return parseBearer(t[len(BearerPrefix):])
	case len(t) >= len(BearerPrefix) && strings.EqualFold(t[:len(BearerPrefix)], BearerPrefix):
		return Credentials{}, Problems{errorf(InputAPIToken, "Uppercase bearer token prefix",
			"The API token starts with an uppercase form of the bearer prefix. Bearer tokens start with the lowercase \"st-\".")}
	default:
		return parseBasic(t)
	}
}

func parseBearer(rest string) (Credentials, Problems) {
	const format = "A bearer token has the form \"st-<key>-<secret>\": the prefix \"st-\", then two non-empty runs of ASCII letters and digits joined by one hyphen."
	segments := strings.Count(rest, "-") + 1
	if segments != 2 {
		summary := "Too few segments in the bearer token"
		if segments > 2 {
			summary = "Too many segments in the bearer token"
		}
		noun := "segments"
		if segments == 1 {
			noun = "segment"
		}
		return Credentials{}, Problems{errorf(InputAPIToken, summary,
			fmt.Sprintf("After the \"st-\" prefix the token has %d hyphen-separated %s, expected 2. %s", segments, noun, format))}
	}
	key, secret, _ := strings.Cut(rest, "-")
	var ps Problems
	for _, part := range []struct{ name, value string }{{"key", key}, {"secret", secret}} {
		switch {
		case part.value == "":
			ps = append(ps, errorf(InputAPIToken, "Empty "+part.name+" in the bearer token",
				"The "+part.name+" segment of the bearer token is empty. "+format))
		case !isASCIIAlnum(part.value):
			ps = append(ps, errorf(InputAPIToken, "Invalid character in the bearer token's "+part.name,
				"The "+part.name+" segment of the bearer token contains a character other than an ASCII letter or digit. "+format))
		}
	}
	if ps.HasError() {
		return Credentials{}, ps
	}
	// StarTree's current docs give the form st-<accessKey>-<secretKey> and no lengths: any length
	// of either part is taken as it is.
	return Credentials{Type: TokenTypeBearer, Username: key, Password: secret}, ps
}

func parseBasic(t string) (Credentials, Problems) {
	decoded, detail := decodeBase64(t)
	if detail != "" && strings.Contains(t, ":") {
		return Credentials{}, Problems{errorf(InputAPIToken, "Basic token not base64-encoded",
			"The API token contains a colon, so it looks like \"<key>:<secret>\" before base64 encoding; a basic token is that text encoded. Encode it, for example with base64encode(\"<key>:<secret>\") in Terraform, or give the token StarTree issued as it is.")}
	}
	if detail != "" {
		return Credentials{}, Problems{errorf(InputAPIToken, "Invalid StarTree API token", detail)}
	}
	if !utf8.Valid(decoded) {
		return Credentials{}, Problems{errorf(InputAPIToken, "Basic token is not UTF-8 text",
			"The basic token decodes from base64 to bytes that are not valid UTF-8. Expected base64 of \"<key>:<secret>\".")}
	}
	text := string(decoded)
	if containsControl(text) {
		return Credentials{}, Problems{errorf(InputAPIToken, "Control character in the basic token",
			"The basic token decodes to text that contains a control character (such as a line break, a tab or NUL). Expected base64 of \"<key>:<secret>\".")}
	}
	user, password, found := strings.Cut(text, ":")
	if !found {
		return Credentials{}, Problems{errorf(InputAPIToken, "Missing colon in the basic token",
			"The basic token decodes to text without a colon. Expected base64 of \"<key>:<secret>\"; the username is the text before the first colon.")}
	}
	var ps Problems
	for _, part := range []struct{ name, side, value string }{{"username", "before", user}, {"password", "after", password}} {
		switch {
		case part.value == "":
			ps = append(ps, errorf(InputAPIToken, "Empty "+part.name+" in the basic token",
				"The basic token decodes to text whose "+part.name+" (the part "+part.side+" the first colon) is empty."))
		case part.value[0] == ' ' || part.value[len(part.value)-1] == ' ':
			ps = append(ps, errorf(InputAPIToken, "White space around the basic token's "+part.name,
				"The "+part.name+" decoded from the basic token begins or ends with a space. Trino trims the values of a catalog file (a CREATE CATALOG value stays as written), so the file would send a different "+part.name+" than the token holds."))
		}
	}
	if ps.HasError() {
		return Credentials{}, ps
	}
	for _, part := range []struct{ name, value string }{{"username", user}, {"password", password}} {
		if HoldsSecretReference(part.value) {
			ps = append(ps, errorf(InputAPIToken, "Secret reference in the basic token's "+part.name,
				"The "+part.name+" decoded from the basic token holds a ${name:...} sequence. Trino replaces such a sequence in a catalog value with a secret of the Trino node (an environment variable, for ${ENV:...}) before it sends the "+part.name+", and it cannot be escaped, so the provider refuses the token."))
		}
	}
	if ps.HasError() {
		return Credentials{}, ps
	}
	return Credentials{Type: TokenTypeBasic, Username: user, Password: password}, nil
}

// authorizationScheme returns the HTTP authorization scheme a pasted header value starts with
// ("Bearer " or "Basic ", in any case), or "".
func authorizationScheme(t string) string {
	for _, scheme := range []string{"Bearer", "Basic"} {
		if len(t) > len(scheme) && strings.EqualFold(t[:len(scheme)], scheme) && (t[len(scheme)] == ' ' || t[len(scheme)] == '\t') {
			return t[:len(scheme)] + " "
		}
	}
	return ""
}

// decodeBase64 accepts the standard and the URL-safe alphabets, padded or not. On failure it
// returns a detail that names the rule broken and never the offending character.
func decodeBase64(t string) ([]byte, string) {
	const expected = "Expected a bearer token (\"st-<key>-<secret>\") or a basic token: base64 (standard or URL-safe alphabet, padded or not) of \"<key>:<secret>\"."
	unpadded := strings.TrimRight(t, "=")
	if pad := len(t) - len(unpadded); pad > 2 || (pad > 0 && len(t)%4 != 0) {
		return nil, "The token is not a bearer token and its base64 padding is wrong. " + expected
	}
	var seen, all uint8 = 0, classBase64
	for i := 0; i < len(unpadded); i++ {
		class := byteClass[unpadded[i]]
		seen |= class
		all &= class
	}
	if seen&classStdOnly != 0 && seen&classURLOnly != 0 {
		return nil, "The token is not a bearer token and mixes the standard (+ /) and URL-safe (- _) base64 alphabets. " + expected
	}
	if all&classBase64 == 0 && unpadded != "" {
		return nil, "The token is not a bearer token and contains a character outside the base64 alphabet. " + expected
	}
	enc := strictStd
	if seen&classURLOnly != 0 {
		enc = strictURL
	}
	decoded, err := enc.DecodeString(unpadded)
	if err != nil {
		return nil, "The token is not a bearer token and its length or final characters are not valid base64. " + expected
	}
	return decoded, ""
}

// The unpadded base64 decoders, strict about the unused bits of the last character.
var (
	strictStd = base64.RawStdEncoding.Strict()
	strictURL = base64.RawURLEncoding.Strict()
)

// byteClass sorts the bytes a token may hold, so that each rule is one pass of table lookups.
var byteClass = func() (classes [256]uint8) {
	for c := 0; c < 256; c++ {
		switch {
		case 'A' <= c && c <= 'Z', 'a' <= c && c <= 'z', '0' <= c && c <= '9':
			classes[c] = classAlnum | classBase64
		case c == '+' || c == '/':
			classes[c] = classStdOnly | classBase64
		case c == '-' || c == '_':
			classes[c] = classURLOnly | classBase64
		case c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r':
			classes[c] = classSpace
		}
	}
	return classes
}()

const (
	classAlnum   uint8 = 1 << iota // ASCII letter or digit
	classBase64                    // in either base64 alphabet
	classStdOnly                   // '+' or '/': the standard alphabet only
	classURLOnly                   // '-' or '_': the URL-safe alphabet only
	classSpace                     // ASCII white space
)

func isASCIIAlnum(s string) bool {
	for i := 0; i < len(s); i++ {
		if byteClass[s[i]]&classAlnum == 0 {
			return false
		}
	}
	return true
}

// containsASCIISpace reports whether s holds an ASCII white space character.
func containsASCIISpace(s string) bool {
	for i := 0; i < len(s); i++ {
		if byteClass[s[i]]&classSpace != 0 {
			return true
		}
	}
	return false
}

// containsControl reports whether s holds a control character: C0, DEL or C1.
func containsControl(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c == 0x7f {
			return true
		} else if c >= 0x80 {
			return strings.IndexFunc(s[i:], unicode.IsControl) >= 0
		}
	}
	return false
}

func isASCIISpace(r rune) bool {
	return r == ' ' || r == '\t' || r == '\n' || r == '\v' || r == '\f' || r == '\r'
}

func trimASCIISpace(s string) string {
	return strings.TrimFunc(s, isASCIISpace)
}
