package diagram

import (
	"fmt"
	"strings"
)

// A Link is a page to link to.
type Link struct{ Title, URL string }

// A Stage is one step of the lifecycle and the roles active in it.
type Stage struct {
	Title, URL string
	Roles      []Link
}

// A Loop is an arrow from stage From back (or forward) to stage To,
// indices into the stages: monitoring -> data collection.
type Loop struct{ From, To int }

// Lifecycle returns the lifecycle drawn as inline SVG for an HTML page: two
// <svg> elements, a wide drawing and a narrow one, of which diagram.css
// shows the one that fits the figure. It returns "" when there are no
// stages. Loops that name a stage out of range, or lead a stage to itself,
// are left out.
func Lifecycle(stages []Stage, loops []Loop) string {
	if len(stages) == 0 {
		return ""
	}
	loops = validLoops(len(stages), loops)
	stages = clean(stages)
	var b strings.Builder
	for _, v := range variants() {
		writeSVG(&b, lay(v, stages, loops), stages)
	}
	return b.String()
}

// clean returns a copy of stages whose titles are valid UTF-8 without
// control characters, so that what is measured is what is printed.
func clean(stages []Stage) []Stage {
	text := func(s string) string {
		return strings.Map(func(r rune) rune {
			if r < 0x20 || r == 0x7f {
				return ' '
			}
			return r
		}, strings.ToValidUTF8(s, "\uFFFD"))
	}
	out := make([]Stage, len(stages))
	for i, s := range stages {
		out[i] = Stage{Title: text(s.Title), URL: s.URL}
		for _, r := range s.Roles {
			out[i].Roles = append(out[i].Roles, Link{text(r.Title), r.URL})
		}
	}
	return out
}

func validLoops(n int, loops []Loop) []Loop {
	var out []Loop
	for _, l := range loops {
		if l.From >= 0 && l.From < n && l.To >= 0 && l.To < n && l.From != l.To {
			out = append(out, l)
		}
	}
	return out
}

// summary is the diagram in words: its accessible description.
func summary(stages []Stage, loops []loopPath) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d stages in order: ", len(stages))
	for i, s := range stages {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%d. %s", i+1, s.Title)
	}
	b.WriteString(".")
	for _, l := range loops {
		dir := "back"
		if l.To > l.From {
			dir = "on"
		}
		fmt.Fprintf(&b, " After %d. %s the work goes %s to %d. %s.", l.From+1, stages[l.From].Title, dir, l.To+1, stages[l.To].Title)
	}
	return b.String()
}
