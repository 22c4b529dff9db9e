package e2e

import (
	"fmt"
	"slices"
	"testing"
)

// testLifecycle checks the lifecycle on the home page and the stages list,
// at 1280 and 390 px: the drawing that is shown (when there is one) and the
// text list both give the stages in order, each stage's roles and its loops
// back, as graph.json has them; and clicking a stage goes to that stage.
func testLifecycle(t *testing.T, b *tab, a *atlas, g *graph) {
	want := lifecycleSteps(t, b, a, g)
	for _, where := range []string{"", "stages/"} {
		for _, width := range []int64{1280, 390} {
			b.viewport(width, 900)
			b.open(a.url(where))
			at := fmt.Sprintf("%s at %d px", a.base+where, width)
			drawings := checkLifecycleViews(t, b, at, want)
			followStage(t, b, at, want, drawings)
		}
	}
	b.viewport(1280, 900)
}

// A lifecycleStep is one stage of the lifecycle: its URL path, the roles in
// it and the stages it loops back to, each sorted.
type lifecycleStep struct {
	Stage          string
	Roles, LoopsTo []string
}

// lifecycleSteps reads the order of the stages from the stages list and
// gives each stage's roles and loops back as graph.json has them.
func lifecycleSteps(t *testing.T, b *tab, a *atlas, g *graph) []lifecycleStep {
	t.Helper()
	stages := g.section("stages")
	b.open(a.url("stages/"))
	order := eval[[]string](b, `[...document.querySelectorAll("main .cards a")].map((l) => new URL(l.href).pathname)`)
	if len(order) != len(stages) {
		t.Fatalf("the stages list has %d stages, graph.json %d", len(order), len(stages))
	}
	var want []lifecycleStep
	for _, u := range order {
		var s *graphPage
		for _, p := range stages {
			if p.URL == u {
				s = p
			}
		}
		if s == nil {
			t.Fatalf("%s is in the stages list but not in graph.json", u)
		}
		st := lifecycleStep{Stage: u, LoopsTo: g.targets(s, "loops_to")}
		for _, r := range g.section("roles") {
			if slices.Contains(r.Relations["stages"], "stages/"+s.Slug) {
				st.Roles = append(st.Roles, r.URL)
			}
		}
		slices.Sort(st.Roles)
		slices.Sort(st.LoopsTo)
		st.Roles, st.LoopsTo = nonNil(st.Roles), nonNil(st.LoopsTo)
		want = append(want, st)
	}
	return want
}

// lifecycleViews holds each view of the lifecycle, as JavaScript returning
// its steps in document order.
var lifecycleViews = map[string]string{
	"text list": `[...document.querySelectorAll(".lifecycle-text .steps > li")].map((li) => {
  const links = [...li.querySelectorAll(":scope > a")].map((l) => new URL(l.href).pathname);
  return {stage: links[0], roles: links.slice(1).sort(), loopsto: [...li.querySelectorAll(".loop a")].map((l) => new URL(l.href).pathname).sort()};
})`,
	"drawing": `[...document.querySelectorAll(".lifecycle svg")].filter((s) => getComputedStyle(s).display !== "none")
  .flatMap((s) => [...s.querySelectorAll(".lc-stage")]).map((g) => ({
  stage: new URL(g.querySelector(".lc-stage-link").getAttribute("href"), location.href).pathname,
  roles: [...g.querySelectorAll(".lc-role")].map((l) => new URL(l.getAttribute("href"), location.href).pathname).sort(),
  loopsto: [...g.querySelectorAll(".lc-note")].map((l) => new URL(l.getAttribute("href"), location.href).pathname).sort(),
}))`,
}

// checkLifecycleViews requires the page's text list, and its drawing when
// one is shown, to give the steps of want; at one width no more than one
// drawing may show. It returns the number of drawings shown.
func checkLifecycleViews(t *testing.T, b *tab, at string, want []lifecycleStep) (drawings int) {
	t.Helper()
	drawings = eval[int](b, `[...document.querySelectorAll(".lifecycle svg")].filter((s) => getComputedStyle(s).display !== "none").length`)
	if svgs := eval[int](b, `document.querySelectorAll(".lifecycle svg").length`); svgs > 0 && drawings != 1 {
		t.Errorf("%s: %d drawings shown, want 1", at, drawings)
	}
	for name, js := range lifecycleViews {
		if name == "drawing" && drawings == 0 {
			continue
		}
		got := eval[[]lifecycleStep](b, js)
		for i := range got {
			got[i].Roles, got[i].LoopsTo = nonNil(got[i].Roles), nonNil(got[i].LoopsTo)
		}
		if !slices.EqualFunc(got, want, func(x, y lifecycleStep) bool {
			return x.Stage == y.Stage && slices.Equal(x.Roles, y.Roles) && slices.Equal(x.LoopsTo, y.LoopsTo)
		}) {
			t.Errorf("%s, %s:\n got %v\nwant %v", at, name, got, want)
		}
	}
	return drawings
}

// followStage follows the middle stage with the mouse, from the drawing when
// one is shown, else from the list (opened, as a reader would), and requires
// it to open that stage.
func followStage(t *testing.T, b *tab, at string, want []lifecycleStep, drawings int) {
	t.Helper()
	i := len(want) / 2
	sel := fmt.Sprintf(`.lifecycle-text .steps > li:nth-child(%d) > a`, i+1)
	if drawings > 0 {
		sel = visibleDrawing(b) + fmt.Sprintf(` .lc-stage:nth-child(%d) .lc-stage-link`, i+1)
	} else {
		b.run(`document.querySelector(".lifecycle-text").open = true`)
	}
	b.clickAndLoad(sel)
	if loc := eval[string](b, `location.pathname`); loc != want[i].Stage {
		t.Errorf("%s: clicking stage %d opened %s, want %s", at, i+1, loc, want[i].Stage)
	}
}

// visibleDrawing returns a selector for the lifecycle drawing shown at the
// tab's width.
func visibleDrawing(b *tab) string {
	if eval[bool](b, `!!document.querySelector(".lifecycle-narrow") && getComputedStyle(document.querySelector(".lifecycle-narrow")).display !== "none"`) {
		return ".lifecycle-narrow"
	}
	return ".lifecycle-wide"
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
