package render

import (
	"html/template"
	"slices"
	"unicode"

	"github.com/rolesite/rolesite/internal/site"
)

// MatrixView is a matrix page's table.
type MatrixView struct {
	RowsLabel string // the rows section's title, for the corner header
	Groups    []MatrixGroup
	Rows      []MatrixRow
	Grouped   bool
	Scale     []string // the levels of the field's scale, lowest first, or nil
}

// MatrixGroup is a labelled run of columns.
type MatrixGroup struct {
	Label   string
	Columns []Link
}

// MatrixRow is one row: its page and one cell per column, in group order.
type MatrixRow struct {
	Link  Link
	Cells []Cell
	Count int // marked cells
}

// Cell is one cell of a matrix.
type Cell struct {
	Mark  bool
	URL   string // the column's page, for a marked cell
	Label string // "Data Scientist: Python" for assistive technology
	// Qual is the link's qualifier, shown as text; Level its place on the
	// scale (1 = lowest, of Levels), drawn for the eye only; 0 off a scale.
	Qual          string
	Level, Levels int
}

// NewMatrixView builds the view of the page of run k (from 0) of a
// matrix, whose runs are runs (see MatrixRuns).
func NewMatrixView(s *site.Site, sv *SiteView, m *site.Matrix, runs []Run, k int) *PageView {
	v := &PageView{Site: sv, Kind: TemplateMatrix, Title: m.Title, Slug: m.Slug,
		URL: s.BasePath + runs[k].Path, Params: map[string]any{}}
	v.Summary = "Which " + lowerFirst(m.MatrixDecl.Rows.Title) + " relate to which " + lowerFirst(m.Columns.Title) + ", at a glance."
	v.locate(s)
	v.Breadcrumbs = []Link{{Title: s.Title, URL: s.BasePath}}
	mv := &MatrixView{RowsLabel: m.MatrixDecl.Rows.Title, Grouped: m.Group != "", Scale: m.Scale()}
	var cols []Link
	for _, g := range m.Groups {
		mg := MatrixGroup{Label: g.Label}
		for _, p := range g.Pages {
			l := Link{Title: p.Title(), URL: s.Permalink(p), Summary: p.Summary()}
			mg.Columns = append(mg.Columns, l)
			cols = append(cols, l)
		}
		mv.Groups = append(mv.Groups, mg)
	}
	for _, r := range m.Rows[runs[k].From:runs[k].To] {
		mv.Rows = append(mv.Rows, matrixRow(s, r, cols, mv.Scale))
	}
	if len(runs) > 1 {
		pages := rowPages(m)
		v.Pager = newPager(s, m.Title+" pages", pages, runs, k)
		if k > 0 {
			v.Title = m.Title + ", from " + pages[runs[k].From].Title()
		}
	}
	v.Matrix = mv
	return v
}

// matrixRow is the view of row r, whose columns are cols.
func matrixRow(s *site.Site, r site.MatrixRow, cols []Link, scale []string) MatrixRow {
	row := MatrixRow{Link: Link{Title: r.Page.Title(), URL: s.Permalink(r.Page), Summary: r.Page.Summary()}, Cells: make([]Cell, len(r.Cells))}
	for i, mark := range r.Cells {
		if !mark {
			continue
		}
		c := Cell{Mark: true, URL: cols[i].URL, Label: r.Page.Title() + ": " + cols[i].Title}
		if r.Quals != nil && r.Quals[i] != "" {
			c.Qual = r.Quals[i]
			c.Label += ", " + c.Qual
			if at := slices.Index(scale, c.Qual); at >= 0 {
				c.Level, c.Levels = at+1, len(scale)
			}
		}
		row.Cells[i] = c
		row.Count++
	}
	return row
}

// MatrixPath is the output folder of a matrix page, relative to the base.
func MatrixPath(d *site.MatrixDecl) string { return "matrices/" + d.Slug + "/" }

// LifecycleView is what templates get to draw the lifecycle: the SVG, and
// the same steps as a list for those who prefer text.
type LifecycleView struct {
	SVG   template.HTML
	Title string
	Steps []LifecycleStep
}

// LifecycleStep is one step of the lifecycle as text.
type LifecycleStep struct {
	Link    Link
	Members []Link // the first MaxLifecycleMembers of the step's members
	More    int    // how many more members the step's own page lists
	LoopsTo []Link
}

// MaxLifecycleMembers is how many members each step of the lifecycle names;
// the step's page lists them all. An overview naming thousands of roles
// (a 9 MB home page at 10,000 pages) is no overview.
const MaxLifecycleMembers = 16

func lowerFirst(s string) string {
	r := []rune(s)
	if len(r) == 0 {
		return s
	}
	r[0] = unicode.ToLower(r[0])
	return string(r)
}

// Lifecycle drawing: a function from steps and loop edges to an inline SVG,
// handed in by the build so that this package does not fix the drawing.
type DrawLifecycle func(steps []LifecycleStep, loops [][2]int) string

// NewLifecycleView builds the lifecycle view, or nil when the site declares none.
func NewLifecycleView(s *site.Site, draw DrawLifecycle) *LifecycleView {
	if s.Lifecycle == nil {
		return nil
	}
	steps, edges := s.Lifecycle.Steps()
	lv := &LifecycleView{Title: s.Lifecycle.Section.Title}
	for _, st := range steps {
		ls := LifecycleStep{Link: Link{Title: st.Page.Title(), URL: s.Permalink(st.Page), Summary: st.Page.Summary()}}
		for _, m := range st.Members[:min(len(st.Members), MaxLifecycleMembers)] {
			ls.Members = append(ls.Members, Link{Title: m.Title(), URL: s.Permalink(m)})
		}
		ls.More = len(st.Members) - len(ls.Members)
		lv.Steps = append(lv.Steps, ls)
	}
	loops := make([][2]int, len(edges))
	for i, e := range edges {
		loops[i] = [2]int{e.From, e.To}
		lv.Steps[e.From].LoopsTo = append(lv.Steps[e.From].LoopsTo, lv.Steps[e.To].Link)
	}
	if draw != nil {
		lv.SVG = template.HTML(draw(lv.Steps, loops))
	}
	return lv
}
