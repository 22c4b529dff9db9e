// Command benchgen writes a generated site for benchmarks:
//
//	go run ./cmd/benchgen -n 10000 -out /dev/shm/site10k [-hugo]
//
// With -hugo it writes the equivalent Hugo site instead, with a layout set
// for Hugo before 0.146 and one since, as themes; -hugo-theme prints the
// theme that a Hugo accepts, given its `hugo version` output:
//
//	hugo --theme "$(benchgen -hugo-theme "$(hugo version)")" -s DIR -d OUT
//
// -check-hugo checks Hugo's output of the n-page site: every page, section,
// taxonomy and term written, with its content and its lists.
//
//	benchgen -n 10000 -check-hugo OUT
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
	theme := flag.String("hugo-theme", "", "print the theme of the Hugo site for this `hugo version` output")
	check := flag.String("check-hugo", "", "check Hugo's output `folder` of the n-page site")
	flag.Parse()
	switch {
	case flag.NArg() > 0:
	case *theme != "":
		fmt.Println(benchgen.HugoTheme(*theme))
		return
	case *check != "":
		if err := benchgen.CheckHugo(*n, os.DirFS(*check)); err != nil {
			fmt.Fprintf(os.Stderr, "benchgen: Hugo's output in %s:\n%v\n", *check, err)
			os.Exit(1)
		}
		return
	case *out != "":
		generate(*n, *out, *hugo)
		return
	}
	fmt.Fprintln(os.Stderr, "usage: benchgen -n PAGES -out DIR [-hugo] | -hugo-theme VERSION | -n PAGES -check-hugo DIR")
	os.Exit(2)
}

func generate(n int, out string, hugo bool) {
	if entries, err := os.ReadDir(out); err == nil && len(entries) > 0 {
		fmt.Fprintf(os.Stderr, "benchgen: %s is not empty\n", out)
		os.Exit(1)
	}
	gen := benchgen.Generate
	if hugo {
		gen = benchgen.Hugo
	}
	if err := gen(n, benchgen.ToDir(out)); err != nil {
		fmt.Fprintln(os.Stderr, "benchgen:", err)
		os.Exit(1)
	}
}
