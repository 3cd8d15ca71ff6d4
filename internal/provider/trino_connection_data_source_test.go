package provider

import (
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
)

const dataSourceAddress = "data.startree_trino_connection.test"

// guideDataSource is the guide's cluster with the given token.
func guideDataSource(token string) string {
	return fmt.Sprintf(`
data "startree_trino_connection" "test" {
  api_token   = %q
  cluster     = "pug"
  environment = "prod"
  domain      = "awesome-company.startree.cloud"
}
`, token)
}

// expectAttributes checks attributes of the data source by name.
func expectAttributes(values map[string]knownvalue.Check) []statecheck.StateCheck {
	var checks []statecheck.StateCheck
	for name, v := range values {
		checks = append(checks, statecheck.ExpectKnownValue(dataSourceAddress, tfjsonpath.New(name), v))
	}
	return checks
}

// expectSensitive checks that exactly the contract's secrets are marked sensitive.
func expectSensitive(names ...string) []statecheck.StateCheck {
	var checks []statecheck.StateCheck
	for _, name := range names {
		checks = append(checks, statecheck.ExpectSensitiveValue(dataSourceAddress, tfjsonpath.New(name)))
	}
	return checks
}

func catalogMap(catalog string) knownvalue.Check {
	m := map[string]knownvalue.Check{}
	for _, line := range strings.Split(strings.TrimSuffix(catalog, "\n"), "\n") {
		k, v, _ := strings.Cut(line, "=")
		m[k] = knownvalue.StringExact(v)
	}
	return knownvalue.MapExact(m)
}

func TestAccTrinoConnectionDataSourceGuideBasicToken(t *testing.T) {
	clearEnvironment(t)
	catalog := golden(t, "guide_basic.properties")
	checks := expectAttributes(map[string]knownvalue.Check{
		"token_type":       knownvalue.StringExact("basic"),
		"username":         knownvalue.StringExact(guideBasicUsername),
		"password":         knownvalue.StringExact(guideBasicPassword),
		"controller_url":   knownvalue.StringExact(guideControllerURL),
		"grpc_proxy_uri":   knownvalue.StringExact(guideGRPCProxyURI),
		"properties":       knownvalue.StringExact(catalog),
		"properties_map":   catalogMap(catalog),
		"env_properties":   knownvalue.StringExact(golden(t, "guide_env.properties")),
		"env":              knownvalue.MapExact(map[string]knownvalue.Check{"PINOT_USERNAME": knownvalue.StringExact(guideBasicUsername), "PINOT_PASSWORD": knownvalue.StringExact(guideBasicPassword)}),
		"tls_enabled":      knownvalue.Bool(true),
		"grpc_port":        knownvalue.Int64Exact(8096),
		"env_var_prefix":   knownvalue.StringExact("PINOT"),
		"extra_properties": knownvalue.MapSizeExact(0),
		"trino_version":    knownvalue.Null(),
	})
	checks = append(checks, expectSensitive("api_token", "password", "properties", "properties_map", "env")...)
	acceptance(t, resource.TestStep{
		Config:            guideDataSource(guideBasicToken),
		ConfigStateChecks: checks,
		ConfigPlanChecks:  resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
	}, resource.TestStep{
		// A second plan of the same configuration changes nothing: a plan-only step fails on any change.
		Config:   guideDataSource(guideBasicToken),
		PlanOnly: true,
	})
}

func TestAccTrinoConnectionDataSourceGuideBearerToken(t *testing.T) {
	clearEnvironment(t)
	catalog := strings.NewReplacer(guideBasicUsername, guideBearerUsername, guideBasicPassword, guideBearerPassword).Replace(golden(t, "guide_basic.properties"))
	acceptance(t, resource.TestStep{
		Config: guideDataSource("  " + guideBearerToken + "\n"),
		ConfigStateChecks: expectAttributes(map[string]knownvalue.Check{
			"token_type":     knownvalue.StringExact("bearer"),
			"username":       knownvalue.StringExact(guideBearerUsername),
			"password":       knownvalue.StringExact(guideBearerPassword),
			"controller_url": knownvalue.StringExact(guideControllerURL),
			"grpc_proxy_uri": knownvalue.StringExact(guideGRPCProxyURI),
			"properties":     knownvalue.StringExact(catalog),
			"properties_map": catalogMap(catalog),
			"env_properties": knownvalue.StringExact(golden(t, "guide_env.properties")),
			"env":            knownvalue.MapExact(map[string]knownvalue.Check{"PINOT_USERNAME": knownvalue.StringExact(guideBearerUsername), "PINOT_PASSWORD": knownvalue.StringExact(guideBearerPassword)}),
		}),
	})
}

func TestAccTrinoConnectionDataSourceWithoutTLS(t *testing.T) {
	clearEnvironment(t)
	const plain = `connector.name=pinot
pinot.controller-urls=http://proxy.broker.pug.prod.awesome-company.startree.cloud:80
pinot.grpc.port=8090
pinot.proxy.enabled=true
pinot.grpc.proxy-uri=proxy-grpc.broker.pug.prod.awesome-company.startree.cloud:80
pinot.grpc.use-plain-text=true
pinot.connection-timeout=2m
`
	acceptance(t, resource.TestStep{
		Config: `
data "startree_trino_connection" "test" {
  cluster          = "pug"
  environment      = "prod"
  domain           = "awesome-company.startree.cloud"
  tls_enabled      = false
  grpc_port        = 8090
  trino_version    = 400
  extra_properties = { "pinot.connection-timeout" = "2m" }
}
`,
		ConfigStateChecks: expectAttributes(map[string]knownvalue.Check{
			"token_type":     knownvalue.Null(),
			"username":       knownvalue.Null(),
			"password":       knownvalue.Null(),
			"env":            knownvalue.Null(),
			"api_token":      knownvalue.Null(),
			"controller_url": knownvalue.StringExact("http://proxy.broker.pug.prod.awesome-company.startree.cloud:80"),
			"grpc_proxy_uri": knownvalue.StringExact("proxy-grpc.broker.pug.prod.awesome-company.startree.cloud:80"),
			"properties":     knownvalue.StringExact(plain),
			"env_properties": knownvalue.StringExact(plain),
			"trino_version":  knownvalue.Int64Exact(400),
		}),
	})
}

func TestAccTrinoConnectionDataSourceTokenPrecedence(t *testing.T) {
	clearEnvironment(t)
	withProvider := func(providerToken, dataSourceToken string) string {
		cfg := "provider \"startree\" {\n"
		if providerToken != "" {
			cfg += fmt.Sprintf("  api_token = %q\n", providerToken)
		}
		cfg += "}\ndata \"startree_trino_connection\" \"test\" {\n  cluster = \"pug\"\n  environment = \"prod\"\n  domain = \"awesome-company.startree.cloud\"\n"
		if dataSourceToken != "" {
			cfg += fmt.Sprintf("  api_token = %q\n", dataSourceToken)
		}
		return cfg + "}\n"
	}
	user := func(u string, tokenInState knownvalue.Check) []statecheck.StateCheck {
		return expectAttributes(map[string]knownvalue.Check{"username": knownvalue.StringExact(u), "api_token": tokenInState})
	}
	const otherBearer = "st-AAAABBBBCCCCDDDD-00001111222233334444555566667777"
	t.Setenv("STARTREE_API_TOKEN", otherBearer)
	acceptance(t,
		// The environment alone. The token is not copied into state.
		resource.TestStep{Config: withProvider("", ""), ConfigStateChecks: user("AAAABBBBCCCCDDDD", knownvalue.Null())},
		// The provider block beats the environment.
		resource.TestStep{Config: withProvider(guideBearerToken, ""), ConfigStateChecks: user(guideBearerUsername, knownvalue.Null())},
		// The data source beats both.
		resource.TestStep{Config: withProvider(guideBearerToken, guideBasicToken), ConfigStateChecks: user(guideBasicUsername, knownvalue.StringExact(guideBasicToken))},
	)
}

func TestAccTrinoConnectionDataSourceCoordinatePrecedence(t *testing.T) {
	clearEnvironment(t)
	t.Setenv("STARTREE_ENVIRONMENT", "staging")
	t.Setenv("STARTREE_DOMAIN", "env.startree.cloud")
	t.Setenv("STARTREE_API_TOKEN", guideBasicToken)
	url := func(host string) []statecheck.StateCheck {
		return expectAttributes(map[string]knownvalue.Check{"controller_url": knownvalue.StringExact("https://proxy.broker." + host + ":443")})
	}
	acceptance(t,
		resource.TestStep{Config: `data "startree_trino_connection" "test" { cluster = "pug" }`, ConfigStateChecks: append(url("pug.staging.env.startree.cloud"),
			expectAttributes(map[string]knownvalue.Check{"environment": knownvalue.StringExact("staging"), "domain": knownvalue.StringExact("env.startree.cloud")})...)},
		resource.TestStep{Config: `
provider "startree" {
  environment = "prod"
  domain      = "provider.startree.cloud"
}
data "startree_trino_connection" "test" { cluster = "pug" }
`, ConfigStateChecks: url("pug.prod.provider.startree.cloud")},
		resource.TestStep{Config: `
provider "startree" {
  environment = "prod"
  domain      = "provider.startree.cloud"
}
data "startree_trino_connection" "test" {
  cluster     = "pug"
  environment = "dev"
  domain      = "own.startree.cloud"
}
`, ConfigStateChecks: url("pug.dev.own.startree.cloud")},
	)
}

func TestAccTrinoConnectionDataSourceExtraProperties(t *testing.T) {
	clearEnvironment(t)
	acceptance(t, resource.TestStep{
		Config: `
data "startree_trino_connection" "test" {
  api_token      = "` + guideBasicToken + `"
  cluster        = "pug"
  environment    = "prod"
  domain         = "awesome-company.startree.cloud"
  env_var_prefix = "SALES"
  extra_properties = {
    "pinot.segments-per-split"   = "4"
    "pinot.http-client.log.path" = "C:\\dir=é"
  }
  secret_properties = {
    "pinot.grpc.tls.keystore-password" = "key store"
  }
}
`,
		ConfigStateChecks: expectAttributes(map[string]knownvalue.Check{
			"env": knownvalue.MapExact(map[string]knownvalue.Check{
				"SALES_USERNAME":                   knownvalue.StringExact(guideBasicUsername),
				"SALES_PASSWORD":                   knownvalue.StringExact(guideBasicPassword),
				"SALES_GRPC_TLS_KEYSTORE_PASSWORD": knownvalue.StringExact("key store"),
			}),
			"env_properties": knownvalue.StringRegexp(exactlyLines(
				"pinot.broker.authentication.password=${ENV:SALES_PASSWORD}",
				"pinot.grpc.tls.keystore-password=${ENV:SALES_GRPC_TLS_KEYSTORE_PASSWORD}",
				`pinot.http-client.log.path=C:\\dir=\u00E9`,
				"pinot.segments-per-split=4",
			)),
			"properties_map": knownvalue.MapPartial(map[string]knownvalue.Check{
				"pinot.http-client.log.path":       knownvalue.StringExact(`C:\dir=é`),
				"pinot.grpc.tls.keystore-password": knownvalue.StringExact("key store"),
			}),
		}),
	})
}
