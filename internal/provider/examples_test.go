package provider

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Every example the docs show on its own must work when copied alone: it names the provider's
// source, or Terraform looks for hashicorp/startree. A module is used, not copied, so it has its
// own versions.tf; its tests are not examples.
func TestStandaloneExamplesNameTheProviderSource(t *testing.T) {
	var checked int
	err := filepath.WalkDir(filepath.Join("..", "..", "examples"), func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "tests" || d.Name() == "modules") {
			return filepath.SkipDir
		}
		if d.IsDir() || filepath.Ext(path) != ".tf" {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		checked++
		if !strings.Contains(string(data), `source = "startree/startree"`) {
			t.Errorf("%s does not name the provider's source in required_providers", path)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if checked < 8 {
		t.Errorf("checked only %d examples", checked)
	}
	versions, err := os.ReadFile(filepath.Join("..", "..", "examples", "modules", "trino-pinot-catalog", "versions.tf"))
	if err != nil || !strings.Contains(string(versions), `source = "startree/startree"`) {
		t.Errorf("the module's versions.tf does not name the provider's source: %v", err)
	}
}
