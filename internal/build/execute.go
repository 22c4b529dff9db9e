package build

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"strings"

	"github.com/rolesite/rolesite/internal/diag"
	"github.com/rolesite/rolesite/internal/keyhash"
	"github.com/rolesite/rolesite/internal/output"
	"github.com/rolesite/rolesite/internal/pool"
	"github.com/rolesite/rolesite/internal/render"
	"github.com/rolesite/rolesite/internal/site"
)

// run renders jobs in parallel, until ctx is done (jobs not run then have
// neither data nor error). A job whose view hashes as it did last time
// takes the bytes rendered then.
func (c *renderCache) run(ctx context.Context, jobs []*pageJob, views map[*site.Section]*render.SiteView) {
	workers := make([]renderWorker, pool.Workers(len(jobs), 1))
	for w := range workers {
		workers[w] = renderWorker{tpl: c.tplCopy[w%len(c.tplCopy)], hasher: newViewHasher(c.seed)}
	}
	pool.Each(ctx, len(jobs), func(w, i int) { c.render(&workers[w], jobs[i], views) })
}

// A renderWorker is what one render worker keeps from page to page: its
// copy of the templates, its buffers and its hasher.
type renderWorker struct {
	tpl        *render.Templates
	buf, small bytes.Buffer
	hasher     *viewHasher
	h          keyhash.Hash // for dependency keys
}

// render renders one page job with worker w's templates and buffers.
func (c *renderCache) render(w *renderWorker, j *pageJob, views map[*site.Section]*render.SiteView) {
	if j.err != nil {
		return // its path collides (see claim)
	}
	defer j.finished()
	// The view is built only when the page's dependency key cannot tell
	// it is as before (see depKeys).
	var view *render.PageView
	viewOf := func() *render.PageView {
		if view == nil {
			view = j.makeView(views[j.secPtr])
		}
		return view
	}
	var deps func() uint64
	if j.hasDeps() {
		deps = func() uint64 { return j.depKey(&w.h) }
	}
	if c.out.remembered(j, deps, func() uint64 { return w.hasher.sum(c.templateKey()+j.kind+"\x00"+j.sec, viewOf()) }) {
		return
	}
	w.buf.Reset()
	if j.err = w.tpl.Execute(&w.buf, j.kind, j.sec, viewOf()); j.err != nil {
		return
	}
	page := w.buf.Bytes()
	if c.minify != nil && !w.tpl.Minified() {
		w.small.Reset()
		if j.err = c.minify.MinifyTo(&w.small, j.out, page); j.err != nil {
			return
		}
		page = w.small.Bytes()
	}
	c.out.page(j, page)
	// A list of thousands of pages makes a buffer of megabytes: keep no
	// such buffer for the thousands of small pages.
	if w.buf.Cap() > maxKeptBuffer {
		w.buf = bytes.Buffer{}
	}
	if w.small.Cap() > maxKeptBuffer {
		w.small = bytes.Buffer{}
	}
}

// maxKeptBuffer is the largest buffer a render worker keeps for its next
// page.
const maxKeptBuffer = 1 << 20

// collect puts the rendered pages into the run's files (their paths were
// claimed before rendering) and returns the problems of the pages that
// failed, each template error once.
func (r *renderRun) collect(jobs []*pageJob) diag.List {
	var diags diag.List
	seenTemplateErr := map[string]bool{}
	for _, j := range jobs {
		if j.err != nil {
			if d, ok := j.err.(diag.Diagnostic); ok {
				if !seenTemplateErr[d.String()] {
					seenTemplateErr[d.String()] = true
					diags = append(diags, d)
				}
			} else {
				diags = append(diags, diag.Diagnostic{Path: j.origin, Message: j.err.Error()})
			}
			continue
		}
		r.files.Set(j.out, j.data, j.origin)
		r.made = append(r.made, j.out)
	}
	return diags
}

// collision reports two sources writing the same output file, at a file of
// the site's (content/, then static/) when one of them is.
func collision(origin string, err error) diag.Diagnostic {
	// Report it at a file of the site's, where the author can act.
	if c, ok := errors.AsType[*output.CollisionError](err); ok {
		origin = cmp.Or(underFolder(c.Second, "content/"), underFolder(c.First, "content/"),
			underFolder(c.Second, "static/"), underFolder(c.First, "static/"), origin)
	}
	return diag.Diagnostic{Path: origin, Message: "output collision: " + err.Error() + "; rename one of them"}
}

// underFolder is origin if it is under folder.
func underFolder(origin, folder string) string {
	if strings.HasPrefix(origin, folder) {
		return origin
	}
	return ""
}

// claim reserves the output path of every page before any is rendered,
// so that a page whose path collides with a static file or another page is
// reported and never written: a streaming build writes pages as they are
// rendered, and a write into a file where a folder is needed would fail
// with no word of why. A colliding job gets its diagnostic as its error.
func claim(files *output.Files, jobs []*pageJob) {
	for _, j := range jobs {
		if err := files.Add(j.out, nil, j.origin); err != nil {
			j.err = collision(j.origin, err)
		}
	}
}

// alone reports whether claim is sure to give job j its path, listed after
// the jobs before: no file of files, and no job before it, writes that
// path, a file where it needs a folder, or into a folder of its name. A
// job before it that collides itself still counts.
func alone(files *output.Files, before []*pageJob, j *pageJob) bool {
	if files.Check(j.out, j.origin) != nil {
		return false
	}
	for _, e := range before {
		if e.out == j.out || inFolder(j.out, e.out) || inFolder(e.out, j.out) {
			return false
		}
	}
	return true
}

// inFolder reports whether the slash path name is inside the folder dir.
func inFolder(name, dir string) bool {
	return len(name) > len(dir) && name[len(dir)] == '/' && strings.HasPrefix(name, dir)
}
