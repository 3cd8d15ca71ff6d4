//go:build judge

package trinotest

import (
	"errors"
	"strings"
	"testing"
)

// The statement a real coordinator runs: the connector name bare loads, quoted it is refused
// (the task takes the identifier as written, quotes and all).
func TestDynamicCatalogOnARealServer(t *testing.T) {
	s, err := Start(t.TempDir(), Options{Release: 476, Dynamic: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.Stop() })
	catalog := `WITH ("pinot.controller-urls" = 'https://proxy.broker.pug.prod.awesome-company.startree.cloud:443', "pinot.proxy.enabled" = 'true', "pinot.grpc.proxy-uri" = 'proxy-grpc.broker.pug.prod.awesome-company.startree.cloud:443')`
	_, err = s.Exec(`CREATE CATALOG "quoted" USING "pinot" ` + catalog)
	var qe *QueryError
	if !errors.As(err, &qe) || !strings.Contains(qe.Message, `Invalid connector name: "pinot"`) {
		t.Errorf("USING \"pinot\": %v", err)
	}
	if _, err = s.Exec(`CREATE CATALOG "bare" USING pinot ` + catalog); err != nil {
		t.Fatalf("USING pinot: %v", err)
	}
	r, err := s.Exec(`SELECT catalog_name, connector_name FROM system.metadata.catalogs WHERE catalog_name = 'bare'`)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Rows) != 1 || r.Rows[0][1] != "pinot" {
		t.Errorf("system.metadata.catalogs: %v", r.Rows)
	}
	if _, err := s.Exec(`DROP CATALOG "bare"`); err != nil {
		t.Fatal(err)
	}
}
