package cli

import (
	"io/fs"
	"path/filepath"

	"github.com/rolesite/rolesite/internal/gcfloor"
)

// The heap budget of rolesite build (see package gcfloor).
const (
	// gcFloor is the least heap below which a build does not collect
	// garbage: a budget a build may fill before the collector runs at
	// all, so that a site of up to some ten thousand pages (live heap
	// under 80 MB) collects a few times rather than dozens. BENCHMARKS.md
	// has what it saves.
	gcFloor = 160 << 20
	// gcCeiling is the memory a build aims to stay under, so that a site
	// of 50,000 pages builds in less than 1 GiB (a small CI container):
	// the collector runs earlier as the process nears it, and a site too
	// big for it collects as with GOGC=50 instead.
	gcCeiling = 896 << 20
)

// startBudget starts the heap budget of a build of the site in src and
// returns what ends it. The floor for the site's size comes once content/
// is measured, beside the build: the least floor serves until the heap
// outgrows it.
func startBudget(src string) (stop func()) {
	budget := gcfloor.Start(gcFloor, gcCeiling)
	go func() { budget.Raise(heapFloor(src)) }()
	return budget.Stop
}

// heapFloor is the heap below which a build of the site in src does not
// collect garbage. A build's live heap grows, as it loads the pages, to
// about twice the size of content/ (front matter decoded, bodies converted
// and packed: 2.4 times at 10,000 generated pages, 2.2 times at 50,000)
// and stays there until the pages are written; with GOGC=100 the heap
// then reaches twice that anyway, so a floor of four times content/ costs
// no memory at the peak and spares the collections on the way, each of
// which marks everything loaded so far. It is never under gcFloor and
// leaves a quarter of the ceiling for the rest.
func heapFloor(src string) uint64 {
	return min(max(4*contentBytes(src), gcFloor), gcCeiling/4*3)
}

// contentBytes is the size of the files under src/content.
func contentBytes(src string) uint64 {
	var n uint64
	_ = filepath.WalkDir(filepath.Join(src, "content"), func(_ string, d fs.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() {
			if info, err := d.Info(); err == nil {
				n += uint64(info.Size())
			}
		}
		return nil
	})
	return n
}
