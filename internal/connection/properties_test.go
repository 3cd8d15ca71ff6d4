package connection

import (
	"maps"
	"strings"
	"testing"

	"github.com/startree/terraform-provider-startree/internal/startreeguide"

	"github.com/startree/terraform-provider-startree/internal/propertiestest"
)

func TestWritePropertyEscaping(t *testing.T) {
	tests := []struct {
		name, key, value, want string
	}{
		{"plain", "pinot.segments-per-split", "4", "pinot.segments-per-split=4\n"},
		{"backslash", `a\b`, `c\d\`, `a\\b=c\\d\\` + "\n"},
		{"separators in key", "a=b:c", "v", `a\=b\:c=v` + "\n"},
		{"separators in value stay", "k", "a=b:c", "k=a=b:c\n"},
		{"comment characters in key", "#k!", "v", `\#k\!=v` + "\n"},
		{"comment characters in value stay", "k", "#v!", "k=#v!\n"},
		{"spaces in key", " a b ", "v", `\ a\ b\ =v` + "\n"},
		{"leading spaces in value", "k", "  v w ", `k=\  v w ` + "\n"},
		{"line breaks", "k\nx", "a\nb\rc\r\n", `k\nx=a\nb\rc\r\n` + "\n"},
		{"tab and form feed", "k\t", "\ta\f", `k\t=\ta\f` + "\n"},
		{"other control characters", "k", "\x00\x01\x1b\x7f", `k=\u0000\u0001\u001B\u007F` + "\n"},
		{"Latin-1 and BMP", "clé", "€ü", `cl\u00E9=\u20AC\u00FC` + "\n"},
		{"beyond the BMP", "k", "😀", `k=\uD83D\uDE00` + "\n"},
		{"line and paragraph separators", "k", "\u2028\u2029\u0085", `k=\u2028\u2029\u0085` + "\n"},
		{"empty key and value", "", "", "=\n"},
		{"ENV reference", "k", "${ENV:PINOT_PASSWORD}", "k=${ENV:PINOT_PASSWORD}\n"},
		{"invalid UTF-8 becomes U+FFFD", "k", "a\xffb", `k=a\uFFFDb` + "\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b strings.Builder
			WriteProperty(&b, tt.key, tt.value)
			if got := b.String(); got != tt.want {
				t.Errorf("WriteProperty(%q, %q) = %q, want %q", tt.key, tt.value, got, tt.want)
			}
		})
	}
}

func TestEncodePropertiesSortsKeys(t *testing.T) {
	got := EncodeProperties(map[string]string{"b": "2", "a": "1", "B": "3", "é": "4", "a.b": "5"})
	want := "B=3\na=1\na.b=5\nb=2\n\\u00E9=4\n"
	if got != want {
		t.Errorf("EncodeProperties = %q, want %q", got, want)
	}
	if got := EncodeProperties(nil); got != "" {
		t.Errorf("EncodeProperties(nil) = %q, want empty", got)
	}
}

// hostileMaps are maps whose keys and values use every character that means something to a
// properties reader.
func hostileMaps() []map[string]string {
	var all strings.Builder
	for r := rune(0); r < 0x100; r++ {
		all.WriteRune(r)
	}
	return []map[string]string{
		{"k": `C:\path\to\file`, `\`: `\\`, `\\`: `\`},
		{"=": "=", ":": ":", "#": "#", "!": "!", "a=b": "c:d", "#comment": "!bang"},
		{" ": " ", "  lead": "  lead", "trail  ": "trail  ", "\t": "\t", "\f": "\f"},
		{"multi\nline": "one\ntwo\r\nthree\rfour", "k": "\n", "k2": "\\\n", "k3": "x\\"},
		{"unicode": "é€😀\u2028\u0085\ufeff", "😀": "\u0000", "ключ": "значение"},
		{"all Latin-1": all.String(), all.String(): "v"},
		{"continuation": "ends with backslash\\", "next": "line"},
		{"": "empty key", "empty value": ""},
		{"pinot.controller-urls": "injected\npinot.grpc.port=1", "x": "y\nconnector.name=evil"},
	}
}

func TestEncodePropertiesRoundTrip(t *testing.T) {
	var files []string
	inputs := hostileMaps()
	for _, m := range inputs {
		files = append(files, EncodeProperties(m))
	}
	for i, text := range files {
		if strings.IndexFunc(text, func(r rune) bool { return r > 0x7e || (r < 0x20 && r != '\n') }) >= 0 {
			t.Errorf("output %d is not printable ASCII: %q", i, text)
		}
		if lines := strings.Count(text, "\n"); lines != len(inputs[i]) {
			t.Errorf("output %d has %d lines for %d entries: %q", i, lines, len(inputs[i]), text)
		}
		got, err := propertiestest.Load(text)
		if err != nil || !maps.Equal(got, inputs[i]) {
			t.Errorf("Go reader: %q loads as %q (%v), want %q", text, got, err, inputs[i])
		}
	}
	loaded, err := propertiestest.JavaLoad(t.TempDir(), files)
	if err != nil {
		t.Fatal(err)
	}
	for i := range inputs {
		if !maps.Equal(loaded[i], inputs[i]) {
			t.Errorf("java.util.Properties loads %q as %q, want %q", files[i], loaded[i], inputs[i])
		}
	}
}

// The catalog itself, with hostile extra_properties values, must load in Java as PropertiesMap.
func TestCatalogRoundTripThroughJava(t *testing.T) {
	values := []string{
		`C:\dir\file`, "a=b:c#d!e", "é€😀", "x\\", "${ENV:NOT_A_SECRET}", "tab\tinside", "line\nbreak", "\\u0041",
	}
	var conns []Connection
	var files []string
	for _, v := range values {
		s := guideSettings(startreeguide.BasicToken)
		s.ExtraProperties = map[string]string{"pinot.http-client.log.path": v}
		// A secret differs from every non-secret value, unless it is one ${ENV:...} reference.
		secret := v
		if !IsEnvReference(v) {
			secret = "k" + v
		}
		s.SecretProperties = map[string]string{"pinot.grpc.tls.keystore-password": secret}
		c, ps := Compute(s)
		if ps.HasError() {
			t.Fatalf("Compute with %q: %v", v, ps)
		}
		conns = append(conns, c)
		files = append(files, c.Properties)
	}
	loaded, err := propertiestest.JavaLoad(t.TempDir(), files)
	if err != nil {
		t.Fatal(err)
	}
	for i, c := range conns {
		if !maps.Equal(loaded[i], c.PropertiesMap()) {
			t.Errorf("Java loads %q as %q, want %q", c.Properties, loaded[i], c.PropertiesMap())
		}
	}
}
