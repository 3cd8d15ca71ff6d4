package provider

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-testing/echoprovider"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"
)

// ephemeralProviders adds the echo provider, which copies an ephemeral value into a managed
// resource's state so that a test can look at it.
var ephemeralProviders = map[string]func() (tfprotov6.ProviderServer, error){
	"startree": testProviders["startree"],
	"echo":     echoprovider.NewProviderServer(),
}

// ephemeralAcceptance runs steps on a CLI with ephemeral resources (Terraform 1.10 and later).
func ephemeralAcceptance(t *testing.T, steps ...resource.TestStep) {
	t.Helper()
	acceptanceSince(t, tfversion.Version1_10_0, ephemeralProviders, steps...)
}

func echoed(ephemeralBody, data string) string {
	return fmt.Sprintf(`
ephemeral "startree_trino_connection" "test" {
%s
}

provider "echo" {
  data = %s
}

resource "echo" "test" {}
`, ephemeralBody, data)
}

func TestAccTrinoConnectionEphemeralResourceGuideTokens(t *testing.T) {
	clearEnvironment(t)
	for _, tc := range []struct {
		token, tokenType, username, password string
	}{
		{guideBasicToken, "basic", guideBasicUsername, guideBasicPassword},
		{guideBearerToken, "bearer", guideBearerUsername, guideBearerPassword},
	} {
		t.Run(tc.tokenType, func(t *testing.T) {
			data := func(name string) tfjsonpath.Path { return tfjsonpath.New("data").AtMapKey(name) }
			ephemeralAcceptance(t, resource.TestStep{
				Config: echoed(coordinates+fmt.Sprintf("api_token = %q", tc.token), "ephemeral.startree_trino_connection.test"),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("echo.test", data("token_type"), knownvalue.StringExact(tc.tokenType)),
					statecheck.ExpectKnownValue("echo.test", data("username"), knownvalue.StringExact(tc.username)),
					statecheck.ExpectKnownValue("echo.test", data("password"), knownvalue.StringExact(tc.password)),
					statecheck.ExpectKnownValue("echo.test", data("controller_url"), knownvalue.StringExact(guideControllerURL)),
					statecheck.ExpectKnownValue("echo.test", data("grpc_proxy_uri"), knownvalue.StringExact(guideGRPCProxyURI)),
					statecheck.ExpectKnownValue("echo.test", data("env_properties"), knownvalue.StringExact(golden(t, "guide_env.properties"))),
					statecheck.ExpectKnownValue("echo.test", data("env"), knownvalue.MapExact(map[string]knownvalue.Check{
						"PINOT_USERNAME": knownvalue.StringExact(tc.username), "PINOT_PASSWORD": knownvalue.StringExact(tc.password),
					})),
					statecheck.ExpectKnownValue("echo.test", data("tls_enabled"), knownvalue.Bool(true)),
					statecheck.ExpectKnownValue("echo.test", data("grpc_port"), knownvalue.Int64Exact(8096)),
				},
			})
		})
	}
}

// The ephemeral resource leaves nothing in state: with only the controller URL copied out, no
// part of the token or the password may appear anywhere in the state.
func TestAccTrinoConnectionEphemeralResourceKeepsSecretsOutOfState(t *testing.T) {
	clearEnvironment(t)
	t.Setenv("STARTREE_API_TOKEN", guideBasicToken)
	ephemeralAcceptance(t, resource.TestStep{
		Config: echoed(coordinates, "ephemeral.startree_trino_connection.test.controller_url"),
		ConfigStateChecks: []statecheck.StateCheck{
			statecheck.ExpectKnownValue("echo.test", tfjsonpath.New("data"), knownvalue.StringExact(guideControllerURL)),
			expectStateLacks(guideBasicToken, guideBasicPassword, guideBasicUsername),
		},
	})
}

func TestAccTrinoConnectionEphemeralResourceBrokenToken(t *testing.T) {
	clearEnvironment(t)
	ephemeralAcceptance(t, resource.TestStep{
		Config:      echoed(coordinates+`api_token = "st-XkQBXKr652MV1VF9-5gkhGWNaGAdA1NU5-yrHXRSPKMCcNRlRg"`, "ephemeral.startree_trino_connection.test"),
		ExpectError: errorAt("Too many segments in the bearer token", "api_token", ""),
	}, resource.TestStep{
		// Read-time rules apply too: a token is required with TLS.
		Config:      echoed(coordinates, "ephemeral.startree_trino_connection.test"),
		ExpectError: errorAt("Missing StarTree API token", `ephemeral "startree_trino_connection" "test"`, ""),
	})
}

// expectStateLacks fails when any of the secrets, or any 8-character piece of one, appears anywhere
// in the state.
func expectStateLacks(secrets ...string) statecheck.StateCheck {
	return stateLacks{secrets: secrets}
}

type stateLacks struct{ secrets []string }

func (c stateLacks) CheckState(_ context.Context, req statecheck.CheckStateRequest, resp *statecheck.CheckStateResponse) {
	raw, err := json.Marshal(req.State)
	if err != nil {
		resp.Error = err
		return
	}
	state := string(raw)
	for _, secret := range c.secrets {
		for i := 0; i+8 <= len(secret); i++ {
			if strings.Contains(state, secret[i:i+8]) {
				resp.Error = fmt.Errorf("the state holds a piece of a secret at offset %d", i)
				return
			}
		}
	}
}
