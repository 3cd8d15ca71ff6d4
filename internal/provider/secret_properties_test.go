package provider

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A password in secret_properties never shows in plan or apply output or in `terraform show`,
// even when the read waits for apply (so the plan prints the configuration), and the state marks
// it sensitive.
func TestAccSecretPropertiesStayOutOfPlanOutput(t *testing.T) {
	clearEnvironment(t)
	cli, cliConfig := cliBinary(t), devOverrides(t)
	const password = "kspw-4242-secret"
	dir := t.TempDir()
	config := `
terraform {
  required_providers {
    startree = { source = "startree/startree" }
  }
}

resource "terraform_data" "later" {
  input = "/var/log/pinot"
}

data "startree_trino_connection" "test" {
  api_token   = "` + guideBasicToken + `"
  cluster     = "pug"
  environment = "prod"
  domain      = "awesome-company.startree.cloud"
  # Known only after apply: the plan shows the configuration instead of the result.
  extra_properties  = { "pinot.http-client.log.path" = terraform_data.later.output }
  secret_properties = { "pinot.grpc.tls.keystore-password" = "` + password + `" }
}

output "catalog" {
  value = data.startree_trino_connection.test.env_properties
}
`
	if err := os.WriteFile(filepath.Join(dir, "main.tf"), []byte(config), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"plan", "-no-color"},
		{"apply", "-no-color", "-auto-approve"},
		{"show", "-no-color"},
		{"state", "show", "-no-color", "data.startree_trino_connection.test"},
	} {
		out, err := runCLI(t, cli, cliConfig, dir, nil, args...)
		if err != nil {
			t.Fatalf("%v: %v\n%s", args, err, out)
		}
		if strings.Contains(out, password) {
			t.Errorf("%v prints the password:\n%s", args, out)
		}
	}
	out, err := runCLI(t, cli, cliConfig, dir, nil, "show", "-json")
	if err != nil {
		t.Fatalf("show -json: %v\n%s", err, out)
	}
	var state struct {
		Values struct {
			RootModule struct {
				Resources []struct {
					Address         string         `json:"address"`
					SensitiveValues map[string]any `json:"sensitive_values"`
				} `json:"resources"`
			} `json:"root_module"`
		} `json:"values"`
	}
	if err := json.Unmarshal([]byte(out), &state); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, r := range state.Values.RootModule.Resources {
		if r.Address == "data.startree_trino_connection.test" {
			found = true
			if r.SensitiveValues["secret_properties"] != true {
				t.Errorf("secret_properties is not marked sensitive in state: %v", r.SensitiveValues)
			}
		}
	}
	if !found {
		t.Fatalf("no data source in state:\n%s", out)
	}
	if !strings.Contains(out, "${ENV:PINOT_GRPC_TLS_KEYSTORE_PASSWORD}") {
		t.Errorf("the catalog lacks the password's reference")
	}
}
