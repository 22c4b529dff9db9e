package build

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"path"
	"strings"

	"github.com/rolesite/rolesite/internal/diag"
	"github.com/rolesite/rolesite/internal/images"
	"github.com/rolesite/rolesite/internal/markdown"
	"github.com/rolesite/rolesite/internal/site"
)

// maxImageBytes is the largest image a page may show.
const maxImageBytes = 32 << 20

// imagesRoom reads every image a page shows by a relative path (see
// markdown.Image), checks it, and gives each page the attributes of its
// images (for markdown.FillImages): the URL, the size read from the file,
// and loading="lazy" on all but the first. An image under content/ is
// copied to the same path under the output (content/roles/team.png ->
// roles/team.png), once however many pages show it; one under static/ is
// already copied by the static room. Every problem is reported at the
// image in the page that shows it.
func imagesRoom(r *renderRun) diag.List {
	if r.edited != nil {
		r.forgetImages()
	}
	r.c.imageNames = r.c.imageNames[:0]
	r.images = map[*site.Page][]string{}
	read := map[string]*imageFile{}
	var diags diag.List
	for _, p := range allPages(r.s) {
		b := r.s.Body(p)
		if len(b.Doc.Images) == 0 {
			continue
		}
		attrs := make([]string, len(b.Doc.Images))
		for i, im := range b.Doc.Images {
			source := path.Join(path.Dir(p.Src.Path), im.Path)
			f := read[source]
			if f == nil {
				f = r.readImage(source, im.Path)
				read[source] = f
			}
			if f.problem != "" {
				diags = append(diags, b.Src.Diag(b.ImagePos[i], "image "+im.Path+": "+r.imageHint(f, p, source, im.Path)))
				continue
			}
			attrs[i] = markdown.ImageAttrs(r.s.BasePath+f.url, f.info.Width, f.info.Height, i == 0)
		}
		r.images[p] = attrs
	}
	return diags
}

// imageHint is the problem of f, shown in the page p: a path that misses
// static/ (../../img/chart.svg for static/img/chart.svg) is told the path
// to write from p.
func (r *renderRun) imageHint(f *imageFile, p *site.Page, source, ref string) string {
	if !f.outside && !f.missing {
		return f.problem
	}
	// The path as if written from the site folder, from content/, or
	// from static/ itself.
	for _, rest := range []string{source, strings.TrimPrefix(source, "content/"), strings.TrimLeft(path.Clean("/"+ref), "/")} {
		if _, err := fs.Stat(r.theme, "static/"+rest); err == nil && !strings.HasPrefix(rest, "static/") {
			return fmt.Sprintf("%s; static/%s is there: write %s", f.problem, rest, site.Relative(path.Dir(p.Src.Path), "static/"+rest))
		}
	}
	return f.problem
}

// An imageFile is what reading one image gave: its URL below the base
// path and its size, or the problem to report at every page showing it.
type imageFile struct {
	url     string
	info    images.Info
	problem string
	outside bool // the problem is that the file is outside content/ and static/
	missing bool // the problem is that there is no such file
}

// readImage reads, checks and (from content/) copies the image at
// source, a path in the site folder; ref is how the page wrote it.
func (r *renderRun) readImage(source, ref string) *imageFile {
	var out string
	switch {
	case strings.HasPrefix(source, "content/"):
		out = strings.TrimPrefix(source, "content/")
	case strings.HasPrefix(source, "static/"):
		out = strings.TrimPrefix(source, "static/")
	default:
		return &imageFile{problem: "the file " + source + " is outside content/ and static/: put the image beside the page or under static/", outside: true}
	}
	if !images.Supported(source) {
		return &imageFile{problem: fmt.Sprintf("%q is not an image extension rolesite reads: use PNG, JPEG, GIF, WebP or SVG", path.Ext(source))}
	}
	data, err := readImageFile(r.theme, source)
	if err != nil {
		return &imageFile{problem: imageReadProblem(r.theme, source, ref, err), missing: errors.Is(err, fs.ErrNotExist)}
	}
	info, err := images.Read(source, data)
	if err != nil {
		return &imageFile{problem: err.Error()}
	}
	if strings.HasPrefix(source, "content/") {
		if err := r.add(out, data, source); err != nil {
			return &imageFile{problem: "output collision: " + err.Error()}
		}
		r.c.imageNames = append(r.c.imageNames, out)
	}
	return &imageFile{url: (&url.URL{Path: out}).EscapedPath(), info: info}
}

// forgetImages lets go of the images the last build copied, which a
// build that starts from its files copies again if pages still show them.
func (r *renderRun) forgetImages() {
	for _, name := range r.c.imageNames {
		r.remake(name, "content/"+name)
	}
}

// readImageFile reads a regular file of at most maxImageBytes.
func readImageFile(fsys fs.FS, name string) ([]byte, error) {
	st, err := fs.Stat(fsys, name)
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, errNotRegular
	}
	if st.Size() > maxImageBytes {
		return nil, errTooBig
	}
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxImageBytes+1))
	if err == nil && len(data) > maxImageBytes {
		err = errTooBig
	}
	return data, err
}

var errTooBig = fmt.Errorf("the file is larger than %d MiB: make it smaller", maxImageBytes>>20)

// imageReadProblem says why an image could not be read, suggesting the
// nearest image in the folder for a missing one.
func imageReadProblem(fsys fs.FS, source, ref string, err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		dir, base := path.Split(source)
		var names []string
		if entries, derr := fs.ReadDir(fsys, strings.TrimSuffix(dir, "/")); derr == nil {
			for _, e := range entries {
				if !e.IsDir() && images.Supported(e.Name()) {
					names = append(names, e.Name())
				}
			}
		}
		hint := ""
		if near := diag.Nearest(base, names); near != "" {
			hint = " (did you mean " + path.Join(path.Dir(ref), near) + "?)"
		}
		return "no such file " + source + hint
	case errors.Is(err, errNotRegular), errors.Is(err, errIsDir):
		return source + " is not a regular file: point at an image file"
	case errors.Is(err, errTooBig):
		return err.Error()
	}
	return "cannot read " + source + ": " + err.Error()
}
