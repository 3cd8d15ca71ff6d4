//go:build tools

// Package tools pins the build tools the GNUmakefile runs with `go run`.
package tools

import (
	// Documentation generation.
	_ "github.com/hashicorp/terraform-plugin-docs/cmd/tfplugindocs"
)
