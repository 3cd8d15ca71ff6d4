//go:build judge

// A real Trino server judges what the connector-level judge cannot: a static server booted with
// the catalog files, and the limits of the server itself (its system catalog, the file catalog
// store's file names).

package connection

import (
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/startree/terraform-provider-startree/internal/trinotest"
)

// newestServerRelease is the newest judged release served as a server tarball.
func newestServerRelease(t *testing.T) int64 {
	t.Helper()
	releases := slices.Sorted(func(yield func(int64) bool) {
		for r := range serverReleases(t) {
			if !yield(r) {
				return
			}
		}
	})
	if len(releases) == 0 {
		t.Fatal("tools/judge/releases names no server-tarball release")
	}
	return releases[len(releases)-1]
}

// A sample of the corpus as static catalogs: the ones the provider accepts boot together on one
// server, which must list each; each refused one stops a server of its own, with the judge's
// reason in its log.
func TestStaticCatalogsOnARealServer(t *testing.T) {
	release := newestServerRelease(t)
	dir := t.TempDir()
	cases := agreementCorpus(t, dir)
	env := append(slices.Clone(judgeEnv), referenceEnv(t, cases, release)...)
	files := filepath.Join(dir, "sample")
	if err := os.MkdirAll(files, 0o755); err != nil {
		t.Fatal(err)
	}
	accepted := map[string]string{}
	var refused []agreementCase
	wanted := map[string]bool{"unknown key": true, "integer corner": true, "aggregation off alone": true, "HTTP key store without password": true, "SecureRandom algorithm": true}
	for i, c := range cases {
		if c.trinoDiffers != "" || c.providerStricter {
			continue
		}
		catalog, ok := c.render(release)
		name := strings.TrimSuffix(c.file(), ".properties")
		switch {
		case ok && (i%8 == 0 || c.raw != ""):
			accepted[name] = catalog
		case !ok && wanted[c.name]:
			delete(wanted, c.name)
			refused = append(refused, c)
		default:
			continue
		}
		if err := os.WriteFile(filepath.Join(files, c.file()), []byte(catalog), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if len(wanted) != 0 || len(accepted) < 30 {
		t.Fatalf("the sample lacks %v, or has only %d accepted catalogs", wanted, len(accepted))
	}
	verdicts := runJudge(t, release, files, env)

	server, err := trinotest.Start(t.TempDir(), trinotest.Options{Release: release, Env: env, Catalogs: accepted})
	if err != nil {
		t.Fatalf("Trino %d does not boot with %d catalogs the provider accepts: %v", release, len(accepted), err)
	}
	r, err := server.Exec("SELECT catalog_name FROM system.metadata.catalogs")
	_ = server.Stop()
	if err != nil {
		t.Fatal(err)
	}
	listed := map[string]bool{}
	for _, row := range r.Rows {
		name, _ := row[0].(string)
		listed[name] = true
	}
	for name := range accepted {
		if !listed[name] || !verdicts[name+".properties"].Loaded {
			t.Errorf("Trino %d: catalog %s listed by the server %v, loaded by the judge %v", release, name, listed[name], verdicts[name+".properties"].Loaded)
		}
	}

	for _, c := range refused {
		v := verdicts[c.file()]
		if v.Loaded || len(v.Errors) == 0 {
			t.Errorf("Trino %d: the judge loads %s (%s), which the provider refuses", release, c.file(), c.describe())
			continue
		}
		catalog, _ := c.render(release)
		server, err := trinotest.Start(t.TempDir(), trinotest.Options{Release: release, Env: env, Catalogs: map[string]string{"refused": catalog}})
		var exit *trinotest.ExitError
		if !errors.As(err, &exit) {
			_ = server.Stop()
			t.Errorf("Trino %d boots with %s (%s), which the provider and the judge refuse: %v", release, c.file(), c.describe(), err)
			continue
		}
		if !sameReason(v.Errors[0], exit.Log) {
			t.Errorf("Trino %d stopped on %s (%s) without the judge's reason %q; its log ends:\n%s", release, c.file(), c.describe(), v.Errors[0], exit.Error())
		}
	}
	t.Logf("Trino %d: one static server booted with %d accepted catalogs; %d refused catalogs each stopped a server, for the judge's reason", release, len(accepted), len(refused))
}

// sameReason reports whether a server's log gives the judge's error: the message of its longest
// line (after the last ": "), with Java package names left out as Guice leaves them out of the
// server's log, and cut where the server's wording may go on differently.
func sameReason(judgeError, log string) bool {
	longest := ""
	for _, line := range strings.Split(javaPackages.ReplaceAllString(judgeError, "$1"), "\n") {
		if line = strings.TrimSpace(line); len(line) > len(longest) {
			longest = line
		}
	}
	if i := strings.LastIndex(strings.TrimSuffix(longest, ":"), ": "); i >= 0 {
		longest = longest[i+2:]
	}
	if len(longest) > 50 {
		longest = longest[:50]
	}
	return longest != "" && strings.Contains(javaPackages.ReplaceAllString(log, "$1"), longest)
}

// javaPackages matches the package part of a qualified Java class name.
var javaPackages = regexp.MustCompile(`\b(?:[a-z][a-z0-9_]*\.)+([A-Z])`)

// The server's own limits on catalog names, on a dynamic server with a file catalog store: the
// provider refuses exactly the names the server refuses.
func TestCatalogNamesOnARealServer(t *testing.T) {
	release := newestServerRelease(t)
	server, err := trinotest.Start(t.TempDir(), trinotest.Options{Release: release, Dynamic: true, Store: "file"})
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = server.Stop() }()
	catalog := ` USING pinot WITH ("pinot.controller-urls" = 'https://proxy.broker.pug.prod.awesome-company.startree.cloud:443', "pinot.proxy.enabled" = 'true', "pinot.grpc.proxy-uri" = 'proxy-grpc.broker.pug.prod.awesome-company.startree.cloud:443')`
	for _, name := range []string{"system", "pinot", "_x", strings.Repeat("a", MaxCatalogNameLength), strings.Repeat("b", MaxCatalogNameLength+1), strings.Repeat("c", 253), strings.Repeat("d", 244)} {
		_, err := server.Exec(`CREATE CATALOG "` + name + `"` + catalog)
		providerAccepts := CheckCatalogName(name) == nil
		if (err == nil) != providerAccepts {
			t.Errorf("catalog name of %d characters (%.12s...): Trino %d says %v; the provider accepts=%v", len(name), name, release, err, providerAccepts)
		}
		if err == nil {
			if _, err := os.Stat(filepath.Join(server.CatalogDir, name+".properties")); err != nil {
				t.Errorf("the file catalog store holds no file for %.12s...: %v", name, err)
			}
			if _, err := server.Exec(`DROP CATALOG "` + name + `"`); err != nil {
				t.Fatal(err)
			}
		}
	}
}
