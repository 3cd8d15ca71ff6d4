// Package startreeguide holds the worked examples of StarTree's public guide "Connect Trino to
// StarTree Cloud": the tests of every package use them as golden values.
package startreeguide

// The guide's example tokens and the credentials it derives from them.
const (
	BasicToken    = "NGNlZmI4NDgwZjhmNGE3ODg2YTVjOWRhMTA1NmE3YjU6eVlHVVlsV1BVaU5OTjQ2bkZaY09vM2FUT3FJQ1AyYUFrMXF4VDVCOEFKUT0="
	BasicUsername = "4cefb8480f8f4a7886a5c9da1056a7b5"
	BasicPassword = "yYGUYlWPUiNNN46nFZcOo3aTOqICP2aAk1qxT5B8AJQ="

	BearerToken    = "st-XkQBXKr652MV1VF9-5gkhGWNaGAdA1NU5yrHXRSPKMCcNRlRg"
	BearerUsername = "XkQBXKr652MV1VF9"
	BearerPassword = "5gkhGWNaGAdA1NU5yrHXRSPKMCcNRlRg"
)

// The guide's example cluster and the proxy endpoints it gives for it.
const (
	Cluster     = "pug"
	Environment = "prod"
	Domain      = "awesome-company.startree.cloud"

	ControllerURL = "https://proxy.broker.pug.prod.awesome-company.startree.cloud:443"
	GRPCProxyURI  = "proxy-grpc.broker.pug.prod.awesome-company.startree.cloud:443"
)
