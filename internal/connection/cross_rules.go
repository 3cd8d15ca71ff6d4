package connection

import (
	"fmt"
	"math"
)

// crossRules applies the rules that join several properties. Each reads only values that passed
// their own rules; a missing one takes Trino's default.
func (c catalogCheck) crossRules() Problems {
	var ps Problems
	add := func(key, summary, detail string) {
		ps = append(ps, keyProblem(SeverityError, key, summary, detail))
	}
	aggregation, aggOK := c.boolean("pinot.aggregation-pushdown.enabled", true)
	countDistinct, cdOK := c.boolean("pinot.count-distinct-pushdown.enabled", true)
	if aggOK && cdOK && !aggregation && countDistinct {
		add("pinot.aggregation-pushdown.enabled", "Count-distinct pushdown needs aggregation pushdown",
			"pinot.aggregation-pushdown.enabled is false while pinot.count-distinct-pushdown.enabled is true (its default), and Trino refuses that catalog. Set \"pinot.count-distinct-pushdown.enabled\" = \"false\" too, or keep aggregation pushdown on.")
	}
	for _, store := range passwordStores {
		if (c.tls || !store.tlsOnly) && c.set(store.path) && !c.set(store.password) {
			add(store.path, store.summary,
				fmt.Sprintf("%s is set without %s, and Trino refuses a %s it cannot open. Set %s as well.", store.path, store.password, store.name, store.password))
		}
	}
	if c.set("pinot.http-client.socks-proxy") && c.set("pinot.http-client.http-proxy") {
		add("pinot.http-client.http-proxy", "Two proxies for one HTTP client",
			"pinot.http-client.socks-proxy and pinot.http-client.http-proxy are both set, and Trino's HTTP client takes only one proxy. Remove one of them.")
	}
	if secure, ok := c.boolean("pinot.http-client.http-proxy.secure", false); ok && secure && !c.set("pinot.http-client.http-proxy") {
		add("pinot.http-client.http-proxy.secure", "Secure proxy without a proxy",
			"pinot.http-client.http-proxy.secure is true, but pinot.http-client.http-proxy is not set, and Trino refuses that. Set the proxy, or remove pinot.http-client.http-proxy.secure.")
	}
	ps = append(ps, c.threadRules()...)
	if c.release >= 469 {
		length, lengthOK := c.dataSize("pinot.http-client.max-response-content-length", 32<<20)
		if c.set("pinot.http-client.max-content-length") {
			length, lengthOK = c.dataSize("pinot.http-client.max-content-length", 32<<20)
		}
		request, requestOK := c.dataSize("pinot.http-client.request-buffer-size", 4<<10)
		response, responseOK := c.dataSize("pinot.http-client.response-buffer-size", 16<<10)
		largest := max(length, request, response)
		switch {
		case !lengthOK || !requestOK || !responseOK:
		case largest > math.MaxInt32:
			add(lengthKey(c), "HTTP response limit too large",
				"Trino's HTTP client keeps the response content length limit and its buffer sizes in a 32-bit number, so none may be above 2147483647 bytes (just under 2GB). Lower the limit.")
		case largest%bufferPoolFactor != 0:
			add(lengthKey(c), "HTTP buffer size not a multiple of 4kB",
				fmt.Sprintf("Trino's HTTP client sizes its buffer pool by the largest of the response content length limit and the request and response buffer sizes (here %d bytes), and that must be a multiple of 4096 bytes. Use a whole number of MB, or of kB divisible by 4.", largest))
		}
	}
	return ps
}

// passwordStores are the stores whose path needs its password: the gRPC TLS stores (bound only
// with TLS) and the HTTP client's key store, which airlift cannot open without one (a
// NullPointerException on a real server). The HTTP client's trust store loads without one.
var passwordStores = []struct {
	name, summary, path, password string
	tlsOnly                       bool
}{
	{"keystore", "TLS keystore without a password", "pinot.grpc.tls.keystore-path", "pinot.grpc.tls.keystore-password", true},
	{"truststore", "TLS truststore without a password", "pinot.grpc.tls.truststore-path", "pinot.grpc.tls.truststore-password", true},
	{"key store", "HTTP client key store without a password", "pinot.http-client.key-store-path", "pinot.http-client.key-store-password", false},
}

// bufferPoolFactor is the granularity of the HTTP client's buffer pool (Jetty's capacity factor).
const bufferPoolFactor = 4096

// lengthKey names the property a content length problem is attached to.
func lengthKey(c catalogCheck) string {
	for _, k := range []string{"pinot.http-client.max-response-content-length", "pinot.http-client.max-content-length", "pinot.http-client.response-buffer-size", "pinot.http-client.request-buffer-size"} {
		if c.set(k) {
			return k
		}
	}
	return "pinot.http-client.max-response-content-length"
}

// threadRules apply what the HTTP client's thread pool (Jetty's) needs: a pool no smaller than
// its minimum, and room for one thread per selector plus at least one reserved thread.
func (c catalogCheck) threadRules() Problems {
	minThreads, minOK := c.integer("pinot.http-client.min-threads", 8)
	maxThreads, maxOK := c.integer("pinot.http-client.max-threads", 200)
	selectors, selectorsOK := c.integer("pinot.http-client.selector-count", 10)
	var ps Problems
	key := func(names ...string) string {
		for _, n := range names {
			if c.set(n) {
				return n
			}
		}
		return names[0]
	}
	if minOK && maxOK && minThreads > maxThreads {
		ps = append(ps, keyProblem(SeverityError, key("pinot.http-client.min-threads", "pinot.http-client.max-threads"), "More minimum than maximum HTTP client threads",
			fmt.Sprintf("pinot.http-client.min-threads (%d) is above pinot.http-client.max-threads (%d), and Trino's HTTP client cannot start its thread pool. Keep min-threads at or below max-threads (defaults 8 and 200).", minThreads, maxThreads)))
		return ps
	}
	// Jetty's thread budget: the selectors and the reserved threads, min(CPUs, max-threads / 8)
	// and at least one, must leave at least one thread: with max-threads - selectors CPUs or
	// more, they do not.
	if maxOK && selectorsOK && int64(maxThreads) < int64(selectors)+2 {
		ps = append(ps, keyProblem(SeverityError, key("pinot.http-client.max-threads", "pinot.http-client.selector-count"), "Too few HTTP client threads",
			fmt.Sprintf("pinot.http-client.max-threads (%d) leaves no room beside the %d selector threads (pinot.http-client.selector-count), the reserved thread and the one worker Trino's HTTP client needs, and Trino refuses to start it. Allow at least %d threads.", maxThreads, selectors, int64(selectors)+2)))
	} else if maxOK && selectorsOK && int64(maxThreads) < int64(selectors)+int64(max(1, maxThreads/8))+1 {
		ps = append(ps, keyProblem(SeverityWarning, key("pinot.http-client.max-threads", "pinot.http-client.selector-count"), "HTTP client threads may not suffice",
			fmt.Sprintf("Trino's HTTP client reserves one thread per CPU (at most max-threads / 8) beside its %d selector threads and needs one more. On a Trino node with %d or more CPUs, pinot.http-client.max-threads = %d is too few and Trino refuses to start the client.", selectors, int64(maxThreads)-int64(selectors), maxThreads)))
	}
	return ps
}

// set reports whether the catalog names the property.
func (c catalogCheck) set(key string) bool {
	_, ok := c.props[key]
	return ok
}

// readable returns a property's value when it is set and Trino reads it as written: known in the
// release, no secret reference, and valid on its own (a broken value has its own error).
func (c catalogCheck) readable(key string) (string, bool) {
	v, ok := c.props[key]
	if !ok || c.unknown[key] {
		return "", false
	}
	if p, known := propertyByName[key]; !known || !p.In(c.release) {
		return "", false
	}
	if refs, problem := secretReferences(key, v, c.release); refs || problem != nil {
		return "", false
	}
	if c.valueRule(*propertyByName[key], v) != "" {
		return "", false
	}
	return v, true
}

// valueOf returns a property's value read with parse (def when unset), and false when it cannot be
// read: a cross rule then says nothing, and the value's own rule reports it.
func valueOf[T any](c catalogCheck, key string, def T, parse func(string) (T, bool)) (T, bool) {
	if !c.set(key) {
		return def, true
	}
	if v, ok := c.readable(key); ok {
		return parse(v)
	}
	var zero T
	return zero, false
}

func (c catalogCheck) boolean(key string, def bool) (bool, bool) {
	return valueOf(c, key, def, ParseJavaBoolean)
}

func (c catalogCheck) integer(key string, def int32) (int32, bool) {
	return valueOf(c, key, def, ParseJavaInt)
}

func (c catalogCheck) dataSize(key string, def int64) (int64, bool) {
	return valueOf(c, key, def, ParseDataSize)
}
