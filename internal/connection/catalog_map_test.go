package connection

import (
	"maps"
	"testing"

	"github.com/startree/terraform-provider-startree/internal/startreeguide"
)

// A whole catalog, as the catalog resource takes it, passes the same rules as the connection's
// inputs: the provider's own catalogs pass, a broken entry is an error on its key.
func TestCheckCatalog(t *testing.T) {
	s := guideSettings(startreeguide.BasicToken)
	s.ExtraProperties = map[string]string{"pinot.connection-timeout": "2m"}
	s.SecretProperties = map[string]string{"pinot.grpc.tls.keystore-password": "ks"}
	c, ps := Compute(s)
	if ps.HasError() {
		t.Fatal(ps)
	}
	for name, m := range map[string]map[string]string{"properties_map": c.PropertiesMap(), "env_properties_map": c.EnvPropertiesMap()} {
		if ps := CheckCatalog(m, nil); len(ps) != 0 {
			t.Errorf("%s: %v", name, ps)
		}
	}
	tests := []struct {
		name, key, value, summary, detail string
	}{
		{"another connector", KeyConnectorName, "hive", "Not a Pinot catalog",
			`properties must hold connector.name = "pinot": this resource manages the catalogs of Trino's Pinot connector that a startree_trino_connection computes. Give it the connection's env_properties_map.`},
		{"a broken value", "pinot.connection-timeout", "5s", "Invalid value for pinot.connection-timeout",
			"The value is below Trino's minimum of 15s for pinot.connection-timeout."},
		{"an unknown key", "pinot.conection-timeout", "1m", "Unknown Pinot connector property",
			`"pinot.conection-timeout" is not a property of Trino's Pinot connector in Trino 476, and Trino refuses to load a catalog with a property it does not use. Did you mean "pinot.connection-timeout"?`},
		{"a managed key's value", KeyGRPCPort, "70000", "Invalid value for pinot.grpc.port", "The value is not a TCP port (1 to 65535) for pinot.grpc.port."},
		{"TLS property without TLS", KeyGRPCUsePlainText, "true", "gRPC TLS property without TLS",
			`"pinot.grpc.tls.keystore-password" applies only with TLS (pinot.grpc.use-plain-text=false), and tls_enabled is false; Trino would refuse the unused property. Remove it or set tls_enabled = true.`},
	}
	release := int64(476)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := maps.Clone(c.EnvPropertiesMap())
			m[tt.key] = tt.value
			ps := CheckCatalog(m, &release)
			if len(ps) != 1 || ps[0].Input != InputProperties || ps[0].Summary != tt.summary || ps[0].Detail != tt.detail {
				t.Errorf("got %+v\nwant %s: %s", ps, tt.summary, tt.detail)
			}
		})
	}
	m := c.EnvPropertiesMap()
	delete(m, KeyControllerURLs)
	if ps := CheckCatalog(m, nil); len(ps) != 1 || ps[0].Key != KeyControllerURLs || ps[0].Summary != "Missing pinot.controller-urls" {
		t.Errorf("no controller URL: %v", ps)
	}
}
