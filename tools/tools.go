//go:build tools

// Package tools pins the build tools the GNUmakefile builds from this module: tfplugindocs for
// docs/, and OpenTofu for the acceptance tests against the second supported client.
package tools

import (
	// Documentation generation.
	_ "github.com/hashicorp/terraform-plugin-docs/cmd/tfplugindocs"
	// The OpenTofu CLI (its go.mod's replace directive is repeated in ours).
	_ "github.com/opentofu/opentofu/cmd/tofu"
)
