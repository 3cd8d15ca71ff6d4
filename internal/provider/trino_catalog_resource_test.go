package provider

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/startree/terraform-provider-startree/internal/propertiestest"
	"github.com/startree/terraform-provider-startree/internal/trinotest"
)

// The catalog resource's tests run against real Trino 476 servers, started once for the package
// when the first test needs one and stopped by their process ids when the package's tests end:
// one with dynamic catalogs in a file store, HTTPS with a throw-away certificate and password
// authentication; one with static catalogs only.
const (
	catalogTrinoRelease  = 476
	catalogTrinoUser     = "admin"
	catalogTrinoPassword = "Tr1no-Admin-Pw"
)

type catalogServers struct {
	dynamic, static *trinotest.Server
	ca              string
	err             error
}

var (
	catalogServersOnce sync.Once
	catalogServersHeld catalogServers
	catalogServersDir  string
)

// trinoServers starts the servers once; the variables the catalogs refer to are set on the
// dynamic one, as on a coordinator whose pods load the connections' env.
func trinoServers(t testing.TB) catalogServers {
	t.Helper()
	requireAcceptance(t)
	catalogServersOnce.Do(func() {
		s := &catalogServersHeld
		serverPEM, ca, err := trinotest.SelfSigned()
		if err != nil {
			s.err = err
			return
		}
		hash, err := trinotest.PasswordHash(catalogTrinoPassword)
		if err != nil {
			s.err = err
			return
		}
		s.ca = ca
		// The servers outlive any one test: their folder is the package's, removed in TestMain.
		dir, err := os.MkdirTemp("", "startree-trino-catalog-") //nolint:usetesting
		if err != nil {
			s.err = err
			return
		}
		catalogServersDir = dir
		env := []string{
			"PINOT_A_USERNAME=" + guideBasicUsername, "PINOT_A_PASSWORD=" + guideBasicPassword,
			"PINOT_B_USERNAME=" + guideBearerUsername, "PINOT_B_PASSWORD=" + guideBearerPassword,
		}
		s.dynamic, s.err = trinotest.Start(filepath.Join(dir, "dynamic"), trinotest.Options{
			Release: catalogTrinoRelease, Env: env, Dynamic: true, Store: "file",
			HTTPS: &trinotest.HTTPSOptions{PEM: serverPEM, Passwords: map[string]string{catalogTrinoUser: hash}},
		})
		if s.err != nil {
			return
		}
		s.static, s.err = trinotest.Start(filepath.Join(dir, "static"), trinotest.Options{
			Release: catalogTrinoRelease,
			HTTPS:   &trinotest.HTTPSOptions{PEM: serverPEM, Passwords: map[string]string{catalogTrinoUser: hash}},
		})
	})
	if catalogServersHeld.err != nil {
		t.Fatalf("Trino %d for the catalog tests: %v", catalogTrinoRelease, catalogServersHeld.err)
	}
	return catalogServersHeld
}

// stopTrinoServers stops whatever trinoServers started, and removes their folder.
func stopTrinoServers() {
	for _, s := range []*trinotest.Server{catalogServersHeld.dynamic, catalogServersHeld.static} {
		if s != nil {
			_ = s.Stop()
		}
	}
	if catalogServersDir != "" {
		_ = os.RemoveAll(catalogServersDir)
	}
}

func TestMain(m *testing.M) {
	code := m.Run()
	stopTrinoServers()
	os.Exit(code)
}

// trinoProviderBlock is a provider block whose trino block names the coordinator at url, as the
// tests' admin user with the password.
func trinoProviderBlock(url, password string) string {
	return fmt.Sprintf(`
provider "startree" {
  environment = "prod"
  domain      = "awesome-company.startree.cloud"
  trino {
    url      = %q
    user     = %q
    password = %q
  }
}
`, url, catalogTrinoUser, password)
}

// catalogConfig is a provider block for server plus two catalogs, pinot_a (the guide's basic
// token) and pinot_b (its bearer token); timeout sets pinot_a's connection timeout.
func catalogConfig(server *trinotest.Server, timeout string) string {
	return trinoProviderBlock(server.HTTPSURL, catalogTrinoPassword) + fmt.Sprintf(`
data "startree_trino_connection" "a" {
  api_token        = %q
  cluster          = "pug"
  catalog_name     = "pinot_a"
  extra_properties = { "pinot.connection-timeout" = %q }
}

data "startree_trino_connection" "b" {
  api_token    = %q
  cluster      = "beagle"
  catalog_name = "pinot_b"
}

resource "startree_trino_catalog" "a" {
  name       = "pinot_a"
  properties = data.startree_trino_connection.a.env_properties_map
}

resource "startree_trino_catalog" "b" {
  name       = "pinot_b"
  properties = data.startree_trino_connection.b.env_properties_map
}
`, guideBasicToken, timeout, guideBearerToken)
}

// catalogsOn lists the catalogs of the server, name to connector.
func catalogsOn(t testing.TB, server *trinotest.Server) map[string]string {
	t.Helper()
	r, err := server.Exec("SELECT catalog_name, connector_name FROM system.metadata.catalogs")
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, row := range r.Rows {
		name, _ := row[0].(string)
		connector, _ := row[1].(string)
		out[name] = connector
	}
	return out
}

// The whole life of two catalogs with different credentials: create, a property change that
// replaces, a catalog dropped behind Terraform's back, import, destroy.
func TestAccTrinoCatalogLifecycle(t *testing.T) {
	clearEnvironment(t)
	servers := trinoServers(t)
	t.Setenv(EnvTrinoCACertificate, servers.ca)
	server := servers.dynamic
	acceptanceCase(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		CheckDestroy: func(*terraform.State) error {
			for _, name := range []string{"pinot_a", "pinot_b"} {
				if _, ok := catalogsOn(t, server)[name]; ok {
					return fmt.Errorf("catalog %s is still there after destroy", name)
				}
			}
			return nil
		},
		Steps: []resource.TestStep{
			{
				Config: catalogConfig(server, "2m"),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("startree_trino_catalog.a", tfjsonpath.New("connector_name"), knownvalue.StringExact("pinot")),
					statecheck.ExpectKnownValue("startree_trino_catalog.b", tfjsonpath.New("id"), knownvalue.StringExact("pinot_b")),
				},
				Check: func(*terraform.State) error {
					catalogs := catalogsOn(t, server)
					if catalogs["pinot_a"] != "pinot" || catalogs["pinot_b"] != "pinot" {
						return fmt.Errorf("Trino's catalogs: %v", catalogs)
					}
					// The file store holds the references, never the credentials.
					stored, err := os.ReadFile(filepath.Join(server.CatalogDir, "pinot_a.properties"))
					if err != nil {
						return err
					}
					m, err := propertiestest.Load(string(stored))
					if err != nil {
						return err
					}
					if m["pinot.controller.authentication.password"] != "${ENV:PINOT_A_PASSWORD}" || strings.Contains(string(stored), guideBasicPassword) {
						return fmt.Errorf("the catalog store holds:\n%s", stored)
					}
					return nil
				},
			},
			{
				Config: catalogConfig(server, "3m"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction("startree_trino_catalog.a", plancheck.ResourceActionReplace),
					plancheck.ExpectResourceAction("startree_trino_catalog.b", plancheck.ResourceActionNoop),
				}},
			},
			{
				// The file catalog store, named in etc/catalog-store.properties as the module's
				// dynamic mode names it, keeps both catalogs through a restart of the coordinator.
				PreConfig: func() {
					if err := server.Restart(); err != nil {
						t.Fatal(err)
					}
				},
				Config: catalogConfig(server, "3m"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectEmptyPlan(),
				}},
			},
			{
				PreConfig: func() {
					if _, err := server.Exec(`DROP CATALOG "pinot_b"`); err != nil {
						t.Fatal(err)
					}
				},
				Config: catalogConfig(server, "3m"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction("startree_trino_catalog.b", plancheck.ResourceActionCreate),
				}},
				Check: func(*terraform.State) error {
					if catalogsOn(t, server)["pinot_b"] != "pinot" {
						return fmt.Errorf("pinot_b was not created again")
					}
					return nil
				},
			},
			{
				Config:                  catalogConfig(server, "3m"),
				ResourceName:            "startree_trino_catalog.a",
				ImportState:             true,
				ImportStateId:           "pinot_a",
				ImportStateVerify:       true,
				ImportStateVerifyIgnore: []string{"properties"},
			},
		},
	})
}

// A catalog imported by name: the first apply stores its properties without replacing it.
func TestAccTrinoCatalogImport(t *testing.T) {
	clearEnvironment(t)
	servers := trinoServers(t)
	t.Setenv(EnvTrinoCACertificate, servers.ca)
	server := servers.dynamic
	if _, err := server.Exec(`CREATE CATALOG "pinot_imported" USING pinot WITH ("pinot.controller-urls" = 'https://proxy.broker.pug.prod.awesome-company.startree.cloud:443', "pinot.proxy.enabled" = 'true', "pinot.grpc.proxy-uri" = 'proxy-grpc.broker.pug.prod.awesome-company.startree.cloud:443', "pinot.grpc.use-plain-text" = 'false', "pinot.grpc.port" = '8096')`); err != nil {
		t.Fatal(err)
	}
	config := trinoProviderBlock(server.HTTPSURL, catalogTrinoPassword) + fmt.Sprintf(`
data "startree_trino_connection" "c" {
  cluster      = "pug"
  tls_enabled  = true
  api_token    = %q
  catalog_name = "pinot_imported"
}

import {
  to = startree_trino_catalog.c
  id = "pinot_imported"
}

resource "startree_trino_catalog" "c" {
  name       = "pinot_imported"
  properties = data.startree_trino_connection.c.env_properties_map
}
`, guideBasicToken)
	acceptance(t, resource.TestStep{
		Config: config,
		ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
			plancheck.ExpectResourceAction("startree_trino_catalog.c", plancheck.ResourceActionUpdate),
		}},
	})
}

// Each failure is an error that says what failed and what to do, and none quotes a secret.
func TestAccTrinoCatalogFailures(t *testing.T) {
	clearEnvironment(t)
	servers := trinoServers(t)
	t.Setenv(EnvTrinoCACertificate, servers.ca)
	catalog := func(name, extra string) string {
		return fmt.Sprintf(`
data "startree_trino_connection" "c" {
  api_token        = %q
  cluster          = "pug"
  catalog_name     = %q
  extra_properties = { %s }
}

resource "startree_trino_catalog" "c" {
  name       = %q
  properties = data.startree_trino_connection.c.env_properties_map
}
`, guideBasicToken, name, extra, name)
	}
	if _, err := servers.dynamic.Exec(`CREATE CATALOG "taken" USING pinot WITH ("pinot.controller-urls" = 'https://proxy.broker.pug.prod.awesome-company.startree.cloud:443', "pinot.proxy.enabled" = 'true', "pinot.grpc.proxy-uri" = 'proxy-grpc.broker.pug.prod.awesome-company.startree.cloud:443')`); err != nil {
		t.Fatal(err)
	}
	closed := "https://127.0.0.1:1"
	plainHTTP := strings.Replace(servers.dynamic.URL, "127.0.0.1", "localhost", 1)
	tests := []struct {
		name, config string
		want         string
	}{
		{"wrong password", trinoProviderBlock(servers.dynamic.HTTPSURL, "not-the-password") + catalog("pinot_c", ""), "Trino refused the credentials"},
		{"coordinator not running", trinoProviderBlock(closed, catalogTrinoPassword) + catalog("pinot_c", ""), "Trino coordinator unreachable"},
		{"password over plain HTTP", trinoProviderBlock(plainHTTP, catalogTrinoPassword) + catalog("pinot_c", ""),
			"trino.url is http://, and the provider never sends a password or an access token over plain HTTP"},
		{"dynamic catalog management off", trinoProviderBlock(servers.static.HTTPSURL, catalogTrinoPassword) + catalog("pinot_c", ""), "Trino does not manage catalogs dynamically"},
		{"an existing catalog", trinoProviderBlock(servers.dynamic.HTTPSURL, catalogTrinoPassword) + catalog("taken", ""), "Catalog already exists"},
		{"a catalog Trino refuses", trinoProviderBlock(servers.dynamic.HTTPSURL, catalogTrinoPassword) + catalog("pinot_c", `"pinot.http-client.log.path" = "$${ENV:STARTREE_NOT_SET_ON_TRINO}"`),
			"Trino refused to create the catalog pinot_c"},
		{"a catalog the rules refuse at plan time", trinoProviderBlock(servers.dynamic.HTTPSURL, catalogTrinoPassword) + catalog("pinot_c", `"pinot.connection-timeout" = "5s"`),
			"Invalid value for pinot.connection-timeout"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			acceptance(t, resource.TestStep{Config: tt.config, ExpectError: exactly(tt.want)})
		})
	}
	t.Run("TLS without the authority", func(t *testing.T) {
		t.Setenv(EnvTrinoCACertificate, "")
		acceptance(t, resource.TestStep{Config: trinoProviderBlock(servers.dynamic.HTTPSURL, catalogTrinoPassword) + catalog("pinot_c", ""), ExpectError: exactly("TLS with the Trino coordinator failed")})
	})
	if _, ok := catalogsOn(t, servers.dynamic)["pinot_c"]; ok {
		t.Error("a failed create left the catalog pinot_c")
	}
}
