package connection

import (
	"os"
	"strings"
	"testing"

	"github.com/startree/terraform-provider-startree/internal/startreeguide"
)

// The guide's cluster as the catalog "sales" with a secret property: the golden is shared with
// the provider's tests of the output and of the function.
func TestCreateCatalogSQLForTheGuide(t *testing.T) {
	s := guideSettings(startreeguide.BasicToken)
	s.CatalogName, s.EnvVarPrefix = "sales", "SALES"
	s.SecretProperties = map[string]string{"pinot.grpc.tls.keystore-password": "ks-secret"}
	s.ExtraProperties = map[string]string{"pinot.connection-timeout": "2m"}
	c, ps := Compute(s)
	if ps.HasError() {
		t.Fatal(ps)
	}
	want, err := os.ReadFile("testdata/guide_create_catalog.sql")
	if err != nil {
		t.Fatal(err)
	}
	if c.CreateCatalogSQL != string(want) {
		t.Errorf("CreateCatalogSQL =\n%s\nwant\n%s", c.CreateCatalogSQL, want)
	}
	for _, secret := range []string{startreeguide.BasicPassword, startreeguide.BasicUsername, "ks-secret"} {
		if strings.Contains(c.CreateCatalogSQL, secret) {
			t.Errorf("CreateCatalogSQL holds a secret")
		}
	}
}

// The statement of env_properties' map is create_catalog_sql: one encoder for both.
func TestCreateCatalogSQLIsTheEncodingOfTheEnvCatalog(t *testing.T) {
	s := guideSettings(startreeguide.BearerToken)
	s.ExtraProperties = map[string]string{"pinot.http-client.log.path": "/var/log/ü'\""}
	c, _ := Compute(s)
	envMap := c.EnvPropertiesMap()
	sql, ps := EncodeCreateCatalog(DefaultCatalogName, envMap)
	if ps.HasError() {
		t.Fatal(ps)
	}
	// The encoder sorts every key; the catalog keeps the managed keys first. Same lines.
	sortedLines := func(s string) []string { l := strings.Split(strings.TrimSpace(s), "\n"); return l }
	a, b := sortedLines(sql), sortedLines(c.CreateCatalogSQL)
	if len(a) != len(b) {
		t.Fatalf("different statements:\n%s\n%s", sql, c.CreateCatalogSQL)
	}
	seen := map[string]int{}
	for _, l := range a {
		seen[strings.TrimSuffix(l, ",")]++
	}
	for _, l := range b {
		seen[strings.TrimSuffix(l, ",")]--
	}
	for l, n := range seen {
		if n != 0 {
			t.Errorf("line %q differs", l)
		}
	}
}

func TestEncodeCreateCatalogQuoting(t *testing.T) {
	m := map[string]string{
		KeyConnectorName: "pinot",
		`a"b`:            "it's",
		"k\\":            "back\\slash\nnew line\ttab",
		"ü€😀":            "${ENV:X} '' \"",
	}
	got, ps := EncodeCreateCatalog("c_1", m)
	if ps.HasError() {
		t.Fatal(ps)
	}
	want := "CREATE CATALOG \"c_1\" USING pinot\nWITH (\n  \"a\"\"b\" = 'it''s',\n  \"k\\\" = 'back\\slash\nnew line\ttab',\n  \"ü€😀\" = '${ENV:X} '''' \"'\n)\n"
	if got != want {
		t.Errorf("got\n%q\nwant\n%q", got, want)
	}
	if only, _ := EncodeCreateCatalog("x", map[string]string{KeyConnectorName: "pinot"}); only != "CREATE CATALOG \"x\" USING pinot\n" {
		t.Errorf("no properties: %q", only)
	}
}

func TestEncodeCreateCatalogErrors(t *testing.T) {
	_, ps := EncodeCreateCatalog("Sales", map[string]string{"a": "b"})
	if len(ps) != 2 ||
		ps[0].Detail != `catalog_name is not a lower-case identifier. Trino lower-cases catalog names, so expected a lower-case letter or '_' followed by lower-case letters, digits and '_', such as "pinot". Its lower-case spelling is a valid name.` ||
		ps[1].Input != InputProperties || ps[1].Summary != "No connector.name" ||
		ps[1].Detail != "The map has no connector.name entry, which names the connector of CREATE CATALOG ... USING; a catalog file's map always has one." {
		t.Errorf("got %v", ps)
	}
	for _, bad := range []string{"", "1x", "a-b", "a b", "é"} {
		if CheckCatalogName(bad) == nil {
			t.Errorf("%q accepted", bad)
		}
	}
	for _, good := range []string{"pinot", "_x", "sales_2"} {
		if ps := CheckCatalogName(good); ps != nil {
			t.Errorf("%q refused: %v", good, ps)
		}
	}
}

// What a real server refuses besides the connector: the system catalog, a name too long for a
// catalog file, a connector name that cannot stand bare.
func TestCatalogNameLimitsOfTheServer(t *testing.T) {
	ps := CheckCatalogName("system")
	if len(ps) != 1 || ps[0].Summary != "Reserved catalog_name" ||
		ps[0].Detail != `catalog_name names the catalog "system", which every Trino server has: CREATE CATALOG refuses it, and a catalog file of that name stops a static server. Choose another name.` {
		t.Errorf("system: %v", ps)
	}
	if ok := CheckCatalogName(strings.Repeat("a", 240)); ok != nil {
		t.Errorf("240 characters: %v", ok)
	}
	ps = CheckCatalogName(strings.Repeat("a", 241))
	if len(ps) != 1 || ps[0].Summary != "catalog_name too long" ||
		ps[0].Detail != "catalog_name is 241 characters long. Trino's file catalog store writes the catalog to <name>.properties.tmp, then renames it to <name>.properties, and a file name has at most 255 bytes, so a catalog name has at most 240 characters." {
		t.Errorf("241 characters: %v", ps)
	}
	for _, connector := range []string{"Pinot", "my-connector", "pi not", `"pinot"`} {
		_, ps := EncodeCreateCatalog("c", map[string]string{KeyConnectorName: connector})
		if len(ps) != 1 || ps[0].Input != InputProperties || ps[0].Summary != "Invalid connector.name" ||
			ps[0].Detail != `The map's connector.name cannot follow CREATE CATALOG ... USING: Trino takes the connector name as written, so it must be a bare identifier: a lower-case letter or '_' followed by lower-case letters, digits and '_', such as "pinot".` {
			t.Errorf("connector %q: %v", connector, ps)
		}
	}
}

// A statement over Trino's default query.max-length is a warning on the SQL form only: the
// catalog file has no such limit.
func TestCreateCatalogSQLLengthWarning(t *testing.T) {
	s := guideSettings(startreeguide.BasicToken)
	s.ExtraProperties = map[string]string{"pinot.http-client.log.path": strings.Repeat("€", MaxStatementLength)}
	c, ps := Compute(s)
	if ps.HasError() || len(ps) != 1 || ps[0].Severity != SeverityWarning || ps[0].Summary != "CREATE CATALOG statement too long" ||
		!strings.HasPrefix(ps[0].Detail, "create_catalog_sql is 1000") || !strings.Contains(ps[0].Detail, "query.max-length, 1000000 characters unless the coordinator sets more") {
		t.Fatalf("got %v", ps)
	}
	if c.Properties == "" || c.CreateCatalogSQL == "" {
		t.Error("the outputs are written all the same")
	}
	s.ExtraProperties = map[string]string{"pinot.http-client.log.path": strings.Repeat("x", 1000)}
	if _, ps := Compute(s); len(ps) != 0 {
		t.Errorf("a short statement: %v", ps)
	}
}
