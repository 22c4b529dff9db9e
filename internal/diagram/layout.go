package diagram

import "fmt"

// A variant fixes the geometry of one drawing of the lifecycle.
type variant struct {
	class string  // CSS class of the <svg>
	width float64 // viewBox width, in px at scale 1
	// titleWidth is the column of stage titles, with the roles to its
	// right; 0 puts the roles under the title, for narrow screens.
	titleWidth float64
}

// The two drawings: one for wide containers, one for phones. diagram.css
// shows one of them, by the width of the figure.
func variants() []variant {
	return []variant{
		{class: "lifecycle-wide", width: 720, titleWidth: 168},
		{class: "lifecycle-narrow", width: 350},
	}
}

// Sizes, in px.
const (
	margin     = 8.0
	laneGap    = 8.0  // between loop lanes, left of the spine
	radius     = 12.0 // stage number circles
	stageGap   = 22.0 // between stage blocks, where the spine's arrows are
	lineHeight = 18.0 // stage titles
	noteHeight = 16.0 // loop notes
	chipHeight = 22.0
	chipPadX   = 7.0
	chipGapX   = 6.0
	chipGapY   = 6.0
	gutter     = 8.0                       // between the circle and the title, title and chips
	loopCorner = 5.0                       // radius of a loop's corners
	loopHead   = 7.0                       // length of a loop's arrowhead
	loopReach  = loopCorner + loopHead + 2 // from the innermost lane to the circles
)

var (
	titleFont = font{size: 14, bold: true}
	numFont   = font{size: 12, bold: true}
	chipFont  = font{size: 12}
	noteFont  = font{size: 12}
)

// A rect is an axis-aligned box.
type rect struct{ X, Y, W, H float64 }

func (r rect) overlaps(o rect) bool {
	return r.X < o.X+o.W && o.X < r.X+r.W && r.Y < o.Y+o.H && o.Y < r.Y+r.H
}

// A line is one line of text: the box it may occupy (its estimated width,
// one line high) and where it is drawn (centred vertically in the box).
type line struct {
	Box  rect
	Text string
}

// A chip is one role: a rounded box with a centred label.
type chip struct {
	Box   rect
	Label line
	Link  Link
}

// A stageBox is everything drawn for one stage.
type stageBox struct {
	Circle rect // the number's circle, as its bounding box
	Num    line
	Title  []line
	Chips  []chip
	Notes  []note // loops starting here
	Block  rect   // all of the above
}

// A note says where a loop leads, under the stage it leaves.
type note struct {
	Lines []line
	To    int
}

// A loopPath is drawn in a lane left of the spine, from the circle of
// stage From to the circle of stage To.
type loopPath struct {
	From, To int
	LaneX    float64
	Y1, Y2   float64 // at the circles' centres
}

// A layout is a drawing as data: every box, so tests can check it.
type layout struct {
	variant
	Height float64
	SpineX float64
	Stages []stageBox
	Loops  []loopPath
}

// lay out the stages and loops in variant v. Loops with an index out of
// range or From == To have been dropped by the caller.
func lay(v variant, stages []Stage, loops []Loop) layout {
	l := layout{variant: v}
	l.SpineX = margin + radius
	if n := len(loops); n > 0 {
		// The innermost lane leaves room for a corner and an arrowhead.
		l.SpineX = laneX(n-1) + loopReach + radius
	}
	titleX := l.SpineX + radius + gutter
	right := v.width - margin
	titleW := v.titleWidth
	if titleW == 0 {
		titleW = right - titleX
	}
	chipX := titleX
	if v.titleWidth > 0 {
		chipX = titleX + v.titleWidth + gutter
	}

	y := margin
	for i, s := range stages {
		var b stageBox
		b.Circle = rect{l.SpineX - radius, y, 2 * radius, 2 * radius}
		num := fmt.Sprint(i + 1)
		b.Num = line{centred(l.SpineX, y+radius, numFont, num), num}
		cy := y + radius // centre of the first title line
		for k, text := range titleFont.wrap(s.Title, titleW) {
			c := cy + float64(k)*lineHeight
			b.Title = append(b.Title, line{rect{titleX, c - lineHeight/2, titleFont.width(text), lineHeight}, text})
		}
		titleBottom := cy + float64(len(b.Title)-1)*lineHeight + lineHeight/2
		if len(b.Title) == 0 {
			titleBottom = y + 2*radius
		}

		top := y + 1
		if v.titleWidth == 0 {
			top = titleBottom + 6
		}
		b.Chips = flowChips(s.Roles, chipX, top, right)
		bottom := max(y+2*radius, titleBottom)
		if n := len(b.Chips); n > 0 {
			bottom = max(bottom, b.Chips[n-1].Box.Y+chipHeight)
		}
		for _, lp := range loops {
			if lp.From != i {
				continue
			}
			text := fmt.Sprintf("↻ back to %d. %s", lp.To+1, stages[lp.To].Title)
			if lp.To > lp.From {
				text = fmt.Sprintf("↷ on to %d. %s", lp.To+1, stages[lp.To].Title)
			}
			n := note{To: lp.To}
			for _, t := range noteFont.wrap(text, right-titleX) {
				bottom += 2
				n.Lines = append(n.Lines, line{rect{titleX, bottom, noteFont.width(t), noteHeight}, t})
				bottom += noteHeight
			}
			b.Notes = append(b.Notes, n)
		}
		b.Block = rect{b.Circle.X, y, right - b.Circle.X, bottom - y}
		l.Stages = append(l.Stages, b)
		y = bottom + stageGap
	}
	l.Height = y - stageGap + margin

	for k, lp := range loops {
		l.Loops = append(l.Loops, loopPath{
			From: lp.From, To: lp.To,
			LaneX: laneX(k),
			Y1:    l.Stages[lp.From].Circle.Y + radius,
			Y2:    l.Stages[lp.To].Circle.Y + radius,
		})
	}
	return l
}

// laneX is the x of the k-th loop's lane, the first outermost.
func laneX(k int) float64 { return margin + 1 + float64(k)*laneGap }

// flowChips places role chips left to right from (x, y), wrapping at right.
func flowChips(roles []Link, x0, y, right float64) []chip {
	var out []chip
	x := x0
	maxText := right - x0 - 2*chipPadX
	for _, r := range roles {
		text := chipFont.truncate(r.Title, maxText)
		w := chipFont.width(text) + 2*chipPadX
		if x > x0 && x+w > right {
			x, y = x0, y+chipHeight+chipGapY
		}
		box := rect{x, y, w, chipHeight}
		out = append(out, chip{Box: box, Label: line{centred(x+w/2, y+chipHeight/2, chipFont, text), text}, Link: r})
		x += w + chipGapX
	}
	return out
}

// centred is the box of text centred on (cx, cy), one line high.
func centred(cx, cy float64, f font, text string) rect {
	w := f.width(text)
	h := f.size * 1.25
	return rect{cx - w/2, cy - h/2, w, h}
}
