package site

import (
	"cmp"
	"maps"
	"slices"
	"strings"
)

// A Matrix is a declared matrix computed: rows are the Rows section's pages,
// columns the Columns section's pages (grouped when declared), and a cell is
// set when the row's Field names the column.
type Matrix struct {
	*MatrixDecl
	Groups []ColumnGroup
	Rows   []MatrixRow
}

// A ColumnGroup is a run of columns sharing a value of the group field.
type ColumnGroup struct {
	Label string // "" when the matrix is not grouped
	Pages []*Page
}

// A MatrixRow is one row page and its cells, one per column in group order.
type MatrixRow struct {
	Page  *Page
	Cells []bool
	// Quals, when a link of the row carries a qualifier, holds each
	// cell's ("" for none); nil otherwise.
	Quals []string
}

// Scale is the declared scale of the matrix's field, or nil.
func (m *Matrix) Scale() []string {
	if d := m.MatrixDecl.Rows.decls[m.Field]; d != nil {
		return d.Scale
	}
	return nil
}

// Matrix computes a declared matrix. The work is the size of the table plus
// the number of relation entries.
func (s *Site) Matrix(d *MatrixDecl) *Matrix {
	m := &Matrix{MatrixDecl: d}
	if d.Group == "" {
		m.Groups = []ColumnGroup{{Pages: d.Columns.Pages}}
	} else {
		byLabel := map[string][]*Page{}
		for _, p := range d.Columns.Pages {
			label, _ := p.Src.Params[d.Group].(string)
			label = strings.TrimSpace(label)
			byLabel[label] = append(byLabel[label], p)
		}
		labels := slices.SortedFunc(maps.Keys(byLabel), func(a, b string) int {
			// Pages without a value go last, under "Other".
			return cmp.Or(cmp.Compare(boolInt(a == ""), boolInt(b == "")), strings.Compare(strings.ToLower(a), strings.ToLower(b)))
		})
		for _, l := range labels {
			label := l
			if label == "" {
				label = "Other"
			}
			m.Groups = append(m.Groups, ColumnGroup{Label: label, Pages: byLabel[l]})
		}
	}
	col := map[*Page]int{}
	for _, g := range m.Groups {
		for _, p := range g.Pages {
			col[p] = len(col)
		}
	}
	for _, row := range d.Rows.Pages {
		r := MatrixRow{Page: row, Cells: make([]bool, len(col))}
		for _, g := range row.Out {
			if g.Field != d.Field {
				continue
			}
			for j, t := range g.Pages {
				if i, ok := col[t]; ok {
					r.Cells[i] = true
					if q := g.Qual(j); q != "" {
						if r.Quals == nil {
							r.Quals = make([]string, len(col))
						}
						r.Quals[i] = q
					}
				}
			}
		}
		m.Rows = append(m.Rows, r)
	}
	return m
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
