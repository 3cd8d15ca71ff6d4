// Command terraform-provider-startree serves the startree Terraform provider.
package main

import (
	"flag"
	"log"
	"os"
	"runtime"
	"runtime/debug"

	"github.com/hashicorp/go-hclog"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6/tf6server"

	"github.com/startree/terraform-provider-startree/internal/provider"
)

// version is set by the release build (-ldflags "-X main.version=...").
var version = "dev"

// address is the provider's registry address; its name part names TF_LOG_PROVIDER_STARTREE.
const address = "registry.terraform.io/startree/startree"

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

func main() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
	if os.Getenv("GOMAXPROCS") == "" {
		runtime.GOMAXPROCS(maxProcs)
	}
	var debugMode bool
	flag.BoolVar(&debugMode, "debug", false, "run the provider with support for debuggers like delve")
	flag.Parse()

	var opts []tf6server.ServeOpt
	if debugMode {
		opts = append(opts, tf6server.WithManagedDebug())
	}
	if provider.QuietLogs(os.Getenv, os.Setenv) {
		// Nobody asked for the provider's logs: go-plugin's own lines go nowhere either.
		opts = append(opts, tf6server.WithGoPluginLogger(hclog.NewNullLogger()))
	}
	server := provider.NewServer(version)
	if err := tf6server.Serve(address, func() tfprotov6.ProviderServer {
		s, err := server()
		if err != nil {
			log.Fatal(err.Error())
		}
		return s
	}, opts...); err != nil {
		log.Fatal(err.Error())
	}
}
