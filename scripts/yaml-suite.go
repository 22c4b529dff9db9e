//go:build ignore

// yaml-suite measures rolesite's YAML front matter decoding against the
// YAML test suite (github.com/yaml/yaml-test-suite), on a checkout of its
// data branch, which the repository does not hold:
//
//	git clone --branch data-2022-01-17 --depth 1 <the suite> /tmp/yts
//	go run scripts/yaml-suite.go /tmp/yts
//
// Each case is a folder (or a numbered folder below one) holding in.yaml,
// test.event (the parse events), in.json when the YAML is valid and has a
// JSON reading, and error when the YAML is invalid. The cases measured are
// those of at most one document whose top is a mapping (test.event: the
// first event after +DOC is +MAP), what front matter is. Each is decoded
// by content.DecodeFrontMatter and, beside it, by go.yaml.in/yaml/v4 on its
// own, and counted as
//
//	pass              valid and read as in.json (or, with no in.json, taken),
//	                  or invalid and refused
//	silently wrong    valid, taken, and read otherwise than in.json
//	invalid accepted  invalid and taken
//	valid refused     valid and refused
//
// A case that v4 alone reads right and rolesite reads otherwise is a
// silent loss added by rolesite's own layer; the script lists those apart,
// and the cases v4 alone reads right that rolesite refuses.
// With -v it lists every case that does not pass, with rolesite's problem.
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"go.yaml.in/yaml/v4"

	"github.com/rolesite/rolesite/internal/content"
)

const (
	pass            = "pass"
	silentlyWrong   = "silently wrong"
	invalidAccepted = "invalid accepted"
	validRefused    = "valid refused"
)

func main() {
	verbose := flag.Bool("v", false, "list every case that does not pass")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: go run scripts/yaml-suite.go [-v] DIR  (DIR: a checkout of the YAML test suite's data branch)")
	}
	flag.Parse()
	if flag.NArg() != 1 {
		flag.Usage()
		os.Exit(2)
	}
	cases, err := findCases(flag.Arg(0))
	if err != nil {
		fmt.Fprintln(os.Stderr, "yaml-suite:", err)
		os.Exit(1)
	}
	if len(cases) == 0 {
		fmt.Fprintf(os.Stderr, "yaml-suite: no case folders (in.yaml with test.event) under %s: is it a checkout of the data branch?\n", flag.Arg(0))
		os.Exit(1)
	}
	counts := map[string]map[string]int{"rolesite": {}, "v4 alone": {}}
	added := map[string][]string{} // by rolesite's verdict, where v4 alone passes
	single := 0
	for _, c := range cases {
		if c.docs > 1 {
			continue
		}
		single++
		if !c.mapping {
			continue
		}
		fields, diags := content.DecodeFrontMatter(c.name+"/in.yaml", "yaml", c.yaml)
		got := c.judge(fields, diags != nil)
		counts["rolesite"][got]++
		raw := c.judge(v4Fields(c.yaml), v4Refuses(c.yaml))
		counts["v4 alone"][raw]++
		if raw == pass && got != pass {
			added[got] = append(added[got], c.name)
		}
		if *verbose && got != pass {
			fmt.Printf("%-8s %-16s %.200s\n", c.name, got, strings.ReplaceAll(diags.Error(), "\n", " | "))
		}
	}
	mappings := counts["rolesite"][pass] + counts["rolesite"][silentlyWrong] + counts["rolesite"][invalidAccepted] + counts["rolesite"][validRefused]
	fmt.Printf("%d cases, %d of at most one document, %d of them a mapping at the top\n\n", len(cases), single, mappings)
	fmt.Printf("| decoder | pass (of %d) | silently wrong | invalid accepted | valid refused |\n|---|---:|---:|---:|---:|\n", mappings)
	for _, who := range []string{"rolesite", "v4 alone"} {
		n := counts[who]
		fmt.Printf("| %s | %d | %d | %d | %d |\n", who, n[pass], n[silentlyWrong], n[invalidAccepted], n[validRefused])
	}
	fmt.Printf("\ncases v4 alone passes and rolesite reads otherwise (losses added by rolesite's layer): %d %v\n", len(added[silentlyWrong]), added[silentlyWrong])
	fmt.Printf("cases v4 alone passes and rolesite refuses: %d %v\n", len(added[validRefused])+len(added[invalidAccepted]), append(added[validRefused], added[invalidAccepted]...))
}

// A suiteCase is one folder of the suite's data.
type suiteCase struct {
	name    string
	yaml    []byte
	json    []byte // nil when the case has no in.json
	invalid bool
	docs    int  // documents begun in test.event
	mapping bool // whether the first document's top is a mapping
}

func findCases(root string) ([]suiteCase, error) {
	var cases []suiteCase
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && strings.HasPrefix(d.Name(), ".") && path != root {
			return filepath.SkipDir
		}
		if d.IsDir() || d.Name() != "in.yaml" {
			return nil
		}
		dir := filepath.Dir(path)
		events, err := os.ReadFile(filepath.Join(dir, "test.event"))
		if err != nil {
			return nil // not a case folder
		}
		c := suiteCase{name: filepath.ToSlash(strings.TrimPrefix(dir, filepath.Clean(root)+string(filepath.Separator)))}
		if c.yaml, err = os.ReadFile(path); err != nil {
			return err
		}
		c.json, _ = os.ReadFile(filepath.Join(dir, "in.json"))
		_, err = os.Stat(filepath.Join(dir, "error"))
		c.invalid = err == nil
		lines := strings.Split(string(events), "\n")
		for i, l := range lines {
			if strings.HasPrefix(l, "+DOC") {
				c.docs++
				if c.docs == 1 && i+1 < len(lines) {
					c.mapping = strings.HasPrefix(lines[i+1], "+MAP")
				}
			}
		}
		cases = append(cases, c)
		return nil
	})
	sort.Slice(cases, func(i, j int) bool { return cases[i].name < cases[j].name })
	return cases, err
}

// judge counts one decoder's reading of the case.
func (c suiteCase) judge(fields map[string]any, refused bool) string {
	switch {
	case c.invalid && refused, !c.invalid && !refused && sameAsJSON(fields, c.json):
		return pass
	case c.invalid:
		return invalidAccepted
	case refused:
		return validRefused
	}
	return silentlyWrong
}

// v4Fields and v4Refuses read the case with v4 on its own defaults into
// the map of fields a Go program would hold.
func v4Fields(in []byte) map[string]any {
	var m map[string]any
	if yaml.Load(in, &m) != nil {
		return nil
	}
	return m
}

func v4Refuses(in []byte) bool {
	var m map[string]any
	return yaml.Load(in, &m) != nil
}

// sameAsJSON reports whether the fields are what in.json says; a case
// with no in.json passes once taken.
func sameAsJSON(fields map[string]any, want []byte) bool {
	if want == nil {
		return true
	}
	d := json.NewDecoder(bytes.NewReader(want))
	d.UseNumber()
	var w any
	if err := d.Decode(&w); err != nil {
		return false
	}
	return same(fields, w)
}

// same compares a decoded YAML value with a JSON one: numbers by value,
// a YAML timestamp with the JSON string that writes it.
func same(got, want any) bool {
	switch w := want.(type) {
	case map[string]any:
		g, ok := got.(map[string]any)
		if !ok || len(g) != len(w) {
			return false
		}
		for k, wv := range w {
			gv, ok := g[k]
			if !ok || !same(gv, wv) {
				return false
			}
		}
		return true
	case []any:
		g, ok := content.List(got) // a list of strings decodes to a []string
		if !ok || len(g) != len(w) {
			return false
		}
		for i := range w {
			if !same(g[i], w[i]) {
				return false
			}
		}
		return true
	case json.Number:
		f, err := w.Float64()
		return err == nil && number(got) == f
	case string:
		if t, ok := got.(time.Time); ok {
			wt, err := parseTime(w)
			return err == nil && wt.Equal(t)
		}
		return got == w
	}
	return got == want // bool or nil
}

func number(v any) float64 {
	switch n := v.(type) {
	case int:
		return float64(n)
	case int64:
		return float64(n)
	case uint64:
		return float64(n)
	case float64:
		return n
	}
	return math.NaN()
}

func parseTime(s string) (time.Time, error) {
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02", "2006-1-2t15:4:5.999999999Z07:00", "2006-1-2 15:4:5.999999999 Z07:00", "2006-1-2 15:4:5.999999999 -7", "2006-1-2 15:4:5.999999999"} {
		if t, err := time.Parse(layout, strings.TrimSpace(s)); err == nil {
			return t, nil
		}
	}
	return time.Time{}, errors.New("not a time")
}
