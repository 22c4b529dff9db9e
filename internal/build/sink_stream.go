package build

import (
	"context"

	"github.com/rolesite/rolesite/internal/diag"
	"github.com/rolesite/rolesite/internal/linkcheck"
	"github.com/rolesite/rolesite/internal/output"
	"github.com/rolesite/rolesite/internal/publish"
	"github.com/rolesite/rolesite/internal/render"
	"github.com/rolesite/rolesite/internal/search"
)

// A streamSink hands each file to the link checker and to Emit as soon as
// it is final, and keeps nothing (see sink). Result.Files then lists the
// names only.
type streamSink struct {
	emit        func(name string, data []byte) error
	precompress bool
	compress    publish.Compressors // when precompress

	links *linkcheck.Checker // of the current build, or nil
	stop  context.CancelCauseFunc
}

// packs is true: a one-shot build reads the sources no more and needs a
// page's body and text only once, so they are packed as they are made.
func (s *streamSink) packs() bool { return true }

// loadedAll forgets what was loaded, so that what a page holds can go once
// the page is written.
func (s *streamSink) loadedAll(c *loadCache) { c.files, c.names = map[string]*loaded{}, nil }

func (s *streamSink) begin(links *linkcheck.Checker, stop context.CancelCauseFunc) *output.Files {
	s.links, s.stop = links, stop
	return nil
}

// index streams each page's passages file out as it is made: a one-shot
// build never holds every page's text.
func (s *streamSink) index(n int, doc func(int) search.Doc, put func(string, []byte)) map[string][]byte {
	return search.IndexTo(n, doc, put)
}

func (s *streamSink) remembered(*pageJob, func() uint64, func() uint64) bool { return false }

func (s *streamSink) graphMemo() *render.GraphMemo { return nil }

func (s *streamSink) beside() bool { return false }

func (s *streamSink) keeps() bool { return false }

func (s *streamSink) page(j *pageJob, data []byte) { j.err = s.write(j.out, data) }

// put writes a file now; a failure has stopped the build (see write).
func (s *streamSink) put(name string, data []byte) { _ = s.write(name, data) }

// finish writes every file that still holds its data (all but the pages,
// which went out as they were rendered), letting the data go, until ctx
// is done.
func (s *streamSink) finish(ctx context.Context, files *output.Files, made []string) diag.List {
	for _, name := range made {
		if ctx.Err() != nil {
			return nil
		}
		if data, _ := files.Get(name); data != nil {
			if err := s.write(name, data); err != nil {
				return diag.List{{Path: name, Message: err.Error()}}
			}
			files.Set(name, nil, files.Origin(name))
		}
	}
	return nil
}

// feedLinks has nothing to do: the checker saw each file as it went out.
func (s *streamSink) feedLinks(context.Context, *linkcheck.Checker, *output.Files) {}

func (s *streamSink) end(*output.Files) { s.links, s.stop = nil, nil }

// write checks a file's links and emits it, with its compressed siblings
// when asked for. The first error of Emit stops the build with an
// OutputError.
func (s *streamSink) write(name string, data []byte) error {
	if s.links != nil {
		s.links.Add(name, data)
	}
	if err := s.emitOne(name, data); err != nil {
		return err
	}
	if s.precompress && publish.Compressible(name) {
		gz, br := s.compress.Siblings(data)
		if err := s.emitOne(name+".gz", gz); err != nil {
			return err
		}
		return s.emitOne(name+".br", br)
	}
	return nil
}

func (s *streamSink) emitOne(name string, data []byte) error {
	if err := s.emit(name, data); err != nil {
		s.stop(&OutputError{err})
		return err
	}
	return nil
}
