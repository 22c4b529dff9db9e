package build

import (
	"errors"
	"io/fs"
	"maps"
	"path"
	"slices"
	"strings"

	"github.com/rolesite/rolesite/internal/diag"
	"github.com/rolesite/rolesite/internal/sitefiles"
	"github.com/rolesite/rolesite/internal/sitefs"
)

// notes are what a walk of content/ finds besides the pages, by path: a
// folder it cannot read or a link out of the site (problems), a file that
// looks like a page but is not read as one (warnings). A rebuild keeps them
// and looks again at the paths that changed, so that it reports what a
// clean build would.
type notes map[string]diag.Diagnostic

// warningPrefix starts the message of a note that does not fail the build.
const warningPrefix = "warning: "

func (n notes) problems() diag.List { return n.pick(false) }

// warnings are the warnings of the walk and of the pages loaded, sorted.
func (c *loadCache) warnings() diag.List {
	out := c.notes.warnings()
	for _, l := range c.files {
		out = append(out, l.warns...)
	}
	return out.Sorted()
}
func (n notes) warnings() diag.List { return n.pick(true) }

func (n notes) pick(warnings bool) diag.List {
	var out diag.List
	for _, k := range slices.Sorted(maps.Keys(n)) {
		if strings.HasPrefix(n[k].Message, warningPrefix) == warnings {
			out = append(out, n[k])
		}
	}
	return out
}

// update looks again at one changed path under content/ that is not a page.
func (n notes) update(src fs.FS, name string) {
	if !strings.HasPrefix(name, "content/") {
		return
	}
	delete(n, name)
	st, err := lstat(src, name)
	if err != nil {
		return // gone: nothing to say
	}
	if d, ok := note(src, name, fs.FileInfoToDirEntry(st)); ok {
		n[name] = d
	}
}

// walkContent lists content/**.md in lexical order, skipping dot-files and
// editor leftovers, and notes what else it finds. Symbolic links to folders
// are not followed (no loops).
func walkContent(src fs.FS) ([]string, notes) {
	var names []string
	found := notes{}
	err := fs.WalkDir(src, "content", func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			if name == "content" && errors.Is(err, fs.ErrNotExist) {
				return err
			}
			what := "file"
			if d != nil && d.IsDir() {
				what = "folder"
			}
			found[name] = readDiag(name, err, what)
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		base := path.Base(name)
		if name != "content" && sitefiles.Ignored(base) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		// Anything named .md that is not a folder is a page to read; what is
		// not a regular file (a pipe, a link to one) is reported, never read.
		if !d.IsDir() && strings.HasSuffix(base, ".md") {
			names = append(names, name)
			return nil
		}
		if n, ok := note(src, name, d); ok {
			found[name] = n
		}
		return nil
	})
	if errors.Is(err, fs.ErrNotExist) {
		return nil, notes{"content": {Path: "content", Message: "missing: a site folder holds its pages in content/; pass --src DIR to build another folder"}}
	}
	return names, found
}

// note says what is worth a word about a path under content/ that is not
// a page: a link that leads out of the site (its pages are not published),
// or a file named like a page that no build reads.
func note(src fs.FS, name string, d fs.DirEntry) (diag.Diagnostic, bool) {
	if d.Type()&fs.ModeSymlink != 0 {
		if _, err := fs.Stat(src, name); errors.Is(err, sitefs.ErrOutside) {
			return readDiag(name, err, "folder"), true
		}
	}
	base := path.Base(name)
	if d.IsDir() || sitefiles.Ignored(base) {
		return diag.Diagnostic{}, false
	}
	ext := path.Ext(base)
	switch strings.ToLower(ext) {
	case ".md", ".markdown", ".mdown", ".mkd", ".mkdn":
		stem := strings.TrimSuffix(base, ext)
		return diag.Diagnostic{Path: name, Message: warningPrefix + "not read: only files ending in .md (lower case) are pages; rename it to " + stem + ".md"}, true
	}
	return diag.Diagnostic{}, false
}

// lstat describes name without following a final symbolic link, where src
// can tell.
func lstat(src fs.FS, name string) (fs.FileInfo, error) {
	if l, ok := src.(fs.ReadLinkFS); ok {
		return l.Lstat(name)
	}
	return fs.Stat(src, name)
}
