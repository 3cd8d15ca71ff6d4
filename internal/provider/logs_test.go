package provider

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
)

// The configurations the log test applies: every object, fed secrets from the configuration, the
// provider block and the environment, and then the error paths.
const logTestConfig = `
terraform {
  required_providers {
    startree = { source = "startree/startree" }
  }
}

variable "bearer" {
  type      = string
  sensitive = true
}

provider "startree" {
  api_token   = var.bearer
  environment = "prod"
  domain      = "awesome-company.startree.cloud"
}

data "startree_trino_connection" "inline" {
  api_token        = "%[1]s"
  cluster          = "pug"
  extra_properties = { "pinot.grpc.tls.keystore-password" = "%[3]s", "custom.unknown" = "x" }
}

data "startree_trino_connection" "from_provider" {
  cluster = "pug"
}

ephemeral "startree_trino_connection" "from_provider" {
  cluster = "beagle"
}

output "function" {
  value     = provider::startree::trino_connection({ api_token = var.bearer, cluster = "pug", environment = "prod", domain = "x.io" }).env
  sensitive = true
}

output "parsed" {
  value     = sensitive(provider::startree::parse_api_token("%[1]s"))
  sensitive = true
}

output "catalog" {
  value = data.startree_trino_connection.from_provider.env_properties
}
`

// Broken tokens whose pieces must not reach a log line either.
const logTestErrorConfig = `
terraform {
  required_providers {
    startree = { source = "startree/startree" }
  }
}

data "startree_trino_connection" "broken" {
  api_token   = "%[1]s"
  cluster     = "pug"
  environment = "prod"
  domain      = "x.io"
}
`

func TestAccLogsHoldNoSecret(t *testing.T) {
	clearEnvironment(t)
	if os.Getenv(resource.EnvTfAcc) == "" {
		t.Fatalf("%s needs the Terraform CLI and %s=1: run it with make testacc", t.Name(), resource.EnvTfAcc)
	}
	terraformBin, err := exec.LookPath("terraform")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	binDir := filepath.Join(dir, "bin")
	build := exec.Command("go", "build", "-o", filepath.Join(binDir, "terraform-provider-startree"), ".")
	build.Dir = filepath.Join("..", "..")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	cliConfig := filepath.Join(dir, "dev.tfrc")
	overrides := fmt.Sprintf("provider_installation {\n  dev_overrides {\n    \"registry.terraform.io/startree/startree\" = %q\n  }\n  direct {}\n}\n", binDir)
	if err := os.WriteFile(cliConfig, []byte(overrides), 0o600); err != nil {
		t.Fatal(err)
	}

	const keystorePassword = "KeystorePassw0rdValue"
	brokenBasic := base64.StdEncoding.EncodeToString([]byte("brokenUserName01" + "brokenPassword02"))
	brokenBearer := "st-BrokenBearerKey1-BrokenBearerSecretPart2-Extra3"
	secrets := []string{
		guideBasicToken, guideBasicPassword, guideBasicUsername, guideBearerToken, guideBearerPassword, keystorePassword,
		brokenBasic, "brokenUserName01brokenPassword02", brokenBearer,
	}

	runs := []struct {
		name, config string
		env          []string
		wantError    bool
	}{
		{"every object", fmt.Sprintf(logTestConfig, guideBasicToken, "", keystorePassword), []string{"TF_VAR_bearer=" + guideBearerToken, "STARTREE_API_TOKEN=" + guideBearerToken}, false},
		{"broken basic token", fmt.Sprintf(logTestErrorConfig, brokenBasic), nil, true},
		{"broken bearer token", fmt.Sprintf(logTestErrorConfig, brokenBearer), nil, true},
	}
	for _, run := range runs {
		t.Run(run.name, func(t *testing.T) {
			work := t.TempDir()
			if err := os.WriteFile(filepath.Join(work, "main.tf"), []byte(run.config), 0o600); err != nil {
				t.Fatal(err)
			}
			logPath := filepath.Join(work, "terraform.log")
			cmd := exec.Command(terraformBin, "apply", "-auto-approve", "-input=false", "-no-color")
			cmd.Dir = work
			cmd.Env = append(os.Environ(), "TF_CLI_CONFIG_FILE="+cliConfig, "TF_LOG=TRACE", "TF_LOG_PROVIDER=TRACE", "TF_LOG_PATH="+logPath, "TF_IN_AUTOMATION=1")
			cmd.Env = append(cmd.Env, run.env...)
			var output bytes.Buffer
			cmd.Stdout, cmd.Stderr = &output, &output
			err := cmd.Run()
			if (err != nil) != run.wantError {
				t.Fatalf("terraform apply: %v (want error: %t)\n%s", err, run.wantError, redact(output.String(), secrets))
			}
			log, err := os.ReadFile(logPath)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Contains(log, []byte("startree")) || !bytes.Contains(log, []byte("[TRACE]")) {
				t.Fatalf("the log holds no TRACE line from the provider run (%d bytes)", len(log))
			}
			if run.wantError && !strings.Contains(output.String(), "Error:") {
				t.Fatalf("no error printed:\n%s", redact(output.String(), secrets))
			}
			for _, where := range []struct{ name, text string }{{"log", string(log)}, {"output", terraformOutputWithoutSource(output.String())}} {
				for _, secret := range secrets {
					if i, piece := findPiece(where.text, secret, 8); piece >= 0 {
						t.Errorf("the %s holds the %d-byte piece at offset %d of secret #%d, in the line %q", where.name, 8, piece, indexOf(secrets, secret), redact(lineAt(where.text, i), secrets))
					}
				}
			}
		})
	}
}

// terraformOutputWithoutSource drops the source lines Terraform quotes under an error ("  12: api_token
// = ..."): they are the user's own configuration, not something the provider wrote.
func terraformOutputWithoutSource(s string) string {
	var kept []string
	for _, line := range strings.Split(s, "\n") {
		trimmed := strings.TrimLeft(line, " │")
		if colon := strings.Index(trimmed, ": "); colon > 0 && strings.Trim(trimmed[:colon], "0123456789") == "" {
			continue
		}
		kept = append(kept, line)
	}
	return strings.Join(kept, "\n")
}

// findPiece returns where in text a piece of secret of n bytes first appears, and the piece's offset
// in the secret; -1, -1 when none does.
func findPiece(text, secret string, n int) (int, int) {
	for i := 0; i+n <= len(secret); i++ {
		if at := strings.Index(text, secret[i:i+n]); at >= 0 {
			return at, i
		}
	}
	return -1, -1
}

func lineAt(text string, i int) string {
	start := strings.LastIndex(text[:i], "\n") + 1
	end := strings.Index(text[i:], "\n")
	if end < 0 {
		return text[start:]
	}
	return text[start : i+end]
}

// redact replaces every secret in s, so that a failing test does not print one.
func redact(s string, secrets []string) string {
	for _, secret := range secrets {
		s = strings.ReplaceAll(s, secret, "<redacted>")
	}
	return s
}

func indexOf(list []string, s string) int {
	for i, v := range list {
		if v == s {
			return i
		}
	}
	return -1
}
