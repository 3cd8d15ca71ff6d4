package provider

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/go-version"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/startree/terraform-provider-startree/internal/startreeguide"
)

// testProviders serves the provider in-process to the Terraform CLI that runs the acceptance tests.
var testProviders = map[string]func() (tfprotov6.ProviderServer, error){
	"startree": NewServer("test"),
}

// The StarTree guide's example tokens, what they stand for, and its cluster's endpoints.
const (
	guideBasicToken     = startreeguide.BasicToken
	guideBasicUsername  = startreeguide.BasicUsername
	guideBasicPassword  = startreeguide.BasicPassword
	guideBearerToken    = startreeguide.BearerToken
	guideBearerUsername = startreeguide.BearerUsername
	guideBearerPassword = startreeguide.BearerPassword
	guideControllerURL  = startreeguide.ControllerURL
	guideGRPCProxyURI   = startreeguide.GRPCProxyURI
)

// golden reads one of the core's golden catalogs.
func golden(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "connection", "testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// errorText matches a diagnostic Terraform prints: "Error: <summary>", the lines that locate it in
// the configuration, then the detail word for word.
func errorText(summary, detail string) *regexp.Regexp {
	return regexp.MustCompile(exactly("Error: "+summary).String() + `(?s:.*?)` + exactly(detail).String())
}

// errorAt matches a diagnostic Terraform prints: "Error: <summary>", then the configuration line
// it points at, which starts with at, then the detail word for word; an empty at or detail is not
// checked.
func errorAt(summary, at, detail string) *regexp.Regexp {
	expr := exactly("Error: " + summary).String()
	if at != "" {
		expr += `(?s:.*?)\n[\s│]*\d+:[ \t]*` + exactly(at).String()
	}
	if detail != "" {
		expr += `(?s:.*?)` + exactly(detail).String()
	}
	return regexp.MustCompile(expr)
}

// exactly matches msg word for word, whatever line wrapping and margins Terraform adds when it
// prints a diagnostic.
func exactly(msg string) *regexp.Regexp {
	words := strings.Fields(msg)
	for i, w := range words {
		words[i] = regexp.QuoteMeta(w)
	}
	return regexp.MustCompile(strings.Join(words, `[\s│]+`))
}

// clearEnvironment unsets the provider's environment variables for one test, so that a value on
// the machine running the tests cannot change what it sees.
func clearEnvironment(t *testing.T) {
	t.Helper()
	for _, name := range []string{"STARTREE_API_TOKEN", "STARTREE_DOMAIN", "STARTREE_ENVIRONMENT", "STARTREE_TRINO_VERSION"} {
		t.Setenv(name, "")
	}
}

// acceptance runs an acceptance test case: the provider served in-process, the steps against the
// Terraform CLI (see acceptanceCase for a run without TF_ACC): `make testacc` sets it, and `make
// unittest` does not run the TestAcc tests at all.
func acceptance(t *testing.T, steps ...resource.TestStep) {
	t.Helper()
	acceptanceCase(t, resource.TestCase{ProtoV6ProviderFactories: testProviders, Steps: steps})
}

// acceptanceCase runs a whole test case. Without TF_ACC a plain `go test ./...` skips it, as
// terraform-plugin-testing does; in CI (CI set) that is a failure instead, and `make testacc`
// sets TF_ACC and fails on any skipped test.
func acceptanceCase(t *testing.T, tc resource.TestCase) {
	t.Helper()
	requireAcceptance(t)
	resource.Test(t, tc)
}

// requireAcceptance stops an acceptance test without TF_ACC: a skip for a plain `go test ./...`,
// a failure in CI.
func requireAcceptance(t testing.TB) {
	t.Helper()
	if os.Getenv(resource.EnvTfAcc) != "" {
		return
	}
	if os.Getenv("CI") != "" {
		t.Fatalf("%s needs the Terraform CLI and %s=1: run it with make testacc", t.Name(), resource.EnvTfAcc)
	}
	t.Skipf("%s is an acceptance test: set %s=1 (make testacc)", t.Name(), resource.EnvTfAcc)
}

// acceptanceSince runs steps with the given providers on CLI versions from minimum on; the suite's
// CLIs (Terraform 1.11, OpenTofu 1.12) are all newer than any minimum used, so nothing is skipped.
func acceptanceSince(t *testing.T, minimum *version.Version, providers map[string]func() (tfprotov6.ProviderServer, error), steps ...resource.TestStep) {
	t.Helper()
	acceptanceCase(t, resource.TestCase{
		ProtoV6ProviderFactories: providers,
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(minimum)},
		Steps:                    steps,
	})
}

// exactlyLines matches a text that ends with exactly these lines.
func exactlyLines(lines ...string) *regexp.Regexp {
	return regexp.MustCompile(regexp.QuoteMeta(strings.Join(lines, "\n")+"\n") + `\z`)
}
