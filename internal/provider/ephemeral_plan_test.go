package provider

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// ephemeralPathConfig is the route of the Kubernetes guide without its Kubernetes and Helm
// resources: the real token only in the ephemeral resource, from a variable; the catalog from the
// function with the StarTree guide's public example token standing in, since env_properties names
// the credentials and never holds them.
const ephemeralPathConfig = `
terraform {
  required_providers {
    startree = { source = "startree/startree" }
  }
}

variable "startree_api_token" {
  type      = string
  sensitive = true
  ephemeral = %t
}

ephemeral "startree_trino_connection" "sales" {
  api_token      = var.startree_api_token
  cluster        = "pug"
  environment    = "prod"
  domain         = "awesome-company.startree.cloud"
  env_var_prefix = "SALES"
}

locals {
  sales_catalog = provider::startree::trino_connection({
    api_token      = "` + guideBasicToken + `"
    cluster        = "pug"
    environment    = "prod"
    domain         = "awesome-company.startree.cloud"
    env_var_prefix = "SALES"
  }).env_properties
}

output "catalog" {
  value = local.sales_catalog
}
`

// The ephemeral route keeps the token out of the plan file and the state only when the variable
// that carries it is ephemeral: a sensitive variable is still written into the plan file. Both are
// checked, so the test shows why the examples declare the variable ephemeral.
func TestAccEphemeralPathKeepsTheTokenOutOfPlanFiles(t *testing.T) {
	clearEnvironment(t)
	cli, cliConfig := cliBinary(t), devOverrides(t)
	secret := guideBearerToken
	for _, ephemeral := range []bool{true, false} {
		t.Run(fmt.Sprintf("ephemeral=%v", ephemeral), func(t *testing.T) {
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, "main.tf"), []byte(fmt.Sprintf(ephemeralPathConfig, ephemeral)), 0o600); err != nil {
				t.Fatal(err)
			}
			env := []string{"TF_VAR_startree_api_token=" + secret}
			if out, err := runCLI(t, cli, cliConfig, dir, env, "plan", "-no-color", "-out=plan.out"); err != nil {
				t.Fatalf("plan: %v\n%s", err, out)
			}
			planJSON, err := runCLI(t, cli, cliConfig, dir, nil, "show", "-json", "plan.out")
			if err != nil {
				t.Fatalf("show plan: %v\n%s", err, planJSON)
			}
			if !strings.Contains(planJSON, "${ENV:SALES_PASSWORD}") {
				t.Fatalf("the plan lacks the catalog:\n%s", planJSON)
			}
			inPlan := holdsPiece(planJSON, secret) || holdsPiece(planJSON, guideBearerPassword)
			if inPlan == ephemeral {
				t.Errorf("ephemeral = %v: the plan file holds the token: %v", ephemeral, inPlan)
			}
			if !ephemeral {
				return
			}
			if out, applyErr := runCLI(t, cli, cliConfig, dir, env, "apply", "-no-color", "-auto-approve"); applyErr != nil {
				t.Fatalf("apply: %v\n%s", applyErr, out)
			}
			stateJSON, err := runCLI(t, cli, cliConfig, dir, nil, "show", "-json")
			if err != nil {
				t.Fatalf("show state: %v\n%s", err, stateJSON)
			}
			if !strings.Contains(stateJSON, "${ENV:SALES_PASSWORD}") || holdsPiece(stateJSON, secret) || holdsPiece(stateJSON, guideBearerPassword) {
				t.Errorf("the state lacks the catalog or holds a piece of the token:\n%s", stateJSON)
			}
		})
	}
}

// holdsPiece reports whether text holds the secret or any 8-character piece of it.
func holdsPiece(text, secret string) bool {
	for i := 0; i+8 <= len(secret); i++ {
		if strings.Contains(text, secret[i:i+8]) {
			return true
		}
	}
	return false
}
