package provider

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"text/template"
)

const moduleDir = "../../examples/modules/trino-pinot-catalog"

// copyModule copies the module into a temporary folder, so that its .terraform never lands in the
// repository, and returns the copy's path.
func copyModule(t *testing.T) string {
	t.Helper()
	dst := filepath.Join(t.TempDir(), "trino-pinot-catalog")
	err := filepath.WalkDir(moduleDir, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(moduleDir, path)
		if d.IsDir() && (d.Name() == ".terraform") {
			return filepath.SkipDir
		}
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), b, 0o600)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dst
}

// The module's own tests, run by the CLI's test command offline against the built provider, and the
// deliberately failing run that must show the provider's own error.
func TestAccModuleTests(t *testing.T) {
	clearEnvironment(t)
	cli, cliConfig, dir := cliBinary(t), devOverrides(t), copyModule(t)
	if out, err := runCLI(t, cli, cliConfig, dir, nil, "get", "-no-color"); err != nil {
		t.Fatalf("get: %v\n%s", err, out)
	}
	out, err := runCLI(t, cli, cliConfig, dir, nil, "test", "-no-color")
	if err != nil || !strings.Contains(out, "9 passed, 0 failed") {
		t.Fatalf("test: %v\n%s", err, out)
	}
	out, err = runCLI(t, cli, cliConfig, dir, nil, "test", "-no-color", "-test-directory=tests/provider-errors")
	for _, want := range []*regexp.Regexp{
		errorAt("Invalid cluster", "", ""),
		errorAt("Property not in this Trino release", "", ""),
	} {
		if err == nil || !want.MatchString(out) {
			t.Fatalf("the provider's error did not reach the test output (err %v):\n%s", err, out)
		}
	}
}

// The chart renders every catalogs value with Helm's tpl, which is Go's text/template: what the
// module puts in helm_catalogs must render back to exactly the catalog in config_map_data.
func TestAccModuleCatalogSurvivesTpl(t *testing.T) {
	clearEnvironment(t)
	cli, cliConfig, dir := cliBinary(t), devOverrides(t), copyModule(t)
	root := t.TempDir()
	config := `
module "pinot" {
  source      = "` + filepath.ToSlash(dir) + `"
  api_token   = "` + guideBearerToken + `"
  cluster     = "pug"
  environment = "prod"
  domain      = "awesome-company.startree.cloud"
  namespace   = "trino"
  extra_properties = {
    "pinot.grpc.tls.keystore-path"   = "/a/{{b}}/{{{c}}}/{{- d -}}/{{/* e */}}/}}{{"
    "pinot.grpc.tls.truststore-path" = "{{ .Values.secret }}{{ include \"x\" . }}"
    "pinot.grpc.tls.ssl-provider"    = "{{{{{"
  }
  secret_properties = {
    "pinot.grpc.tls.keystore-password"   = "{{k}}"
    "pinot.grpc.tls.truststore-password" = "{{t}}"
  }
}

output "helm_catalogs" {
  value = module.pinot.helm_catalogs
}

output "config_map_data" {
  value = module.pinot.config_map_data
}
`
	if err := os.WriteFile(filepath.Join(root, "main.tf"), []byte(config), 0o600); err != nil {
		t.Fatal(err)
	}
	if out, err := runCLI(t, cli, cliConfig, root, nil, "get", "-no-color"); err != nil {
		t.Fatalf("get: %v\n%s", err, out)
	}
	if out, err := runCLI(t, cli, cliConfig, root, nil, "apply", "-auto-approve", "-no-color"); err != nil {
		t.Fatalf("apply: %v\n%s", err, out)
	}
	var outputs struct {
		HelmCatalogs  struct{ Value map[string]string } `json:"helm_catalogs"`
		ConfigMapData struct{ Value map[string]string } `json:"config_map_data"`
	}
	out, err := runCLI(t, cli, cliConfig, root, nil, "output", "-json")
	if err != nil {
		t.Fatalf("output: %v\n%s", err, out)
	}
	if err = json.Unmarshal([]byte(out), &outputs); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	escaped, want := outputs.HelmCatalogs.Value["pinot"], outputs.ConfigMapData.Value["pinot.properties"]
	if !strings.Contains(want, "{{b}}") || escaped == want {
		t.Fatalf("the test values did not reach the catalog:\n%s", want)
	}
	tmpl, err := template.New("catalog").Parse(escaped)
	if err != nil {
		t.Fatalf("tpl would refuse the catalog: %v\n%s", err, escaped)
	}
	var rendered strings.Builder
	if err := tmpl.Execute(&rendered, map[string]any{}); err != nil {
		t.Fatalf("tpl would fail on the catalog: %v", err)
	}
	if rendered.String() != want {
		t.Errorf("tpl renders\n%s\nwant\n%s", rendered.String(), want)
	}
}
