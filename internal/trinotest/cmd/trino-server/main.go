// Command trino-server starts the real Trino server the tests use, by hand: one coordinator on
// loopback with only the Pinot plugin and dynamic catalogs, until it gets an interrupt; then it
// stops the server by its process id. `make trino-server` runs it.
package main

import (
	"flag"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"github.com/startree/terraform-provider-startree/internal/trinotest"
)

func main() {
	release := flag.Int64("release", 476, "a server-tarball release of tools/judge/releases")
	store := flag.String("store", "memory", "the dynamic catalog store: memory or file")
	dir := flag.String("dir", "", "the server's folder (a new temporary one when empty)")
	flag.Parse()
	if *dir == "" {
		d, err := os.MkdirTemp("", "trino-server-")
		if err != nil {
			fail(err)
		}
		*dir = d
	}
	server, err := trinotest.Start(*dir, trinotest.Options{Release: *release, Dynamic: true, Store: *store, Env: os.Environ()})
	if err != nil {
		fail(err)
	}
	fmt.Printf("Trino %d is running at %s (process %d, folder %s, log %s); Ctrl-C stops it.\n", *release, server.URL, server.PID(), *dir, server.LogPath())
	signals := make(chan os.Signal, 1)
	signal.Notify(signals, os.Interrupt, syscall.SIGTERM)
	<-signals
	if err := server.Stop(); err != nil {
		fail(err)
	}
	fmt.Println("stopped")
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "trino-server:", err)
	os.Exit(1)
}
