package provider

import (
	"runtime"
	"runtime/debug"
)

// gcPercent is the provider's garbage collection target when GOGC is not set: a provider process
// lives for one Terraform command with a small heap (tens of MiB), and collecting four times less
// often cut its CPU per data source instance by about a fifth in make bench (0.61 to 0.50 ms).
const gcPercent = 400

// maxProcs is the provider's GOMAXPROCS when the variable is not set. A provider serves one
// Terraform process with requests of tens of microseconds each; with a P per core, most requests
// woke an idle thread and the scheduler spun looking for work. On one P the requests run back to
// back: a plan of 1,000 trino_connection calls took 0.85 s of provider CPU on two cores, 0.66 s on
// one, and its wall time fell too (1.49 to 1.36 s), the CPU going to Terraform instead.
const maxProcs = 1

// ProcessDefaults sets the provider process's garbage collection target and number of Ps, each
// unless the user set its variable (GOGC, GOMAXPROCS), which the Go runtime then has applied.
func ProcessDefaults(getenv func(string) string) {
	if getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
	if getenv("GOMAXPROCS") == "" {
		runtime.GOMAXPROCS(maxProcs)
	}
}
