package render

import "github.com/rolesite/rolesite/internal/site"

// MatrixRuns are the runs of matrix m's rows (see Split): a matrix of
// more rows than a run holds is split over pages in row order, each with
// the column headers and a pager.
func MatrixRuns(m *site.Matrix) []Run { return Split(MatrixPath(m.MatrixDecl), rowPages(m)) }

// rowPages are the pages of m's rows, in order.
func rowPages(m *site.Matrix) []*site.Page {
	out := make([]*site.Page, len(m.Rows))
	for i, r := range m.Rows {
		out[i] = r.Page
	}
	return out
}
