package provider

import (
	"context"
	"fmt"
	"maps"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/startree/terraform-provider-startree/internal/propertiestest"
)

// hostileHCL is a map whose keys and values hold everything that means something to a properties
// reader, written as an HCL object, with the Go map it stands for. Keys Trino does not know pass
// (as warnings) only with a trino_version newer than the provider knows, as the test sets.
const hostileHCL = `{
    "pinot.http-client.log.path"       = "C:\\dir\\file=x:y#z!w"
    "pinot.http-client.https.included-cipher" = "p=a:s#s!\\\\u0041"
    "custom.tabs\there"                = "a\tb\nc\rd"
    "custom=colon:hash#bang!"          = "é€😀\u2028"
    "custom spaced key"                = "inner  spaces"
    "#looks-like-a-comment"            = "!also"
  }`

var hostileMap = map[string]string{
	"pinot.http-client.log.path":              `C:\dir\file=x:y#z!w`,
	"pinot.http-client.https.included-cipher": `p=a:s#s!\\u0041`,
	"custom.tabs\there":                       "a\tb\nc\rd",
	"custom=colon:hash#bang!":                 "é€😀\u2028",
	"custom spaced key":                       "inner  spaces",
	"#looks-like-a-comment":                   "!also",
}

// captured collects values from the state for a check after the test.
type captured struct {
	properties    string
	propertiesMap map[string]string
	encoded       string
}

func (c *captured) CheckState(_ context.Context, req statecheck.CheckStateRequest, resp *statecheck.CheckStateResponse) {
	if req.State == nil || req.State.Values == nil {
		resp.Error = fmt.Errorf("no state")
		return
	}
	for _, r := range req.State.Values.RootModule.Resources {
		if r.Address != dataSourceAddress {
			continue
		}
		c.properties, _ = r.AttributeValues["properties"].(string)
		c.propertiesMap = map[string]string{}
		m, _ := r.AttributeValues["properties_map"].(map[string]any)
		for k, v := range m {
			c.propertiesMap[k], _ = v.(string)
		}
	}
	if out, ok := req.State.Values.Outputs["encoded"]; ok {
		c.encoded, _ = out.Value.(string)
	}
}

// The catalog and encode_properties, as Terraform stores them, load in the real
// java.util.Properties as exactly the intended maps.
func TestJavaPropertiesRoundTrip(t *testing.T) {
	clearEnvironment(t)
	got := &captured{}
	functionUnitTest(t, resource.TestStep{
		Config: dataSource(coordinates+`api_token = "`+guideBasicToken+`"
  trino_version = 999
  extra_properties = `+hostileHCL) + `
output "encoded" {
  value = provider::startree::encode_properties(` + hostileHCL + `)
}
`,
		ConfigStateChecks: []statecheck.StateCheck{got},
	})
	if len(got.propertiesMap) != 12+len(hostileMap) {
		t.Fatalf("properties_map has %d entries, want %d", len(got.propertiesMap), 12+len(hostileMap))
	}
	for k, v := range hostileMap {
		if got.propertiesMap[k] != v {
			t.Errorf("properties_map[%q] = %q, want %q", k, got.propertiesMap[k], v)
		}
	}
	loaded, err := propertiestest.JavaLoad(t.TempDir(), []string{got.properties, got.encoded})
	if err != nil {
		t.Fatal(err)
	}
	if !maps.Equal(loaded[0], got.propertiesMap) {
		t.Errorf("Java loads properties as %q, want properties_map %q", loaded[0], got.propertiesMap)
	}
	if !maps.Equal(loaded[1], hostileMap) {
		t.Errorf("Java loads encode_properties as %q, want %q", loaded[1], hostileMap)
	}
}
