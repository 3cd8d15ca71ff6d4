package trinoclient

import (
	"context"
	"encoding/pem"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// fakeCoordinator answers Trino's client protocol on loopback: each statement gets the answer
// answer gives it, and the statements and headers it saw are kept.
type fakeCoordinator struct {
	mu         sync.Mutex
	statements []string
	headers    []http.Header
}

func (f *fakeCoordinator) handler(answer func(sql string) (status int, body string)) http.Handler {
	var answers []string
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		// As a coordinator does: the POST queues the statement, the answer comes at its nextUri.
		if r.Method == http.MethodGet && strings.HasPrefix(r.URL.Path, "/v1/statement/executing/") {
			n, err := strconv.Atoi(strings.TrimPrefix(r.URL.Path, "/v1/statement/executing/"))
			f.mu.Lock()
			defer f.mu.Unlock()
			if err != nil || n >= len(answers) {
				http.NotFound(w, r)
				return
			}
			body := answers[n]
			fmt.Fprint(w, body)
			return
		}
		if r.Method != http.MethodPost || r.URL.Path != "/v1/statement" {
			http.NotFound(w, r)
			return
		}
		body, _ := io.ReadAll(r.Body)
		status, text := answer(string(body))
		f.mu.Lock()
		f.statements = append(f.statements, string(body))
		f.headers = append(f.headers, r.Header.Clone())
		answers = append(answers, text)
		n := len(answers) - 1
		f.mu.Unlock()
		if status != http.StatusOK {
			w.WriteHeader(status)
			fmt.Fprint(w, text)
			return
		}
		scheme := "http"
		if r.TLS != nil {
			scheme = "https"
		}
		fmt.Fprintf(w, `{"id":"q%d","infoUri":"%s://%s/ui","nextUri":"%s://%s/v1/statement/executing/%d","stats":{"state":"QUEUED"}}`, n, scheme, r.Host, scheme, r.Host, n)
	})
}

const (
	finished = `{"id":"q1","infoUri":"http://x/ui","stats":{"state":"FINISHED"},"columns":[{"name":"result","type":"boolean","typeSignature":{"rawType":"boolean","arguments":[]}}],"data":[[true]]}`
	oneRow   = `{"id":"q2","infoUri":"http://x/ui","stats":{"state":"FINISHED"},"columns":[{"name":"connector_name","type":"varchar","typeSignature":{"rawType":"varchar","arguments":[]}}],"data":[["pinot"]]}`
	noRows   = `{"id":"q3","infoUri":"http://x/ui","stats":{"state":"FINISHED"},"columns":[{"name":"connector_name","type":"varchar","typeSignature":{"rawType":"varchar","arguments":[]}}]}`
)

func queryError(name, message string) string {
	return fmt.Sprintf(`{"id":"q4","infoUri":"http://x/ui","stats":{"state":"FAILED"},"error":{"message":%q,"errorCode":1,"errorName":%q,"errorType":"USER_ERROR","failureInfo":{"type":"io.trino.spi.TrinoException","message":%q}}}`, message, name, message)
}

func newClient(t *testing.T, url string, c Config) *Client {
	t.Helper()
	c.URL = url
	if c.User == "" {
		c.User = "admin"
	}
	client, err := New(c)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = client.Close() })
	return client
}

// The statements the resource sends, as sent, and the answers it reads.
func TestStatementsAndAnswers(t *testing.T) {
	f := &fakeCoordinator{}
	server := httptest.NewTLSServer(f.handler(func(sql string) (int, string) {
		switch {
		case strings.HasPrefix(sql, "CREATE CATALOG"):
			return 200, finished
		case strings.Contains(sql, "'it''s'"):
			return 200, noRows
		case strings.HasPrefix(sql, "SELECT connector_name"):
			return 200, oneRow
		}
		return 200, finished
	}))
	defer server.Close()
	ca := certificatePEM(t, server)
	c := newClient(t, server.URL, Config{Password: "pw-Secret1", CACertificate: ca})
	ctx := context.Background()
	if err := c.Exec(ctx, `CREATE CATALOG "sales" USING pinot WITH ("a" = 'b')`); err != nil {
		t.Fatal(err)
	}
	connector, found, err := c.Catalog(ctx, "sales")
	if err != nil || !found || connector != "pinot" {
		t.Errorf("Catalog(sales) = %q, %v, %v", connector, found, err)
	}
	if _, found, err := c.Catalog(ctx, "it's"); err != nil || found {
		t.Errorf("Catalog(it's) = %v, %v", found, err)
	}
	want := []string{
		`CREATE CATALOG "sales" USING pinot WITH ("a" = 'b')`,
		`SELECT connector_name FROM system.metadata.catalogs WHERE catalog_name = 'sales'`,
		`SELECT connector_name FROM system.metadata.catalogs WHERE catalog_name = 'it''s'`,
	}
	if strings.Join(f.statements, "\n") != strings.Join(want, "\n") {
		t.Errorf("statements:\n%s\nwant\n%s", strings.Join(f.statements, "\n"), strings.Join(want, "\n"))
	}
	for _, h := range f.headers {
		user, password, ok := (&http.Request{Header: h}).BasicAuth()
		if h.Get("X-Trino-User") != "admin" || !ok || user != "admin" || password != "pw-Secret1" || h.Get("X-Trino-Source") != "terraform-provider-startree" {
			t.Errorf("headers %v", h)
		}
	}
}

// Each of Trino's refusals, and each failure on the way, is an Error of its kind; no message holds
// a secret.
func TestFailures(t *testing.T) {
	answers := map[string]func(string) (int, string){
		"exists": func(string) (int, string) { return 200, queryError("ALREADY_EXISTS", "Catalog 'sales' already exists") },
		"refused": func(string) (int, string) {
			return 200, queryError("GENERIC_USER_ERROR", "Invalid value pw-Secret1 for property")
		},
		"unauthed": func(string) (int, string) { return 401, `Unauthorized` },
		"busy":     func(string) (int, string) { return 500, `oops` },
	}
	tests := []struct {
		answer string
		kind   Kind
		name   string
		text   string
	}{
		{"exists", KindQuery, "ALREADY_EXISTS", "Catalog 'sales' already exists"},
		{"refused", KindQuery, "GENERIC_USER_ERROR", "Invalid value (secret) for property"},
		{"unauthed", KindAuthentication, "", "HTTP 401 Unauthorized"},
		{"busy", KindProtocol, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.answer, func(t *testing.T) {
			f := &fakeCoordinator{}
			server := httptest.NewTLSServer(f.handler(answers[tt.answer]))
			defer server.Close()
			c := newClient(t, server.URL, Config{Password: "pw-Secret1", CACertificate: certificatePEM(t, server), Timeout: 5 * time.Second})
			err := c.Exec(context.Background(), `CREATE CATALOG "sales" USING pinot`)
			var e *Error
			if !errors.As(err, &e) || e.Kind != tt.kind || e.Name != tt.name || tt.text != "" && e.Message != tt.text {
				t.Fatalf("got %#v", err)
			}
			if strings.Contains(e.Message, "pw-Secret1") {
				t.Error("the message holds the password")
			}
		})
	}
	t.Run("unreachable", func(t *testing.T) {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		addr := l.Addr().String()
		l.Close()
		c := newClient(t, "http://"+addr, Config{Timeout: 5 * time.Second})
		var e *Error
		if err := c.Exec(context.Background(), "SELECT 1"); !errors.As(err, &e) || e.Kind != KindUnreachable {
			t.Errorf("got %#v", err)
		}
	})
	t.Run("timeout", func(t *testing.T) {
		server := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			time.Sleep(2 * time.Second)
		}))
		defer server.Close()
		c := newClient(t, server.URL, Config{Timeout: 200 * time.Millisecond})
		var e *Error
		if err := c.Exec(context.Background(), "SELECT 1"); !errors.As(err, &e) || e.Kind != KindTimeout {
			t.Errorf("got %#v", err)
		}
	})
	t.Run("unknown authority", func(t *testing.T) {
		server := httptest.NewTLSServer(http.NotFoundHandler())
		defer server.Close()
		c := newClient(t, server.URL, Config{Password: "pw-Secret1", Timeout: 5 * time.Second})
		var e *Error
		if err := c.Exec(context.Background(), "SELECT 1"); !errors.As(err, &e) || e.Kind != KindTLS {
			t.Errorf("got %#v", err)
		}
	})
}

// The configurations New refuses, each with a message that names the attribute.
func TestNewRefuses(t *testing.T) {
	tests := []struct {
		config Config
		want   string
	}{
		{Config{URL: "trino.example.com", User: "a"}, "trino.url is not an http:// or https:// URL"},
		{Config{URL: "https://u:p@trino.example.com", User: "a"}, "trino.url must be the coordinator's scheme, host and port only"},
		{Config{URL: "https://trino.example.com"}, "trino.user is empty"},
		{Config{URL: "http://trino.example.com", User: "a", Password: "p"}, "trino.url is http://, and the provider never sends a password"},
		{Config{URL: "http://trino.example.com", User: "a", AccessToken: "t"}, "trino.url is http://, and the provider never sends a password"},
		{Config{URL: "https://trino.example.com", User: "a", Password: "p", AccessToken: "t"}, "trino.password and trino.access_token are both set"},
		{Config{URL: "https://trino.example.com", User: "a", CACertificate: "not PEM"}, "trino.ca_certificate holds no PEM certificate"},
	}
	for _, tt := range tests {
		if _, err := New(tt.config); err == nil || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("New(%+v) = %v, want %q", tt.config, err, tt.want)
		}
	}
}

func TestQuoting(t *testing.T) {
	if got := StringLiteral("it's"); got != "'it''s'" {
		t.Errorf("StringLiteral = %s", got)
	}
	if got := Identifier(`a"b`); got != `"a""b"` {
		t.Errorf("Identifier = %s", got)
	}
}

// certificatePEM is the fake coordinator's certificate, for Config.CACertificate.
func certificatePEM(t *testing.T, server *httptest.Server) string {
	t.Helper()
	return string(pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: server.Certificate().Raw}))
}
