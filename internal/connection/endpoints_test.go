package connection

import (
	"strings"
	"testing"

	"github.com/startree/terraform-provider-startree/internal/startreeguide"
)

var guideCoordinates = Coordinates{Cluster: startreeguide.Cluster, Environment: startreeguide.Environment, Domain: startreeguide.Domain}

func TestBuildEndpoints(t *testing.T) {
	tests := []struct {
		name   string
		coords Coordinates
		tls    bool
		want   Endpoints
	}{
		{"guide, TLS", guideCoordinates, true, Endpoints{
			ControllerURL: startreeguide.ControllerURL,
			GRPCProxyURI:  startreeguide.GRPCProxyURI,
		}},
		{"guide, plain text", guideCoordinates, false, Endpoints{
			ControllerURL: "http://proxy.broker.pug.prod.awesome-company.startree.cloud:80",
			GRPCProxyURI:  "proxy-grpc.broker.pug.prod.awesome-company.startree.cloud:80",
		}},
		{"digits and hyphens", Coordinates{"c-1", "0", "a-b.c0"}, true, Endpoints{
			ControllerURL: "https://proxy.broker.c-1.0.a-b.c0:443",
			GRPCProxyURI:  "proxy-grpc.broker.c-1.0.a-b.c0:443",
		}},
		{"63-character labels", Coordinates{strings.Repeat("c", 63), strings.Repeat("e", 63), "x.io"}, true, Endpoints{
			ControllerURL: "https://proxy.broker." + strings.Repeat("c", 63) + "." + strings.Repeat("e", 63) + ".x.io:443",
			GRPCProxyURI:  "proxy-grpc.broker." + strings.Repeat("c", 63) + "." + strings.Repeat("e", 63) + ".x.io:443",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ps := BuildEndpoints(tt.coords, tt.tls)
			if len(ps) != 0 {
				t.Fatalf("unexpected problems: %v", ps)
			}
			if got != tt.want {
				t.Errorf("BuildEndpoints = %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestCheckCoordinatesInvalid(t *testing.T) {
	const label = " Expected a DNS label: 1 to 63 lowercase letters, digits and hyphens, not starting or ending with a hyphen."
	const domain = " Expected a lowercase DNS name such as \"awesome-company.startree.cloud\": no scheme, port, path or trailing dot."
	long := strings.Repeat("a", 64)
	tests := []struct {
		name   string
		coords Coordinates
		input  Input
		want   string
	}{
		{"empty cluster", Coordinates{"", "prod", "x.io"}, InputCluster, `cluster "" is empty.` + label},
		{"uppercase cluster", Coordinates{"Pug", "prod", "x.io"}, InputCluster, `cluster "Pug" contains the uppercase letter 'P'; use "pug".` + label},
		{"cluster with dot", Coordinates{"pug.x", "prod", "x.io"}, InputCluster, `cluster "pug.x" contains the character '.'.` + label},
		{"cluster with space", Coordinates{"pug x", "prod", "x.io"}, InputCluster, `cluster "pug x" contains the character ' '.` + label},
		{"cluster with underscore", Coordinates{"pug_x", "prod", "x.io"}, InputCluster, `cluster "pug_x" contains the character '_'.` + label},
		{"cluster leading hyphen", Coordinates{"-pug", "prod", "x.io"}, InputCluster, `cluster "-pug" starts or ends with a hyphen.` + label},
		{"cluster trailing hyphen", Coordinates{"pug-", "prod", "x.io"}, InputCluster, `cluster "pug-" starts or ends with a hyphen.` + label},
		{"64-character cluster", Coordinates{long, "prod", "x.io"}, InputCluster, `cluster "` + long + `" has 64 characters.` + label},
		{"non-ASCII cluster", Coordinates{"pü", "prod", "x.io"}, InputCluster, `cluster "pü" contains the character 'ü'.` + label},
		{"empty environment", Coordinates{"pug", "", "x.io"}, InputEnvironment, `environment "" is empty.` + label},
		{"environment with dots", Coordinates{"pug", "..", "x.io"}, InputEnvironment, `environment ".." contains the character '.'.` + label},
		{"empty domain", Coordinates{"pug", "prod", ""}, InputDomain, `domain "" is empty.` + domain},
		{"domain with scheme", Coordinates{"pug", "prod", "https://x.io"}, InputDomain, `domain "https://x.io" includes a scheme; give the bare domain "x.io".` + domain},
		{"domain with path", Coordinates{"pug", "prod", "x.io/a"}, InputDomain, `domain "x.io/a" includes a path; give the bare domain "x.io".` + domain},
		{"domain with port", Coordinates{"pug", "prod", "x.io:443"}, InputDomain, `domain "x.io:443" includes a port; give the bare domain "x.io".` + domain},
		{"domain with trailing dot", Coordinates{"pug", "prod", "x.io."}, InputDomain, `domain "x.io." ends with a dot.` + domain},
		{"domain with two dots", Coordinates{"pug", "prod", "x..io"}, InputDomain, `domain "x..io" has an empty label (two dots in a row, or a leading dot).` + domain},
		{"domain with leading dot", Coordinates{"pug", "prod", ".x.io"}, InputDomain, `domain ".x.io" has an empty label (two dots in a row, or a leading dot).` + domain},
		{"uppercase domain", Coordinates{"pug", "prod", "X.io"}, InputDomain, `domain "X.io" contains uppercase letters; use "x.io".` + domain},
		{"single-label domain", Coordinates{"pug", "prod", "localhost"}, InputDomain, `domain "localhost" has a single label; StarTree Cloud domains have at least two.` + domain},
		{"domain with space", Coordinates{"pug", "prod", "x .io"}, InputDomain, `domain "x .io" has an invalid label 1: "x " contains the character ' '.` + domain},
		{"domain with bad label", Coordinates{"pug", "prod", "x.-io"}, InputDomain, `domain "x.-io" has an invalid label 2: "-io" starts or ends with a hyphen.` + domain},
		{"domain with long label", Coordinates{"pug", "prod", long + ".io"}, InputDomain, `domain "` + long + `.io" has an invalid label 1: "` + long + `" has 64 characters.` + domain},
		{"254-character domain", Coordinates{"pug", "prod", strings.Repeat("abcdefghi.", 25) + "abcd"}, InputDomain,
			`domain "` + strings.Repeat("abcdefghi.", 25) + `abcd" has 254 characters, more than 253.` + domain},
		{"host name too long", Coordinates{"pug", "prod", strings.Repeat("abcdefghi.", 23) + "abcd"}, InputDomain,
			"The gRPC proxy host name proxy-grpc.broker.<cluster>.<environment>.<domain> would have 261 characters; DNS allows at most 253. Use a shorter cluster, environment or domain."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, ps := BuildEndpoints(tt.coords, true)
			if len(ps) != 1 {
				t.Fatalf("got %d problems %v, want 1", len(ps), ps)
			}
			if ps[0].Input != tt.input || ps[0].Detail != tt.want || ps[0].Severity != SeverityError {
				t.Errorf("got %s: %q\nwant %s: %q", ps[0].Input, ps[0].Detail, tt.input, tt.want)
			}
		})
	}
}

func TestCheckCoordinatesReportsEveryInput(t *testing.T) {
	ps := CheckCoordinates(Coordinates{"A", "B", "C"})
	got := []Input{}
	for _, p := range ps {
		got = append(got, p.Input)
	}
	if len(got) != 3 || got[0] != InputCluster || got[1] != InputEnvironment || got[2] != InputDomain {
		t.Errorf("problems on %v, want cluster, environment, domain", got)
	}
}

func TestCheckNumbers(t *testing.T) {
	tests := []struct {
		name  string
		ps    Problems
		input Input
		want  string // detail; "" for no problem
	}{
		{"port 1", CheckGRPCPort(1), InputGRPCPort, ""},
		{"port 65535", CheckGRPCPort(65535), InputGRPCPort, ""},
		{"port 0", CheckGRPCPort(0), InputGRPCPort, "0 is not a TCP port. Expected a port from 1 to 65535; StarTree Cloud uses 8096."},
		{"port 65536", CheckGRPCPort(65536), InputGRPCPort, "65536 is not a TCP port. Expected a port from 1 to 65535; StarTree Cloud uses 8096."},
		{"negative port", CheckGRPCPort(-1), InputGRPCPort, "-1 is not a TCP port. Expected a port from 1 to 65535; StarTree Cloud uses 8096."},
		{"Trino 400", CheckTrinoVersion(400), InputTrinoVersion, ""},
		{"Trino 482", CheckTrinoVersion(482), InputTrinoVersion, ""},
		{"Trino 399", CheckTrinoVersion(399), InputTrinoVersion, "trino_version is 399, and the Pinot proxy properties this catalog uses exist from Trino 400 on. Upgrade Trino to 400 or later; the catalog cannot work with an older release."},
		{"Trino 0", CheckTrinoVersion(0), InputTrinoVersion, "trino_version is 0, and the Pinot proxy properties this catalog uses exist from Trino 400 on. Upgrade Trino to 400 or later; the catalog cannot work with an older release."},
		{"prefix PINOT", CheckEnvVarPrefix("PINOT"), InputEnvVarPrefix, ""},
		{"prefix with digits and underscore", CheckEnvVarPrefix("P_1_"), InputEnvVarPrefix, ""},
		{"empty prefix", CheckEnvVarPrefix(""), InputEnvVarPrefix, `env_var_prefix is not an uppercase variable name. Expected an uppercase ASCII letter followed by uppercase letters, digits and underscores (^[A-Z][A-Z0-9_]*$), such as "PINOT".`},
		{"lowercase prefix", CheckEnvVarPrefix("pinot"), InputEnvVarPrefix, `env_var_prefix is not an uppercase variable name. Expected an uppercase ASCII letter followed by uppercase letters, digits and underscores (^[A-Z][A-Z0-9_]*$), such as "PINOT". Its upper-case spelling, with '_' for every other character, is a valid prefix.`},
		{"prefix with leading digit", CheckEnvVarPrefix("1P"), InputEnvVarPrefix, `env_var_prefix is not an uppercase variable name. Expected an uppercase ASCII letter followed by uppercase letters, digits and underscores (^[A-Z][A-Z0-9_]*$), such as "PINOT".`},
		{"prefix with hyphen", CheckEnvVarPrefix("pinot-sales"), InputEnvVarPrefix, `env_var_prefix is not an uppercase variable name. Expected an uppercase ASCII letter followed by uppercase letters, digits and underscores (^[A-Z][A-Z0-9_]*$), such as "PINOT". Its upper-case spelling, with '_' for every other character, is a valid prefix.`},
		{"prefix another prefix collides with", CheckEnvVarPrefix("PINOT_GRPC_TLS_KEYSTORE"), InputEnvVarPrefix, `env_var_prefix ends with "_GRPC_TLS_KEYSTORE", so its password variable, <prefix>_PASSWORD, would have the same name as the pinot.grpc.tls.keystore-password variable of the prefix without "_GRPC_TLS_KEYSTORE": two catalogs' secrets could replace each other in one Kubernetes Secret. Choose a prefix that does not end with "_GRPC_TLS_KEYSTORE".`},
		{"prefix too long", CheckEnvVarPrefix("P" + strings.Repeat("X", 211)), InputEnvVarPrefix, `env_var_prefix has 212 characters. With the longest ending the provider gives a variable (_HTTP_CLIENT_HTTPS_AUTOMATIC_SHARED_SECRET) a name would have 254 characters, and a Kubernetes Secret key has at most 253. Use at most 211 characters.`},
		{"prefix at the longest", CheckEnvVarPrefix("P" + strings.Repeat("X", 210)), InputEnvVarPrefix, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.want == "" {
				if len(tt.ps) != 0 {
					t.Fatalf("unexpected problems %v", tt.ps)
				}
				return
			}
			if len(tt.ps) != 1 || tt.ps[0].Detail != tt.want || tt.ps[0].Input != tt.input || tt.ps[0].Severity != SeverityError {
				t.Errorf("got %#v, want one error on %s: %q", tt.ps, tt.input, tt.want)
			}
		})
	}
}

// A host name pasted as the domain would put the cluster and environment in every host name twice:
// each is an error that gives the domain to use.
func TestPastedHostNameAsDomain(t *testing.T) {
	const where = "A cluster's broker host is broker.<cluster>.<environment>.<domain> (the link to the cluster in the StarTree Cloud console holds it): cluster and environment are its second and third labels, and domain is the rest."
	tests := []struct {
		domain, summary, detail string
	}{
		{"pug.prod.awesome-company.startree.cloud", "Cluster and environment in domain",
			"domain starts with the cluster and the environment (<cluster>.<environment>.), which the provider puts before the domain itself, so every host name would hold them twice. " + where + ` Give the domain alone: "awesome-company.startree.cloud".`},
		{"proxy.broker.pug.prod.awesome-company.startree.cloud", "Host name in domain",
			`domain starts with "proxy.broker.", the start of a StarTree Cloud host name, which the provider writes itself with the cluster and the environment. ` + where + ` Give the domain alone: "awesome-company.startree.cloud".`},
		{"proxy-grpc.broker.pug.prod.awesome-company.startree.cloud", "Host name in domain",
			`domain starts with "proxy-grpc.broker.", the start of a StarTree Cloud host name, which the provider writes itself with the cluster and the environment. ` + where + ` Give the domain alone: "awesome-company.startree.cloud".`},
		{"broker.pug.prod.awesome-company.startree.cloud", "Host name in domain",
			`domain starts with "broker.", the start of a StarTree Cloud host name, which the provider writes itself with the cluster and the environment. ` + where + ` Give the domain alone: "awesome-company.startree.cloud".`},
		{"pinot.pug.prod.awesome-company.startree.cloud", "Host name in domain",
			`domain starts with "pinot.", the start of a StarTree Cloud host name, which the provider writes itself with the cluster and the environment. ` + where + ` Give the domain alone: "awesome-company.startree.cloud".`},
		{"broker.startree.cloud", "Host name in domain",
			`domain starts with "broker.", the start of a StarTree Cloud host name, which the provider writes itself with the cluster and the environment. ` + where + ` Give the domain alone.`},
		// The port's hint no longer doubles the host name.
		{"proxy.broker.pug.prod.awesome-company.startree.cloud:443", "Invalid domain",
			`domain "proxy.broker.pug.prod.awesome-company.startree.cloud:443" includes a port; give the bare domain "awesome-company.startree.cloud". Expected a lowercase DNS name such as "awesome-company.startree.cloud": no scheme, port, path or trailing dot.`},
	}
	for _, tt := range tests {
		t.Run(tt.domain, func(t *testing.T) {
			_, ps := BuildEndpoints(Coordinates{Cluster: "pug", Environment: "prod", Domain: tt.domain}, true)
			if len(ps) != 1 || ps[0].Input != InputDomain || ps[0].Summary != tt.summary || ps[0].Detail != tt.detail {
				t.Errorf("got %v\nwant %s: %s", ps, tt.summary, tt.detail)
			}
		})
	}
	if _, ps := BuildEndpoints(Coordinates{Cluster: "pug", Environment: "prod", Domain: "prod.awesome-company.startree.cloud"}, true); ps != nil {
		t.Errorf("a domain that starts with the environment only: %v", ps)
	}
}
