// Package trinoclient is the provider's one connection to Trino: the catalog resource's
// statements (CREATE CATALOG, DROP CATALOG, the catalog's row in system.metadata.catalogs) over
// Trino's client protocol with trino-go-client, and the failures of each turned into what the
// user must do. Only the startree_trino_catalog resource uses it.
package trinoclient

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"database/sql"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/trinodb/trino-go-client/trino"
)

// Config says how to reach the coordinator.
type Config struct {
	// URL is the coordinator's address, such as https://trino.example.com:8443.
	URL string
	// User is the Trino user the statements run as.
	User string
	// Password, when set, is sent with basic authentication; HTTPS only.
	Password string
	// AccessToken, when set, is sent as a bearer token (JWT or OAuth2 authentication).
	AccessToken string
	// CACertificate is PEM: the certificates that sign the coordinator's, beside the system's.
	CACertificate string
	// Timeout bounds each statement, from its first request to its last answer.
	Timeout time.Duration
}

// Client runs the catalog statements on one coordinator.
type Client struct {
	db      *sql.DB
	timeout time.Duration
	// secrets are masked in every message built from Trino's answers.
	secrets []string
}

// New checks the configuration and returns a client; it opens no connection yet.
func New(c Config) (*Client, error) {
	u, err := url.Parse(c.URL)
	if err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") {
		return nil, errors.New("trino.url is not an http:// or https:// URL of a Trino coordinator, such as https://trino.example.com:8443")
	}
	if u.User != nil || u.RawQuery != "" || strings.Trim(u.Path, "/") != "" {
		return nil, errors.New("trino.url must be the coordinator's scheme, host and port only: set the user, password and access token in their own attributes")
	}
	if c.User == "" {
		return nil, errors.New("trino.user is empty: set the Trino user the catalog statements run as")
	}
	if c.Password != "" && c.AccessToken != "" {
		return nil, errors.New("trino.password and trino.access_token are both set: Trino takes one way to authenticate; keep one")
	}
	if (c.Password != "" || c.AccessToken != "") && u.Scheme != "https" {
		return nil, errors.New("trino.url is http://, and the provider never sends a password or an access token over plain HTTP (Trino refuses them there too): use the coordinator's https:// address")
	}
	transport := &http.Transport{
		DialContext:         (&net.Dialer{Timeout: 30 * time.Second, KeepAlive: 30 * time.Second}).DialContext,
		ForceAttemptHTTP2:   true,
		MaxIdleConns:        8,
		IdleConnTimeout:     90 * time.Second,
		TLSHandshakeTimeout: 10 * time.Second,
	}
	if c.CACertificate != "" {
		pool, poolErr := x509.SystemCertPool()
		if poolErr != nil {
			pool = x509.NewCertPool()
		}
		if !pool.AppendCertsFromPEM([]byte(c.CACertificate)) {
			return nil, errors.New("trino.ca_certificate holds no PEM certificate")
		}
		transport.TLSClientConfig = &tls.Config{RootCAs: pool, MinVersion: tls.VersionTLS12}
	}
	httpClient := &http.Client{Transport: &authTransport{base: transport, user: c.User, password: c.Password}}
	server := *u
	server.User = url.User(c.User)
	// A refused connection is retried a few times, not until the timeout: the coordinator is down.
	attempts := 3
	conf := &trino.Config{
		ServerURI:               server.String(),
		Source:                  "terraform-provider-startree",
		AccessToken:             c.AccessToken,
		HTTPClient:              httpClient,
		RequestRetryMaxAttempts: &attempts,
	}
	connector, err := trino.NewConnector(conf)
	if err != nil {
		return nil, fmt.Errorf("trino: the client refused the configuration: %w", err)
	}
	timeout := c.Timeout
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	db := sql.OpenDB(connector)
	db.SetMaxOpenConns(4)
	return &Client{db: db, timeout: timeout, secrets: nonEmpty(c.Password, c.AccessToken)}, nil
}

// DefaultTimeout bounds a statement when Config.Timeout is not set.
const DefaultTimeout = 60 * time.Second

// authTransport adds basic authentication to each request: trino-go-client takes a password only
// from the DSN's user info, which it would then print in its errors.
type authTransport struct {
	base           http.RoundTripper
	user, password string
}

func (t *authTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	if t.password == "" {
		return t.base.RoundTrip(req)
	}
	r := req.Clone(req.Context())
	r.SetBasicAuth(t.user, t.password)
	return t.base.RoundTrip(r)
}

// Close releases the client's connections.
func (c *Client) Close() error {
	return c.db.Close()
}

// MaskSecrets adds values that no message may show (a catalog's inline secrets).
func (c *Client) MaskSecrets(values ...string) {
	c.secrets = append(c.secrets, nonEmpty(values...)...)
}

// Exec runs one statement that returns no rows.
func (c *Client) Exec(ctx context.Context, statement string) error {
	ctx, cancel := context.WithTimeout(ctx, c.timeout)
	defer cancel()
	rows, err := c.db.QueryContext(ctx, statement)
	if err != nil {
		return c.classify(ctx, err)
	}
	defer rows.Close()
	for rows.Next() {
	}
	if err := rows.Err(); err != nil {
		return c.classify(ctx, err)
	}
	return nil
}

// Catalog returns the connector of the catalog name, and false when Trino has no such catalog.
func (c *Client) Catalog(ctx context.Context, name string) (string, bool, error) {
	ctx, cancel := context.WithTimeout(ctx, c.timeout)
	defer cancel()
	rows, err := c.db.QueryContext(ctx, "SELECT connector_name FROM system.metadata.catalogs WHERE catalog_name = "+StringLiteral(name))
	if err != nil {
		return "", false, c.classify(ctx, err)
	}
	defer rows.Close()
	connector, found := "", false
	for rows.Next() {
		if err := rows.Scan(&connector); err != nil {
			return "", false, c.classify(ctx, err)
		}
		found = true
	}
	if err := rows.Err(); err != nil {
		return "", false, c.classify(ctx, err)
	}
	return connector, found, nil
}

// StringLiteral writes s as a SQL string literal, each quote doubled.
func StringLiteral(s string) string {
	return "'" + strings.ReplaceAll(s, "'", "''") + "'"
}

// Identifier writes s as a quoted SQL identifier, each double quote doubled.
func Identifier(s string) string {
	return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
}

func nonEmpty(values ...string) []string {
	var out []string
	for _, v := range values {
		if v != "" {
			out = append(out, v)
		}
	}
	return out
}

// Kind names what failed, so that the resource can say what to do.
type Kind int

// The kinds of failure.
const (
	// KindUnreachable: no connection to the coordinator (refused, no such host).
	KindUnreachable Kind = iota
	// KindTimeout: no answer within the timeout.
	KindTimeout
	// KindTLS: the TLS handshake failed (an unknown authority, a wrong host name).
	KindTLS
	// KindAuthentication: Trino refused the credentials (HTTP 401).
	KindAuthentication
	// KindQuery: Trino ran the statement and refused it; Name is Trino's error name.
	KindQuery
	// KindProtocol: anything else between the client and the coordinator.
	KindProtocol
)

// Error is one failure of a statement, with Trino's own message where it gave one (secrets
// masked).
type Error struct {
	Kind Kind
	// Name is Trino's error name for KindQuery, such as CATALOG_ALREADY_EXISTS.
	Name    string
	Message string
}

func (e *Error) Error() string {
	return e.Message
}

// classify turns a failure of the client into an Error.
func (c *Client) classify(ctx context.Context, err error) error {
	var trinoErr *trino.ErrTrino
	var trinoValue trino.ErrTrino
	var failed *trino.ErrQueryFailed
	var netErr net.Error
	var unknownAuthority x509.UnknownAuthorityError
	var hostname x509.HostnameError
	var certInvalid x509.CertificateInvalidError
	var tlsRecord tls.RecordHeaderError
	var opErr *net.OpError
	switch {
	case errors.As(err, &trinoErr):
		return &Error{Kind: KindQuery, Name: trinoErr.ErrorName, Message: c.mask(trinoErr.Message)}
	case errors.As(err, &trinoValue):
		return &Error{Kind: KindQuery, Name: trinoValue.ErrorName, Message: c.mask(trinoValue.Message)}
	case errors.As(err, &unknownAuthority), errors.As(err, &hostname), errors.As(err, &certInvalid), errors.As(err, &tlsRecord):
		return &Error{Kind: KindTLS, Message: c.mask(rootMessage(err))}
	case errors.As(err, &failed) && failed.StatusCode == http.StatusUnauthorized:
		return &Error{Kind: KindAuthentication, Message: "HTTP 401 Unauthorized"}
	case errors.As(err, &opErr) && opErr.Op == "dial" && !opErr.Timeout():
		return &Error{Kind: KindUnreachable, Message: c.mask(rootMessage(err))}
	case errors.Is(ctx.Err(), context.DeadlineExceeded), errors.Is(err, context.DeadlineExceeded), errors.As(err, &netErr) && netErr.Timeout():
		return &Error{Kind: KindTimeout, Message: "no answer before the request timeout"}
	case errors.As(err, &failed):
		return &Error{Kind: KindProtocol, Message: c.mask(fmt.Sprintf("HTTP %d %s: %v", failed.StatusCode, http.StatusText(failed.StatusCode), failed.Reason))}
	}
	return &Error{Kind: KindProtocol, Message: c.mask(rootMessage(err))}
}

// rootMessage is the innermost error's text: the cause without the client's wrapping, which
// repeats the URL.
func rootMessage(err error) string {
	for {
		next := errors.Unwrap(err)
		if next == nil {
			return err.Error()
		}
		err = next
	}
}

// mask replaces every secret in a message, and bounds it.
func (c *Client) mask(s string) string {
	for _, secret := range c.secrets {
		s = strings.ReplaceAll(s, secret, "(secret)")
	}
	const limit = 2000
	if len(s) > limit {
		s = s[:limit] + "..."
	}
	return s
}
