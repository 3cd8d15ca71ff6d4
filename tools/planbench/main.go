// Command planbench measures whole `terraform plan` runs of three equivalent configurations: the
// startree_trino_connection data source with for_each, the trino_connection function in a for
// expression, and pure HCL (base64decode, split, templatefile) computing the same outputs. It
// prints the medians, each form's ratio to pure HCL, and the provider's own CPU and peak memory.
//
// Run it with `make bench`. To read the provider's CPU, the CLI is pointed (dev_overrides) at this
// same program, which then runs the real provider as a child and records the child's resource use.
package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"time"
)

const (
	wrapEnv   = "PLANBENCH_PROVIDER"
	cpuLogEnv = "PLANBENCH_CPU_LOG"
	token     = "NGNlZmI4NDgwZjhmNGE3ODg2YTVjOWRhMTA1NmE3YjU6eVlHVVlsV1BVaU5OTjQ2bkZaY09vM2FUT3FJQ1AyYUFrMXF4VDVCOEFKUT0="
)

func main() {
	if real := os.Getenv(wrapEnv); real != "" {
		os.Exit(wrap(real))
	}
	repo := flag.String("repo", "..", "the provider repository")
	out := flag.String("out", "../.build/bench", "working folder")
	sizes := flag.String("sizes", "1,100,1000", "connection counts")
	runs := flag.Int("runs", 5, "measured runs per form and size, after one warm-up")
	cli := flag.String("terraform", "terraform", "the CLI to run")
	host := flag.String("provider-host", "registry.terraform.io", "the registry host the CLI resolves startree/startree to")
	flag.Parse()
	if err := run(*repo, *out, *sizes, *runs, *cli, *host); err != nil {
		fmt.Fprintln(os.Stderr, "planbench:", err)
		os.Exit(1)
	}
}

// wrap runs the real provider with this process's arguments and standard streams, then appends the
// child's CPU time (user+system, ns) and peak resident memory (KiB) to the CPU log.
func wrap(real string) int {
	cmd := exec.Command(real, os.Args[1:]...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	if err := cmd.Start(); err != nil {
		fmt.Fprintln(os.Stderr, "planbench wrapper:", err)
		return 1
	}
	signals := make(chan os.Signal, 4)
	signal.Notify(signals, syscall.SIGINT, syscall.SIGTERM)
	go func() {
		for s := range signals {
			_ = cmd.Process.Signal(s)
		}
	}()
	err := cmd.Wait()
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		cpu := time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
		if f, ferr := os.OpenFile(os.Getenv(cpuLogEnv), os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o600); ferr == nil {
			fmt.Fprintf(f, "%d %d\n", cpu.Nanoseconds(), ru.Maxrss)
			_ = f.Close()
		}
	}
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		return exit.ExitCode()
	}
	return 0
}

// form is one way to compute the connections; rpc names the provider call it makes per
// connection, counted to report the provider's CPU per call.
type form struct {
	name string
	file func(n int) string
	rpc  string
}

var forms = []form{
	{"pure HCL", pureHCL, ""},
	{"data source", dataSource, "ReadDataSource"},
	{"function", function, "CallFunction"},
	// Not a way to compute a connection: the CLI's own built-in data source, with as many
	// instances, shows what the CLI spends on data source instances whatever the provider.
	{"reference: built-in data source", builtinDataSource, ""},
}

type sample struct {
	wall, cpu, providerCPU time.Duration
	providerRSS            int64
}

func run(repo, out, sizesFlag string, runs int, cli, host string) error {
	out, err := filepath.Abs(out)
	if err != nil {
		return err
	}
	repo, err = filepath.Abs(repo)
	if err != nil {
		return err
	}
	_ = os.RemoveAll(out)
	realBin := filepath.Join(out, "release", "terraform-provider-startree")
	build := exec.Command("go", "build", "-trimpath", "-ldflags", "-s -w -X main.version=0.0.0-bench", "-o", realBin, ".")
	build.Dir, build.Env = repo, append(os.Environ(), "CGO_ENABLED=0")
	if b, err := build.CombinedOutput(); err != nil {
		return fmt.Errorf("building the provider: %v\n%s", err, b)
	}
	self, err := os.Executable()
	if err != nil {
		return err
	}
	overrideDir := filepath.Join(out, "override")
	if err := copyFile(self, filepath.Join(overrideDir, "terraform-provider-startree")); err != nil {
		return err
	}
	cliConfig := filepath.Join(out, "bench.tfrc")
	if err := os.WriteFile(cliConfig, []byte(fmt.Sprintf("provider_installation {\n  dev_overrides {\n    \"%s/startree/startree\" = %q\n  }\n  direct {}\n}\n", host, overrideDir)), 0o600); err != nil {
		return err
	}
	info, err := os.Stat(realBin)
	if err != nil {
		return err
	}
	fmt.Printf("release binary: %.1f MiB (CGO_ENABLED=0, -trimpath, -s -w)\n", float64(info.Size())/(1<<20))

	var sizes []int
	for _, s := range strings.Split(sizesFlag, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil {
			return fmt.Errorf("bad size %q", s)
		}
		sizes = append(sizes, n)
	}
	results := map[string]map[int][]sample{}
	counts := map[string]map[int]int{}
	for _, f := range forms {
		results[f.name] = map[int][]sample{}
		counts[f.name] = map[int]int{}
	}
	for _, n := range sizes {
		dirs := map[string]string{}
		for _, f := range forms {
			dir := filepath.Join(out, "work", fmt.Sprintf("%s-%d", strings.ReplaceAll(f.name, " ", "-"), n))
			if err := os.MkdirAll(dir, 0o755); err != nil {
				return err
			}
			if err := os.WriteFile(filepath.Join(dir, "main.tf"), []byte(f.file(n)), 0o600); err != nil {
				return err
			}
			if err := os.WriteFile(filepath.Join(dir, "catalog.tftpl"), []byte(catalogTemplate), 0o600); err != nil {
				return err
			}
			if err := os.WriteFile(filepath.Join(dir, "empty.tfstate"), []byte(emptyState), 0o600); err != nil {
				return err
			}
			dirs[f.name] = dir
		}
		// One warm-up run of each form, then the measured runs, alternating the forms (in a
		// rotating order) so that a change in the machine's load affects them alike.
		for r := -1; r < runs; r++ {
			for i := range forms {
				f := forms[(i+max(r, 0))%len(forms)]
				s, err := plan(cli, cliConfig, realBin, dirs[f.name], out)
				if err != nil {
					return fmt.Errorf("%s with %d connections: %w", f.name, n, err)
				}
				if r >= 0 {
					results[f.name][n] = append(results[f.name][n], s)
				}
			}
		}
		for _, f := range forms {
			if f.rpc == "" {
				continue
			}
			calls, err := countCalls(cli, cliConfig, realBin, dirs[f.name], out, f.rpc)
			if err != nil {
				return fmt.Errorf("%s with %d connections, counting calls: %w", f.name, n, err)
			}
			counts[f.name][n] = calls
		}
		fmt.Fprintf(os.Stderr, "measured %d connections\n", n)
	}
	report(results, counts, sizes, runs)
	return nil
}

// countCalls runs one more plan, not timed, with the provider's protocol log on, and counts the
// requests of the given RPC the provider received (Terraform calls a function once per
// connection in each of two walks, validate and plan, each in its own provider process).
func countCalls(cli, cliConfig, realBin, dir, out, rpc string) (int, error) {
	logPath := filepath.Join(out, "provider-trace.log")
	_ = os.Remove(logPath)
	cmd := exec.Command(cli, "plan", "-input=false", "-lock=false", "-no-color")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "TF_CLI_CONFIG_FILE="+cliConfig, "TF_IN_AUTOMATION=1", wrapEnv+"="+realBin,
		cpuLogEnv+"="+filepath.Join(out, "provider-cpu-counting.log"), "TF_LOG_PROVIDER=trace", "TF_LOG_PATH="+logPath)
	if b, err := cmd.CombinedOutput(); err != nil {
		return 0, fmt.Errorf("%v\n%s", err, b)
	}
	log, err := os.ReadFile(logPath)
	if err != nil {
		return 0, err
	}
	calls := 0
	for _, line := range strings.Split(string(log), "\n") {
		if strings.Contains(line, "Received request") && strings.Contains(line, "tf_rpc="+rpc+" ") {
			calls++
		}
	}
	return calls, nil
}

func plan(cli, cliConfig, realBin, dir, out string) (sample, error) {
	cpuLog := filepath.Join(out, "provider-cpu.log")
	_ = os.Remove(cpuLog)
	cmd := exec.Command(cli, "plan", "-input=false", "-lock=false", "-no-color")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "TF_CLI_CONFIG_FILE="+cliConfig, "TF_IN_AUTOMATION=1", wrapEnv+"="+realBin, cpuLogEnv+"="+cpuLog)
	start := time.Now()
	b, err := cmd.CombinedOutput()
	wall := time.Since(start)
	if err != nil {
		return sample{}, fmt.Errorf("%v\n%s", err, b)
	}
	s := sample{wall: wall}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		s.cpu = time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
	}
	if log, err := os.ReadFile(cpuLog); err == nil {
		for _, line := range strings.Split(strings.TrimSpace(string(log)), "\n") {
			var ns, rss int64
			if _, err := fmt.Sscan(line, &ns, &rss); err == nil {
				s.providerCPU += time.Duration(ns)
				s.providerRSS = max(s.providerRSS, rss)
			}
		}
	}
	return s, nil
}

func median(samples []sample, get func(sample) time.Duration) time.Duration {
	vals := make([]time.Duration, len(samples))
	for i, s := range samples {
		vals[i] = get(s)
	}
	sort.Slice(vals, func(i, j int) bool { return vals[i] < vals[j] })
	return vals[len(vals)/2]
}

func report(results map[string]map[int][]sample, counts map[string]map[int]int, sizes []int, runs int) {
	fmt.Printf("\nterraform plan, median of %d runs after a warm-up (CPU includes the provider's):\n\n", runs)
	fmt.Println("| connections | form | wall | ratio to pure HCL | CPU | provider CPU | provider CPU per connection | calls | provider CPU per call | provider peak RSS |")
	fmt.Println("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
	wall := func(s sample) time.Duration { return s.wall }
	for _, n := range sizes {
		base := median(results["pure HCL"][n], wall)
		for _, f := range forms {
			ss := results[f.name][n]
			w := median(ss, wall)
			var rss int64
			for _, s := range ss {
				rss = max(rss, s.providerRSS)
			}
			providerCPU, perConnection, calls, perCall, rssText := "-", "-", "-", "-", "-"
			if f.rpc != "" {
				cpu := median(ss, func(s sample) time.Duration { return s.providerCPU })
				providerCPU = fmtDur(cpu)
				calls = fmt.Sprintf("%d %s", counts[f.name][n], f.rpc)
				// What the connections add to the provider's start-up: the CPU beyond the
				// one-connection run's, per added connection and per added call.
				if n > sizes[0] {
					added := cpu - median(results[f.name][sizes[0]], func(s sample) time.Duration { return s.providerCPU })
					perConnection = fmtMs(added, n-sizes[0])
					perCall = fmtMs(added, counts[f.name][n]-counts[f.name][sizes[0]])
				}
				rssText = fmt.Sprintf("%.0f MiB", float64(rss)/1024)
			}
			fmt.Printf("| %d | %s | %s | %.2fx | %s | %s | %s | %s | %s | %s |\n", n, f.name, fmtDur(w), float64(w)/float64(base),
				fmtDur(median(ss, func(s sample) time.Duration { return s.cpu })), providerCPU, perConnection, calls, perCall, rssText)
		}
	}
	if len(sizes) >= 3 {
		lo, hi := sizes[1], sizes[len(sizes)-1]
		fmt.Printf("\ngrowth from %d to %d connections: time per added connection (wall), %d->%d vs %d->%d:\n\n", lo, hi, sizes[0], lo, lo, hi)
		fmt.Println("| form | ms per connection, first step | ms per connection, second step | second / first |")
		fmt.Println("| --- | ---: | ---: | ---: |")
		for _, f := range forms {
			t0, t1, t2 := median(results[f.name][sizes[0]], wall), median(results[f.name][lo], wall), median(results[f.name][hi], wall)
			a := float64(t1-t0) / float64(lo-sizes[0]) / 1e6
			b := float64(t2-t1) / float64(hi-lo) / 1e6
			fmt.Printf("| %s | %.2f | %.2f | %.2f |\n", f.name, a, b, b/a)
		}
	}
}

func fmtDur(d time.Duration) string {
	return fmt.Sprintf("%.2f s", d.Seconds())
}

// fmtMs is d shared among n, in milliseconds.
func fmtMs(d time.Duration, n int) string {
	if n <= 0 {
		return "-"
	}
	return fmt.Sprintf("%.3f ms", float64(d)/float64(time.Millisecond)/float64(n))
}

func copyFile(src, dst string) error {
	b, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return err
	}
	return os.WriteFile(dst, b, 0o755)
}

func clusters(n int) string {
	names := make([]string, n)
	for i := range names {
		names[i] = fmt.Sprintf("%q", fmt.Sprintf("c%04d", i))
	}
	return "[" + strings.Join(names, ", ") + "]"
}

// providerBlock declares the provider, for the forms that use it only: a baseline that declared
// it would pay a provider start with dev_overrides, and measure part of what it is compared with.
const providerBlock = `terraform {
  required_providers {
    startree = { source = "startree/startree" }
  }
}
`

const header = `
locals {
  token    = %q
  clusters = %s
  # for_each over a map: Terraform evaluates an instance's for_each expression again for every
  # instance, and toset(local.clusters) there converts and sorts the whole list each time, which
  # made 1,000 instances of either data source 5 to 10 times slower, whatever the provider.
  by_name = { for c in local.clusters : c => c }
}

output "digest" {
  value     = sha256(jsonencode(local.connections))
  sensitive = true
}
`

func dataSource(n int) string {
	return providerBlock + fmt.Sprintf(header, token, clusters(n)) + `
data "startree_trino_connection" "c" {
  for_each    = local.by_name
  api_token   = local.token
  cluster     = each.key
  environment = "prod"
  domain      = "awesome-company.startree.cloud"
}

locals {
  connections = { for k, v in data.startree_trino_connection.c : k => {
    token_type     = v.token_type
    username       = v.username
    password       = v.password
    controller_url = v.controller_url
    grpc_proxy_uri = v.grpc_proxy_uri
    properties     = v.properties
    properties_map = v.properties_map
    env_properties = v.env_properties
    env            = v.env
  } }
}
`
}

func function(n int) string {
	return providerBlock + fmt.Sprintf(header, token, clusters(n)) + `
locals {
  connections = { for c in local.clusters : c => provider::startree::trino_connection({
    api_token   = local.token
    cluster     = c
    environment = "prod"
    domain      = "awesome-company.startree.cloud"
  }) }
}
`
}

func pureHCL(n int) string {
	return fmt.Sprintf(header, token, clusters(n)) + `
locals {
  connections = { for c in local.clusters : c => merge(local.common[c], {
    properties     = templatefile("${path.module}/catalog.tftpl", merge(local.common[c], { user = local.common[c].username, pass = local.common[c].password }))
    env_properties = templatefile("${path.module}/catalog.tftpl", merge(local.common[c], { user = "$${ENV:PINOT_USERNAME}", pass = "$${ENV:PINOT_PASSWORD}" }))
    properties_map = {
      "connector.name"                           = "pinot"
      "pinot.controller-urls"                    = local.common[c].controller_url
      "pinot.grpc.port"                          = "8096"
      "pinot.proxy.enabled"                      = "true"
      "pinot.grpc.proxy-uri"                     = local.common[c].grpc_proxy_uri
      "pinot.grpc.use-plain-text"                = "false"
      "pinot.controller.authentication.type"     = "PASSWORD"
      "pinot.controller.authentication.user"     = local.common[c].username
      "pinot.controller.authentication.password" = local.common[c].password
      "pinot.broker.authentication.type"         = "PASSWORD"
      "pinot.broker.authentication.user"         = local.common[c].username
      "pinot.broker.authentication.password"     = local.common[c].password
    }
    env = { PINOT_USERNAME = local.common[c].username, PINOT_PASSWORD = local.common[c].password }
  }) }

  common = { for c in local.clusters : c => {
    token_type     = "basic"
    username       = split(":", base64decode(local.token))[0]
    password       = join(":", slice(split(":", base64decode(local.token)), 1, length(split(":", base64decode(local.token)))))
    controller_url = "https://proxy.broker.${c}.prod.awesome-company.startree.cloud:443"
    grpc_proxy_uri = "proxy-grpc.broker.${c}.prod.awesome-company.startree.cloud:443"
  } }
}
`
}

func builtinDataSource(n int) string {
	return fmt.Sprintf(header, token, clusters(n)) + `
data "terraform_remote_state" "c" {
  for_each = local.by_name
  backend  = "local"
  config   = { path = "${path.module}/empty.tfstate" }
}

locals {
  connections = { for k, v in data.terraform_remote_state.c : k => v.outputs }
}
`
}

const emptyState = `{"version": 4, "terraform_version": "1.11.4", "serial": 1, "lineage": "planbench", "outputs": {}, "resources": []}
`

const catalogTemplate = `connector.name=pinot
pinot.controller-urls=${controller_url}
pinot.grpc.port=8096
pinot.proxy.enabled=true
pinot.grpc.proxy-uri=${grpc_proxy_uri}
pinot.grpc.use-plain-text=false
pinot.controller.authentication.type=PASSWORD
pinot.controller.authentication.user=${user}
pinot.controller.authentication.password=${pass}
pinot.broker.authentication.type=PASSWORD
pinot.broker.authentication.user=${user}
pinot.broker.authentication.password=${pass}
`
