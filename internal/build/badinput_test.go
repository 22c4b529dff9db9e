package build_test

import (
	"cmp"
	"context"
	"fmt"
	"maps"
	"runtime/debug"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/rolesite/rolesite"
	"github.com/rolesite/rolesite/internal/build"
)

// caseLimit bounds the time of one bad-input case. Every case takes well
// under a second on a quiet machine; the margin is for -race and for a
// machine shared with other work.
const caseLimit = 10 * time.Second

// badBase is the small site every bad-input case starts from: a home page,
// a roles section that declares one relation, one role and one tool.
var badBase = map[string]string{
	"content/_index.md":       "---\ntitle: Site\n---\nHome.\n",
	"content/roles/_index.md": "---\ntitle: Roles\nrelations:\n  collaborates_with: roles\n---\n",
	"content/roles/a.md":      "---\ntitle: A\nsummary: Does things.\ntools: [spark]\n---\n# Work\n\nUses [Spark](../tools/spark.md).\n",
	"content/tools/spark.md":  "---\ntitle: Spark\nsummary: Big data.\n---\n",
}

// A badCase is one kind of malformed (or merely unusual) input. files are
// laid over badBase. want lists the exact
// diagnostics, one "path:line:col: message" each, in the order a build
// reports them; an empty want means the build must succeed, and then check,
// if set, looks at the output.
type badCase struct {
	name  string
	files map[string]string
	want  []string
	check func(t *testing.T, res build.Result)
	limit time.Duration // caseLimit when zero
	slow  bool          // left out of -short and -race runs
	// cpu cases spend their time in goldmark on one goroutine: the race
	// detector makes them some 30 times slower and has nothing to check.
	cpu bool
}

// TestBadInput builds a small site with one kind of bad input at a time and
// requires the exact diagnostics (or a correct build), no panic, and an end
// within caseLimit.
func TestBadInput(t *testing.T) {
	for _, tc := range badInputCases() {
		t.Run(tc.name, func(t *testing.T) {
			if tc.slow && (testing.Short() || raceEnabled) {
				t.Skip("slow: left out of -short and -race runs")
			}
			if tc.cpu && raceEnabled {
				t.Skip("single-goroutine parsing work: left out of -race runs")
			}
			files := maps.Clone(badBase)
			maps.Copy(files, tc.files)
			res := buildWithin(t, cmp.Or(tc.limit, caseLimit), func() build.Result {
				return build.Build(context.Background(), siteFS(files), rolesite.Theme(), build.Options{})
			})
			var got []string
			for _, d := range res.Diagnostics {
				got = append(got, d.String())
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Fatalf("diagnostics:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
			if len(tc.want) == 0 && !res.OK() {
				t.Fatal("the build failed without diagnostics")
			}
			if tc.check != nil {
				tc.check(t, res)
			}
		})
	}
}

// buildWithin runs f on its own goroutine and fails the test if it panics or
// does not return within limit. A case that overruns is left running: there
// is no way to stop a goroutine, and the failure is what matters.
func buildWithin[T any](t *testing.T, limit time.Duration, f func() T) T {
	t.Helper()
	type outcome struct {
		v     T
		panic string
	}
	done := make(chan outcome, 1)
	start := time.Now()
	go func() {
		var o outcome
		defer func() {
			if r := recover(); r != nil {
				o.panic = fmt.Sprintf("%v\n%s", r, debug.Stack())
			}
			done <- o
		}()
		o.v = f()
	}()
	timer := time.NewTimer(limit)
	defer timer.Stop()
	select {
	case o := <-done:
		if o.panic != "" {
			t.Fatalf("panic: %s", o.panic)
		}
		t.Logf("took %v", time.Since(start).Round(time.Millisecond))
		return o.v
	case <-timer.C:
		t.Fatalf("still running after %v", limit)
	}
	panic("unreachable")
}

// page returns the named output file or fails.
func page(t *testing.T, res build.Result, name string) string {
	t.Helper()
	if res.Files == nil {
		t.Fatalf("the build failed: %v", res.Diagnostics)
	}
	data, ok := res.Files.Get(name)
	if !ok {
		t.Fatalf("%s not in the output", name)
	}
	return string(data)
}

// contains returns a check that each output file holds each string.
func contains(want map[string][]string) func(*testing.T, build.Result) {
	return func(t *testing.T, res build.Result) {
		t.Helper()
		for name, subs := range want {
			got := page(t, res, name)
			for _, s := range subs {
				if !strings.Contains(got, s) {
					t.Errorf("%s lacks %q", name, s)
				}
			}
		}
	}
}

// badInputCases gathers every table of bad input, grouped by the class of
// input each one tests.
func badInputCases() []badCase {
	return slices.Concat(
		frontMatterSyntaxCases(),
		fieldTypeCases(),
		relationCases(),
		emptyFileCases(),
		encodingCases(),
		deepNestingCases(),
		bigPageCases(),
		escapingPathCases(),
		outputCollisionCases(),
	)
}

// rolePage is the one-file overlay most cases use: a second role page,
// content/roles/b.md, holding fm.
func rolePage(fm string) map[string]string {
	return map[string]string{"content/roles/b.md": fm}
}
