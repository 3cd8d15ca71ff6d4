package provider

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// These helpers run the real CLI (Terraform, or OpenTofu through TF_ACC_TERRAFORM_PATH) against the
// provider built as a binary, for the tests that need a whole CLI process: logs, terraform test.

// cliBinary is the CLI the acceptance tests run: TF_ACC_TERRAFORM_PATH, else terraform on the PATH.
func cliBinary(t testing.TB) string {
	t.Helper()
	requireAcceptance(t)
	if p := os.Getenv("TF_ACC_TERRAFORM_PATH"); p != "" {
		return p
	}
	p, err := exec.LookPath("terraform")
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// providerHost is the registry host the CLI resolves "startree/startree" to.
func providerHost() string {
	if h := os.Getenv("TF_ACC_PROVIDER_HOST"); h != "" {
		return h
	}
	return "registry.terraform.io"
}

// devOverrides builds the provider into a temporary folder and writes a CLI configuration whose
// dev_overrides point the CLI at it; it returns the configuration's path.
func devOverrides(t testing.TB) string {
	t.Helper()
	dir := t.TempDir()
	binDir := filepath.Join(dir, "bin")
	build := exec.Command("go", "build", "-o", filepath.Join(binDir, "terraform-provider-startree"), ".")
	build.Dir = filepath.Join("..", "..")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	cliConfig := filepath.Join(dir, "dev.tfrc")
	overrides := fmt.Sprintf("provider_installation {\n  dev_overrides {\n    \"%s/startree/startree\" = %q\n  }\n  direct {}\n}\n", providerHost(), binDir)
	if err := os.WriteFile(cliConfig, []byte(overrides), 0o600); err != nil {
		t.Fatal(err)
	}
	return cliConfig
}

// runCLI runs the CLI in dir with the given CLI configuration and extra environment, and returns
// its combined output and error.
func runCLI(t testing.TB, cli, cliConfig, dir string, env []string, args ...string) (string, error) {
	t.Helper()
	cmd := exec.Command(cli, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "TF_CLI_CONFIG_FILE="+cliConfig, "TF_IN_AUTOMATION=1")
	cmd.Env = append(cmd.Env, env...)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	return out.String(), err
}
