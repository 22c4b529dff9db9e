package diagram

import (
	"fmt"
	"strconv"
	"strings"
)

// fontFamily is the stack the width estimates in measure.go allow for.
const fontFamily = "system-ui, -apple-system, Segoe UI, Roboto, Helvetica Neue, Arial, sans-serif"

// writeSVG writes one drawing. The markup has no ids (two drawings share a
// page), no style attributes and no <style> (a strict CSP forbids them):
// colours come from classes in diagram.css, geometry from attributes.
func writeSVG(b *strings.Builder, l layout, stages []Stage) {
	n := len(stages)
	fmt.Fprintf(b, `<svg xmlns="http://www.w3.org/2000/svg" class="lifecycle-svg %s" viewBox="0 0 %s %s" width="%s" height="%s" role="group" font-family="%s" font-size="%s">`,
		l.class, num(l.width), num(l.Height), num(l.width), num(l.Height), fontFamily, num(chipFont.size))
	fmt.Fprintf(b, "<title>The lifecycle in %d stages, with the roles active in each</title>", n)
	fmt.Fprintf(b, "<desc>%s</desc>", esc(summary(stages, l.Loops)))

	writeArrows(b, l)

	b.WriteString(`<g role="list">`)
	for i, sb := range l.Stages {
		s := stages[i]
		b.WriteString(`<g role="listitem" class="lc-stage">`)
		fmt.Fprintf(b, `<a class="lc-stage-link" href="%s"><title>Stage %d of %d: %s</title>`, escURL(s.URL), i+1, n, esc(s.Title))
		fmt.Fprintf(b, `<circle class="lc-num-bg" cx="%s" cy="%s" r="%s"/>`, num(l.SpineX), num(sb.Circle.Y+radius), num(radius))
		writeText(b, "lc-num", "middle", numFont, []line{sb.Num})
		writeText(b, "lc-stage-title", "", titleFont, sb.Title)
		b.WriteString(`</a>`)
		if len(sb.Chips) > 0 {
			fmt.Fprintf(b, `<g role="group" aria-label="Roles in %s">`, esc(s.Title))
			for _, c := range sb.Chips {
				fmt.Fprintf(b, `<a class="lc-role" href="%s">`, escURL(c.Link.URL))
				if c.Label.Text != c.Link.Title {
					// A cut label: the whole name is the link's.
					fmt.Fprintf(b, `<title>%s</title>`, esc(c.Link.Title))
				}
				fmt.Fprintf(b, `<rect x="%s" y="%s" width="%s" height="%s" rx="%s"/>`,
					num(c.Box.X), num(c.Box.Y), num(c.Box.W), num(c.Box.H), num(chipHeight/2))
				writeText(b, "", "middle", chipFont, []line{c.Label})
				b.WriteString(`</a>`)
			}
			b.WriteString(`</g>`)
		}
		for _, nt := range sb.Notes {
			to := stages[nt.To]
			dir := "back"
			if nt.To > i {
				dir = "on"
			}
			fmt.Fprintf(b, `<a class="lc-note" href="%s"><title>After stage %d, %s to stage %d of %d: %s</title>`,
				escURL(to.URL), i+1, dir, nt.To+1, n, esc(to.Title))
			writeText(b, "", "", noteFont, nt.Lines)
			b.WriteString(`</a>`)
		}
		b.WriteString(`</g>`)
	}
	b.WriteString(`</g></svg>`)
}

// writeArrows writes the spine's arrows and the loops' as four paths, one
// for each kind of stroke and head: they carry no information the text
// does not, so they are hidden from screen readers, and as one path each
// they add four elements to the page, not one or two per stage and loop.
func writeArrows(b *strings.Builder, l layout) {
	var spine, heads, loops, loopHeads strings.Builder
	for i := 0; i+1 < len(l.Stages); i++ {
		y1 := l.Stages[i].Circle.Y + 2*radius
		y2 := l.Stages[i+1].Circle.Y
		fmt.Fprintf(&spine, `M%s %sV%s`, num(l.SpineX), num(y1+2), num(y2-2))
		fmt.Fprintf(&heads, `M%s %sl-4 -7h8z`, num(l.SpineX), num(y2-1))
	}
	for _, lp := range l.Loops {
		x0 := l.SpineX - radius // the circles' left edge
		r := loopCorner
		dir := 1.0 // up, when the loop goes back
		if lp.Y2 > lp.Y1 {
			dir = -1
		}
		fmt.Fprintf(&loops, `M%s %sH%sQ%s %s %s %sV%sQ%s %s %s %sH%s`,
			num(x0-1), num(lp.Y1), num(lp.LaneX+r),
			num(lp.LaneX), num(lp.Y1), num(lp.LaneX), num(lp.Y1-dir*r),
			num(lp.Y2+dir*r),
			num(lp.LaneX), num(lp.Y2), num(lp.LaneX+r), num(lp.Y2),
			num(x0-1-loopHead))
		fmt.Fprintf(&loopHeads, `M%s %sl-%s -4v8z`, num(x0-1), num(lp.Y2), num(loopHead))
	}
	b.WriteString(`<g aria-hidden="true">`)
	for _, p := range []struct {
		class string
		d     *strings.Builder
	}{{"lc-spine", &spine}, {"lc-head", &heads}, {"lc-loop", &loops}, {"lc-loop-head", &loopHeads}} {
		if p.d.Len() > 0 {
			fmt.Fprintf(b, `<path class="%s" d="%s"/>`, p.class, p.d.String())
		}
	}
	b.WriteString(`</g>`)
}

// writeText writes lines as one <text>, each line centred vertically in
// its box; anchor "middle" centres them horizontally. Several lines are a
// <tspan> each. The font size is the <svg>'s, chipFont's, unless f's differs.
func writeText(b *strings.Builder, class, anchor string, f font, lines []line) {
	if len(lines) == 0 {
		return
	}
	pos := func(ln line) string {
		x := ln.Box.X
		if anchor == "middle" {
			x += ln.Box.W / 2
		}
		return fmt.Sprintf(`x="%s" y="%s"`, num(x), num(ln.Box.Y+ln.Box.H/2))
	}
	b.WriteString(`<text`)
	if class != "" {
		fmt.Fprintf(b, ` class="%s"`, class)
	}
	if len(lines) == 1 {
		b.WriteString(" " + pos(lines[0]))
	}
	if anchor != "" {
		fmt.Fprintf(b, ` text-anchor="%s"`, anchor)
	}
	if f.size != chipFont.size {
		fmt.Fprintf(b, ` font-size="%s"`, num(f.size))
	}
	if f.bold {
		b.WriteString(` font-weight="bold"`)
	}
	b.WriteString(` dominant-baseline="central">`)
	if len(lines) == 1 {
		b.WriteString(esc(lines[0].Text))
	} else {
		for _, ln := range lines {
			fmt.Fprintf(b, `<tspan %s>%s</tspan>`, pos(ln), esc(ln.Text))
		}
	}
	b.WriteString(`</text>`)
}

// num formats a coordinate with at most one decimal, the same everywhere.
func num(f float64) string {
	return strconv.FormatFloat(float64(int64(f*10+0.5*sign(f)))/10, 'f', -1, 64)
}

func sign(f float64) float64 {
	if f < 0 {
		return -1
	}
	return 1
}
