package diagram

import (
	"encoding/xml"
	"flag"
	"io"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files in testdata")

func small() ([]Stage, []Loop) {
	return []Stage{
		{Title: "Data collection", URL: "/atlas/stages/data-collection/", Roles: []Link{
			{"Data Engineer", "/atlas/roles/data-engineer/"}, {"Data Analyst", "/atlas/roles/data-analyst/"}}},
		{Title: "Model development and training", URL: "/atlas/stages/model-development/", Roles: []Link{
			{"Data Scientist", "/atlas/roles/data-scientist/"}}},
		{Title: "Monitoring", URL: "/atlas/stages/monitoring/", Roles: []Link{
			{"MLOps Engineer", "/atlas/roles/mlops-engineer/"}}},
	}, []Loop{{From: 2, To: 0}}
}

func TestGolden(t *testing.T) {
	got := Lifecycle(small())
	// One element per line, so a change reads as a small diff.
	got = strings.ReplaceAll(got, "><", ">\n<") + "\n"
	const golden = "testdata/small.svg"
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
		for i := range max(len(gl), len(wl)) {
			var g, w string
			if i < len(gl) {
				g = gl[i]
			}
			if i < len(wl) {
				w = wl[i]
			}
			if g != w {
				t.Fatalf("Lifecycle(small()) differs from %s at line %d (go test -update to accept):\n  want %s\n  got  %s", golden, i+1, w, g)
			}
		}
	}
}

func TestDeterministic(t *testing.T) {
	a := Lifecycle(atlas())
	for range 5 {
		if b := Lifecycle(atlas()); a != b {
			t.Fatal("two calls with the same input give different output")
		}
	}
}

func TestEmpty(t *testing.T) {
	if got := Lifecycle(nil, []Loop{{1, 0}}); got != "" {
		t.Errorf("Lifecycle(nil) = %q, want \"\"", got)
	}
	// Bad loops are dropped, not drawn and not a panic.
	stages, _ := small()
	if got, want := Lifecycle(stages, []Loop{{-1, 0}, {0, 3}, {1, 1}}), Lifecycle(stages, nil); got != want {
		t.Error("invalid loops changed the drawing")
	}
}

// The output must be well-formed XML whose text and links are exactly the
// input's, however hostile; no script, style or id may appear.
func TestEscaping(t *testing.T) {
	stages, loops := hostile()
	out := Lifecycle(stages, loops)
	for _, bad := range []string{"<script", "<b>", "<!--", "]]>", "javascript:", ` style=`, "<style", ` id=`} {
		if strings.Contains(out, bad) {
			t.Errorf("output contains %q", bad)
		}
	}
	// A role's name is its chip's text, or its link's title when the text
	// is cut.
	var hrefs, titles []string
	dec := xml.NewDecoder(strings.NewReader("<root>" + out + "</root>"))
	var inTitle bool
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("output is not well-formed XML: %v\n%s", err, out)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			inTitle = tok.Name.Local == "title" || tok.Name.Local == "text" || tok.Name.Local == "tspan"
			for _, a := range tok.Attr {
				if a.Name.Local == "href" {
					hrefs = append(hrefs, a.Value)
				}
			}
		case xml.CharData:
			if inTitle {
				titles = append(titles, string(tok))
			}
		case xml.EndElement:
			inTitle = false
		}
	}
	wantHrefs := []string{`/a?x=1&y="2"`, `/r/'quote'/`, `#`, "https://example.com/a b", "mailto:x@example.com", "", `/a?x=1&y="2"`}
	if got := strings.Join(hrefs[:len(wantHrefs)], "\n"); got != strings.Join(wantHrefs, "\n") {
		t.Errorf("hrefs of the wide drawing:\n%s\nwant:\n%s", got, strings.Join(wantHrefs, "\n"))
	}
	for _, want := range []string{
		`Stage 1 of 3: <script>alert("x")</script>`,
		`Tom & "Jerry" <b>`,
		`]]><!-- -->`,
		"Stage 2 of 3: Ünïcödé 機械学習 ステージ",
		`After stage 3, back to stage 1 of 3: <script>alert("x")</script>`,
	} {
		found := false
		for _, got := range titles {
			found = found || got == want
		}
		if !found {
			t.Errorf("no <title> or <text> reads %q; they read: %q", want, titles)
		}
	}
}

// A screen reader meets a named group, a list of stages in order, each
// stage a link saying where it is in the cycle, and its roles as a named
// group of links.
func TestAccessibility(t *testing.T) {
	out := Lifecycle(atlas())
	svgs := strings.Split(out, "</svg>")[:2]
	for _, svg := range svgs {
		if !strings.HasPrefix(svg, `<svg xmlns="http://www.w3.org/2000/svg" class="lifecycle-svg `) ||
			!strings.Contains(svg, `role="group"`) ||
			!strings.Contains(svg, `<title>The lifecycle in 12 stages, with the roles active in each</title><desc>12 stages in order: 1. Framing the business problem and KPIs, 2. Data collection`) {
			t.Errorf("svg does not start with its role, title and description:\n%.400s", svg)
		}
		if !strings.Contains(svg, "After 10. Monitoring the work goes back to 2. Data collection and ingestion.") {
			t.Error("the description does not tell the loop from monitoring")
		}
		if n := strings.Count(svg, `<g role="listitem"`); n != 12 {
			t.Errorf("%d list items, want 12", n)
		}
		stageTitles := regexp.MustCompile(`<title>Stage (\d+) of 12: `).FindAllStringSubmatch(svg, -1)
		for i, m := range stageTitles {
			if m[1] != strconv.Itoa(i+1) {
				t.Errorf("stage link %d is titled stage %s", i+1, m[1])
			}
		}
		if len(stageTitles) != 12 {
			t.Errorf("%d stage links, want 12", len(stageTitles))
		}
		if !strings.Contains(svg, `<g role="group" aria-label="Roles in Monitoring"><a class="lc-role" href="/atlas/roles/ai-engineer/"><rect`) {
			t.Error("the roles of Monitoring are not a named group of links")
		}
	}
}

// Whatever the titles and URLs, the output is well-formed XML and every
// box stays apart.
func FuzzLifecycle(f *testing.F) {
	f.Add("Data collection", "/s/a/", "Data Engineer", "/r/b/")
	f.Add(`<script>"&'`, "javascript:x", "]]>\x00\xff", `"><svg onload=x>`)
	f.Add("", "", "WWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWW", "")
	f.Fuzz(func(t *testing.T, title, url, role, roleURL string) {
		stages := []Stage{
			{Title: title, URL: url, Roles: []Link{{role, roleURL}, {title, url}}},
			{Title: role, URL: roleURL, Roles: []Link{{role, roleURL}}},
		}
		loops := []Loop{{1, 0}}
		out := Lifecycle(stages, loops)
		dec := xml.NewDecoder(strings.NewReader("<root>" + out + "</root>"))
		for {
			_, err := dec.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatalf("not well-formed: %v", err)
			}
		}
		for _, v := range variants() {
			bs := boxes(lay(v, stages, loops))
			for a, ra := range bs {
				for b, rb := range bs {
					if a < b && ra.overlaps(rb) {
						t.Fatalf("%s: %s overlaps %s", v.class, a, b)
					}
				}
			}
		}
	})
}

func BenchmarkLifecycle(b *testing.B) {
	stages, loops := crowded()
	b.ReportAllocs()
	for b.Loop() {
		Lifecycle(stages, loops)
	}
}

// The markup is part of the home page's weight.
func TestSize(t *testing.T) {
	n := len(Lifecycle(atlas()))
	t.Logf("the atlas diagram is %d bytes", n)
	if n > 80_000 {
		t.Errorf("the atlas diagram is %d bytes; keep it under 80 kB", n)
	}
}

// A chip's link is named by its text; only a chip whose text is cut has a
// <title>, with the whole name. The arrows are four paths, whatever the
// number of stages and loops.
func TestChipTitlesAndArrows(t *testing.T) {
	long := "A Role Whose Name Is Far Too Long To Fit On One Chip In Either Drawing Of The Cycle"
	stages, loops := small()
	stages[1].Roles = append(stages[1].Roles, Link{long, "/atlas/roles/long/"})
	for _, svg := range strings.Split(Lifecycle(stages, loops), "</svg>")[:2] {
		chips := regexp.MustCompile(`<a class="lc-role" href="([^"]*)">(<title>([^<]*)</title>)?<rect[^>]*/><text[^>]*>([^<]*)</text>`).FindAllStringSubmatch(svg, -1)
		if len(chips) != 5 {
			t.Fatalf("%d chips, want 5:\n%s", len(chips), svg)
		}
		for _, c := range chips {
			href, title, text := c[1], c[3], c[4]
			switch {
			case href == "/atlas/roles/long/" && (title != long || !strings.HasSuffix(text, "…")):
				t.Errorf("the cut chip reads %q, titled %q; want its text cut and its title %q", text, title, long)
			case href != "/atlas/roles/long/" && (c[2] != "" || strings.HasSuffix(text, "…")):
				t.Errorf("chip %s reads %q and has a title %q; want its whole name and no title", href, text, title)
			}
		}
		if n := strings.Count(svg, "<path "); n != 4 {
			t.Errorf("%d paths, want 4 (spine, heads, loops, loop heads)", n)
		}
	}
}
