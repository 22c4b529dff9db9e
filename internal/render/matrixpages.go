package render

import (
	"strconv"

	"github.com/rolesite/rolesite/internal/site"
)

// MatrixRowsPerPage is how many rows a matrix page shows. A matrix of
// 10,000 rows on one page was 6 MB of HTML, which no browser shows at
// ease and every title edit had to render again; a page of 200 rows by
// 20 columns is some 120 kB. A matrix with more rows is split over pages
// in row order, each with the column headers and a pager.
const MatrixRowsPerPage = 200

// MatrixPages is how many pages matrix m takes (at least one).
func MatrixPages(m *site.Matrix) int {
	return max(1, (len(m.Rows)+MatrixRowsPerPage-1)/MatrixRowsPerPage)
}

// MatrixPagePath is the output folder of page k (from 1) of a matrix,
// relative to the base: the first page is MatrixPath, the others
// page/k/ below it.
func MatrixPagePath(d *site.MatrixDecl, k int) string {
	if k <= 1 {
		return MatrixPath(d)
	}
	return MatrixPath(d) + "page/" + strconv.Itoa(k) + "/"
}

// matrixRows is the range of m's rows that page k shows.
func matrixRows(m *site.Matrix, k int) (from, to int) {
	from = min(len(m.Rows), (k-1)*MatrixRowsPerPage)
	return from, min(len(m.Rows), from+MatrixRowsPerPage)
}

// matrixPager is the pager of page k of the pages of m.
func matrixPager(s *site.Site, m *site.Matrix, k int) *Pager {
	return newPager(m.Title+" pages", len(m.Rows), MatrixRowsPerPage, k, m.MatrixDecl.Rows.Title,
		func(i int) string { return s.BasePath + MatrixPagePath(m.MatrixDecl, i) })
}
