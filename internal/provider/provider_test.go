package provider

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
)

// testProviders serves the provider in-process to the Terraform CLI that runs the acceptance tests.
var testProviders = map[string]func() (tfprotov6.ProviderServer, error){
	"startree": providerserver.NewProtocol6WithError(New("test")()),
}

// The StarTree guide's example tokens and what they stand for.
const (
	guideBasicToken     = "NGNlZmI4NDgwZjhmNGE3ODg2YTVjOWRhMTA1NmE3YjU6eVlHVVlsV1BVaU5OTjQ2bkZaY09vM2FUT3FJQ1AyYUFrMXF4VDVCOEFKUT0="
	guideBasicUsername  = "4cefb8480f8f4a7886a5c9da1056a7b5"
	guideBasicPassword  = "yYGUYlWPUiNNN46nFZcOo3aTOqICP2aAk1qxT5B8AJQ="
	guideBearerToken    = "st-XkQBXKr652MV1VF9-5gkhGWNaGAdA1NU5yrHXRSPKMCcNRlRg"
	guideBearerUsername = "XkQBXKr652MV1VF9"
	guideBearerPassword = "5gkhGWNaGAdA1NU5yrHXRSPKMCcNRlRg"

	guideControllerURL = "https://proxy.broker.pug.prod.awesome-company.startree.cloud:443"
	guideGRPCProxyURI  = "proxy-grpc.broker.pug.prod.awesome-company.startree.cloud:443"
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
	for _, name := range []string{"STARTREE_API_TOKEN", "STARTREE_DOMAIN", "STARTREE_ENVIRONMENT"} {
		t.Setenv(name, "")
	}
}

// acceptance runs an acceptance test case: the provider served in-process, the steps against the
// Terraform CLI. Without TF_ACC it fails rather than skip: `make testacc` sets it, and `make
// unittest` does not run the TestAcc tests at all.
func acceptance(t *testing.T, steps ...resource.TestStep) {
	t.Helper()
	acceptanceCase(t, resource.TestCase{ProtoV6ProviderFactories: testProviders, Steps: steps})
}

// acceptanceCase runs a whole test case under the same rule.
func acceptanceCase(t *testing.T, tc resource.TestCase) {
	t.Helper()
	if os.Getenv(resource.EnvTfAcc) == "" {
		t.Fatalf("%s needs the Terraform CLI and %s=1: run it with make testacc", t.Name(), resource.EnvTfAcc)
	}
	resource.Test(t, tc)
}

// exactlyLines matches a text that ends with exactly these lines.
func exactlyLines(lines ...string) *regexp.Regexp {
	return regexp.MustCompile(regexp.QuoteMeta(strings.Join(lines, "\n")+"\n") + `\z`)
}
