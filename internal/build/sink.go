package build

import (
	"context"

	"github.com/rolesite/rolesite/internal/diag"
	"github.com/rolesite/rolesite/internal/linkcheck"
	"github.com/rolesite/rolesite/internal/output"
	"github.com/rolesite/rolesite/internal/render"
	"github.com/rolesite/rolesite/internal/search"
)

// A sink is where a build's files go, and so what the Builder keeps of a
// build for the next one. It is chosen once, when the Builder is made
// (see newSink), and it is all that differs between the two ways rolesite
// builds; the pipeline calls it and never asks which one it has:
//
//   - streamSink (Options.Emit set: rolesite build): each file goes to the
//     link checker and to Emit, with its compressed siblings, as soon as it
//     is final, and nothing is kept: the load stage packs each page's body
//     and forgets the sources, the search index's work is made for one
//     build, and rendered pages are not remembered.
//   - memorySink (no Emit: rolesite serve, check, the tests): the files
//     stay in memory as Result.Files, and the Builder keeps each page's
//     bytes with the key of the view they were rendered from, the search
//     index's per-page work and the last good build's files, so that a
//     rebuild renders only what changed.
type sink interface {
	// packs reports whether the load stage packs each page's body and
	// text as it converts the page, and lets the file's bytes go (see
	// loadFile).
	packs() bool
	// loadedAll is given the load cache once a load is done.
	loadedAll(c *loadCache)
	// begin starts a build's output; links, when not nil, checks it, and
	// stop stops the build (with an OutputError when a write fails). It
	// returns the last good build's files when the sink kept them.
	begin(links *linkcheck.Checker, stop context.CancelCauseFunc) *output.Files
	// index indexes the n pages doc describes for search and returns the
	// index's files. A sink that streams takes each page's passages file
	// through put as the index makes it (put is called from several
	// goroutines and must not keep data), and the files returned name
	// those with nil data; a sink that keeps files returns them all.
	index(n int, doc func(i int) search.Doc, put func(name string, data []byte)) map[string][]byte
	// put takes a file that is final now, outside the pages (see index);
	// data is not kept past the call.
	put(name string, data []byte)
	// remembered gives j.data the bytes kept of page j from an earlier
	// build, and reports whether it did, when j's view has the key it had
	// then, or j has the dependency key it had then (see depKeys). key
	// hashes the view, and deps, when not nil, makes the dependency key;
	// only a sink that keeps pages calls them.
	remembered(j *pageJob, deps, key func() uint64) bool
	// keeps reports whether the sink keeps pages for the next build, and
	// so asks for their keys (see remembered).
	keeps() bool
	// graphMemo is where graph.json's entries are kept for the next
	// build, or nil for a sink that keeps nothing.
	graphMemo() *render.GraphMemo
	// beside reports whether the files made from the site alone (see
	// siteFiles) are made beside the pages, to be ready sooner (a sink
	// that keeps pages), or after them, so that a build that streams does
	// not hold them while its pages render (graph.json is 40 MB at
	// 50,000 pages).
	beside() bool
	// page takes the rendered page j. data is the render worker's buffer,
	// which serves the next page once page returns. A failure is j.err.
	page(j *pageJob, data []byte)
	// finish takes the build's files once the pages are rendered, when
	// the build found no problem: made lists every file this build made
	// (the others, in a build that started from the last one's files,
	// are as they were).
	finish(ctx context.Context, files *output.Files, made []string) diag.List
	// feedLinks gives the link checker every file it has not seen.
	feedLinks(ctx context.Context, links *linkcheck.Checker, files *output.Files)
	// end is told the build's files: nil when it failed or stopped.
	end(files *output.Files)
}

// newSink is the sink for opts: a streamSink when the build emits its
// files, a memorySink otherwise.
func newSink(opts Options) sink {
	if opts.Emit != nil {
		return &streamSink{emit: opts.Emit, precompress: opts.Precompress}
	}
	return newMemorySink(opts.Precompress)
}
