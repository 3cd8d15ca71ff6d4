// Package trinotest runs a real Trino server for tests: the io.trino:trino-server tarball of a
// judged release (laid out by tools/judge/run), one coordinator on loopback with only the Pinot
// plugin, started with Trino's own launcher and stopped by its process id.
package trinotest

import (
	"bytes"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// Options say how to start a server.
type Options struct {
	// Release is a server-tarball release of tools/judge/releases, such as 476.
	Release int64
	// Env is added to the server's environment, where ${ENV:...} references are resolved.
	Env []string
	// Catalogs are static catalogs: each name's file text goes to etc/catalog/<name>.properties.
	Catalogs map[string]string
	// Dynamic turns on catalog.management=dynamic, with the catalog store in Store.
	Dynamic bool
	// Store is the dynamic catalog store: "memory" (the default) or "file", which writes each
	// catalog to CatalogDir (a folder of the server's when empty).
	Store      string
	CatalogDir string
	// Config adds lines to etc/config.properties.
	Config map[string]string
	// Files adds files to etc/, name to text (a password file, a key store's PEM).
	Files map[string]string
	// HTTPS, when set, serves HTTPS on a second port with this PEM (key and certificate) and
	// password authentication from etc/password.db; plain HTTP stays open for the tests' own use.
	HTTPS *HTTPSOptions
	// StartTimeout bounds the wait for SERVER STARTED; two minutes when zero.
	StartTimeout time.Duration
}

// HTTPSOptions configure TLS and password authentication.
type HTTPSOptions struct {
	// PEM holds the server's private key and certificate.
	PEM string
	// Passwords maps users to bcrypt hashes, as etc/password.db holds them.
	Passwords map[string]string
}

// Server is a running Trino server.
type Server struct {
	// URL is the plain HTTP address, http://127.0.0.1:<port>.
	URL string
	// HTTPSURL is https://localhost:<port> when Options.HTTPS is set.
	HTTPSURL string
	// Dir holds etc/, the data directory and server.log.
	Dir string
	// CatalogDir is the file catalog store's folder, when Store is "file".
	CatalogDir string
	opts       Options
	cmd        *exec.Cmd
	exited     chan struct{}
	home, jdk  string
	httpPort   int
	httpsPort  int
}

// Repo is the repository's root: tools/judge/run is found from it.
func Repo() (string, error) {
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		return "", errors.New("trinotest: no caller information")
	}
	return filepath.Abs(filepath.Join(filepath.Dir(file), "..", ".."))
}

// Layout prepares a release with tools/judge/run (downloading it once from Maven Central) and
// returns the folder with bin/, lib/ and plugin/, and the JDK that runs it.
func Layout(release int64) (home, jdk string, err error) {
	repo, err := Repo()
	if err != nil {
		return "", "", err
	}
	cmd := exec.Command(filepath.Join(repo, "tools", "judge", "run"), strconv.FormatInt(release, 10), "home")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return "", "", fmt.Errorf("tools/judge/run %d home: %w\n%s", release, err, stderr.String())
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	if len(lines) != 2 {
		return "", "", fmt.Errorf("tools/judge/run %d home: unexpected output %q", release, out)
	}
	if _, err := os.Stat(filepath.Join(lines[0], "bin", "launcher")); err != nil {
		return "", "", fmt.Errorf("trinotest: Trino %d is not served as a server tarball (tools/judge/releases): %w", release, err)
	}
	return lines[0], lines[1], nil
}

// Start lays out a server in dir (a fresh folder) and starts it, waiting until it is ready. A
// server that stops before it is ready (a static catalog it refuses) is an *ExitError with its log.
func Start(dir string, opts Options) (*Server, error) {
	home, jdk, err := Layout(opts.Release)
	if err != nil {
		return nil, err
	}
	s := &Server{Dir: dir, opts: opts, home: home, jdk: jdk}
	if err := s.writeEtc(); err != nil {
		return nil, err
	}
	if err := s.launch(); err != nil {
		return nil, err
	}
	return s, nil
}

// Restart stops the server and starts it again on the same folders and ports.
func (s *Server) Restart() error {
	if err := s.Stop(); err != nil {
		return err
	}
	return s.launch()
}

func (s *Server) launch() error {
	logFile, err := os.Create(s.LogPath())
	if err != nil {
		return err
	}
	defer logFile.Close()
	etc := filepath.Join(s.Dir, "etc")
	// The launcher's run command execs the JVM: the process id is the server's.
	cmd := exec.Command(filepath.Join(s.home, "bin", "launcher"), "run",
		"-etc-dir", etc, "-data-dir", filepath.Join(s.Dir, "data"), "-jvm-dir", s.jdk)
	cmd.Env = append(append(os.Environ(), "JAVA_HOME="+s.jdk), s.opts.Env...)
	cmd.Stdout, cmd.Stderr = logFile, logFile
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
	if err := cmd.Start(); err != nil {
		return err
	}
	s.cmd = cmd
	s.exited = make(chan struct{})
	go func() {
		_ = cmd.Wait()
		close(s.exited)
	}()
	timeout := s.opts.StartTimeout
	if timeout == 0 {
		timeout = 2 * time.Minute
	}
	deadline := time.Now().Add(timeout)
	for {
		log, _ := os.ReadFile(s.LogPath())
		if bytes.Contains(log, []byte("======== SERVER STARTED ========")) {
			return nil
		}
		select {
		case <-s.exited:
			// Read again: the last lines were written after the read above.
			log, _ = os.ReadFile(s.LogPath())
			return &ExitError{Log: string(log)}
		case <-time.After(100 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			_ = s.Stop()
			return fmt.Errorf("trinotest: Trino %d did not start within %s; its log:\n%s", s.opts.Release, timeout, tail(string(log), 4000))
		}
	}
}

// ExitError is a server that stopped before it was ready.
type ExitError struct {
	Log string
}

func (e *ExitError) Error() string {
	return "Trino stopped before it was ready; its log ends:\n" + tail(e.Log, 4000)
}

// LogPath is the file that holds the server's output.
func (s *Server) LogPath() string {
	return filepath.Join(s.Dir, "server.log")
}

// PID is the server's process id.
func (s *Server) PID() int {
	return s.cmd.Process.Pid
}

// Stop ends the server by its process id: SIGTERM, then SIGKILL after 20 seconds.
func (s *Server) Stop() error {
	if s.cmd == nil {
		return nil
	}
	select {
	case <-s.exited:
		return nil
	default:
	}
	_ = syscall.Kill(s.PID(), syscall.SIGTERM)
	select {
	case <-s.exited:
	case <-time.After(20 * time.Second):
		_ = syscall.Kill(s.PID(), syscall.SIGKILL)
		<-s.exited
	}
	return nil
}

// Running reports whether the server process is still alive.
func (s *Server) Running() bool {
	select {
	case <-s.exited:
		return false
	default:
		return true
	}
}

func (s *Server) writeEtc() error {
	etc := filepath.Join(s.Dir, "etc")
	if err := os.MkdirAll(filepath.Join(etc, "catalog"), 0o755); err != nil {
		return err
	}
	// Only the Pinot plugin: a plugin folder with one entry, a link to the release's.
	plugins := filepath.Join(s.Dir, "plugin")
	if err := os.MkdirAll(plugins, 0o755); err != nil {
		return err
	}
	if err := os.Symlink(filepath.Join(s.home, "plugin"), filepath.Join(plugins, "pinot")); err != nil {
		return err
	}
	if s.opts.HTTPS != nil {
		// Password authentication from a file is a plugin of its own.
		if err := os.Symlink(filepath.Join(s.home, "password-authenticators"), filepath.Join(plugins, "password-authenticators")); err != nil {
			return err
		}
	}
	var err error
	if s.httpPort, err = freePort(); err != nil {
		return err
	}
	s.URL = fmt.Sprintf("http://127.0.0.1:%d", s.httpPort)
	config := map[string]string{
		"coordinator":                        "true",
		"node-scheduler.include-coordinator": "true",
		"http-server.http.port":              strconv.Itoa(s.httpPort),
		"discovery.uri":                      s.URL,
		"plugin.dir":                         plugins,
		"query.max-memory":                   "256MB",
		"query.max-memory-per-node":          "256MB",
	}
	if s.opts.Dynamic {
		config["catalog.management"] = "dynamic"
		store := s.opts.Store
		if store == "" {
			store = "memory"
		}
		config["catalog.store"] = store
		if store == "file" {
			s.CatalogDir = s.opts.CatalogDir
			if s.CatalogDir == "" {
				s.CatalogDir = filepath.Join(s.Dir, "catalog-store")
			}
			if err = os.MkdirAll(s.CatalogDir, 0o755); err != nil {
				return err
			}
			// The file store reads its folder from etc/catalog-store.properties.
			if err = writeProperties(filepath.Join(etc, "catalog-store.properties"), map[string]string{"catalog.config-dir": s.CatalogDir}); err != nil {
				return err
			}
		}
	}
	if h := s.opts.HTTPS; h != nil {
		if s.httpsPort, err = freePort(); err != nil {
			return err
		}
		s.HTTPSURL = fmt.Sprintf("https://localhost:%d", s.httpsPort)
		pem := filepath.Join(etc, "server.pem")
		if err := os.WriteFile(pem, []byte(h.PEM), 0o600); err != nil {
			return err
		}
		var db strings.Builder
		for _, user := range sortedKeys(h.Passwords) {
			fmt.Fprintf(&db, "%s:%s\n", user, h.Passwords[user])
		}
		if err := os.WriteFile(filepath.Join(etc, "password.db"), []byte(db.String()), 0o600); err != nil {
			return err
		}
		if err := writeProperties(filepath.Join(etc, "password-authenticator.properties"), map[string]string{
			"password-authenticator.name": "file",
			"file.password-file":          filepath.Join(etc, "password.db"),
		}); err != nil {
			return err
		}
		config["http-server.https.enabled"] = "true"
		config["http-server.https.port"] = strconv.Itoa(s.httpsPort)
		config["http-server.https.keystore.path"] = pem
		config["http-server.authentication.type"] = "PASSWORD"
		// The tests' own statements use plain HTTP with a user name only.
		config["http-server.authentication.allow-insecure-over-http"] = "true"
		config["internal-communication.shared-secret"] = "trinotest-internal-secret"
	}
	for k, v := range s.opts.Config {
		config[k] = v
	}
	if err := writeProperties(filepath.Join(etc, "config.properties"), config); err != nil {
		return err
	}
	if err := writeProperties(filepath.Join(etc, "node.properties"), map[string]string{
		"node.environment":      "test",
		"node.id":               "trinotest",
		"node.data-dir":         filepath.Join(s.Dir, "data"),
		"node.bind-ip":          "127.0.0.1",
		"node.internal-address": "127.0.0.1",
	}); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(etc, "jvm.config"), []byte(jvmConfig), 0o644); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(etc, "log.properties"), []byte("io.trino=INFO\n"), 0o644); err != nil {
		return err
	}
	for name, text := range s.opts.Catalogs {
		if err := os.WriteFile(filepath.Join(etc, "catalog", name+".properties"), []byte(text), 0o644); err != nil {
			return err
		}
	}
	for name, text := range s.opts.Files {
		if err := os.WriteFile(filepath.Join(etc, name), []byte(text), 0o600); err != nil {
			return err
		}
	}
	return nil
}

// jvmConfig is Trino's recommended JVM configuration with a small heap and the quick compiler,
// for a short-lived test server. It leaves out -XX:+ExitOnOutOfMemoryError: the corpus holds
// values for which the connector asks for an array longer than any JVM allows (an
// OutOfMemoryError that allocates nothing), and the suite wants Trino's refusal of each, not a
// coordinator that exits, as a production one would.
const jvmConfig = `-server
-Xmx2G
-XX:+UseG1GC
-XX:G1HeapRegionSize=32M
-XX:+ExplicitGCInvokesConcurrent
-XX:-OmitStackTraceInFastThrow
-XX:ReservedCodeCacheSize=256M
-XX:PerMethodRecompilationCutoff=10000
-XX:PerBytecodeRecompilationCutoff=10000
-XX:TieredStopAtLevel=1
-Djdk.attach.allowAttachSelf=true
-Djdk.nio.maxCachedBufferSize=2000000
-Dfile.encoding=UTF-8
-XX:+EnableDynamicAgentLoading
`

func writeProperties(path string, m map[string]string) error {
	var b strings.Builder
	for _, k := range sortedKeys(m) {
		fmt.Fprintf(&b, "%s=%s\n", k, m[k])
	}
	return os.WriteFile(path, []byte(b.String()), 0o644)
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// freePort asks the kernel for a free loopback port.
func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	addr, ok := l.Addr().(*net.TCPAddr)
	if !ok {
		return 0, errors.New("trinotest: not a TCP address")
	}
	return addr.Port, nil
}

func tail(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return "..." + s[len(s)-n:]
}
