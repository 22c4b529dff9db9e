package diagram

import (
	"fmt"
	"testing"
)

// boxes lists every box that holds text or a shape a reader must see
// whole, with a name for messages.
func boxes(l layout) map[string]rect {
	out := map[string]rect{}
	for i, s := range l.Stages {
		out[fmt.Sprintf("stage %d circle", i+1)] = s.Circle
		for k, ln := range s.Title {
			out[fmt.Sprintf("stage %d title line %d %q", i+1, k+1, ln.Text)] = ln.Box
		}
		for k, c := range s.Chips {
			out[fmt.Sprintf("stage %d chip %d %q", i+1, k+1, c.Label.Text)] = c.Box
		}
		for k, n := range s.Notes {
			for j, ln := range n.Lines {
				out[fmt.Sprintf("stage %d note %d line %d", i+1, k+1, j+1)] = ln.Box
			}
		}
	}
	return out
}

// lines lists the arrows as thin boxes: the spine between circles and
// each loop's lane and its ends.
func lines(l layout) map[string]rect {
	out := map[string]rect{}
	for i := 0; i+1 < len(l.Stages); i++ {
		y1 := l.Stages[i].Circle.Y + 2*radius
		out[fmt.Sprintf("spine %d-%d", i+1, i+2)] = rect{l.SpineX - 4, y1, 8, l.Stages[i+1].Circle.Y - y1}
	}
	for k, lp := range l.Loops {
		top, bottom := min(lp.Y1, lp.Y2), max(lp.Y1, lp.Y2)
		end := l.SpineX - radius
		out[fmt.Sprintf("loop %d lane", k)] = rect{lp.LaneX - 1, top, 2, bottom - top}
		out[fmt.Sprintf("loop %d start", k)] = rect{lp.LaneX, lp.Y1 - 1, end - lp.LaneX, 2}
		out[fmt.Sprintf("loop %d end", k)] = rect{lp.LaneX, lp.Y2 - 4, end - lp.LaneX, 8}
	}
	return out
}

func TestNoOverlap(t *testing.T) {
	fixtures := map[string]func() ([]Stage, []Loop){"atlas": atlas, "crowded": crowded, "hostile": hostile}
	for name, f := range fixtures {
		stages, loops := f()
		for _, v := range variants() {
			l := lay(v, stages, validLoops(len(stages), loops))
			bs, ls := boxes(l), lines(l)
			frame := rect{0, 0, v.width, l.Height}
			for a, ra := range bs {
				if !inside(ra, frame) {
					t.Errorf("%s %s: %s %v leaves the drawing %v", name, v.class, a, ra, frame)
				}
				for b, rb := range bs {
					if a < b && ra.overlaps(rb) {
						t.Errorf("%s %s: %s %v overlaps %s %v", name, v.class, a, ra, b, rb)
					}
				}
				for b, rb := range ls {
					if ra.overlaps(rb) {
						t.Errorf("%s %s: %s %v is crossed by %s %v", name, v.class, a, ra, b, rb)
					}
				}
			}
			for i, s := range l.Stages {
				for _, c := range s.Chips {
					if !inside(c.Label.Box, c.Box) {
						t.Errorf("%s %s: stage %d: label %q %v spills out of its chip %v", name, v.class, i+1, c.Label.Text, c.Label.Box, c.Box)
					}
				}
				if !inside(s.Num.Box, s.Circle) {
					t.Errorf("%s %s: number %q %v spills out of its circle %v", name, v.class, s.Num.Text, s.Num.Box, s.Circle)
				}
			}
		}
	}
}

// The crowded fixture is the case the brief names: 12 stages and 15 roles
// in every one. The narrow drawing must still fit a 390 px phone with the
// site's padding (358 px) without shrinking text below 11 px.
func TestPhoneScale(t *testing.T) {
	for _, v := range variants() {
		if v.titleWidth == 0 {
			if scale := 358 / v.width; chipFont.size*min(scale, 1) < 11 {
				t.Errorf("at 358 px the narrow drawing's chip text is %.1f px", chipFont.size*scale)
			}
			return
		}
	}
	t.Fatal("no narrow variant")
}

func inside(r, frame rect) bool {
	return r.X >= frame.X && r.Y >= frame.Y && r.X+r.W <= frame.X+frame.W && r.Y+r.H <= frame.Y+frame.H
}

func TestWrap(t *testing.T) {
	f := font{size: 10}
	for _, tt := range []struct {
		in   string
		max  float64
		want int // lines
	}{
		{"", 100, 0},
		{"short", 100, 1},
		{"Model development and training", 100, 3},
		{"Supercalifragilisticexpialidocious", 60, 4}, // a word wider than the line is cut
	} {
		got := f.wrap(tt.in, tt.max)
		if len(got) != tt.want {
			t.Errorf("wrap(%q, %v) = %q, want %d lines", tt.in, tt.max, got, tt.want)
		}
		for _, ln := range got {
			if f.width(ln) > tt.max {
				t.Errorf("wrap(%q, %v): line %q is %.1f wide", tt.in, tt.max, ln, f.width(ln))
			}
		}
	}
	if got := f.truncate("Machine Learning Engineer", 80); f.width(got) > 80 || got[len(got)-3:] != "…" {
		t.Errorf("truncate = %q (%.1f wide)", got, f.width(got))
	}
}
