package connection

import (
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/startree/terraform-provider-startree/internal/startreeguide"
)

// The golden catalogs: the guide's "Connection Settings for Trino" section for cluster pug,
// environment prod and domain awesome-company.startree.cloud, with the basic token's credentials
// inline, and the same with environment references. The provider's acceptance tests read them too.
var (
	guideCatalog    = readGolden("guide_basic.properties")
	guideEnvCatalog = readGolden("guide_env.properties")
)

func readGolden(name string) string {
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		panic(err)
	}
	return string(b)
}

func ptr(s string) *string { return &s }

func guideSettings(token string) Settings {
	s := DefaultSettings()
	s.APIToken = &token
	s.Cluster, s.Environment, s.Domain = guideCoordinates.Cluster, ptr(guideCoordinates.Environment), ptr(guideCoordinates.Domain)
	return s
}

func TestComputeGuideBasic(t *testing.T) {
	c, ps := Compute(guideSettings(startreeguide.BasicToken))
	if len(ps) != 0 {
		t.Fatalf("unexpected problems: %v", ps)
	}
	if *c.Credentials != (Credentials{TokenTypeBasic, startreeguide.BasicUsername, startreeguide.BasicPassword}) {
		t.Errorf("credentials = %+v", *c.Credentials)
	}
	if c.Properties != guideCatalog {
		t.Errorf("Properties =\n%s\nwant\n%s", c.Properties, guideCatalog)
	}
	if c.EnvProperties != guideEnvCatalog {
		t.Errorf("EnvProperties =\n%s\nwant\n%s", c.EnvProperties, guideEnvCatalog)
	}
	wantEnv := map[string]string{"PINOT_USERNAME": startreeguide.BasicUsername, "PINOT_PASSWORD": startreeguide.BasicPassword}
	if !maps.Equal(c.Env(), wantEnv) {
		t.Errorf("Env = %v, want %v", c.Env(), wantEnv)
	}
	if !maps.Equal(c.PropertiesMap(), parseSimpleCatalog(guideCatalog)) {
		t.Errorf("PropertiesMap = %v", c.PropertiesMap())
	}
}

func TestComputeGuideBearer(t *testing.T) {
	c, ps := Compute(guideSettings(startreeguide.BearerToken))
	if len(ps) != 0 {
		t.Fatalf("unexpected problems: %v", ps)
	}
	want := strings.NewReplacer(startreeguide.BasicUsername, startreeguide.BearerUsername, startreeguide.BasicPassword, startreeguide.BearerPassword).Replace(guideCatalog)
	if c.Properties != want {
		t.Errorf("Properties =\n%s\nwant\n%s", c.Properties, want)
	}
	if c.EnvProperties != guideEnvCatalog {
		t.Errorf("EnvProperties =\n%s", c.EnvProperties)
	}
	if c.Credentials.Type != TokenTypeBearer || c.Env()["PINOT_USERNAME"] != startreeguide.BearerUsername || c.Env()["PINOT_PASSWORD"] != startreeguide.BearerPassword {
		t.Errorf("credentials %+v, env %v", *c.Credentials, c.Env())
	}
}

func TestComputePlainTextWithoutToken(t *testing.T) {
	s := guideSettings("")
	s.APIToken, s.TLSEnabled, s.GRPCPort = nil, false, 8090
	c, ps := Compute(s)
	if len(ps) != 0 {
		t.Fatalf("unexpected problems: %v", ps)
	}
	want := `connector.name=pinot
pinot.controller-urls=http://proxy.broker.pug.prod.awesome-company.startree.cloud:80
pinot.grpc.port=8090
pinot.proxy.enabled=true
pinot.grpc.proxy-uri=proxy-grpc.broker.pug.prod.awesome-company.startree.cloud:80
pinot.grpc.use-plain-text=true
`
	if c.Properties != want || c.EnvProperties != want {
		t.Errorf("Properties =\n%s\nEnvProperties =\n%s\nwant\n%s", c.Properties, c.EnvProperties, want)
	}
	if c.Credentials != nil || c.Env() != nil {
		t.Errorf("credentials %v and env %v, want nil", c.Credentials, c.Env())
	}
}

func TestComputePlainTextWithTokenWarns(t *testing.T) {
	s := guideSettings(startreeguide.BasicToken)
	s.TLSEnabled = false
	c, ps := Compute(s)
	assertSummaries(t, ps, []string{"Credentials sent without TLS"})
	if ps[0].Input != InputAPIToken || ps[0].Severity != SeverityWarning {
		t.Errorf("warning %+v, want a warning on api_token", ps[0])
	}
	if !strings.Contains(c.Properties, "pinot.grpc.use-plain-text=true\npinot.controller.authentication.type=PASSWORD\n") {
		t.Errorf("Properties lack plain text with credentials:\n%s", c.Properties)
	}
	assertNoSecret(t, ps, startreeguide.BasicToken, startreeguide.BasicUsername, startreeguide.BasicPassword)
}

func TestComputeMissingTokenWithTLS(t *testing.T) {
	s := guideSettings("")
	s.APIToken = nil
	_, ps := Compute(s)
	want := "A StarTree API token is required when tls_enabled is true. Set api_token on this object, api_token in the provider block, or the STARTREE_API_TOKEN environment variable."
	if len(ps) != 1 || ps[0].Summary != "Missing StarTree API token" || ps[0].Detail != want || ps[0].Input != InputAPIToken {
		t.Errorf("got %#v", ps)
	}
}

func TestComputeExtraPropertiesAndPrefix(t *testing.T) {
	s := guideSettings(startreeguide.BearerToken)
	s.EnvVarPrefix = "PINOT_SALES"
	s.ExtraProperties = map[string]string{
		"pinot.segments-per-split": "4",
		"pinot.connection-timeout": "2m",
	}
	s.SecretProperties = map[string]string{"pinot.grpc.tls.truststore-password": "trust me"}
	c, ps := Compute(s)
	if len(ps) != 0 {
		t.Fatalf("unexpected problems: %v", ps)
	}
	wantTail := "pinot.connection-timeout=2m\npinot.grpc.tls.truststore-password=trust me\npinot.segments-per-split=4\n"
	if !strings.HasSuffix(c.Properties, wantTail) {
		t.Errorf("Properties =\n%s\nwant it to end with\n%s", c.Properties, wantTail)
	}
	wantEnvTail := "pinot.broker.authentication.user=${ENV:PINOT_SALES_USERNAME}\npinot.broker.authentication.password=${ENV:PINOT_SALES_PASSWORD}\n" +
		"pinot.connection-timeout=2m\npinot.grpc.tls.truststore-password=${ENV:PINOT_SALES_GRPC_TLS_TRUSTSTORE_PASSWORD}\npinot.segments-per-split=4\n"
	if !strings.HasSuffix(c.EnvProperties, wantEnvTail) {
		t.Errorf("EnvProperties =\n%s\nwant it to end with\n%s", c.EnvProperties, wantEnvTail)
	}
	wantEnv := map[string]string{
		"PINOT_SALES_USERNAME":                     startreeguide.BearerUsername,
		"PINOT_SALES_PASSWORD":                     startreeguide.BearerPassword,
		"PINOT_SALES_GRPC_TLS_TRUSTSTORE_PASSWORD": "trust me",
	}
	if !maps.Equal(c.Env(), wantEnv) {
		t.Errorf("Env = %v, want %v", c.Env(), wantEnv)
	}
	if len(c.PropertiesMap()) != 15 || c.PropertiesMap()["pinot.grpc.tls.truststore-password"] != "trust me" {
		t.Errorf("PropertiesMap = %v", c.PropertiesMap())
	}
}

// Every property of secret_properties moves into Env, the HTTP client's included, and so does a
// key the provider cannot know (a newer Trino), whatever its name.
func TestComputeMovesEverySecretIntoEnv(t *testing.T) {
	s := guideSettings(startreeguide.BearerToken)
	newer := int64(NewestKnownTrinoRelease + 1)
	s.TrinoVersion = &newer
	s.ExtraProperties = map[string]string{
		"pinot.http-client.http-proxy":     "proxy:3128",
		"pinot.http-client.key-store-path": "/etc/ks.p12",
		"pinot.future.limit":               "7",
	}
	s.SecretProperties = map[string]string{
		"pinot.http-client.http-proxy.password":  "proxy secret",
		"pinot.http-client.key-store-password":   "ks secret",
		"pinot.http-client.trust-store-password": "ts secret",
		"pinot.future.api-token":                 "future secret",
		"pinot.future.opaque":                    "future opaque secret",
	}
	c, ps := Compute(s)
	if ps.HasError() {
		t.Fatalf("unexpected errors: %v", ps)
	}
	wantEnv := map[string]string{
		"PINOT_USERNAME":                         startreeguide.BearerUsername,
		"PINOT_PASSWORD":                         startreeguide.BearerPassword,
		"PINOT_HTTP_CLIENT_HTTP_PROXY_PASSWORD":  "proxy secret",
		"PINOT_HTTP_CLIENT_KEY_STORE_PASSWORD":   "ks secret",
		"PINOT_HTTP_CLIENT_TRUST_STORE_PASSWORD": "ts secret",
		"PINOT_FUTURE_API_TOKEN":                 "future secret",
		"PINOT_FUTURE_OPAQUE":                    "future opaque secret",
	}
	if !maps.Equal(c.Env(), wantEnv) {
		t.Errorf("Env = %v, want %v", c.Env(), wantEnv)
	}
	for _, secret := range []string{"proxy secret", "ks secret", "ts secret", "future secret", "future opaque secret"} {
		if strings.Contains(c.EnvProperties, secret) {
			t.Errorf("EnvProperties holds %q:\n%s", secret, c.EnvProperties)
		}
	}
	for _, line := range []string{"pinot.future.limit=7\n", "pinot.http-client.http-proxy=proxy:3128\n", "pinot.http-client.key-store-path=/etc/ks.p12\n"} {
		if !strings.Contains(c.EnvProperties, line) {
			t.Errorf("EnvProperties lacks %q", line)
		}
	}
}

func TestComputeReportsEveryBrokenInput(t *testing.T) {
	s := DefaultSettings()
	bad, version := "st-", int64(1)
	s.APIToken, s.TrinoVersion = &bad, &version
	s.Cluster, s.Environment, s.Domain = "A", ptr("B"), ptr("C")
	s.GRPCPort, s.EnvVarPrefix = 0, "x"
	s.ExtraProperties = map[string]string{"connector.name": "x"}
	c, ps := Compute(s)
	var got []Input
	for _, p := range ps {
		got = append(got, p.Input)
	}
	want := []Input{InputAPIToken, InputCluster, InputEnvironment, InputDomain, InputGRPCPort, InputTrinoVersion, InputEnvVarPrefix, InputExtraProperties}
	if len(got) != len(want) {
		t.Fatalf("problems on %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("problems on %v, want %v", got, want)
		}
	}
	if c.Properties != "" || c.PropertiesMap() != nil {
		t.Errorf("a result came back with errors: %+v", c)
	}
}

func TestComputeIsDeterministic(t *testing.T) {
	s := guideSettings(startreeguide.BasicToken)
	s.ExtraProperties = map[string]string{}
	for i := 0; i < 50; i++ {
		s.ExtraProperties["pinot.x"+strings.Repeat("y", i)] = "v"
	}
	first, _ := Compute(s)
	for i := 0; i < 20; i++ {
		again, _ := Compute(s)
		if again.Properties != first.Properties || again.EnvProperties != first.EnvProperties {
			t.Fatal("two computations of the same settings differ")
		}
	}
}

// parseSimpleCatalog reads a catalog without escapes, for the tests that compare with a golden file.
func parseSimpleCatalog(s string) map[string]string {
	m := map[string]string{}
	for _, line := range strings.Split(strings.TrimSuffix(s, "\n"), "\n") {
		k, v, _ := strings.Cut(line, "=")
		m[k] = v
	}
	return m
}

// No two prefixes the provider accepts give the same variable name, over every ending it gives
// (the credentials' and every security-sensitive property's): a prefix P and the prefix P + "_" +
// any leading part of an ending are checked against each other.
func TestEnvVarNamesNeverCollide(t *testing.T) {
	bases := []string{"PINOT", "SALES", "P", "A_B"}
	prefixes := map[string]bool{}
	for _, base := range bases {
		prefixes[base] = true
		for ending := range envVarEndings {
			parts := strings.Split(ending, "_")
			for i := 1; i < len(parts); i++ {
				prefixes[base+"_"+strings.Join(parts[:i], "_")] = true
			}
		}
	}
	names := map[string]string{}
	accepted := 0
	for p := range prefixes {
		if CheckEnvVarPrefix(p).HasError() {
			continue
		}
		accepted++
		for ending := range envVarEndings {
			name := p + "_" + ending
			if other, taken := names[name]; taken && other != p {
				t.Errorf("prefixes %q and %q both give %s", p, other, name)
			}
			names[name] = p
		}
	}
	if len(collidingTails) == 0 || accepted == len(prefixes) {
		t.Fatalf("no prefix was refused (%d tails): the test proves nothing", len(collidingTails))
	}
}

// Only keys the provider cannot know (a newer Trino) can give two secrets one variable name.
func TestComputeRefusesSharedVariableNames(t *testing.T) {
	s := guideSettings(startreeguide.BearerToken)
	newer := int64(NewestKnownTrinoRelease + 1)
	s.TrinoVersion = &newer
	s.SecretProperties = map[string]string{"pinot.a-b.password": "1", "pinot.a.b.password": "2", "pinot.password": "3"}
	_, ps := Compute(s)
	errs := ps.Errors()
	// The first one's variable is also another prefix's (PINOT_A_B's password variable).
	if len(errs) != 3 || errs[0].Key != "pinot.a-b.password" || errs[0].Summary != "Variable name another prefix gives" ||
		errs[1].Key != "pinot.a.b.password" || errs[1].Input != InputSecretProperties ||
		errs[1].Detail != `The value of "pinot.a.b.password" would be the variable PINOT_A_B_PASSWORD in env, which already holds the value of "pinot.a-b.password". Rename the property, or set it under a different env_var_prefix.` ||
		errs[2].Detail != `The value of "pinot.password" would be the variable PINOT_PASSWORD in env, which already holds the password. Rename the property, or set it under a different env_var_prefix.` {
		t.Errorf("got %v", errs)
	}
}

// Two catalogs of one Trino get their own variables without an env_var_prefix: it follows
// catalog_name, so merge() of their env maps keeps both clusters' credentials.
func TestEnvVarPrefixFollowsCatalogName(t *testing.T) {
	env := map[string]string{}
	for _, tt := range []struct{ catalog, token, user string }{
		{"pinot_a", startreeguide.BasicToken, "PINOT_A_USERNAME"},
		{"pinot_b", startreeguide.BearerToken, "PINOT_B_USERNAME"},
		{"pinot", startreeguide.BasicToken, "PINOT_USERNAME"},
	} {
		s := guideSettings(tt.token)
		s.CatalogName = tt.catalog
		c, ps := Compute(s)
		if ps.HasError() {
			t.Fatal(ps)
		}
		if _, ok := c.Env()[tt.user]; !ok || !strings.Contains(c.EnvProperties, "${ENV:"+tt.user+"}") || s.EnvVarPrefixUsed() != strings.TrimSuffix(tt.user, "_USERNAME") {
			t.Errorf("catalog %s: env %v, env_properties\n%s", tt.catalog, c.Env(), c.EnvProperties)
		}
		for k, v := range c.Env() {
			if _, taken := env[k]; taken {
				t.Errorf("catalog %s shares %s with another catalog", tt.catalog, k)
			}
			env[k] = v
		}
	}
	if len(env) != 6 {
		t.Errorf("three catalogs gave %d variables", len(env))
	}
	// A set prefix wins; a catalog name that gives no variable name says where the prefix came from.
	s := guideSettings(startreeguide.BasicToken)
	s.CatalogName, s.EnvVarPrefix = "sales", "PINOT"
	if c, _ := Compute(s); c.Env()["PINOT_USERNAME"] == "" {
		t.Errorf("env_var_prefix set: %v", c.Env())
	}
	s.CatalogName, s.EnvVarPrefix = "_sales", ""
	_, ps := Compute(s)
	if len(ps) != 1 || ps[0].Input != InputEnvVarPrefix || ps[0].Summary != "Invalid env_var_prefix" ||
		!strings.HasPrefix(ps[0].Detail, "env_var_prefix is not set, so it follows catalog_name, upper-cased. ") ||
		!strings.HasSuffix(ps[0].Detail, " Set env_var_prefix, or choose another catalog_name.") {
		t.Errorf("catalog _sales: %v", ps)
	}
}

// A secret that is one ${ENV:NAME} reference reaches Trino as that reference on every route: the
// catalog file, env_properties and create_catalog_sql all hold it, and env does not.
func TestSecretThatIsAReference(t *testing.T) {
	s := guideSettings(startreeguide.BasicToken)
	s.SecretProperties = map[string]string{"pinot.grpc.tls.keystore-password": "${ENV:KS_PASS}", "pinot.http-client.http-proxy.user": "proxy-user"}
	c, ps := Compute(s)
	if ps.HasError() {
		t.Fatal(ps)
	}
	for name, out := range map[string]string{"properties": c.Properties, "env_properties": c.EnvProperties, "create_catalog_sql": c.CreateCatalogSQL} {
		if !strings.Contains(out, "${ENV:KS_PASS}") {
			t.Errorf("%s lacks the reference:\n%s", name, out)
		}
	}
	if _, moved := c.Env()["PINOT_GRPC_TLS_KEYSTORE_PASSWORD"]; moved {
		t.Errorf("env holds the reference: %v", c.Env())
	}
	// Any other property in secret_properties moves into env, like a security-sensitive one.
	if c.Env()["PINOT_HTTP_CLIENT_HTTP_PROXY_USER"] != "proxy-user" || strings.Contains(c.EnvProperties, "proxy-user") || strings.Contains(c.CreateCatalogSQL, "proxy-user") {
		t.Errorf("a plain property kept secret: env %v\n%s", c.Env(), c.EnvProperties)
	}
}

// A non-secret input that holds one of the object's secrets is an error on the object that names
// the input and the secret's place, never the value.
func TestSecretInAnInputThatIsNotSecret(t *testing.T) {
	s := guideSettings(startreeguide.BasicToken)
	s.SecretProperties = map[string]string{"pinot.http-client.http-proxy.password": "Pr0xy-Pass", "pinot.http-client.http-proxy": "proxy:3128"}
	s.ExtraProperties = map[string]string{"pinot.http-client.http-proxy.user": "Pr0xy-Pass", "pinot.http-client.log.path": startreeguide.BasicPassword}
	_, ps := Compute(s)
	want := []string{
		`extra_properties["pinot.http-client.http-proxy.user"] holds the same value as secret_properties["pinot.http-client.http-proxy.password"]. The provider writes it to env_properties and create_catalog_sql, which are not sensitive, and Terraform shows it in plans, so the secret would be public. Move it to secret_properties, or give it another value.`,
		`extra_properties["pinot.http-client.log.path"] holds the same value as the password api_token gives. The provider writes it to env_properties and create_catalog_sql, which are not sensitive, and Terraform shows it in plans, so the secret would be public. Move it to secret_properties, or give it another value.`,
	}
	if len(ps) != len(want) {
		t.Fatalf("got %v", ps)
	}
	for i, p := range ps {
		if p.Summary != "Secret in an input that is not secret" || !p.OnObject || p.Input != InputExtraProperties || p.Detail != want[i] {
			t.Errorf("got %+v\nwant %s", p, want[i])
		}
		if strings.Contains(p.Detail, "Pr0xy") || strings.Contains(p.Detail, startreeguide.BasicPassword) {
			t.Error("the message quotes the secret")
		}
	}
	s = guideSettings(startreeguide.BasicToken)
	s.Cluster = startreeguide.BasicToken
	if _, ps := Compute(s); !ps.HasError() {
		t.Error("a cluster that holds the token")
	}
}

// An unknown secret key whose variable another prefix also gives is refused:
// PINOT + pinot.x-password and PINOT_X + the password are both PINOT_X_PASSWORD.
func TestUnknownSecretKeyCollidesWithAPrefix(t *testing.T) {
	s := guideSettings(startreeguide.BasicToken)
	newer := int64(NewestKnownTrinoRelease + 1)
	s.TrinoVersion = &newer
	s.SecretProperties = map[string]string{"pinot.x-password": "s3cret"}
	_, ps := Compute(s)
	errs := ps.Errors()
	if len(errs) != 1 || errs[0].Summary != "Variable name another prefix gives" || errs[0].Input != InputSecretProperties ||
		errs[0].Detail != `The value of "pinot.x-password" would be the variable PINOT_X_PASSWORD in env, which is also the password variable of env_var_prefix PINOT_X: two catalogs' secrets could replace each other in one Kubernetes Secret. Rename the property, or keep the value out of secret_properties.` {
		t.Errorf("got %v", ps)
	}
	s.SecretProperties = map[string]string{"pinot.xpassword": "s3cret"}
	if _, ps := Compute(s); ps.HasError() {
		t.Errorf("no collision: %v", ps)
	}
}
