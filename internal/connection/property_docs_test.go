package connection

import (
	"os"
	"strings"
	"testing"
)

// The data source's page prints PropertyTableMarkdown between two markers of its template; `go
// generate ./internal/connection` (make generate) writes it, and this test fails when the
// template's copy is stale.
func TestPropertyTableInTemplate(t *testing.T) {
	const file = "../../templates/data-sources/trino_connection.md.tmpl"
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	spliced, err := SplicePropertyTable(string(data))
	if err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	if spliced != string(data) {
		t.Errorf("%s holds a stale property table: run 'make generate'", file)
	}
}

func TestPropertyTableRows(t *testing.T) {
	table := PropertyTableMarkdown()
	for _, row := range []string{
		"| `pinot.connection-timeout` | duration | `1m` | at least 15s | 400 and later |\n",
		"| `pinot.grpc.enabled` | boolean | `true` | removed: an error from the release that removed it; `false` is an error: Trino then refuses the `pinot.grpc.*` keys the provider writes | 400-448 (removed in 449) |\n",
		"| `pinot.grpc.tls.keystore-type` | enum | `JKS` | one of `JKS`, `PKCS12` (any case); only with `tls_enabled` | 400 and later |\n",
		"| `pinot.http-client.http-proxy.password` | string |  | secret: `${ENV:...}` in `env_properties`, the value in `env` | 454 and later |\n",
		"| `pinot.http-client.max-heap-memory` | data size |  | at least 8MB; at least 16MB before 476 | 469 and later |\n",
	} {
		if !strings.Contains(table, row) {
			t.Errorf("the table lacks the row %q", row)
		}
	}
	if rows := strings.Count(table, "\n"); rows != len(properties)+2 {
		t.Errorf("the table has %d lines for %d properties", rows, len(properties))
	}
}
