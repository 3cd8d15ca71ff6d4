package connection

import (
	"encoding/base64"
	"strings"
	"testing"

	"github.com/startree/terraform-provider-startree/internal/startreeguide"
)

func TestParseTokenValid(t *testing.T) {
	raw := func(s string) string { return base64.RawStdEncoding.EncodeToString([]byte(s)) }
	url := func(s string) string { return base64.URLEncoding.EncodeToString([]byte(s)) }
	tests := []struct {
		name     string
		token    string
		want     Credentials
		warnings []string
	}{
		{"guide basic", startreeguide.BasicToken, Credentials{TokenTypeBasic, startreeguide.BasicUsername, startreeguide.BasicPassword}, nil},
		{"guide bearer", startreeguide.BearerToken, Credentials{TokenTypeBearer, startreeguide.BearerUsername, startreeguide.BearerPassword}, nil},
		{"basic with trailing newline from file()", startreeguide.BasicToken + "\n", Credentials{TokenTypeBasic, startreeguide.BasicUsername, startreeguide.BasicPassword}, nil},
		{"bearer with surrounding white space", " \t\r\n" + startreeguide.BearerToken + "\r\n\v\f ", Credentials{TokenTypeBearer, startreeguide.BearerUsername, startreeguide.BearerPassword}, nil},
		{"basic unpadded", strings.TrimRight(startreeguide.BasicToken, "="), Credentials{TokenTypeBasic, startreeguide.BasicUsername, startreeguide.BasicPassword}, nil},
		{"basic unpadded, two padding characters dropped", raw("user:pass1"), Credentials{TokenTypeBasic, "user", "pass1"}, nil},
		{"basic URL-safe alphabet", url("k?>:s~~?>"), Credentials{TokenTypeBasic, "k?>", "s~~?>"}, nil},
		{"basic URL-safe unpadded", strings.TrimRight(url("k?>:s~~?"), "="), Credentials{TokenTypeBasic, "k?>", "s~~?"}, nil},
		{"basic password with colons", base64.StdEncoding.EncodeToString([]byte("u:p:a:s:s")), Credentials{TokenTypeBasic, "u", "p:a:s:s"}, nil},
		{"basic with UTF-8 text", base64.StdEncoding.EncodeToString([]byte("jörg:pässwörd€")), Credentials{TokenTypeBasic, "jörg", "pässwörd€"}, nil},
		{"basic with inner spaces", base64.StdEncoding.EncodeToString([]byte("a b:c d")), Credentials{TokenTypeBasic, "a b", "c d"}, nil},
		// StarTree's docs give no lengths for the two parts: any length is taken, without a warning.
		{"bearer with short key", "st-abc-" + strings.Repeat("s", 32), Credentials{TokenTypeBearer, "abc", strings.Repeat("s", 32)}, nil},
		{"bearer with long secret", "st-" + strings.Repeat("K", 16) + "-" + strings.Repeat("9", 40), Credentials{TokenTypeBearer, strings.Repeat("K", 16), strings.Repeat("9", 40)}, nil},
		{"bearer with both lengths off", "st-a1-b2", Credentials{TokenTypeBearer, "a1", "b2"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ps := ParseToken(tt.token)
			if ps.HasError() {
				t.Fatalf("ParseToken: unexpected errors: %v", ps)
			}
			if got != tt.want {
				t.Errorf("ParseToken = %+v, want %+v", got, tt.want)
			}
			assertSummaries(t, ps.Warnings(), tt.warnings)
			assertNoSecret(t, ps, tt.token, got.Username, got.Password)
		})
	}
}

func TestParseTokenInvalid(t *testing.T) {
	b64 := func(s string) string { return base64.StdEncoding.EncodeToString([]byte(s)) }
	tests := []struct {
		name    string
		token   string
		summary string
		detail  string // a phrase of the detail that says which rule failed
	}{
		{"empty", "", "Empty StarTree API token", "empty or white space only"},
		{"white space only", " \n\t", "Empty StarTree API token", "empty or white space only"},
		{"space inside", "st-XkQBXKr652MV1VF9 -5gkhGWNaGAdA1NU5yrHXRSPKMCcNRlRg", "White space inside the StarTree API token", "white space between its characters"},
		{"newline inside base64", startreeguide.BasicToken[:20] + "\n" + startreeguide.BasicToken[20:], "White space inside the StarTree API token", "white space between"},
		{"bearer without segments", "st-XkQBXKr652MV1VF95gkhGWNaGAdA1NU5", "Too few segments in the bearer token", "has 1 hyphen-separated segment, expected 2"},
		{"bearer prefix only", "st-", "Too few segments in the bearer token", "has 1 hyphen-separated segment,"},
		{"bearer with extra segment", "st-XkQBXKr652MV1VF9-5gkhGWNaGAdA1NU5-yrHXRSPKMCcNRlRg", "Too many segments in the bearer token", "has 3 hyphen-separated segments, expected 2"},
		{"bearer empty key", "st--5gkhGWNaGAdA1NU5yrHXRSPKMCcNRlRg", "Empty key in the bearer token", "key segment of the bearer token is empty"},
		{"bearer empty secret", "st-XkQBXKr652MV1VF9-", "Empty secret in the bearer token", "secret segment of the bearer token is empty"},
		{"bearer key with symbol", "st-XkQBXKr6_2MV1VF9-5gkhGWNaGAdA1NU5yrHXRSPKMCcNRlRg", "Invalid character in the bearer token's key", "other than an ASCII letter or digit"},
		{"bearer secret non-ASCII", "st-XkQBXKr652MV1VF9-5gkhGWNaGAdA1NU5yrHXRSPKMCcNRlR\u00e9", "Invalid character in the bearer token's secret", "other than an ASCII letter or digit"},
		{"bearer full-width digit", "st-XkQBXKr652MV1VF\uff19-5gkhGWNaGAdA1NU5yrHXRSPKMCcNRlRg", "Invalid character in the bearer token's key", "other than an ASCII letter or digit"},
		{"look-alike prefix", "\u0455t-XkQBXKr652MV1VF9-5gkhGWNaGAdA1NU5yrHXRSPKMCcNRlRg", "Invalid StarTree API token", "outside the base64 alphabet"},
		{"uppercase prefix", "ST-XkQBXKr652MV1VF9-5gkhGWNaGAdA1NU5yrHXRSPKMCcNRlRg", "Uppercase bearer token prefix", "start with the lowercase \"st-\""},
		{"mixed-case prefix", "sT-XkQBXKr652MV1VF9-5gkhGWNaGAdA1NU5yrHXRSPKMCcNRlRg", "Uppercase bearer token prefix", "uppercase form of the bearer prefix"},
		{"not base64", "not*valid*64", "Invalid StarTree API token", "outside the base64 alphabet"},
		{"too much padding", "YWJj===", "Invalid StarTree API token", "padding is wrong"},
		{"padding on a wrong length", "YWJjZA=", "Invalid StarTree API token", "padding is wrong"},
		{"padding inside", "YW=jZA==", "Invalid StarTree API token", "outside the base64 alphabet"},
		{"mixed alphabets", "ab+c-d__", "Invalid StarTree API token", "mixes the standard (+ /) and URL-safe (- _) base64 alphabets"},
		{"impossible length", "YWJjZ", "Invalid StarTree API token", "length or final characters are not valid base64"},
		{"invalid UTF-8", base64.StdEncoding.EncodeToString([]byte{'u', 0xff, ':', 'p'}), "Basic token is not UTF-8 text", "not valid UTF-8"},
		{"NUL", b64("user\x00:pass"), "Control character in the basic token", "control character"},
		{"newline", b64("user:pa\nss"), "Control character in the basic token", "control character"},
		{"DEL", b64("user:pass\x7f"), "Control character in the basic token", "control character"},
		{"C1 control", b64("user:pass\u0085"), "Control character in the basic token", "control character"},
		{"missing colon", b64("userpassword"), "Missing colon in the basic token", "without a colon"},
		{"empty username", b64(":password"), "Empty username in the basic token", "username (the part before the first colon) is empty"},
		{"empty password", b64("username:"), "Empty password in the basic token", "password (the part after the first colon) is empty"},
		{"colon only", b64(":"), "Empty username in the basic token", "is empty"},
		{"username with leading space", b64(" user:password"), "White space around the basic token's username", "Trino trims the values of a catalog file"},
		{"password with trailing space", b64("user:password "), "White space around the basic token's password", "begins or ends with a space"},
		{"pasted HTTP header", "Bearer " + startreeguide.BearerToken, "HTTP authorization scheme in the StarTree API token",
			`The API token starts with "Bearer ", the word an HTTP Authorization header puts before a token. Remove "Bearer " and give the token alone.`},
		{"pasted basic header", "basic " + startreeguide.BasicToken, "HTTP authorization scheme in the StarTree API token", `starts with "basic "`},
		{"key and secret not encoded", startreeguide.BasicUsername + ":" + startreeguide.BasicPassword, "Basic token not base64-encoded",
			`Encode it, for example with base64encode("<key>:<secret>") in Terraform`},
		{"password that Trino would resolve", b64("user:${ENV:AWS_SECRET_ACCESS_KEY}"), "Secret reference in the basic token's password",
			"holds a ${name:...} sequence. Trino replaces such a sequence in a catalog value with a secret of the Trino node"},
		{"password with a lower-case reference", b64("user:pre${env:HOME}post"), "Secret reference in the basic token's password", "holds a ${name:...} sequence"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ps := ParseToken(tt.token)
			if got != (Credentials{}) {
				t.Errorf("ParseToken returned credentials %+v with an error", got)
			}
			errs := ps.Errors()
			if len(errs) == 0 {
				t.Fatalf("ParseToken(%q): no error, want %q", tt.token, tt.summary)
			}
			if errs[0].Summary != tt.summary || !strings.Contains(errs[0].Detail, tt.detail) || errs[0].Input != InputAPIToken {
				t.Errorf("got %q / %q on %s, want %q with %q on api_token", errs[0].Summary, errs[0].Detail, errs[0].Input, tt.summary, tt.detail)
			}
			assertNoSecret(t, ps, tt.token)
		})
	}
}

// assertSummaries checks the problems' summaries, in order.
func assertSummaries(t *testing.T, ps Problems, want []string) {
	t.Helper()
	var got []string
	for _, p := range ps {
		got = append(got, p.Summary)
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("summaries = %q, want %q", got, want)
	}
}

// assertNoSecret fails when a problem's text holds any secret, decoded or not, or any piece of one
// at least six characters long (shorter pieces match ordinary words by chance).
func assertNoSecret(t *testing.T, ps Problems, secrets ...string) {
	t.Helper()
	for _, p := range ps {
		text := p.Summary + "\n" + p.Detail + "\n" + p.Key
		for _, secret := range secrets {
			// The bearer prefix and an HTTP authorization scheme are public and appear in the
			// messages that describe the format.
			secret = strings.TrimSpace(secret)
			if scheme := authorizationScheme(secret); scheme != "" {
				secret = strings.TrimSpace(secret[len(scheme):])
			}
			secret = strings.TrimPrefix(secret, BearerPrefix)
			if secret == "" {
				continue
			}
			if leak := secretPiece(text, secret, 6); leak != "" {
				t.Errorf("problem %q leaks %q, a piece of a secret", text, leak)
			}
		}
	}
}

// secretPiece returns a piece of secret (all of it when shorter than n) found in text, or "".
func secretPiece(text, secret string, n int) string {
	if len(secret) <= n {
		if strings.Contains(text, secret) {
			return secret
		}
		return ""
	}
	for i := 0; i+n <= len(secret); i++ {
		if strings.Contains(text, secret[i:i+n]) {
			return secret[i : i+n]
		}
	}
	return ""
}
