package propertiestest

import (
	"maps"
	"testing"
)

// The Go reader must agree with the real java.util.Properties on the texts that make it work:
// comments, continuations, separators, escapes and line endings.
func TestLoadAgreesWithJava(t *testing.T) {
	files := []string{
		"",
		"a=b\n",
		"a b\n",
		"a:b\n",
		"a = : b \n",
		"  # comment\n! comment\na=1\r\nb=2\rc=3",
		"key\\ with\\ space=v\n",
		"k=line one\\\n    continued\n",
		"k=ends with backslash\\\\\nnext=1\n",
		"k=\\u00e9\\uD83D\\uDE00\\t\\n\\r\\f\\x\\=\n",
		"k=v\\\r\n  w\n",
		"\\#notcomment=1\n",
		"k=\\\n# not a comment on a continued line\n",
		"=empty key\n",
		"onlykey\n",
		"k=\\\n\n",
		"k=last line without newline\\",
		"\n\n   \n\tk\t=\tv\n",
	}
	want, err := JavaLoad(t.TempDir(), files)
	if err != nil {
		t.Fatal(err)
	}
	for i, text := range files {
		got, err := Load(text)
		if err != nil {
			t.Errorf("Load(%q): %v", text, err)
			continue
		}
		if !maps.Equal(got, want[i]) {
			t.Errorf("Load(%q) = %q, Java loads %q", text, got, want[i])
		}
	}
}

func TestLoadMalformedUnicodeEscape(t *testing.T) {
	for _, text := range []string{"k=\\u12\n", "k=\\uzzzz\n"} {
		if _, err := Load(text); err == nil {
			t.Errorf("Load(%q): no error, Java throws IllegalArgumentException", text)
		}
	}
}
