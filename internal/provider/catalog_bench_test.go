package provider

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/startree/terraform-provider-startree/internal/connection"
	"github.com/startree/terraform-provider-startree/internal/trinotest"
)

// catalogBenchCount is how many catalogs each side creates.
const catalogBenchCount = 20

// BenchmarkCatalogsResourceVersusTrinoCLI measures, side by side against the same real Trino 476
// (the catalog tests' server: HTTPS, password authentication, a file catalog store), the same
// catalogBenchCount catalogs put into Trino two ways: terraform apply with startree_trino_catalog,
// and the same CREATE CATALOG statements sent one by one with Trino's own CLI (io.trino:trino-cli
// from Maven Central), a JVM per statement as a local-exec provisioner would run it; then a
// terraform plan of the existing catalogs. Each side is dropped between iterations, untimed.
// `make bench-catalogs` runs it (TF_ACC=1).
func BenchmarkCatalogsResourceVersusTrinoCLI(b *testing.B) {
	servers := trinoServers(b)
	server := servers.dynamic
	cli, cliConfig := cliBinary(b), devOverrides(b)
	work := b.TempDir()
	caFile := filepath.Join(work, "ca.pem")
	if err := os.WriteFile(caFile, []byte(servers.ca), 0o600); err != nil {
		b.Fatal(err)
	}
	env := []string{EnvTrinoCACertificate + "=" + servers.ca}
	if err := os.WriteFile(filepath.Join(work, "main.tf"), []byte(benchCatalogConfig(server)), 0o600); err != nil {
		b.Fatal(err)
	}
	statements := benchStatements(b)
	jar, java := trinoCLI(b)
	dropAll := func(prefix string) {
		for i := range catalogBenchCount {
			if _, err := server.Exec(fmt.Sprintf(`DROP CATALOG IF EXISTS "%s%02d"`, prefix, i)); err != nil {
				b.Fatal(err)
			}
		}
	}
	run := func(args ...string) time.Duration {
		start := time.Now()
		if out, err := runCLI(b, cli, cliConfig, work, env, args...); err != nil {
			b.Fatalf("%s: %v\n%s", args[0], err, out)
		}
		return time.Since(start)
	}

	b.Run("terraform apply", func(b *testing.B) {
		for b.Loop() {
			run("apply", "-auto-approve", "-input=false", "-no-color")
			b.StopTimer()
			if _, err := os.Stat(filepath.Join(work, "terraform.tfstate")); err != nil {
				b.Fatal(err)
			}
			_ = os.Remove(filepath.Join(work, "terraform.tfstate"))
			dropAll("bench_r")
			b.StartTimer()
		}
		b.ReportMetric(float64(catalogBenchCount), "catalogs/op")
	})
	b.Run("trino CLI", func(b *testing.B) {
		for b.Loop() {
			for _, st := range statements {
				cmd := exec.Command(java, "-jar", jar, "--server", server.HTTPSURL, "--user", catalogTrinoUser, "--password",
					"--truststore-path", caFile, "--execute", st)
				cmd.Env = append(os.Environ(), "TRINO_PASSWORD="+catalogTrinoPassword)
				if out, err := cmd.CombinedOutput(); err != nil {
					b.Fatalf("trino CLI: %v\n%s", err, out)
				}
			}
			b.StopTimer()
			dropAll("bench_c")
			b.StartTimer()
		}
		b.ReportMetric(float64(catalogBenchCount), "catalogs/op")
	})
	b.Run("terraform plan of existing catalogs", func(b *testing.B) {
		run("apply", "-auto-approve", "-input=false", "-no-color")
		for b.Loop() {
			run("plan", "-input=false", "-no-color", "-detailed-exitcode")
		}
		b.StopTimer()
		_ = os.Remove(filepath.Join(work, "terraform.tfstate"))
		dropAll("bench_r")
		b.ReportMetric(float64(catalogBenchCount), "catalogs/op")
	})
}

// benchCatalogConfig is catalogBenchCount catalogs of the guide's cluster, bench_r00 to bench_rNN.
func benchCatalogConfig(server *trinotest.Server) string {
	return `terraform {
  required_providers {
    startree = { source = "startree/startree" }
  }
}
` + trinoProviderBlock(server.HTTPSURL, catalogTrinoPassword) + fmt.Sprintf(`
locals {
  names = { for i in range(%d) : format("bench_r%%02d", i) => i }
}

data "startree_trino_connection" "c" {
  for_each     = local.names
  api_token    = %q
  cluster      = "pug"
  catalog_name = each.key
  # The variables the catalog tests' server carries.
  env_var_prefix = "PINOT_A"
}

resource "startree_trino_catalog" "c" {
  for_each   = local.names
  name       = each.key
  properties = data.startree_trino_connection.c[each.key].env_properties_map
}
`, catalogBenchCount, guideBasicToken)
}

// benchStatements are the same catalogs as CREATE CATALOG statements, bench_c00 to bench_cNN.
func benchStatements(b *testing.B) []string {
	b.Helper()
	var out []string
	for i := range catalogBenchCount {
		s := connection.DefaultSettings()
		token, environment, domain := guideBasicToken, "prod", "awesome-company.startree.cloud"
		s.APIToken, s.Cluster, s.Environment, s.Domain = &token, "pug", &environment, &domain
		s.CatalogName, s.EnvVarPrefix = fmt.Sprintf("bench_c%02d", i), "PINOT_A"
		c, ps := connection.Compute(s)
		if ps.HasError() {
			b.Fatal(ps)
		}
		out = append(out, strings.TrimSpace(c.CreateCatalogSQL))
	}
	return out
}

// trinoCLI fetches io.trino:trino-cli's executable jar of the catalog tests' release from Maven
// Central, once, and returns it with the JDK that runs it.
func trinoCLI(b *testing.B) (jar, java string) {
	b.Helper()
	_, jdk, err := trinotest.Layout(catalogTrinoRelease)
	if err != nil {
		b.Fatal(err)
	}
	repo, err := trinotest.Repo()
	if err != nil {
		b.Fatal(err)
	}
	dir := filepath.Join(repo, ".build", "trino-cli")
	jar = filepath.Join(dir, fmt.Sprintf("trino-cli-%d-executable.jar", catalogTrinoRelease))
	if _, err := os.Stat(jar); err != nil {
		cmd := exec.Command("mvn", "-B", "-q", "dependency:copy",
			fmt.Sprintf("-Dartifact=io.trino:trino-cli:%d:jar:executable", catalogTrinoRelease), "-DoutputDirectory="+dir)
		if out, err := cmd.CombinedOutput(); err != nil {
			b.Fatalf("mvn: %v\n%s", err, out)
		}
	}
	return jar, filepath.Join(jdk, "bin", "java")
}
