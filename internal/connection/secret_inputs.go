package connection

import "fmt"

// checkSecretsStaySecret refuses a non-secret input whose value is one of the object's own
// secrets: the password api_token gives, the token itself, or a value of secret_properties.
// Terraform drops the sensitive mark of a value that reaches a computed output, and the provider
// cannot see the mark, so such a value would be public in env_properties, create_catalog_sql and
// the plan. The error names the input, never the value, and goes on the object: Terraform's
// snippet of the entry's line would show it.
func checkSecretsStaySecret(s Settings, creds *Credentials) Problems {
	secrets := map[string]string{}
	for k, v := range s.SecretProperties {
		if v != "" && !IsEnvReference(v) {
			if p, known := propertyByName[k]; known {
				secrets[v] = fmt.Sprintf("secret_properties[%q]", p.Name)
			} else {
				secrets[v] = "a value of secret_properties"
			}
		}
	}
	if s.APIToken != nil && *s.APIToken != "" {
		secrets[*s.APIToken] = "api_token"
	}
	if creds != nil && creds.Password != "" {
		secrets[creds.Password] = "the password api_token gives"
	}
	var ps Problems
	add := func(in Input, key, where, secret string) {
		ps = append(ps, Problem{Severity: SeverityError, Input: in, Key: key, OnObject: true, Summary: "Secret in an input that is not secret",
			Detail: fmt.Sprintf("%s holds the same value as %s. The provider writes it to env_properties and create_catalog_sql, which are not sensitive, and Terraform shows it in plans, so the secret would be public. Move it to secret_properties, or give it another value.", where, secret)})
	}
	for _, k := range sortedKeys(s.ExtraProperties) {
		if secret, ok := secrets[s.ExtraProperties[k]]; ok {
			add(InputExtraProperties, k, "extra_properties["+quotedKey(k)+"]", secret)
		}
	}
	for _, in := range []struct {
		input Input
		value string
	}{{InputCluster, s.Cluster}, {InputCatalogName, s.CatalogName}, {InputEnvVarPrefix, s.EnvVarPrefix}} {
		if secret, ok := secrets[in.value]; ok {
			add(in.input, "", string(in.input), secret)
		}
	}
	for _, in := range []struct {
		input Input
		value *string
	}{{InputEnvironment, s.Environment}, {InputDomain, s.Domain}} {
		if in.value == nil {
			continue
		}
		if secret, ok := secrets[*in.value]; ok {
			add(in.input, "", string(in.input), secret)
		}
	}
	return ps
}
