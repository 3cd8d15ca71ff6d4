package connection

import (
	"testing"

	"github.com/startree/terraform-provider-startree/internal/startreeguide"
)

// Benchmarks for the core, with -benchmem: `make bench` runs them. The target for one whole
// computation is under 2 µs and 20 allocations.

var (
	benchCredentials Credentials
	benchEndpoints   Endpoints
	benchConnection  Connection
	benchText        string
)

func BenchmarkParseTokenBasic(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		benchCredentials, _ = ParseToken(startreeguide.BasicToken)
	}
}

func BenchmarkParseTokenBearer(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		benchCredentials, _ = ParseToken(startreeguide.BearerToken)
	}
}

func BenchmarkBuildEndpoints(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		benchEndpoints, _ = BuildEndpoints(guideCoordinates, true)
	}
}

func BenchmarkRenderCatalog(b *testing.B) {
	s := guideSettings(startreeguide.BasicToken)
	creds, _ := ParseToken(startreeguide.BasicToken)
	e, _ := BuildEndpoints(guideCoordinates, true)
	b.ReportAllocs()
	for b.Loop() {
		benchConnection = render(s, &creds, e)
	}
}

// BenchmarkCompute is one whole data source computation: token, endpoints, checks and both catalogs.
func BenchmarkCompute(b *testing.B) {
	s := guideSettings(startreeguide.BasicToken)
	b.ReportAllocs()
	for b.Loop() {
		benchConnection, _ = Compute(s)
	}
}

func BenchmarkComputeWithExtraProperties(b *testing.B) {
	s := guideSettings(startreeguide.BearerToken)
	s.ExtraProperties = map[string]string{"pinot.connection-timeout": "2m", "pinot.prefer-broker-queries": "true", "pinot.grpc.tls.keystore-password": "k"}
	b.ReportAllocs()
	for b.Loop() {
		benchConnection, _ = Compute(s)
	}
}

func BenchmarkEncodeProperties(b *testing.B) {
	m := map[string]string{"query.max-memory": "50GB", "node.data-dir": `C:\trino\data`, "discovery.description": "line one\nline two", "é": "😀"}
	b.ReportAllocs()
	for b.Loop() {
		benchText = EncodeProperties(m)
	}
}
