package provider

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
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
  extra_properties  = { "pinot.http-client.read-timeout" = "1m" }
  secret_properties = { "pinot.grpc.tls.keystore-password" = "%[3]s" }
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

// A sensitive variable in a non-secret input, and a literal secret refused in extra_properties:
// neither value may reach a message, a log line, or the source line Terraform prints under an
// error (the error goes on the object).
const logTestValueConfig = `
terraform {
  required_providers {
    startree = { source = "startree/startree" }
  }
}

variable "ks" {
  type      = string
  sensitive = true
}

data "startree_trino_connection" "broken" {
  api_token        = "%[1]s"
  cluster          = "pug"
  environment      = "prod"
  domain           = "x.io"
  extra_properties = { %[2]s }
}
`

func TestAccLogsHoldNoSecret(t *testing.T) {
	clearEnvironment(t)
	cli := cliBinary(t)
	cliConfig := devOverrides(t)

	const keystorePassword = "KeystorePassw0rdValue"
	brokenBasic := base64.StdEncoding.EncodeToString([]byte("brokenUserName01" + "brokenPassword02"))
	brokenBearer := "st-BrokenBearerKey1-BrokenBearerSecretPart2-Extra3"
	const sensitiveValue, literalSecret = "KsPw-9xQ7vL2mZ4tR8", "Lit3ralK9yPw7Qz5W"
	secrets := []string{
		guideBasicToken, guideBasicPassword, guideBasicUsername, guideBearerToken, guideBearerPassword, keystorePassword,
		brokenBasic, "brokenUserName01brokenPassword02", brokenBearer, sensitiveValue, literalSecret,
	}

	runs := []struct {
		name, config string
		env          []string
		wantError    bool
		// withSource scans the source lines Terraform prints under an error as well.
		withSource bool
	}{
		{"a sensitive variable as a duration", fmt.Sprintf(logTestValueConfig, guideBasicToken, `"pinot.connection-timeout" = var.ks`), []string{"TF_VAR_ks=" + sensitiveValue}, true, true},
		{"a literal secret in extra_properties", fmt.Sprintf(logTestValueConfig, guideBasicToken, `"pinot.http-client.key-store-password" = "`+literalSecret+`"`), []string{"TF_VAR_ks=x"}, true, true},
		{"the password in extra_properties", fmt.Sprintf(logTestValueConfig, guideBasicToken, `"pinot.http-client.http-proxy.user" = var.ks`), []string{"TF_VAR_ks=" + guideBasicPassword}, true, true},
		{"every object", fmt.Sprintf(logTestConfig, guideBasicToken, "", keystorePassword), []string{"TF_VAR_bearer=" + guideBearerToken, "STARTREE_API_TOKEN=" + guideBearerToken}, false, false},
		{"broken basic token", fmt.Sprintf(logTestErrorConfig, brokenBasic), nil, true, false},
		{"broken bearer token", fmt.Sprintf(logTestErrorConfig, brokenBearer), nil, true, false},
	}
	for _, run := range runs {
		t.Run(run.name, func(t *testing.T) {
			work := t.TempDir()
			if err := os.WriteFile(filepath.Join(work, "main.tf"), []byte(run.config), 0o600); err != nil {
				t.Fatal(err)
			}
			logPath := filepath.Join(work, "terraform.log")
			env := append([]string{"TF_LOG=TRACE", "TF_LOG_PROVIDER=TRACE", "TF_LOG_PATH=" + logPath}, run.env...)
			output, err := runCLI(t, cli, cliConfig, work, env, "apply", "-auto-approve", "-input=false", "-no-color")
			if (err != nil) != run.wantError {
				t.Fatalf("apply: %v (want error: %t)\n%s", err, run.wantError, redact(output, secrets))
			}
			log, err := os.ReadFile(logPath)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Contains(log, []byte("startree")) || !bytes.Contains(log, []byte("[TRACE]")) {
				t.Fatalf("the log holds no TRACE line from the provider run (%d bytes)", len(log))
			}
			if run.wantError && !strings.Contains(output, "Error:") {
				t.Fatalf("no error printed:\n%s", redact(output, secrets))
			}
			shown := terraformOutputWithoutSource(output)
			if run.withSource {
				shown = output
			}
			for _, where := range []struct{ name, text string }{{"log", string(log)}, {"output", shown}} {
				for _, secret := range secrets {
					if i, piece := findPiece(where.text, secret, 8); piece >= 0 {
						t.Errorf("the %s holds the %d-byte piece at offset %d of secret #%d, in the line %q", where.name, 8, piece, slices.Index(secrets, secret), redact(lineAt(where.text, i), secrets))
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

func TestQuietLogs(t *testing.T) {
	for _, tc := range []struct {
		name  string
		env   map[string]string
		quiet bool
	}{
		{"nothing set", map[string]string{}, true},
		{"TF_LOG", map[string]string{"TF_LOG": "TRACE"}, false},
		{"the provider's own level", map[string]string{"TF_LOG_PROVIDER_STARTREE": "debug"}, false},
		{"the SDK's", map[string]string{"TF_LOG_SDK_FRAMEWORK": "trace"}, false},
		{"another variable", map[string]string{"TF_LOG_PATH": "/tmp/x"}, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			set := map[string]string{}
			quiet := QuietLogs(func(k string) string { return tc.env[k] }, func(k, v string) error { set[k] = v; return nil })
			if quiet != tc.quiet {
				t.Fatalf("QuietLogs = %v, want %v", quiet, tc.quiet)
			}
			if !quiet && len(set) != 0 {
				t.Errorf("set %v while logs were asked for", set)
			}
			if quiet && (len(set) != 4 || set["TF_LOG_SDK"] != "OFF" || set["TF_LOG_SDK_PROTO"] != "OFF" || set["TF_LOG_SDK_FRAMEWORK"] != "OFF" || set["TF_LOG_PROVIDER_STARTREE"] != "OFF") {
				t.Errorf("set %v", set)
			}
		})
	}
}

// The provider process writes no log line unless a logging variable asks for one: its standard
// error, which Terraform would parse and throw away, is captured by a wrapper script here.
func TestAccProviderWritesLogsOnlyWhenAsked(t *testing.T) {
	clearEnvironment(t)
	cli := cliBinary(t)
	dir := t.TempDir()
	realDir, binDir := filepath.Join(dir, "real"), filepath.Join(dir, "bin")
	build := exec.Command("go", "build", "-o", filepath.Join(realDir, "terraform-provider-startree"), ".")
	build.Dir = filepath.Join("..", "..")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	stderrLog := filepath.Join(dir, "provider-stderr.log")
	wrapper := fmt.Sprintf("#!/bin/sh\nexec %q \"$@\" 2>>%q\n", filepath.Join(realDir, "terraform-provider-startree"), stderrLog)
	if err := os.MkdirAll(binDir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(binDir, "terraform-provider-startree"), []byte(wrapper), 0o755); err != nil {
		t.Fatal(err)
	}
	cliConfig := filepath.Join(dir, "dev.tfrc")
	overrides := fmt.Sprintf("provider_installation {\n  dev_overrides {\n    \"%s/startree/startree\" = %q\n  }\n  direct {}\n}\n", providerHost(), binDir)
	if err := os.WriteFile(cliConfig, []byte(overrides), 0o600); err != nil {
		t.Fatal(err)
	}
	work := t.TempDir()
	if err := os.WriteFile(filepath.Join(work, "main.tf"), []byte(fmt.Sprintf(logTestConfig, guideBasicToken, "", "KeystorePassw0rdValue")), 0o600); err != nil {
		t.Fatal(err)
	}
	env := []string{"TF_VAR_bearer=" + guideBearerToken}
	for _, tc := range []struct {
		name  string
		env   []string
		lines bool
	}{
		{"no logging variable", nil, false},
		{"TF_LOG_PROVIDER_STARTREE", []string{"TF_LOG_PROVIDER_STARTREE=debug"}, true},
		{"TF_LOG", []string{"TF_LOG=trace", "TF_LOG_PATH=" + filepath.Join(dir, "terraform.log")}, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if err := os.WriteFile(stderrLog, nil, 0o600); err != nil {
				t.Fatal(err)
			}
			if out, err := runCLI(t, cli, cliConfig, work, append(env, tc.env...), "plan", "-no-color"); err != nil {
				t.Fatalf("plan: %v\n%s", err, out)
			}
			written, err := os.ReadFile(stderrLog)
			if err != nil {
				t.Fatal(err)
			}
			lines := bytes.Count(written, []byte(`"@level"`))
			if (lines > 0) != tc.lines {
				t.Errorf("the provider wrote %d log lines (%d bytes); want lines: %v", lines, len(written), tc.lines)
			}
		})
	}
}

// TF_LOG_SDK_PROTO_DATA_DIR would write every request, secrets included, to files: the provider
// clears it unless STARTREE_ALLOW_PROTO_DATA_DIR opts in.
func TestClearProtoDataDir(t *testing.T) {
	for _, tc := range []struct {
		env     map[string]string
		cleared bool
	}{
		{map[string]string{}, false},
		{map[string]string{ProtoDataDirVariable: "/tmp/proto"}, true},
		{map[string]string{ProtoDataDirVariable: "/tmp/proto", ProtoDataOptIn: "1"}, true},
		{map[string]string{ProtoDataDirVariable: "/tmp/proto", ProtoDataOptIn: "write-secrets-to-disk"}, false},
	} {
		var unset []string
		cleared := ClearProtoDataDir(func(k string) string { return tc.env[k] }, func(k string) error { unset = append(unset, k); return nil })
		if cleared != tc.cleared || cleared != (len(unset) == 1 && unset[0] == ProtoDataDirVariable) {
			t.Errorf("%v: cleared %v (unset %v), want %v", tc.env, cleared, unset, tc.cleared)
		}
	}
}
