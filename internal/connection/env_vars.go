package connection

import (
	"fmt"
	"slices"
	"strings"
)

// DefaultEnvVarPrefix names the variables of Connection.Env: PINOT_USERNAME and PINOT_PASSWORD.
const DefaultEnvVarPrefix = "PINOT"

// CheckEnvVarPrefix applies the rule of env_var_prefix: an uppercase environment variable name,
// short enough for a Kubernetes Secret key once suffixed, that no other prefix can collide with.
func CheckEnvVarPrefix(p string) Problems {
	ok := p != "" && 'A' <= p[0] && p[0] <= 'Z'
	for i := 1; ok && i < len(p); i++ {
		c := p[i]
		ok = 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_'
	}
	// The value is never quoted: the provider cannot see whether it is sensitive.
	if !ok {
		fix := ""
		if fixedEnvVarPrefix(p) != "" {
			fix = " Its upper-case spelling, with '_' for every other character, is a valid prefix."
		}
		return Problems{errorf(InputEnvVarPrefix, "Invalid env_var_prefix",
			fmt.Sprintf("env_var_prefix is not an uppercase variable name. Expected an uppercase ASCII letter followed by uppercase letters, digits and underscores (^[A-Z][A-Z0-9_]*$), such as %q.%s", DefaultEnvVarPrefix, fix))}
	}
	if longest := len(p) + 1 + len(longestEnvVarSuffix); longest > MaxEnvVarName {
		return Problems{errorf(InputEnvVarPrefix, "env_var_prefix too long",
			fmt.Sprintf("env_var_prefix has %d characters. With the longest ending the provider gives a variable (_%s) a name would have %d characters, and a Kubernetes Secret key has at most %d. Use at most %d characters.", len(p), longestEnvVarSuffix, longest, MaxEnvVarName, MaxEnvVarName-1-len(longestEnvVarSuffix)))}
	}
	for _, tail := range collidingTails {
		if strings.HasSuffix(p, "_"+tail.tail) {
			return Problems{errorf(InputEnvVarPrefix, "env_var_prefix that another prefix collides with",
				fmt.Sprintf("env_var_prefix ends with \"_%s\", so its %s variable, <prefix>_%s, would have the same name as the %s variable of the prefix without \"_%s\": two catalogs' secrets could replace each other in one Kubernetes Secret. Choose a prefix that does not end with \"_%s\".",
					tail.tail, tail.restOf, tail.rest, tail.wholeOf, tail.tail, tail.tail))}
		}
	}
	return nil
}

// fixedEnvVarPrefix spells a prefix as a variable name (upper case, '_' for anything else), or
// "" when that does not give one.
func fixedEnvVarPrefix(p string) string {
	f := envVarSpelling(p)
	if f == "" || f[0] < 'A' || f[0] > 'Z' || f == p {
		return ""
	}
	return f
}

// MaxEnvVarName is the longest key a Kubernetes Secret allows, and so the longest variable name
// the provider gives.
const MaxEnvVarName = 253

// envVarEndings are the endings the provider gives variable names after "<prefix>_": the
// credentials', and one per security-sensitive property it knows.
var envVarEndings = func() map[string]string {
	m := map[string]string{"USERNAME": "username", "PASSWORD": "password"}
	for _, p := range properties {
		if p.Sensitive {
			m[envVarSuffix(p.Name)] = p.Name
		}
	}
	return m
}()

var longestEnvVarSuffix = func() string {
	longest := ""
	for s := range envVarEndings {
		if len(s) > len(longest) || len(s) == len(longest) && s < longest {
			longest = s
		}
	}
	return longest
}()

// collidingTail is a prefix ending that makes two prefixes give one name: P + "_" + tail + "_" +
// rest is both prefix P's ending tail_rest and prefix P_tail's ending rest.
type collidingTail struct {
	tail, rest string
	// restOf and wholeOf name what the endings rest and tail_rest stand for.
	restOf, wholeOf string
}

var collidingTails = func() []collidingTail {
	var tails []collidingTail
	for ending := range envVarEndings {
		for i := 0; i < len(ending); i++ {
			if ending[i] != '_' {
				continue
			}
			if restOf, ok := envVarEndings[ending[i+1:]]; ok {
				tails = append(tails, collidingTail{tail: ending[:i], rest: ending[i+1:], restOf: restOf, wholeOf: envVarEndings[ending]})
			}
		}
	}
	slices.SortFunc(tails, func(a, b collidingTail) int { return strings.Compare(a.tail+"_"+a.rest, b.tail+"_"+b.rest) })
	return tails
}()

// envVarOf names the variable env_properties refers to in place of a property's value, or "" for
// a value that is not a secret: every key of secret_properties, and every security-sensitive one,
// except a value that is itself one ${ENV:NAME} reference, which both routes keep as it is.
func envVarOf(s Settings, key, value string) string {
	if _, secret := s.SecretProperties[key]; !secret && !IsSensitiveProperty(key) || IsEnvReference(value) {
		return ""
	}
	return s.EnvVarPrefix + "_" + envVarSuffix(key)
}

// checkEnvVarNames refuses two secrets that would share a variable name, and a name longer than a
// Kubernetes Secret key: only keys the provider does not know (for a newer Trino) can do either.
func checkEnvVarNames(s Settings) Problems {
	var ps Problems
	// Built at the first secret: most catalogs have none, and then nothing is allocated.
	var owner map[string]string
	props := catalogProperties(s)
	for _, k := range sortedKeys(props) {
		name := envVarOf(s, k, props[k])
		if name == "" {
			continue
		}
		if owner == nil {
			owner = map[string]string{s.EnvVarPrefix + "_USERNAME": "the username", s.EnvVarPrefix + "_PASSWORD": "the password"}
		}
		in := InputExtraProperties
		if _, secret := s.SecretProperties[k]; secret {
			in = InputSecretProperties
		}
		if other, taken := owner[name]; taken {
			ps = append(ps, Problem{Severity: SeverityError, Input: in, Key: k, Summary: "Two secrets with one variable name",
				Detail: fmt.Sprintf("The value of %s would be the variable %s in env, which already holds %s. Rename the property, or set it under a different env_var_prefix.", quotedKey(k), name, other)})
			continue
		}
		owner[name] = "the value of " + quotedKey(k)
		if tail, rest, ok := collidingSuffix(envVarSuffix(k)); ok {
			ps = append(ps, Problem{Severity: SeverityError, Input: in, Key: k, Summary: "Variable name another prefix gives",
				Detail: fmt.Sprintf("The value of %s would be the variable %s in env, which is also the %s variable of env_var_prefix %s_%s: two catalogs' secrets could replace each other in one Kubernetes Secret. Rename the property, or keep the value out of secret_properties.", quotedKey(k), name, envVarEndings[rest], s.EnvVarPrefix, tail)})
		}
		if len(name) > MaxEnvVarName {
			ps = append(ps, Problem{Severity: SeverityError, Input: in, Key: k, Summary: "Variable name too long",
				Detail: fmt.Sprintf("The value of %s would be a variable of %d characters in env, and a Kubernetes Secret key has at most %d. Use a shorter env_var_prefix or a shorter key.", quotedKey(k), len(name), MaxEnvVarName)})
		}
	}
	return ps
}

// collidingSuffix reports whether a variable ending the provider does not give itself (a key it
// does not know) ends with "_" and one it does give: prefix P's ending tail_rest is then prefix
// P_tail's ending rest.
func collidingSuffix(suffix string) (tail, rest string, ok bool) {
	if _, known := envVarEndings[suffix]; known {
		return "", "", false
	}
	for i := 0; i < len(suffix); i++ {
		if suffix[i] == '_' {
			if _, known := envVarEndings[suffix[i+1:]]; known && i > 0 {
				return suffix[:i], suffix[i+1:], true
			}
		}
	}
	return "", "", false
}

// envVarSuffix turns a property name into the rest of a variable name:
// "pinot.grpc.tls.keystore-password" gives "GRPC_TLS_KEYSTORE_PASSWORD".
func envVarSuffix(key string) string {
	return envVarSpelling(strings.TrimPrefix(key, "pinot."))
}

// envVarSpelling spells text as a part of a variable name: letters in upper case, digits as they
// are, '_' for anything else.
func envVarSpelling(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case 'a' <= r && r <= 'z':
			return r - 'a' + 'A'
		case 'A' <= r && r <= 'Z', '0' <= r && r <= '9':
			return r
		default:
			return '_'
		}
	}, s)
}
