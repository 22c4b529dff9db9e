package build

import (
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/rolesite/rolesite/internal/diag"
	"github.com/rolesite/rolesite/internal/publish"
	"github.com/rolesite/rolesite/internal/render"
	"github.com/rolesite/rolesite/internal/sitefiles"
)

// staticRoom copies static/ (site files over the embedded defaults), and
// hands on the stylesheets and scripts every page links. After edits of
// content alone (renderHow.themeKept) static/ is as it was: the room adds
// again what the last build made of it, which copied it without a problem.
func staticRoom(r *renderRun) diag.List {
	if kept := r.c.static; r.themeKept && kept != nil {
		var diags diag.List
		for _, f := range kept.files {
			if err := r.add(f.out, f.data, f.src); err != nil {
				diags = append(diags, diag.Diagnostic{Path: f.src, Message: "output collision: " + err.Error()})
			}
		}
		r.assets, r.c.assets = kept.assets, kept.assets
		return diags
	}
	kept := &staticKept{}
	var diags diag.List
	kept.assets, diags = r.c.addStatic(r, kept)
	r.assets, r.c.assets = kept.assets, kept.assets
	r.c.static = nil
	if len(diags) == 0 {
		r.c.static = kept
	}
	return diags
}

// staticKept is what a build made of static/: each file, where it went,
// and the stylesheets and scripts.
type staticKept struct {
	files  []staticFile
	assets render.Assets
}

type staticFile struct {
	out, src string
	data     []byte
}

// addStatic copies static/ and returns the stylesheets and scripts; kept
// gets every file it added.
func (c *renderCache) addStatic(r *renderRun, kept *staticKept) (render.Assets, diag.List) {
	theme := r.theme
	var assets render.Assets
	var diags diag.List
	err := fs.WalkDir(theme, "static", func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			diags = append(diags, readDiag(name, err, "file"))
			return nil
		}
		ignored := sitefiles.Ignored(d.Name()) && !sitefiles.HostDotName(d.Name())
		if d.IsDir() {
			if name != "static" && ignored {
				return fs.SkipDir
			}
			return nil
		}
		if ignored {
			return nil
		}
		data, err := fs.ReadFile(theme, name)
		if err != nil {
			diags = append(diags, readDiag(name, err, "file"))
			return nil
		}
		rel := strings.TrimPrefix(name, "static/")
		if c.minify != nil && publish.Minifies(rel) {
			min, err := c.minify.Minify(rel, data)
			if err != nil {
				diags = append(diags, diag.Diagnostic{Path: name, Message: err.Error() + "; fix the file or build with --minify=false"})
				return nil
			}
			data = min
		}
		isCSS := strings.HasPrefix(rel, "css/") && path.Ext(rel) == ".css" && !strings.Contains(rel[4:], "/")
		isJS := strings.HasPrefix(rel, "js/") && path.Ext(rel) == ".js" && !strings.Contains(rel[3:], "/")
		out := rel
		if c.opts.Fingerprint && (isCSS || isJS) {
			out = publish.Fingerprint(rel, data)
		}
		switch {
		case isCSS:
			assets.CSS = append(assets.CSS, out)
		case rel == "js/theme.js":
			assets.HeadJS = append(assets.HeadJS, out)
		case isJS:
			assets.JS = append(assets.JS, out)
		}
		if err := r.add(out, data, name); err != nil {
			diags = append(diags, diag.Diagnostic{Path: name, Message: "output collision: " + err.Error()})
			return nil
		}
		kept.files = append(kept.files, staticFile{out: out, src: name, data: data})
		return nil
	})
	if err != nil {
		diags = append(diags, diag.Diagnostic{Path: "static", Message: fmt.Sprint("cannot read: ", err)})
	}
	// The main stylesheet first, so the others can build on it.
	isSite := func(a string) bool {
		return a == "css/site.css" || strings.HasPrefix(a, "css/site.") && strings.Count(a, ".") == 2
	}
	slices.SortStableFunc(assets.CSS, func(a, b string) int {
		switch {
		case isSite(a) == isSite(b):
			return 0
		case isSite(a):
			return -1
		}
		return 1
	})
	return assets, diags
}
