// Command terraform-provider-startree serves the startree Terraform provider.
package main

import (
	"flag"
	"log"
	"os"

	"github.com/hashicorp/go-hclog"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6/tf6server"

	"github.com/startree/terraform-provider-startree/internal/provider"
)

// version is set by the release build (-ldflags "-X main.version=...").
var version = "dev"

// address is the provider's registry address; its name part names TF_LOG_PROVIDER_STARTREE.
const address = "registry.terraform.io/startree/startree"

func main() {
	provider.ProcessDefaults(os.Getenv)
	if provider.ClearProtoDataDir(os.Getenv, os.Unsetenv) {
		log.Printf("[WARN] %s is ignored: it writes every request, secrets included, to files; set %s=write-secrets-to-disk to use it", provider.ProtoDataDirVariable, provider.ProtoDataOptIn)
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
