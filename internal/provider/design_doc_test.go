package provider

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"
)

// DESIGN.md stays true to the tree: every file or folder it names in backquotes exists, at the
// top or in one of the packages its tables name files of.
func TestDesignDocNamesFilesThatExist(t *testing.T) {
	text, err := os.ReadFile("../../DESIGN.md")
	if err != nil {
		t.Fatal(err)
	}
	paths := regexp.MustCompile("`([A-Za-z0-9_./-]+(?:\\.(?:go|md|yml|json|sh)|/))`").FindAllStringSubmatch(string(text), -1)
	if len(paths) < 10 {
		t.Fatalf("DESIGN.md names %d paths: the pattern no longer finds them", len(paths))
	}
	for _, m := range paths {
		name := m[1]
		found := false
		for _, dir := range []string{"../..", "../connection", ".", "../../internal"} {
			if _, err := os.Stat(filepath.Join(dir, name)); err == nil {
				found = true
				break
			}
		}
		if !found {
			t.Errorf("DESIGN.md names %s, which does not exist", name)
		}
	}
}
