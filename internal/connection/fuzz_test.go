package connection

import (
	"encoding/base64"
	"maps"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/startree/terraform-provider-startree/internal/startreeguide"

	"github.com/startree/terraform-provider-startree/internal/propertiestest"
)

// The fuzz targets' seed corpora live in testdata/fuzz and run with every `go test`; `make fuzz`
// explores beyond them.

// messageVocabulary is every text the token rules can produce, from tokens that break each rule.
// Messages are fixed text and numbers, so a piece of an error that is not in the vocabulary can
// only have come from the token.
var messageVocabulary = func() string {
	var b strings.Builder
	for _, token := range []string{
		"", " ", "a b", "st-", "st-a-b-c", "st--b", "st-a-", "st-a_-b", "st-a-b_", "ST-a-b", "a*b", "YWJj===", "YWJjZA=", "ab+c-d_",
		"YWJjZ", "df86OnA=", b64("u\x00:p"), b64("up"), b64(":p"), b64("u:"), b64(" u:p"), b64("u:p "), "st-a-b",
	} {
		_, ps := ParseToken(token)
		for _, p := range ps {
			b.WriteString(p.Summary + "\n" + p.Detail + "\n")
		}
	}
	return normalizeDigits(b.String())
}()

func b64(s string) string { return base64.StdEncoding.EncodeToString([]byte(s)) }

var digits = regexp.MustCompile(`[0-9]+`)

func normalizeDigits(s string) string { return digits.ReplaceAllString(s, "0") }

// leakedPiece returns an 8-byte piece of secret that appears in text and not in the vocabulary of
// fixed messages, or "".
func leakedPiece(text, secret string) string {
	text, secret = normalizeDigits(text), normalizeDigits(secret)
	for i := 0; i+8 <= len(secret); i++ {
		piece := secret[i : i+8]
		if strings.Contains(text, piece) && !strings.Contains(messageVocabulary, piece) {
			return piece
		}
	}
	return ""
}

// decodedCandidates returns whatever the token could decode to, so that the decoded username and
// password are checked for leaks too.
func decodedCandidates(token string) []string {
	out := []string{token}
	t := strings.TrimRight(strings.TrimSpace(token), "=")
	for _, enc := range []*base64.Encoding{base64.RawStdEncoding, base64.RawURLEncoding} {
		if b, err := enc.DecodeString(t); err == nil {
			out = append(out, string(b))
		}
	}
	return out
}

func FuzzParseToken(f *testing.F) {
	f.Add(startreeguide.BasicToken)
	f.Add(startreeguide.BearerToken)
	f.Fuzz(func(t *testing.T, token string) {
		creds, ps := ParseToken(token)
		if ps.HasError() != (creds == Credentials{}) {
			t.Fatalf("credentials %+v with problems %v", creds, ps)
		}
		for _, p := range ps {
			if p.Input != InputAPIToken || p.Summary == "" || p.Detail == "" {
				t.Fatalf("malformed problem %+v", p)
			}
			for _, secret := range decodedCandidates(token) {
				if leak := leakedPiece(p.Summary+"\n"+p.Detail, secret); leak != "" {
					t.Fatalf("problem %q leaks %q", p.Error(), leak)
				}
			}
		}
		if ps.HasError() {
			return
		}
		switch creds.Type {
		case TokenTypeBearer:
			if strings.TrimSpace(token) != BearerPrefix+creds.Username+"-"+creds.Password {
				t.Fatalf("bearer %q parsed as %+v", token, creds)
			}
		case TokenTypeBasic:
			if creds.Username == "" || creds.Password == "" || strings.Contains(creds.Username, ":") || !utf8.ValidString(creds.Password) {
				t.Fatalf("basic %q parsed as %+v", token, creds)
			}
		default:
			t.Fatalf("unknown token type %q", creds.Type)
		}
	})
}

var hostLabel = `[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?`
var validURL = regexp.MustCompile(`^(https://proxy\.broker\.(` + hostLabel + `\.){3,}` + hostLabel + `:443|http://proxy\.broker\.(` + hostLabel + `\.){3,}` + hostLabel + `:80)$`)

func FuzzBuildEndpoints(f *testing.F) {
	f.Add("pug", "prod", "awesome-company.startree.cloud", true)
	f.Add("Pug", "..", "https://x.io:443/", false)
	f.Fuzz(func(t *testing.T, cluster, environment, domain string, tls bool) {
		e, ps := BuildEndpoints(Coordinates{cluster, environment, domain}, tls)
		for _, p := range ps {
			if p.Severity != SeverityError || (p.Input != InputCluster && p.Input != InputEnvironment && p.Input != InputDomain) {
				t.Fatalf("unexpected problem %+v", p)
			}
		}
		if ps.HasError() {
			if e != (Endpoints{}) {
				t.Fatalf("endpoints %+v with errors", e)
			}
			return
		}
		scheme, port := "https://", ":443"
		if !tls {
			scheme, port = "http://", ":80"
		}
		host := cluster + "." + environment + "." + domain
		want := Endpoints{ControllerURL: scheme + "proxy.broker." + host + port, GRPCProxyURI: "proxy-grpc.broker." + host + port}
		if e != want || !validURL.MatchString(e.ControllerURL) {
			t.Fatalf("coordinates %q %q %q gave %+v, want %+v", cluster, environment, domain, e, want)
		}
		if len(e.GRPCProxyURI)-len(":443") > maxHostNameLength {
			t.Fatalf("host name of %d characters accepted", len(e.GRPCProxyURI))
		}
	})
}

func FuzzRenderCatalog(f *testing.F) {
	f.Add("pinot.connection-timeout", "2m", "custom\nkey", "value=with:separators#!", true)
	f.Add("pinot.controller-urls", "http://evil", "pinot.grpc.port", "1", false)
	base := guideSettings(startreeguide.BasicToken)
	baseline, _ := Compute(base)
	f.Fuzz(func(t *testing.T, k1, v1, k2, v2 string, tls bool) {
		for _, s := range []string{k1, v1, k2, v2} {
			if !utf8.ValidString(s) {
				return // Terraform strings are always valid UTF-8
			}
		}
		props := map[string]string{k1: v1, k2: v2}
		encoded := EncodeProperties(props)
		if got, err := propertiestest.Load(encoded); err != nil || !maps.Equal(got, props) {
			t.Fatalf("EncodeProperties(%q) = %q loads as %q (%v)", props, encoded, got, err)
		}
		s := base
		s.TLSEnabled = tls
		s.ExtraProperties = props
		c, ps := Compute(s)
		if ps.HasError() {
			return
		}
		got, err := propertiestest.Load(c.Properties)
		if err != nil || !maps.Equal(got, c.PropertiesMap()) {
			t.Fatalf("catalog %q loads as %q (%v), want %q", c.Properties, got, err, c.PropertiesMap())
		}
		for _, k := range ManagedPropertyNames() {
			want, managed := baseline.PropertiesMap()[k]
			if k == KeyControllerURLs || k == KeyGRPCProxyURI || k == KeyGRPCUsePlainText {
				continue // these follow tls, which the fuzzer varies
			}
			if managed && got[k] != want {
				t.Fatalf("extra properties %q changed managed key %q to %q", props, k, got[k])
			}
		}
		if len(got) != 12+len(props) {
			t.Fatalf("catalog has %d keys, want %d", len(got), 12+len(props))
		}
		envLoaded, err := propertiestest.Load(c.EnvProperties)
		if err != nil || len(envLoaded) != len(got) {
			t.Fatalf("env catalog %q loads as %q (%v)", c.EnvProperties, envLoaded, err)
		}
	})
}

func FuzzCheckExtraProperties(f *testing.F) {
	f.Add("pinot.grpc.tls.keystore-path", " /k ", false, int64(0))
	f.Add("pinot.broker-url", "b", true, int64(446))
	f.Add("pinot.grpc.tls.keystore-password", "pa${file:x}ss", true, int64(0))
	f.Add("pinot.http-client.http-proxy.password", "${Vault:k}", true, int64(470))
	f.Add("pinot.connection-timeout", "5s", true, int64(0))
	f.Fuzz(func(t *testing.T, key, value string, tls bool, version int64) {
		var v *int64
		if version != 0 {
			v = &version
		}
		problems := CheckExtraProperties(map[string]string{key: value}, tls, v)
		for _, p := range problems {
			if p.Input != InputExtraProperties || p.Key != key || p.Summary == "" {
				t.Fatalf("malformed problem %+v for key %q", p, key)
			}
		}
		if !IsSensitiveProperty(key) {
			return
		}
		// A secret's messages are drawn from those of a few stand-in values: they cannot carry
		// any part of the value.
		allowed := map[string]bool{}
		for _, stand := range []string{"x", " x", "${vault:x}", "${ENV:X}", "${env:X}"} {
			for _, p := range CheckExtraProperties(map[string]string{key: stand}, tls, v) {
				allowed[p.Summary+"\x00"+p.Detail] = true
			}
		}
		for _, p := range problems {
			if !allowed[p.Summary+"\x00"+p.Detail] {
				t.Fatalf("the message for a secret depends on its value: %q", p.Error())
			}
		}
	})
}
