// Command propertytable writes the property table of the connection core into a docs template,
// between its markers: `go generate ./internal/connection` runs it for the data source's page.
package main

import (
	"fmt"
	"os"

	"github.com/startree/terraform-provider-startree/internal/connection"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: propertytable TEMPLATE")
		os.Exit(2)
	}
	path := os.Args[1]
	data, err := os.ReadFile(path)
	if err != nil {
		fmt.Fprintln(os.Stderr, "propertytable:", err)
		os.Exit(1)
	}
	spliced, err := connection.SplicePropertyTable(string(data))
	if err != nil {
		fmt.Fprintf(os.Stderr, "propertytable: %s: %v\n", path, err)
		os.Exit(1)
	}
	if spliced != string(data) {
		if err := os.WriteFile(path, []byte(spliced), 0o644); err != nil {
			fmt.Fprintln(os.Stderr, "propertytable:", err)
			os.Exit(1)
		}
	}
}
