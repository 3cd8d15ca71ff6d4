package trinotest

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"
)

// Result is what a statement returned: its rows, each value as JSON decoded it.
type Result struct {
	Columns []string
	Rows    [][]any
}

// QueryError is Trino's refusal of a statement.
type QueryError struct {
	Message   string
	ErrorName string
	ErrorType string
	// Cause is the innermost cause's message of the failure, where Trino gives one.
	Cause string
}

func (e *QueryError) Error() string {
	if e.Cause != "" && e.Cause != e.Message {
		return fmt.Sprintf("%s: %s (cause: %s)", e.ErrorName, e.Message, e.Cause)
	}
	return e.ErrorName + ": " + e.Message
}

// Exec runs one statement over Trino's client protocol as the user "trinotest" and returns its
// rows; a statement Trino refuses is a *QueryError.
func (s *Server) Exec(sql string) (*Result, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	return Exec(ctx, http.DefaultClient, s.URL, "trinotest", "", sql)
}

// Exec runs one statement on the coordinator at base: POST /v1/statement, then each nextUri until
// there is none. password, when set, is sent with basic authentication (HTTPS only).
func Exec(ctx context.Context, client *http.Client, base, user, password, sql string) (*Result, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, strings.TrimSuffix(base, "/")+"/v1/statement", strings.NewReader(sql))
	if err != nil {
		return nil, err
	}
	result := &Result{}
	for {
		req.Header.Set("X-Trino-User", user)
		if password != "" {
			req.SetBasicAuth(user, password)
		}
		page, err := fetch(client, req)
		if err != nil {
			return nil, err
		}
		if page.Error != nil {
			qe := &QueryError{Message: page.Error.Message, ErrorName: page.Error.ErrorName, ErrorType: page.Error.ErrorType}
			for f := page.Error.FailureInfo; f != nil; f = f.Cause {
				qe.Cause = f.Message
			}
			return nil, qe
		}
		if result.Columns == nil {
			for _, c := range page.Columns {
				result.Columns = append(result.Columns, c.Name)
			}
		}
		result.Rows = append(result.Rows, page.Data...)
		if page.NextURI == "" {
			return result, nil
		}
		if req, err = http.NewRequestWithContext(ctx, http.MethodGet, page.NextURI, nil); err != nil {
			return nil, err
		}
	}
}

type page struct {
	NextURI string `json:"nextUri"`
	Columns []struct {
		Name string `json:"name"`
	} `json:"columns"`
	Data  [][]any `json:"data"`
	Error *struct {
		Message     string       `json:"message"`
		ErrorName   string       `json:"errorName"`
		ErrorType   string       `json:"errorType"`
		FailureInfo *failureInfo `json:"failureInfo"`
	} `json:"error"`
}

type failureInfo struct {
	Message string       `json:"message"`
	Cause   *failureInfo `json:"cause"`
}

// fetch sends one request of the protocol, retrying while the coordinator answers 503 (busy).
func fetch(client *http.Client, req *http.Request) (*page, error) {
	body := req.GetBody
	for attempt := 0; ; attempt++ {
		if attempt > 0 && body != nil {
			b, err := body()
			if err != nil {
				return nil, err
			}
			req.Body = b
		}
		resp, err := client.Do(req)
		if err != nil {
			return nil, err
		}
		data, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		if err != nil {
			return nil, err
		}
		if resp.StatusCode == http.StatusServiceUnavailable && attempt < 50 {
			time.Sleep(100 * time.Millisecond)
			continue
		}
		if resp.StatusCode != http.StatusOK {
			return nil, fmt.Errorf("%s %s: HTTP %d: %s", req.Method, req.URL.Path, resp.StatusCode, bytes.TrimSpace(data))
		}
		var p page
		if err := json.Unmarshal(data, &p); err != nil {
			return nil, fmt.Errorf("%s %s: %w", req.Method, req.URL.Path, err)
		}
		return &p, nil
	}
}
