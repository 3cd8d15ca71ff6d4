//go:build judge

// The agreement suite: every catalog of a corpus goes through the provider's own rules and
// rendering and then through the real Pinot connector of each Trino release in
// tools/judge/releases; the provider must refuse exactly what Trino refuses. Run it with
// `make judge-test` (part of `make test`); it needs Maven Central once per release and the JDKs
// tools/judge/run names.

package connection

import (
	"bufio"
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/startree/terraform-provider-startree/internal/propertiestest"
	"github.com/startree/terraform-provider-startree/internal/startreeguide"
	"github.com/startree/terraform-provider-startree/internal/trinotest"
)

// judgedReleases reads tools/judge/releases.
func judgedReleases(t *testing.T) []int64 {
	t.Helper()
	data, err := os.ReadFile("../../tools/judge/releases")
	if err != nil {
		t.Fatal(err)
	}
	var releases []int64
	for _, line := range strings.Split(string(data), "\n") {
		fields := strings.Fields(line)
		if len(fields) == 0 || strings.HasPrefix(fields[0], "#") {
			continue
		}
		r, err := strconv.ParseInt(fields[0], 10, 64)
		if err != nil {
			t.Fatalf("tools/judge/releases: %q", line)
		}
		releases = append(releases, r)
	}
	return releases
}

// serverReleases are the judged releases served as a server tarball (tools/judge/releases' third
// column): the suite starts a real Trino server of each.
func serverReleases(t *testing.T) map[int64]bool {
	t.Helper()
	data, err := os.ReadFile("../../tools/judge/releases")
	if err != nil {
		t.Fatal(err)
	}
	out := map[int64]bool{}
	for _, line := range strings.Split(string(data), "\n") {
		fields := strings.Fields(line)
		if len(fields) == 3 && fields[2] == "server-tarball" {
			r, err := strconv.ParseInt(fields[0], 10, 64)
			if err != nil {
				t.Fatalf("tools/judge/releases: %q", line)
			}
			out[r] = true
		}
	}
	return out
}

// verdict is the judge's answer for one catalog.
type verdict struct {
	Catalog    string            `json:"catalog"`
	Loaded     bool              `json:"loaded"`
	Errors     []string          `json:"errors"`
	Properties map[string]string `json:"properties"`
}

// runJudge loads every catalog of dir with one release's connector.
func runJudge(t *testing.T, release int64, dir string, env []string) map[string]verdict {
	t.Helper()
	cmd := exec.Command("../../tools/judge/run", strconv.FormatInt(release, 10), "catalogs", dir)
	cmd.Env = append(os.Environ(), env...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("judge %d: %v\n%s", release, err, stderr.String())
	}
	verdicts := map[string]verdict{}
	scanner := bufio.NewScanner(bytes.NewReader(out))
	scanner.Buffer(make([]byte, 1<<20), 1<<24)
	for scanner.Scan() {
		var v verdict
		if err := json.Unmarshal(scanner.Bytes(), &v); err != nil {
			t.Fatalf("judge %d: %v: %s", release, err, scanner.Text())
		}
		verdicts[v.Catalog] = v
	}
	return verdicts
}

// The environment the judge runs in: one variable set, one never set.
const (
	judgeSetVar   = "STARTREE_JUDGE_SET"
	judgeUnsetVar = "STARTREE_JUDGE_UNSET"
)

var judgeEnv = []string{judgeSetVar + "=30s", "STARTREE_JUDGE_INT=5", judgeUnsetVar + "="}

func TestTrinoAgreement(t *testing.T) {
	releases := judgedReleases(t)
	servers := serverReleases(t)
	corpusDir := t.TempDir()
	cases := agreementCorpus(t, corpusDir)
	if len(cases) < 300 {
		t.Fatalf("the corpus has %d catalogs; the suite promises at least 300", len(cases))
	}
	// The judge and the servers run with the variables every ${ENV:...} of the provider's own
	// references needs, as the Trino nodes would.
	env := append(slices.Clone(judgeEnv), referenceEnv(t, cases, releases[len(releases)-1])...)
	type result struct {
		release  int64
		verdicts map[string]verdict
		accepted map[string]bool
		// executed are a real server's verdicts on each statement, by file name.
		executed map[string]verdict
	}
	results := make([]result, len(releases))
	var wg sync.WaitGroup
	sem := make(chan struct{}, 2)
	for i, release := range releases {
		dir := filepath.Join(corpusDir, strconv.FormatInt(release, 10))
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		accepted := map[string]bool{}
		var statements []statement
		for _, c := range cases {
			catalog, ok := c.render(release)
			accepted[c.file()] = ok
			if err := os.WriteFile(filepath.Join(dir, c.file()), []byte(catalog), 0o644); err != nil {
				t.Fatal(err)
			}
			if release < createCatalogSince {
				continue
			}
			// The same catalog as CREATE CATALOG: the map the file holds, encoded.
			m, err := propertiestest.Load(catalog)
			if err != nil {
				t.Fatal(err)
			}
			sql, ps := EncodeCreateCatalog("c", m)
			if ps.HasError() {
				t.Fatalf("%s: %v", c.file(), ps)
			}
			if err := os.WriteFile(filepath.Join(dir, c.sqlFile()), []byte(sql), 0o644); err != nil {
				t.Fatal(err)
			}
			statements = append(statements, statement{file: c.sqlFile(), catalog: "c", sql: sql})
			// And the provider's own create_catalog_sql, with its ${ENV:...} references.
			if ok && c.raw == "" {
				conn, _ := Compute(c.settings(release))
				statements = append(statements, statement{file: c.referencesFile(), catalog: DefaultCatalogName, sql: conn.CreateCatalogSQL})
			}
		}
		results[i] = result{release: release, accepted: accepted}
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			results[i].verdicts = runJudge(t, release, dir, env)
		}()
		if servers[release] && release >= createCatalogSince {
			guide, err := os.ReadFile("testdata/guide_create_catalog.sql")
			if err != nil {
				t.Fatal(err)
			}
			statements = append(statements, statement{file: "guide_create_catalog.sql", catalog: "sales", sql: string(guide)})
			wg.Add(1)
			go func() {
				defer wg.Done()
				results[i].executed = executeOnServer(t, release, env, statements)
			}()
		}
	}
	wg.Wait()

	disagreements, pairs, executed := 0, 0, 0
	for _, r := range results {
		if r.executed != nil {
			if v := r.executed["guide_create_catalog.sql"]; !v.Loaded {
				t.Errorf("Trino %d refuses the guide's CREATE CATALOG: %q", r.release, v.Errors)
				disagreements++
			}
		}
		for _, c := range cases {
			v, ok := r.verdicts[c.file()]
			if !ok {
				t.Errorf("Trino %d: no verdict for %s", r.release, c.file())
				continue
			}
			if r.release >= createCatalogSince {
				pairs++
				if !c.samePair(t, r.release, v, r.verdicts[c.sqlFile()]) {
					disagreements++
				}
			}
			providerAccepts := r.accepted[c.file()]
			if r.executed != nil {
				executed++
				if !c.sameOnServer(t, r.release, r.verdicts[c.sqlFile()], r.executed, providerAccepts) {
					disagreements++
				}
			}
			if c.providerStricter {
				if providerAccepts || !v.Loaded {
					t.Errorf("Trino %d, %s (%s): expected the provider to refuse and Trino to load; provider accepts=%v, Trino loaded=%v %q",
						r.release, c.file(), c.describe(), providerAccepts, v.Loaded, v.Errors)
					disagreements++
				}
				continue
			}
			if c.trinoDiffers != "" {
				// The provider cannot see the Trino nodes (files, environment) or keeps a
				// stricter rule by design: Trino's verdict must be the other one, for the
				// stated reason.
				if v.Loaded == providerAccepts || !v.Loaded && !slices.ContainsFunc(v.Errors, func(e string) bool { return strings.Contains(e, c.trinoDiffers) }) {
					t.Errorf("Trino %d, %s: expected Trino to differ from the provider (accepts=%v) because %q; Trino loaded=%v %q",
						r.release, c.file(), providerAccepts, c.trinoDiffers, v.Loaded, v.Errors)
					disagreements++
				}
				continue
			}
			if c.trinoMessage != "" && (v.Loaded || !slices.ContainsFunc(v.Errors, func(e string) bool { return strings.Contains(e, c.trinoMessage) })) {
				disagreements++
				t.Errorf("Trino %d, %s (%s): expected Trino to refuse with %q; loaded=%v %q", r.release, c.file(), c.describe(), c.trinoMessage, v.Loaded, v.Errors)
			}
			if v.Loaded != providerAccepts {
				disagreements++
				problems := c.problems(r.release)
				t.Errorf("Trino %d disagrees on %s (%s): provider accepts=%v %v; Trino loaded=%v %q",
					r.release, c.file(), c.describe(), providerAccepts, problems, v.Loaded, v.Errors)
			}
		}
	}
	t.Logf("%d catalogs x %d releases (%v), %d file and CREATE CATALOG pairs, %d catalogs run as CREATE CATALOG on a real Trino server (%v): %d disagreements",
		len(cases), len(releases), releases, pairs, executed, slices.Sorted(maps.Keys(servers)), disagreements)
}

// statement is one CREATE CATALOG to run on a real server, then drop.
type statement struct {
	file, catalog, sql string
}

// executeOnServer starts a real Trino server of the release (dynamic catalogs in memory, the
// given environment), runs each statement, drops each catalog that loaded, and returns the
// verdicts by file name. The server is stopped by its process id.
func executeOnServer(t *testing.T, release int64, env []string, statements []statement) map[string]verdict {
	t.Helper()
	server, err := trinotest.Start(t.TempDir(), trinotest.Options{Release: release, Env: env, Dynamic: true})
	if err != nil {
		t.Errorf("Trino %d server: %v", release, err)
		return map[string]verdict{}
	}
	defer func() { _ = server.Stop() }()
	out := make(map[string]verdict, len(statements))
	for _, st := range statements {
		v := verdict{Catalog: st.file}
		_, err := server.Exec(st.sql)
		var refused *trinotest.QueryError
		switch {
		case err == nil:
			v.Loaded = true
			if _, dropErr := server.Exec("DROP CATALOG " + st.catalog); dropErr != nil {
				t.Fatalf("Trino %d: DROP CATALOG after %s: %v", release, st.file, dropErr)
			}
		case errors.As(err, &refused):
			v.Errors = []string{refused.Error()}
		default:
			t.Fatalf("Trino %d: %s: %v (the server is running: %v)", release, st.file, err, server.Running())
		}
		out[st.file] = v
	}
	if !server.Running() {
		t.Errorf("Trino %d server stopped during the suite; its log: %s", release, server.LogPath())
	}
	return out
}

// referenceEnv is every variable the provider's create_catalog_sql and env_properties refer to
// over the corpus, name=value: each name has one value.
func referenceEnv(t *testing.T, cases []agreementCase, release int64) []string {
	t.Helper()
	all := map[string]string{}
	for _, c := range cases {
		if c.raw != "" {
			continue
		}
		conn, ps := Compute(c.settings(release))
		if ps.HasError() {
			continue
		}
		for k, v := range conn.Env() {
			if old, ok := all[k]; ok && old != v {
				t.Fatalf("the corpus gives %s two values", k)
			}
			all[k] = v
		}
	}
	// The guide's statement refers to the SALES_ variables.
	all["SALES_USERNAME"], all["SALES_PASSWORD"] = startreeguide.BasicUsername, startreeguide.BasicPassword
	all["SALES_GRPC_TLS_KEYSTORE_PASSWORD"] = "ks-secret"
	env := make([]string, 0, len(all))
	for _, k := range slices.Sorted(maps.Keys(all)) {
		env = append(env, k+"="+all[k])
	}
	return env
}

func (c agreementCase) referencesFile() string {
	return fmt.Sprintf("c%03d.references.sql", c.index)
}

// sameOnServer reports whether a real server ran the catalog's statement to the parser judge's
// verdict, and its create_catalog_sql (with references) to a catalog that loads.
func (c agreementCase) sameOnServer(t *testing.T, release int64, parsed verdict, executed map[string]verdict, providerAccepts bool) bool {
	t.Helper()
	ran, ok := executed[c.sqlFile()]
	if !ok {
		t.Errorf("Trino %d server: no verdict for %s", release, c.sqlFile())
		return false
	}
	same := true
	if ran.Loaded != parsed.Loaded {
		t.Errorf("Trino %d: a real server and the judge differ on %s (%s): server loaded=%v %q; judge loaded=%v %q",
			release, c.sqlFile(), c.describe(), ran.Loaded, ran.Errors, parsed.Loaded, parsed.Errors)
		same = false
	}
	if providerAccepts && c.raw == "" {
		if ref := executed[c.referencesFile()]; !ref.Loaded && c.trinoDiffers == "" {
			t.Errorf("Trino %d refuses the provider's create_catalog_sql for %s (%s): %q", release, c.file(), c.describe(), ref.Errors)
			same = false
		}
	}
	return same
}

// createCatalogSince is the first release whose docs describe CREATE CATALOG (the statement
// exists from 408; catalog.management=dynamic is documented from 433).
const createCatalogSince = 433

func (c agreementCase) sqlFile() string {
	return fmt.Sprintf("c%03d.sql", c.index)
}

// samePair reports whether Trino read the catalog file and its CREATE CATALOG statement as the
// same map, with the same verdict. Values with white space at either end are the one difference
// by design: a file's values are trimmed, a statement's are not, and the provider refuses both.
func (c agreementCase) samePair(t *testing.T, release int64, file, sql verdict) bool {
	t.Helper()
	if sql.Catalog == "" {
		t.Errorf("Trino %d: no verdict for %s", release, c.sqlFile())
		return false
	}
	if c.providerStricter {
		return true
	}
	if !maps.Equal(file.Properties, sql.Properties) || file.Loaded != sql.Loaded {
		t.Errorf("Trino %d reads %s and %s (%s) differently: maps equal %v; file loaded=%v %q, statement loaded=%v %q",
			release, c.file(), c.sqlFile(), c.describe(), maps.Equal(file.Properties, sql.Properties), file.Loaded, file.Errors, sql.Loaded, sql.Errors)
		return false
	}
	return true
}

// agreementCase is one catalog of the corpus.
type agreementCase struct {
	index int
	name  string
	tls   bool
	extra map[string]string
	// trinoDiffers, when set, is a part of the message Trino refuses with where the provider
	// accepts: what depends on the Trino nodes (files, environment variables) is not the
	// provider's to see.
	trinoDiffers string
	// providerStricter marks a value the provider refuses by design though Trino loads it: white
	// space that Trino would trim away, changing the value.
	providerStricter bool
	// raw, when set, is a catalog file written as is (the goldens).
	raw string
	// token, when set, replaces the guide's token; a catalog the provider refuses is written with
	// the credentials it decodes to.
	token string
	// trinoMessage, when set, must be part of Trino's refusal.
	trinoMessage string
}

func (c agreementCase) file() string {
	return fmt.Sprintf("c%03d.properties", c.index)
}

func (c agreementCase) describe() string {
	if c.raw != "" {
		return c.name
	}
	keys := sortedKeys(c.extra)
	parts := make([]string, 0, len(keys))
	for _, k := range keys {
		parts = append(parts, k+"="+strconv.Quote(c.extra[k]))
	}
	return fmt.Sprintf("%s: tls=%v %s", c.name, c.tls, strings.Join(parts, " "))
}

func (c agreementCase) settings(release int64) Settings {
	s := DefaultSettings()
	token := startreeguide.BasicToken
	if c.token != "" {
		token = c.token
	}
	s.APIToken = &token
	environment, domain := startreeguide.Environment, startreeguide.Domain
	s.Cluster, s.Environment, s.Domain = startreeguide.Cluster, &environment, &domain
	s.TLSEnabled = c.tls
	s.TrinoVersion = &release
	// Security-sensitive properties go in secret_properties, as the rules ask.
	in := split(c.extra)
	s.ExtraProperties, s.SecretProperties = in.Extra, in.Secret
	return s
}

func (c agreementCase) problems(release int64) Problems {
	if c.raw != "" {
		return nil
	}
	_, ps := Compute(c.settings(release))
	return ps.Errors()
}

// render returns the catalog and whether the provider accepts it; for a catalog the provider
// refuses, the catalog it would have written.
func (c agreementCase) render(release int64) (string, bool) {
	if c.raw != "" {
		return c.raw, true
	}
	s := c.settings(release)
	conn, ps := Compute(s)
	if !ps.HasError() {
		return conn.Properties, true
	}
	creds, tokenProblems := ParseToken(*s.APIToken)
	if tokenProblems.HasError() {
		// The credentials as they are, without the rules that refused them.
		decoded, _ := base64.StdEncoding.DecodeString(*s.APIToken)
		user, password, _ := strings.Cut(string(decoded), ":")
		creds = Credentials{Type: TokenTypeBasic, Username: user, Password: password}
	}
	endpoints, _ := BuildEndpoints(Coordinates{Cluster: s.Cluster, Environment: *s.Environment, Domain: *s.Domain}, s.TLSEnabled)
	return render(s, &creds, endpoints).Properties, false
}

// agreementCorpus builds the corpus: every property with valid and invalid values at each
// boundary and syntax corner, every cross rule both ways, names around their releases, unknown
// keys, secret references and odd characters, then the goldens.
func agreementCorpus(t *testing.T, dir string) []agreementCase {
	t.Helper()
	existing := filepath.Join(dir, "store.p12")
	makeKeyStore(t, existing)
	var cases []agreementCase
	add := func(name string, tls bool, extra map[string]string) *agreementCase {
		cases = append(cases, agreementCase{index: len(cases), name: name, tls: tls, extra: extra})
		return &cases[len(cases)-1]
	}
	one := func(k, v string) map[string]string { return map[string]string{k: v} }

	add("managed keys only", true, nil)
	add("managed keys only, no TLS", false, nil)

	// Every property with a value of its type, and the corners of that type.
	for _, p := range properties {
		if p.DefunctIn == MinTrinoVersion {
			add("defunct before 400", true, one(p.Name, "1"))
			continue
		}
		extra := one(p.Name, sampleValue(p, existing))
		withPassword(extra)
		add("valid "+p.Type.String(), true, extra)
		if p.TLSOnly {
			add("TLS property without TLS", false, one(p.Name, sampleValue(p, existing)))
		}
		for _, v := range typeCorners[p.Type] {
			extra := one(p.Name, v)
			withPassword(extra)
			add(p.Type.String()+" corner", true, extra)
		}
		for _, v := range boundValues(p) {
			add("bound", true, one(p.Name, v))
		}
	}

	// Cross-property rules, both ways.
	add("aggregation off alone", true, one("pinot.aggregation-pushdown.enabled", "false"))
	add("aggregation and count-distinct off", true, map[string]string{"pinot.aggregation-pushdown.enabled": "false", "pinot.count-distinct-pushdown.enabled": "false"})
	add("aggregation off, count-distinct on", true, map[string]string{"pinot.aggregation-pushdown.enabled": "FALSE", "pinot.count-distinct-pushdown.enabled": "true"})
	add("count-distinct off alone", true, one("pinot.count-distinct-pushdown.enabled", "false"))
	for _, store := range []string{"keystore", "truststore"} {
		add(store+" path without password", true, one("pinot.grpc.tls."+store+"-path", existing))
		add(store+" path with password", true, map[string]string{"pinot.grpc.tls." + store + "-path": existing, "pinot.grpc.tls." + store + "-password": "changeit"})
		add(store+" password without path", true, one("pinot.grpc.tls."+store+"-password", "changeit"))
		add(store+" path that does not exist", true, map[string]string{"pinot.grpc.tls." + store + "-path": "/nonexistent/store.p12", "pinot.grpc.tls." + store + "-password": "changeit"}).trinoDiffers = "file does not exist"
	}
	add("both proxies", true, map[string]string{"pinot.http-client.socks-proxy": "socks:1080", "pinot.http-client.http-proxy": "proxy:3128"})
	add("secure proxy without proxy", true, one("pinot.http-client.http-proxy.secure", "true"))
	add("secure proxy with proxy", true, map[string]string{"pinot.http-client.http-proxy.secure": "true", "pinot.http-client.http-proxy": "proxy:3128"})
	add("insecure proxy flag alone", true, one("pinot.http-client.http-proxy.secure", "false"))
	add("min threads above default max", true, one("pinot.http-client.min-threads", "201"))
	add("min threads at default max", true, one("pinot.http-client.min-threads", "200"))
	add("max threads below default min", true, one("pinot.http-client.max-threads", "7"))
	add("max threads at default min", true, one("pinot.http-client.max-threads", "8"))
	add("min above max", true, map[string]string{"pinot.http-client.min-threads": "20", "pinot.http-client.max-threads": "10"})
	add("max threads one above the selectors", true, one("pinot.http-client.max-threads", "11"))
	add("max threads two above the selectors", true, one("pinot.http-client.max-threads", "12"))
	add("as many selectors as threads", true, one("pinot.http-client.selector-count", "200"))
	add("more selectors", true, one("pinot.http-client.selector-count", "20"))
	add("min equals max", true, map[string]string{"pinot.http-client.min-threads": "10", "pinot.http-client.max-threads": "10"})
	for _, k := range []string{"pinot.http-client.max-response-content-length", "pinot.http-client.max-content-length", "pinot.http-client.response-buffer-size"} {
		add("2GB response length", true, one(k, "2GB"))
		add("just under 2GB", true, one(k, "2147483647B"))
	}
	for _, v := range []string{"1000000B", "10MB", "1.5MB", "4097kB", "33554433B"} {
		add("response length granularity", true, one("pinot.http-client.max-response-content-length", v))
		add("content length granularity", true, one("pinot.http-client.max-content-length", v))
	}
	add("request buffer granularity", true, one("pinot.http-client.request-buffer-size", "5000B"))
	add("request buffer above the limit", true, map[string]string{"pinot.http-client.request-buffer-size": "16388kB", "pinot.http-client.max-content-length": "16MB"})
	add("legacy and new idle timeout", true, map[string]string{"pinot.http-client.read-timeout": "1m", "pinot.http-client.idle-timeout": "1m"})
	add("legacy and new content length", true, map[string]string{"pinot.http-client.max-content-length": "16MB", "pinot.http-client.max-response-content-length": "16MB"})
	add("gRPC off", true, one("pinot.grpc.enabled", "false"))
	add("gRPC on", true, one("pinot.grpc.enabled", "TRUE"))
	// What a real server showed: the HTTP client's key store needs its password (its trust store
	// does not), SecureRandom algorithms are the JDK's, the thread budget counts the node's CPUs,
	// and timeouts round to milliseconds as airlift compares them.
	add("HTTP key store without password", true, one("pinot.http-client.key-store-path", existing))
	add("HTTP trust store without password", true, one("pinot.http-client.trust-store-path", existing))
	for _, algorithm := range []string{"NOPE", "PKCS11", "Windows-PRNG", "sha1prng", "DRBG", "NativePRNGNonBlocking"} {
		add("SecureRandom algorithm", true, one("pinot.http-client.secure-random-algorithm", algorithm))
	}
	add("selectors two below the threads", true, one("pinot.http-client.selector-count", "198")).trinoDiffers = "Insufficient configured threads"
	for _, v := range []string{"9223372036854775807ms", "9223372036854776833ms", "106751991167d", "106751991168d"} {
		add("HTTP timeout at the millisecond limit", true, one("pinot.http-client.connect-timeout", v))
	}
	add("a million timeout schedulers", true, one("pinot.http-client.timeout-concurrency", "1000000"))
	add("timeout schedulers above the bound", true, one("pinot.http-client.timeout-concurrency", "1000001")).providerStricter = true
	add("key store that does not exist", true, map[string]string{"pinot.http-client.key-store-path": "/nonexistent/store.p12", "pinot.http-client.key-store-password": "changeit"}).trinoDiffers = "nonexistent"
	add("trust store that does not exist", true, map[string]string{"pinot.http-client.trust-store-path": "/nonexistent/store.p12", "pinot.http-client.trust-store-password": "changeit"}).trinoDiffers = "nonexistent"

	// Names: unknown, near a known one, of another connector, in another case.
	for _, k := range []string{"pinot.conection-timeout", "pinot.Connection-Timeout", "hive.metastore.uri", "pinot.grpc.tls.unknown", "pinot.http-client.unknown", "pinot.http-client", "pinot.", "bootstrap.quiet.x", "connector.name.x", "pinot.controller-url"} {
		add("unknown key", true, one(k, "1"))
	}

	// Secret references: resolved where Trino resolves them, literal text elsewhere.
	add("env reference, set", true, one("pinot.connection-timeout", "${ENV:"+judgeSetVar+"}"))
	add("env reference in an int", true, one("pinot.segments-per-split", "${ENV:STARTREE_JUDGE_INT}"))
	add("two env references", true, one("pinot.http-client.log.path", "/a/${ENV:STARTREE_JUDGE_INT}/${ENV:"+judgeSetVar+"}"))
	add("lower-case env reference", true, one("pinot.connection-timeout", "${env:"+judgeSetVar+"}"))
	add("env reference, unset", true, one("pinot.connection-timeout", "${ENV:"+judgeUnsetVar+"X}")).trinoDiffers = judgeUnsetVar + "X"
	add("other provider", true, one("pinot.http-client.log.path", "${vault:secret}"))
	// A secret that is one ${ENV:...} reference stays a reference on both routes; any other "${"
	// in a secret the provider refuses, since env would pass it to Trino as literal text.
	add("env reference as a password", true, one("pinot.grpc.tls.truststore-password", "${ENV:"+judgeSetVar+"}"))
	add("env reference inside a password", true, one("pinot.grpc.tls.truststore-password", "pa${ENV:"+judgeSetVar+"}ss")).providerStricter = true
	add("dollar brace without colon", true, one("pinot.http-client.log.path", "${HOME}"))
	add("dollar brace, bad provider name", true, one("pinot.http-client.log.path", "${1x:y}"))

	// Odd characters in values.
	for _, v := range []string{"/var/log/ü€𝄞", "a=b:c#d!e", `back\slash`, "tab\tinside", "line\nbreak", "\u00a0nbsp", "x\u0085"} {
		add("odd characters", true, one("pinot.http-client.log.path", v))
	}
	add("leading space", true, one("pinot.connection-timeout", " 30s")).providerStricter = true
	add("trailing tab", true, one("pinot.fetch-retry-count", "3\t")).providerStricter = true

	// A password that Trino would replace with a variable of its node: the provider refuses the
	// token, and Trino shows it tried to resolve the reference.
	unset := "STARTREE_JUDGE_UNSET_CREDENTIAL"
	add("credential holding ${ENV:...}", true, nil).token = base64.StdEncoding.EncodeToString([]byte("user:${ENV:" + unset + "}"))
	cases[len(cases)-1].trinoMessage = unset

	// The goldens and the examples' catalogs.
	for _, golden := range []string{"guide_basic.properties", "guide_env.properties"} {
		data, err := os.ReadFile(filepath.Join("testdata", golden))
		if err != nil {
			t.Fatal(err)
		}
		c := add("golden "+golden, true, nil)
		c.raw = string(data)
	}
	add("example: data source", true, map[string]string{"pinot.connection-timeout": "2m", "pinot.prefer-broker-queries": "true"})
	add("example: Kubernetes guide", true, one("pinot.prefer-broker-queries", "true"))

	return cases
}

// withPassword adds the password a TLS store path needs, so that the path's own value is judged.
func withPassword(extra map[string]string) {
	for k := range extra {
		switch k {
		case "pinot.grpc.tls.keystore-path":
			extra["pinot.grpc.tls.keystore-password"] = "changeit"
		case "pinot.grpc.tls.truststore-path":
			extra["pinot.grpc.tls.truststore-password"] = "changeit"
		case "pinot.http-client.key-store-path":
			extra["pinot.http-client.key-store-password"] = "changeit"
		case "pinot.http-client.trust-store-path":
			extra["pinot.http-client.trust-store-password"] = "changeit"
		}
	}
}

// sampleValue is a value of the property's type that Trino accepts.
func sampleValue(p Property, existingFile string) string {
	switch {
	case p.Type == TypeFile:
		return existingFile
	case strings.HasSuffix(p.Name, "-password"):
		return "changeit"
	case p.Name == "pinot.http-client.https.included-cipher" || p.Name == "pinot.http-client.https.excluded-cipher":
		return "TLS_AES_128_GCM_SHA256"
	case p.Name == "pinot.http-client.secure-random-algorithm":
		return "SHA1PRNG"
	case p.Default != "":
		return p.Default
	}
	switch p.Type {
	case TypeHostAndPort:
		return "proxy.example.com:3128"
	case TypeDuration:
		return "30s"
	case TypeDataSize:
		return "16MB"
	case TypeBoolean:
		return "true"
	case TypeInt:
		return "10"
	case TypeEnum:
		return p.Enum[0]
	case TypeString, TypeFile:
	}
	return "value"
}

// typeCorners are the syntax corners of each type, accepted and refused.
var typeCorners = map[ValueType][]string{
	TypeBoolean:     {"TRUE", "False", "yes", "1", "tru", ""},
	TypeInt:         {"+7", "007", "-0", "2147483647", "2147483648", "-2147483648", "-2147483649", "1.5", "1e3", "0x10", "1_000", "١٢", "", "abc"},
	TypeDuration:    {"1.5m", "10 s", "10S", "-1s", ".5s", "1.s", "1e3ms", "2 minutes", "1d", "5000000000000000000000d", "0.000001ns", "10", "ms", ""},
	TypeDataSize:    {"1 MB", "1.5MB", "1mb", "1KB", "1024B", "-1B", "+1B", "0B", "99999999999999999999B", "9000000000000PB", "1.0000000000000001B", "١٢B", "", "16"},
	TypeEnum:        {"jks", "pkcs12", "Pkcs12", "PKCS-12", "XYZ", "", "ﬀ"},
	TypeHostAndPort: {"h", "h:", "[::1]:8099", "::1", "h:abc", "h:+80", "h:70000", "http://h:8099", "[::1", "", "h:-1"},
}

// boundValues are the values at and around a property's constraints.
func boundValues(p Property) []string {
	b := p.Bounds
	var vs []string
	if b.MinInt != nil {
		vs = append(vs, strconv.Itoa(int(*b.MinInt)-1), strconv.Itoa(int(*b.MinInt)))
	}
	if b.MinDuration != "" {
		vs = append(vs, "14.999s", "15s", "15000ms", "0.25m", "14999ms")
	}
	if b.PositiveDuration {
		vs = append(vs, "0s", "0.4ms", "0.5ms", "1ms", "1ns", "1000000000000000d")
	}
	if b.MinDataSize != "" {
		lowest := mustDataSize(b.MinDataSize)
		vs = append(vs, strconv.FormatInt(lowest-1, 10)+"B", b.MinDataSize)
	}
	if b.MaxDataSize != "" {
		highest := mustDataSize(b.MaxDataSize)
		vs = append(vs, b.MaxDataSize, strconv.FormatInt(highest+1, 10)+"B")
	}
	return vs
}

// makeKeyStore writes a PKCS12 key store with the password "changeit", with the JDK's keytool.
func makeKeyStore(t *testing.T, path string) {
	t.Helper()
	cmd := exec.Command("keytool", "-genkeypair", "-alias", "judge", "-keyalg", "RSA", "-keysize", "2048",
		"-dname", "CN=judge", "-validity", "3650", "-storetype", "PKCS12", "-keystore", path,
		"-storepass", "changeit", "-keypass", "changeit")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("keytool: %v\n%s", err, out)
	}
}

// TestAirliftParsersAgree sends a few thousand generated values of each type through the Go
// parsers and through airlift's own binding (the judge's values mode) in one JVM per release, and
// fails on any value the two read differently.
func TestAirliftParsersAgree(t *testing.T) {
	values := generatedValues(3000)
	var input strings.Builder
	for _, v := range values {
		fmt.Fprintf(&input, "%s\t%x\n", v.typ, v.value)
	}
	file := filepath.Join(t.TempDir(), "values.tsv")
	if err := os.WriteFile(file, []byte(input.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, release := range judgedReleases(t) {
		out, err := exec.Command("../../tools/judge/run", strconv.FormatInt(release, 10), "values", file).Output()
		if err != nil {
			t.Fatalf("judge %d: %v", release, err)
		}
		lines := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
		if len(lines) != len(values) {
			t.Fatalf("judge %d answered %d of %d values", release, len(lines), len(values))
		}
		differences, accepted := 0, 0
		for i, line := range lines {
			var java struct {
				OK    bool   `json:"ok"`
				Value string `json:"value"`
			}
			if err := json.Unmarshal([]byte(line), &java); err != nil {
				t.Fatalf("judge %d: %s", release, line)
			}
			goValue, goOK := values[i].parse(release)
			if values[i].typ == "duration" && java.OK {
				// Java prints a double its own way; compare the numbers.
				f, err := strconv.ParseFloat(java.Value, 64)
				if err != nil {
					t.Fatalf("judge %d: %s", release, line)
				}
				java.Value = strconv.FormatFloat(f, 'g', -1, 64)
			}
			if java.OK {
				accepted++
			}
			if goOK != java.OK || goOK && goValue != java.Value {
				differences++
				if differences <= 20 {
					t.Errorf("Trino %d reads %s %q as ok=%v %q; the provider as ok=%v %q", release, values[i].typ, values[i].value, java.OK, java.Value, goOK, goValue)
				}
			}
		}
		t.Logf("Trino %d: %d values, %d accepted, %d differences", release, len(values), accepted, differences)
	}
}

// number makes a decimal number: a run of digits (now and then of another script, or very long),
// sometimes with a fraction.
func number(next func(int) int) string {
	digits := []string{"0", "1", "5", "9", "15", "32", "1024", "2147483647", "2147483648", "9223372036854775807", "99999999999999999999", "١", "１"}
	s := digits[next(len(digits))]
	if next(4) == 0 {
		s += digits[next(len(digits))]
	}
	if next(3) == 0 {
		s += "." + digits[next(4)]
	}
	return s
}

type typedValue struct {
	typ, value string
}

// parse reads the value with the provider's parser and prints it as the judge does.
func (v typedValue) parse(release int64) (string, bool) {
	switch v.typ {
	case "duration":
		d, ok := ParseDuration(v.value)
		return strconv.FormatFloat(d.Nanos(), 'g', -1, 64), ok
	case "data-size":
		b, ok := ParseDataSize(v.value)
		return strconv.FormatInt(b, 10), ok
	case "boolean":
		b, ok := ParseJavaBoolean(v.value)
		return strconv.FormatBool(b), ok
	case "int":
		i, ok := ParseJavaInt(v.value)
		return strconv.Itoa(int(i)), ok
	case "enum":
		return ParseJavaEnum(v.value, []string{"NONE", "PASSWORD", "JKS", "PKCS12"}, release >= enumUpperCaseSince)
	case "host-and-port":
		hp, ok := ParseHostAndPort(v.value)
		port := ""
		if hp.HasPort {
			port = strconv.Itoa(hp.Port)
		}
		return hp.Host + "|" + port, ok
	}
	panic(v.typ)
}

// generatedValues makes n values of each type from pieces that meet at the parsers' corners:
// digits of several scripts, signs, points, exponents, white space, units in both cases, brackets
// and colons. The sequence is fixed (a fixed seed), so a failure repeats.
func generatedValues(n int) []typedValue {
	pieces := map[string][]string{
		"duration":      {"0", "1", "9", "15", ".", "5", " ", "\t", "-", "+", "e", "ns", "us", "ms", "s", "m", "h", "d", "S", "M", "D", "x", "١", "99999999999999999999", "0.0001"},
		"data-size":     {"0", "1", "9", "16", ".", "5", " ", "-", "+", "B", "kB", "KB", "MB", "mb", "GB", "TB", "PB", "b", "١", "99999999999", "9223372036854775807", "8"},
		"boolean":       {"t", "r", "u", "e", "T", "R", "U", "E", "f", "a", "l", "s", "F", "A", "L", "S", "ſ", "1", "0", " "},
		"int":           {"0", "1", "2", "9", "-", "+", "2147483647", "2147483648", "214748364", "١", "١٢", "１", " ", ".", "e", "x", "𝟏", "_"},
		"enum":          {"n", "o", "N", "O", "E", "pass", "word", "PASS", "WORD", "ß", "j", "k", "s", "JKS", "pkcs", "12", "-", "_", "ſ", "K"},
		"host-and-port": {"h", "host", ":", "[", "]", "::1", "80", "8099", "70000", "+", "-", "a", "١", "http://", "65535", "65536", ""},
	}
	types := []string{"duration", "data-size", "boolean", "int", "enum", "host-and-port"}
	state := uint64(0x9E3779B97F4A7C15)
	next := func(k int) int {
		state ^= state << 13
		state ^= state >> 7
		state ^= state << 17
		return int(state % uint64(k))
	}
	// Half the values follow the type's shape (a number, maybe a point, maybe a space, a unit),
	// so that many are accepted; the other half are loose runs of pieces.
	shaped := map[string]func() string{
		"duration": func() string {
			return number(next) + []string{"", " ", "\t"}[next(3)] + []string{"ns", "us", "ms", "s", "m", "h", "d", "S", "Ms", "sec"}[next(10)]
		},
		"data-size": func() string {
			return number(next) + []string{"", "", " "}[next(3)] + []string{"B", "kB", "MB", "GB", "TB", "PB", "KB", "mb", "b"}[next(9)]
		},
		"int": func() string { return []string{"", "-", "+"}[next(3)] + number(next) },
	}
	var out []typedValue
	for _, typ := range types {
		p := pieces[typ]
		for i := 0; i < n/len(types); i++ {
			if shape, ok := shaped[typ]; ok && i%2 == 0 {
				out = append(out, typedValue{typ: typ, value: shape()})
				continue
			}
			var b strings.Builder
			for j := 0; j <= next(4); j++ {
				b.WriteString(p[next(len(p))])
			}
			out = append(out, typedValue{typ: typ, value: b.String()})
		}
	}
	return out
}
