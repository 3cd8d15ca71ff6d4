package connection

import (
	"fmt"
	"strings"
)

// DefaultGRPCPort is StarTree Cloud's Pinot server gRPC port. Trino's own default is 8090.
const DefaultGRPCPort = 8096

const (
	maxLabelLength    = 63
	maxHostNameLength = 253
	// The longest host name built from the coordinates adds this prefix.
	grpcHostPrefix = "proxy-grpc.broker."
	httpHostPrefix = "proxy.broker."
)

// Coordinates locate a StarTree Cloud cluster: <cluster>.<environment>.<domain>.
type Coordinates struct {
	Cluster     string
	Environment string
	Domain      string
}

// Endpoints are the two proxy addresses Trino connects to.
type Endpoints struct {
	// ControllerURL is "<scheme>://proxy.broker.<cluster>.<environment>.<domain>:<port>".
	ControllerURL string
	// GRPCProxyURI is "proxy-grpc.broker.<cluster>.<environment>.<domain>:<port>".
	GRPCProxyURI string
}

// BuildEndpoints checks the coordinates and returns the proxy endpoints: https on port 443 with
// TLS, http on port 80 without.
func BuildEndpoints(c Coordinates, tls bool) (Endpoints, Problems) {
	ps := CheckCoordinates(c)
	if ps.HasError() {
		return Endpoints{}, ps
	}
	if tls {
		return Endpoints{
			ControllerURL: "https://" + httpHostPrefix + c.Cluster + "." + c.Environment + "." + c.Domain + ":443",
			GRPCProxyURI:  grpcHostPrefix + c.Cluster + "." + c.Environment + "." + c.Domain + ":443",
		}, ps
	}
	return Endpoints{
		ControllerURL: "http://" + httpHostPrefix + c.Cluster + "." + c.Environment + "." + c.Domain + ":80",
		GRPCProxyURI:  grpcHostPrefix + c.Cluster + "." + c.Environment + "." + c.Domain + ":80",
	}, ps
}

// CheckCoordinates applies the rules of cluster, environment and domain, and the limit on the length
// of the host names they form.
func CheckCoordinates(c Coordinates) Problems {
	var ps Problems
	ps = append(ps, CheckLabel(InputCluster, c.Cluster)...)
	ps = append(ps, CheckLabel(InputEnvironment, c.Environment)...)
	ps = append(ps, CheckDomain(c.Domain)...)
	if ps.HasError() {
		return ps
	}
	if rest, ok := strings.CutPrefix(c.Domain, c.Cluster+"."+c.Environment+"."); ok {
		ps = append(ps, errorf(InputDomain, "Cluster and environment in domain",
			fmt.Sprintf("domain starts with the cluster and the environment (<cluster>.<environment>.), which the provider puts before the domain itself, so every host name would hold them twice. %s Give the domain alone%s", hostNames, suggestDomain(rest))))
		return ps
	}
	if n := len(grpcHostPrefix) + len(c.Cluster) + 1 + len(c.Environment) + 1 + len(c.Domain); n > maxHostNameLength {
		ps = append(ps, errorf(InputDomain, "Proxy host name too long",
			fmt.Sprintf("The gRPC proxy host name %s<cluster>.<environment>.<domain> would have %d characters; DNS allows at most %d. Use a shorter cluster, environment or domain.",
				grpcHostPrefix, n, maxHostNameLength)))
	}
	return ps
}

// CheckLabel applies the DNS label rule of cluster and environment: 1 to 63 lowercase ASCII letters,
// digits and hyphens, neither starting nor ending with a hyphen.
func CheckLabel(in Input, v string) Problems {
	if detail := labelDetail(v); detail != "" {
		return Problems{errorf(in, "Invalid "+string(in), fmt.Sprintf("%s %q %s %s", in, v, detail, labelRule))}
	}
	return nil
}

const labelRule = "Expected a DNS label: 1 to 63 lowercase letters, digits and hyphens, not starting or ending with a hyphen."

// isLabelByte marks the bytes a DNS label may hold: lowercase ASCII letters, digits and '-'.
var isLabelByte = func() (table [256]bool) {
	for c := 0; c < 256; c++ {
		table[c] = 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-'
	}
	return table
}()

// isLabel reports whether v is a DNS label; it is the fast path, and labelDetail says why not.
func isLabel(v string) bool {
	if v == "" || len(v) > maxLabelLength || v[0] == '-' || v[len(v)-1] == '-' {
		return false
	}
	for i := 0; i < len(v); i++ {
		if !isLabelByte[v[i]] {
			return false
		}
	}
	return true
}

// isDomain reports whether v follows the rule of domain; it is the fast path, and CheckDomain says
// why not.
func isDomain(v string) bool {
	if len(v) > maxHostNameLength {
		return false
	}
	labels := 0
	for rest := v; ; labels++ {
		label, after, found := strings.Cut(rest, ".")
		if !isLabel(label) {
			return false
		}
		if !found {
			return labels >= 1
		}
		rest = after
	}
}

// labelDetail returns why v is not a DNS label, or "" when it is one.
func labelDetail(v string) string {
	if isLabel(v) {
		return ""
	}
	switch {
	case v == "":
		return "is empty."
	case len(v) > maxLabelLength:
		return fmt.Sprintf("has %d characters.", len(v))
	}
	for _, r := range v {
		switch {
		case 'a' <= r && r <= 'z', '0' <= r && r <= '9', r == '-':
		case 'A' <= r && r <= 'Z':
			return fmt.Sprintf("contains the uppercase letter %q; use %q.", r, strings.ToLower(v))
		default:
			return fmt.Sprintf("contains the character %q.", r)
		}
	}
	if v[0] == '-' || v[len(v)-1] == '-' {
		return "starts or ends with a hyphen."
	}
	return ""
}

// CheckDomain applies the rule of domain: a lowercase DNS name of at least two labels, at most 253
// characters, with no scheme, port, path or trailing dot.
func CheckDomain(v string) Problems {
	if isDomain(v) {
		if prefix, domain, ok := domainOfHost(v); ok {
			return Problems{errorf(InputDomain, "Host name in domain",
				fmt.Sprintf("domain starts with %q, the start of a StarTree Cloud host name, which the provider writes itself with the cluster and the environment. %s Give the domain alone%s", prefix, hostNames, suggestDomain(domain)))}
		}
		return nil
	}
	const rule = "Expected a lowercase DNS name such as \"awesome-company.startree.cloud\": no scheme, port, path or trailing dot."
	bad := func(detail string) Problems {
		return Problems{errorf(InputDomain, "Invalid domain", fmt.Sprintf("domain %q %s %s", v, detail, rule))}
	}
	switch {
	case v == "":
		return bad("is empty.")
	case strings.Contains(v, "://"):
		return bad("includes a scheme" + bareDomainHint(v))
	case strings.Contains(v, "/"):
		return bad("includes a path" + bareDomainHint(v))
	case strings.Contains(v, ":"):
		return bad("includes a port" + bareDomainHint(v))
	case strings.HasSuffix(v, "."):
		return bad("ends with a dot.")
	case len(v) > maxHostNameLength:
		return bad(fmt.Sprintf("has %d characters, more than %d.", len(v), maxHostNameLength))
	case strings.ToLower(v) != v:
		return bad(fmt.Sprintf("contains uppercase letters; use %q.", strings.ToLower(v)))
	case !strings.Contains(v, "."):
		return bad("has a single label; StarTree Cloud domains have at least two.")
	}
	for i, rest := 1, v; rest != ""; i++ {
		label, after, _ := strings.Cut(rest, ".")
		if label == "" {
			return bad("has an empty label (two dots in a row, or a leading dot).")
		}
		if detail := labelDetail(label); detail != "" {
			return bad(fmt.Sprintf("has an invalid label %d: %q %s", i, label, detail))
		}
		rest = after
	}
	return nil
}

// bareDomainHint suggests the domain without its scheme, port and path, when that is a domain.
func bareDomainHint(v string) string {
	bare := v
	if _, after, found := strings.Cut(bare, "://"); found {
		bare = after
	}
	bare, _, _ = strings.Cut(bare, "/")
	bare, _, _ = strings.Cut(bare, ":")
	bare = strings.ToLower(strings.TrimSuffix(bare, "."))
	if _, domain, ok := domainOfHost(bare); ok {
		bare = domain
	}
	if bare != v && isDomain(bare) {
		return fmt.Sprintf("; give the bare domain %q.", bare)
	}
	return "."
}

// hostNames says where the three coordinates are in a StarTree Cloud host name.
const hostNames = "A cluster's broker host is broker.<cluster>.<environment>.<domain> (the link to the cluster in the StarTree Cloud console holds it): cluster and environment are its second and third labels, and domain is the rest."

// hostPrefixes start the host names of a StarTree Cloud cluster, each followed by
// <cluster>.<environment>.<domain>.
var hostPrefixes = []string{httpHostPrefix, grpcHostPrefix, "broker.", "pinot."}

// domainOfHost reads v as a pasted host name: one of hostPrefixes, then the cluster and the
// environment; it returns the prefix and what follows them, the domain ("" when too short).
func domainOfHost(v string) (prefix, domain string, ok bool) {
	for _, p := range hostPrefixes {
		if rest, found := strings.CutPrefix(v, p); found {
			labels := strings.SplitN(rest, ".", 3)
			if len(labels) == 3 && strings.Contains(labels[2], ".") {
				return p, labels[2], true
			}
			return p, "", true
		}
	}
	return "", "", false
}

// suggestDomain ends a message with the domain to give, when there is one.
func suggestDomain(domain string) string {
	if isDomain(domain) {
		return fmt.Sprintf(": %q.", domain)
	}
	return "."
}

// CheckGRPCPort applies the rule of grpc_port: a TCP port, 1 to 65535.
func CheckGRPCPort(p int64) Problems {
	if p < 1 || p > 65535 {
		return Problems{errorf(InputGRPCPort, "Invalid grpc_port",
			fmt.Sprintf("%d is not a TCP port. Expected a port from 1 to 65535; StarTree Cloud uses %d.", p, DefaultGRPCPort))}
	}
	return nil
}

// CheckTrinoVersion applies the rule of trino_version: the proxy properties exist from Trino 400 on.
func CheckTrinoVersion(v int64) Problems {
	if v < MinTrinoVersion {
		return Problems{errorf(InputTrinoVersion, "Trino version too old for the Pinot proxy",
			fmt.Sprintf("trino_version is %d, and the Pinot proxy properties this catalog uses exist from Trino %d on. Upgrade Trino to %d or later; the catalog cannot work with an older release.", v, MinTrinoVersion, MinTrinoVersion))}
	}
	return nil
}
