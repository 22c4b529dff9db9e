// Command benchgen writes a generated site for benchmarks:
//
//	go run ./cmd/benchgen -n 10000 -out /dev/shm/site10k [-hugo]
//
// With -hugo it writes the equivalent Hugo site instead.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/rolesite/rolesite/internal/benchgen"
)

func main() {
	n := flag.Int("n", 1000, "number of pages")
	out := flag.String("out", "", "folder to write the site into (must not exist or be empty)")
	hugo := flag.Bool("hugo", false, "write the equivalent Hugo site")
	flag.Parse()
	if *out == "" || flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "usage: benchgen -n PAGES -out DIR [-hugo]")
		os.Exit(2)
	}
	if entries, err := os.ReadDir(*out); err == nil && len(entries) > 0 {
		fmt.Fprintf(os.Stderr, "benchgen: %s is not empty\n", *out)
		os.Exit(1)
	}
	emit := benchgen.ToDir(*out)
	gen := benchgen.Generate
	if *hugo {
		gen = benchgen.Hugo
	}
	if err := gen(*n, emit); err != nil {
		fmt.Fprintln(os.Stderr, "benchgen:", err)
		os.Exit(1)
	}
}
