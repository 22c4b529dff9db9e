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
// hands on the stylesheets and scripts every page links.
func staticRoom(r *renderRun) diag.List {
	var diags diag.List
	r.assets, diags = r.c.addStatic(r)
	r.c.assets = r.assets
	return diags
}

// addStatic copies static/ and returns the stylesheets and scripts.
func (c *renderCache) addStatic(r *renderRun) (render.Assets, diag.List) {
	theme := r.theme
	var assets render.Assets
	var diags diag.List
	err := fs.WalkDir(theme, "static", func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			diags = append(diags, readDiag(name, err, "file"))
			return nil
		}
		if d.IsDir() {
			if name != "static" && sitefiles.Ignored(d.Name()) {
				return fs.SkipDir
			}
			return nil
		}
		if sitefiles.Ignored(d.Name()) {
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
		rel = out
		if err := r.add(rel, data, name); err != nil {
			diags = append(diags, diag.Diagnostic{Path: name, Message: "output collision: " + err.Error()})
		}
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
