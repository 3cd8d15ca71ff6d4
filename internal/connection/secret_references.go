package connection

import (
	"fmt"
	"regexp"
	"strings"
)

// Trino replaces secret references in catalog values before the connector reads them. Up to 453
// the connector's bootstrap replaces ${ENV:NAME} (ENV in upper case) and leaves any other text; from
// 454 Trino's own resolver reads every ${provider:key} as a reference, with no escape, and by default
// knows only the provider env (in any case). The patterns are airlift's.
var (
	envReferenceBefore454 = regexp.MustCompile(`\$\{ENV:([a-zA-Z][a-zA-Z0-9_-]*)}`)
	secretReference454    = regexp.MustCompile(`\$\{([a-zA-Z][a-zA-Z0-9_-]*):([a-zA-Z][a-zA-Z0-9_-]*)}`)
	secretReference457    = regexp.MustCompile(`\$\{([a-zA-Z][a-zA-Z0-9_-]*):([^}]+?)}`)
)

// wholeEnvReference is a value that is one ${ENV:NAME} reference and nothing else, as every
// release reads it.
var wholeEnvReference = regexp.MustCompile(`^\$\{ENV:[a-zA-Z][a-zA-Z0-9_-]*}$`)

// IsEnvReference reports whether the value is exactly one ${ENV:NAME} reference: a secret kept on
// the Trino nodes, which env_properties and env leave as a reference instead of moving it.
func IsEnvReference(value string) bool {
	return strings.HasPrefix(value, "${ENV:") && wholeEnvReference.MatchString(value)
}

// secretResolverSince is the first Trino release that resolves ${provider:key} itself.
const secretResolverSince = 454

// HoldsSecretReference reports whether some release of Trino would read part of the value as a
// secret reference: ${provider:key} in any case (from 454), which includes ${ENV:NAME} (before).
func HoldsSecretReference(value string) bool {
	return strings.Contains(value, "${") && secretReference457.MatchString(value)
}

// secretReferences reports whether Trino would replace part of the value before reading it, and
// the problem with a reference Trino cannot resolve.
func secretReferences(key, value string, release int64) (bool, *Problem) {
	if !strings.Contains(value, "${") {
		return false, nil
	}
	if release < secretResolverSince {
		return envReferenceBefore454.MatchString(value), nil
	}
	pattern := secretReference457
	if release < 457 {
		pattern = secretReference454
	}
	matches := pattern.FindAllStringSubmatch(value, -1)
	for _, m := range matches {
		// The provider's name is a part of the value: the message says no more than the rule.
		if strings.ToLower(m[1]) != "env" {
			p := keyProblem(SeverityError, key, "Secret reference Trino cannot resolve",
				fmt.Sprintf("The value of %s holds a ${name:...} sequence other than ${ENV:...}, which Trino %d reads as a reference to a secret provider, and Trino knows only ${ENV:...} (environment variables) unless it is configured with a secrets file. There is no way to escape the sequence: change the value, or refer to an environment variable with ${ENV:NAME}.", quotedKey(key), release))
			return false, &p
		}
	}
	return len(matches) > 0, nil
}
