package connection

import (
	"encoding/base64"
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/startree/terraform-provider-startree/internal/startreeguide"
)

// hostileCase is one hostile input run through the whole computation, with what it must give: an
// error with this summary on this input, or, with no summary, a result that check accepts.
type hostileCase struct {
	name     string
	settings func() Settings
	input    Input
	summary  string
	check    func(t *testing.T, c Connection, ps Problems)
	// maxBytes bounds what the computation may allocate.
	maxBytes uint64
}

func withToken(token string) func() Settings {
	return func() Settings { return guideSettings(token) }
}

func withCoordinates(cluster, environment, domain string) func() Settings {
	return func() Settings {
		s := guideSettings(startreeguide.BearerToken)
		s.Cluster, s.Environment, s.Domain = cluster, ptr(environment), ptr(domain)
		return s
	}
}

func withExtra(n int, extra map[string]string) func() Settings {
	return func() Settings {
		s := guideSettings(startreeguide.BearerToken)
		s.ExtraProperties = make(map[string]string, n+len(extra))
		for i := 0; i < n; i++ {
			s.ExtraProperties[fmt.Sprintf("custom.property.%05d", i)] = fmt.Sprintf("value %d", i)
		}
		for k, v := range extra {
			s.ExtraProperties[k] = v
		}
		if n > 0 {
			// Unknown keys are errors for a release the provider knows; for a newer one they are
			// warnings, and the whole catalog is rendered.
			newer := int64(NewestKnownTrinoRelease + 1)
			s.TrinoVersion = &newer
		}
		return s
	}
}

// hugeKeys sets n unknown keys of size bytes each: the "did you mean" search once cost about 1.6 s
// per MiB of key, and each message quoted its whole key.
func hugeKeys(n, size int) func() Settings {
	return func() Settings {
		s := guideSettings(startreeguide.BearerToken)
		s.ExtraProperties = make(map[string]string, n)
		for i := 0; i < n; i++ {
			s.ExtraProperties[fmt.Sprintf("pinot.%02d.", i)+strings.Repeat("k", size)] = "v"
		}
		return s
	}
}

func user(want string) func(t *testing.T, c Connection, ps Problems) {
	return func(t *testing.T, c Connection, _ Problems) {
		t.Helper()
		if c.Credentials == nil || c.Credentials.Username != want {
			t.Errorf("credentials %+v, want username %q", c.Credentials, want)
		}
	}
}

const kib, mib = 1 << 10, 1 << 20

func hostileCases() []hostileCase {
	b64 := func(s string) string { return base64.StdEncoding.EncodeToString([]byte(s)) }
	bigKey, bigSecret := strings.Repeat("k", 512*kib), strings.Repeat("s", 512*kib)
	cases := []hostileCase{
		{name: "1 MiB of base64", settings: withToken(strings.Repeat("A", mib)), input: InputAPIToken, summary: "Control character in the basic token", maxBytes: 4 * mib},
		{name: "1 MiB bearer token", settings: withToken("st-" + bigKey + "-" + bigSecret), maxBytes: 8 * mib, check: func(t *testing.T, c Connection, ps Problems) {
			assertSummaries(t, ps, nil)
			if c.Credentials.Username != bigKey || len(c.Properties) < 2*mib {
				t.Errorf("1 MiB bearer token not used as given")
			}
		}},
		{name: "1 MiB of junk", settings: withToken(strings.Repeat("\x01", mib)), input: InputAPIToken, summary: "Invalid StarTree API token", maxBytes: 64 * kib},
		{name: "NUL in a bearer token", settings: withToken("st-XkQBXKr652MV1VF9\x00-5gkhGWNaGAdA1NU5yrHXRSPKMCcNRlRg"), input: InputAPIToken, summary: "Invalid character in the bearer token's key"},
		{name: "NUL before a bearer token", settings: withToken("\x00" + startreeguide.BearerToken), input: InputAPIToken, summary: "Invalid StarTree API token"},
		{name: "escape byte in a basic token", settings: withToken(startreeguide.BasicToken[:10] + "\x1b" + startreeguide.BasicToken[10:]), input: InputAPIToken, summary: "Invalid StarTree API token"},
		{name: "invalid UTF-8 after base64", settings: withToken(base64.StdEncoding.EncodeToString([]byte("us\xc3er:pass"))), input: InputAPIToken, summary: "Basic token is not UTF-8 text"},
		{name: "overlong UTF-8 after base64", settings: withToken(base64.StdEncoding.EncodeToString([]byte("user:\xc0\xafpass"))), input: InputAPIToken, summary: "Basic token is not UTF-8 text"},
		{name: "Cyrillic look-alike prefix", settings: withToken("\u0455t-XkQBXKr652MV1VF9-5gkhGWNaGAdA1NU5yrHXRSPKMCcNRlRg"), input: InputAPIToken, summary: "Invalid StarTree API token"},
		{name: "full-width digit in the key", settings: withToken("st-XkQBXKr652MV1VF\uff19-5gkhGWNaGAdA1NU5yrHXRSPKMCcNRlRg"), input: InputAPIToken, summary: "Invalid character in the bearer token's key"},
		{name: "full-width hyphen", settings: withToken("st-XkQBXKr652MV1VF9\uff0d5gkhGWNaGAdA1NU5yrHXRSPKMCcNRlRg"), input: InputAPIToken, summary: "Too few segments in the bearer token"},
		{name: "uppercase prefix", settings: withToken("ST-XkQBXKr652MV1VF9-5gkhGWNaGAdA1NU5yrHXRSPKMCcNRlRg"), input: InputAPIToken, summary: "Uppercase bearer token prefix"},
		{name: "non-breaking space after a bearer token", settings: withToken(startreeguide.BearerToken + "\u00a0"), input: InputAPIToken, summary: "Invalid character in the bearer token's secret"},
		{name: "ideographic space before a bearer token", settings: withToken("\u3000" + startreeguide.BearerToken), input: InputAPIToken, summary: "Invalid StarTree API token"},
		{name: "line separator after a basic token", settings: withToken(startreeguide.BasicToken + "\u2028"), input: InputAPIToken, summary: "Invalid StarTree API token"},
		{name: "st- alone", settings: withToken("st-"), input: InputAPIToken, summary: "Too few segments in the bearer token"},
		{name: "st- without a hyphen", settings: withToken("st-XkQBXKr652MV1VF95gkhGWNaGAdA1NU5yrHXRSPKMCcNRlRg"), input: InputAPIToken, summary: "Too few segments in the bearer token"},
		{name: "st- with an empty key", settings: withToken("st--5gkhGWNaGAdA1NU5yrHXRSPKMCcNRlRg"), input: InputAPIToken, summary: "Empty key in the bearer token"},
		{name: "st- with an empty secret", settings: withToken("st-XkQBXKr652MV1VF9-"), input: InputAPIToken, summary: "Empty secret in the bearer token"},
		{name: "st- with three segments", settings: withToken("st-a-b-c"), input: InputAPIToken, summary: "Too many segments in the bearer token"},
		{name: "st- with a trailing hyphen", settings: withToken(startreeguide.BearerToken + "-"), input: InputAPIToken, summary: "Too many segments in the bearer token"},
		{name: "base64 padded", settings: withToken(startreeguide.BasicToken), check: user(startreeguide.BasicUsername)},
		{name: "base64 unpadded", settings: withToken(strings.TrimRight(startreeguide.BasicToken, "=")), check: user(startreeguide.BasicUsername)},
		{name: "base64 URL-safe", settings: withToken(base64.URLEncoding.EncodeToString([]byte("k>>?:p??>"))), check: user("k>>?")},
		{name: "base64 URL-safe unpadded", settings: withToken(base64.RawURLEncoding.EncodeToString([]byte("k>>?:p??>"))), check: user("k>>?")},
		{name: "base64 with a colon in the password", settings: withToken(b64("u:p:w")), check: user("u")},
		{name: "base64 of control characters", settings: withToken(b64("u\r\n:p")), input: InputAPIToken, summary: "Control character in the basic token"},
		{name: "cluster with dots", settings: withCoordinates("pug.prod", "prod", "x.io"), input: InputCluster, summary: "Invalid cluster"},
		{name: "cluster with a space", settings: withCoordinates("pug ", "prod", "x.io"), input: InputCluster, summary: "Invalid cluster"},
		{name: "environment ..", settings: withCoordinates("pug", "..", "x.io"), input: InputEnvironment, summary: "Invalid environment"},
		{name: "uppercase environment", settings: withCoordinates("pug", "Prod", "x.io"), input: InputEnvironment, summary: "Invalid environment"},
		{name: "domain with ..", settings: withCoordinates("pug", "prod", "x..io"), input: InputDomain, summary: "Invalid domain"},
		{name: "domain with a space", settings: withCoordinates("pug", "prod", "x .io"), input: InputDomain, summary: "Invalid domain"},
		{name: "64-character cluster", settings: withCoordinates(strings.Repeat("a", 64), "prod", "x.io"), input: InputCluster, summary: "Invalid cluster"},
		{name: "63-character labels", settings: withCoordinates(strings.Repeat("a", 63), strings.Repeat("b", 63), "x.io"), check: func(t *testing.T, c Connection, _ Problems) {
			if !strings.Contains(c.ControllerURL, strings.Repeat("b", 63)+".x.io:443") {
				t.Errorf("controller URL %q", c.ControllerURL)
			}
		}},
		{name: "254-character domain", settings: withCoordinates("pug", "prod", strings.Repeat("abcdefghi.", 25)+"abcd"), input: InputDomain, summary: "Invalid domain"},
		{name: "10,000 unknown extra keys", settings: withExtra(10000, nil), maxBytes: 16 * mib, check: func(t *testing.T, c Connection, ps Problems) {
			if len(ps) != MaxExtraPropertyProblems+1 || ps[len(ps)-1].Summary != "9980 more problems in extra_properties" || ps.HasError() {
				t.Errorf("problems: %d, last %+v", len(ps), ps[len(ps)-1])
			}
			if len(c.PropertiesMap()) != 10012 || strings.Count(c.Properties, "\n") != 10012 {
				t.Errorf("catalog has %d keys and %d lines", len(c.PropertiesMap()), strings.Count(c.Properties, "\n"))
			}
		}},
		{name: "twenty 1 MiB unknown keys", settings: hugeKeys(20, mib), maxBytes: 8 * mib, check: nil, input: InputExtraProperties, summary: unknownPropertySummary},
		{name: "10,000 extra keys, one managed", settings: withExtra(10000, map[string]string{"pinot.grpc.port": "1"}), input: InputExtraProperties, summary: "Property managed by the provider", maxBytes: 16 * mib},
		{name: "extra value with an injected line", settings: withExtra(0, map[string]string{"pinot.http-client.log.path": "1m\npinot.grpc.port=1"}), check: func(t *testing.T, c Connection, _ Problems) {
			if !strings.Contains(c.Properties, "\npinot.http-client.log.path=1m\\npinot.grpc.port=1\n") || strings.Count(c.Properties, "pinot.grpc.port=") != 2 {
				t.Errorf("injected line escaped wrongly:\n%s", c.Properties)
			}
		}},
	}
	for _, ws := range []string{" ", "\t", "\n", "\r", "\v", "\f"} {
		cases = append(cases,
			hostileCase{name: fmt.Sprintf("%q around a token", ws), settings: withToken(ws + startreeguide.BearerToken + ws + ws), check: user(startreeguide.BearerUsername)},
			hostileCase{name: fmt.Sprintf("%q inside a token", ws), settings: withToken(startreeguide.BearerToken[:10] + ws + startreeguide.BearerToken[10:]), input: InputAPIToken, summary: "White space inside the StarTree API token"},
		)
	}
	return cases
}

func TestHostileInputs(t *testing.T) {
	for _, tc := range hostileCases() {
		t.Run(tc.name, func(t *testing.T) {
			s := tc.settings()
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			c, ps := Compute(s)
			runtime.ReadMemStats(&after)
			limit := tc.maxBytes
			if limit == 0 {
				limit = 64 * kib
			}
			if used := after.TotalAlloc - before.TotalAlloc; used > limit {
				t.Errorf("allocated %d bytes, limit %d", used, limit)
			}
			if s.APIToken != nil {
				assertNoSecret(t, ps, *s.APIToken)
			}
			if tc.summary == "" {
				if ps.HasError() {
					t.Fatalf("unexpected errors: %v", ps)
				}
				tc.check(t, c, ps)
				return
			}
			errs := ps.Errors()
			if len(errs) == 0 || errs[0].Summary != tc.summary || errs[0].Input != tc.input {
				t.Fatalf("got %v, want %q on %s", errs, tc.summary, tc.input)
			}
		})
	}
}
