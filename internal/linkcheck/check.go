package linkcheck

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"path"
	"slices"
	"strings"
	"sync"

	"github.com/rolesite/rolesite/internal/diag"
	"github.com/rolesite/rolesite/internal/pool"
)

// A ref is one reference found in a file.
type ref struct {
	url  string
	line int32
}

// scanned is what one file holds: its references and its element IDs.
type scanned struct {
	refs []ref
	ids  map[string]bool
}

// Check checks every HTML and CSS file in site. basePath is the URL path
// the site is served under ("/" or "/atlas/"); baseURL, when not empty, is
// the absolute URL of that path ("https://example.org/atlas/"). Problems
// name the output file (relative to the site) and line. Once ctx is done
// Check stops reading and returns nothing.
func Check(ctx context.Context, site fs.FS, basePath, baseURL string) diag.List {
	var names []string
	_ = fs.WalkDir(site, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			names = append(names, p)
		}
		return nil
	})
	c := NewChecker(basePath, baseURL)
	var mu sync.Mutex
	var unread diag.List
	pool.Each(ctx, len(names), func(_, i int) {
		var data []byte
		if reads(names[i]) {
			var err error
			if data, err = fs.ReadFile(site, names[i]); err != nil {
				mu.Lock()
				unread = append(unread, diag.Diagnostic{Path: names[i], Message: fmt.Sprintf(
					"not read: %v: the check reads the regular files inside the folder only; links in it are not checked", unwrap(err))})
				mu.Unlock()
			}
		}
		c.Add(names[i], data)
	})
	if ctx.Err() != nil {
		return nil
	}
	return append(c.Problems(), unread...).Sorted()
}

// reads tells whether Add reads a file's data, or only notes that it is
// there: HTML and CSS, which link.
func reads(name string) bool {
	return strings.HasSuffix(name, ".html") || strings.HasSuffix(name, ".css")
}

// unwrap drops a path error's operation and path, which the problem's own
// path says.
func unwrap(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// A Checker takes a site's files one at a time, as a build produces them,
// keeping only each file's references and IDs, and checks them all at the
// end. Add is safe for concurrent use.
//
// What it keeps is numbers: every distinct URL and ID is stored once (see
// strtab), and a file holds its references as (URL number, line) pairs,
// packed as varints, and its IDs as a sorted list of ID numbers, each a
// stretch of one array all files share. At 50,000 pages of some sixty
// links each that is the difference between a few and hundreds of
// megabytes, and apart from the map of file names it is a few arrays
// without pointers: nothing for the garbage collector to trace per file
// or per string.
type Checker struct {
	base, baseURL string
	mu            sync.Mutex
	files         map[string]record // the zero record for files that are not HTML or CSS
	urls          strtab            // reference URLs
	ids           strtab            // element IDs
	refs          []byte            // every file's references, one file's after another's (see record)
	idNums        []int32           // every file's ID numbers, likewise
	founds        sync.Pool         // of *found, reset
}

// A record is what a Checker keeps of one file: where its references and
// its IDs are in the Checker's refs and idNums.
type record struct {
	refs, ids span
}

// A span is where one file's part of an array starts and ends.
type span struct{ start, end int }

// appendRef appends a reference to a record's refs: its URL's number, and
// its line less the line of the reference before it (0 before the first),
// as varints. References come in the order of the file, so most take two
// or three bytes.
func appendRef(refs []byte, url, line, prev int32) []byte {
	return binary.AppendVarint(binary.AppendUvarint(refs, uint64(url)), int64(line)-int64(prev))
}

// eachRef calls f with each reference of refs, in order.
func eachRef(refs []byte, f func(url, line int32)) {
	var line int64
	for len(refs) > 0 {
		url, n := binary.Uvarint(refs)
		d, m := binary.Varint(refs[n:])
		refs = refs[n+m:]
		line += d
		f(int32(url), int32(line))
	}
}

// NewChecker returns a Checker for a site served under basePath (and
// baseURL, when not empty).
func NewChecker(basePath, baseURL string) *Checker {
	// Targets are compared decoded, as a host maps them to files: a base
	// path written escaped (/a%20b/, /%C3%A4tlas/) is decoded too.
	if d, err := url.PathUnescape(basePath); err == nil {
		basePath = d
	}
	return &Checker{base: basePath, baseURL: baseURL, files: map[string]record{}, urls: newStrtab(), ids: newStrtab()}
}

// Add records one file of the site. It keeps nothing of data.
func (c *Checker) Add(name string, data []byte) {
	c.add(name, data, (*found).html)
}

// add is Add, reading HTML with scanHTML.
func (c *Checker) add(name string, data []byte, scanHTML func(*found, []byte)) {
	var f *found
	switch {
	case strings.HasSuffix(name, ".html"):
		f = c.found()
		scanHTML(f, data)
	case strings.HasSuffix(name, ".css"): // see reads
		f = c.found()
		f.cssURLs(data, 1)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if f == nil {
		c.files[name] = record{}
		return
	}
	defer c.founds.Put(f)
	var rec record
	rec.refs.start = len(c.refs)
	var prev int32
	for _, r := range f.refs {
		url := r.url(data)
		if url == nil {
			url = []byte(r.s)
		}
		c.refs = appendRef(c.refs, c.urls.of(url), r.line, prev)
		prev = r.line
	}
	rec.refs.end = len(c.refs)
	rec.ids.start = len(c.idNums)
	for id := range f.ids {
		c.idNums = append(c.idNums, c.ids.of([]byte(id)))
	}
	rec.ids.end = len(c.idNums)
	slices.Sort(c.idNums[rec.ids.start:])
	c.files[name] = rec
}

// found returns an empty found, one used before when there is one: a
// page's references and IDs are many small allocations.
func (c *Checker) found() *found {
	if f, ok := c.founds.Get().(*found); ok {
		f.reset()
		return f
	}
	return newFound()
}

// Problems checks every reference of the files added. Each names the
// file and line the reference is on.
func (c *Checker) Problems() diag.List {
	var diags diag.List
	for _, b := range c.Broken() {
		diags = append(diags, diag.Diagnostic{Path: b.File, Line: b.Line, Message: b.Message})
	}
	return diags.Sorted()
}

// A Broken is a reference that does not resolve: in File (relative to
// the site) at Line, the URL as the file gives it (character references
// decoded), and what is wrong with it.
type Broken struct {
	File    string
	Line    int
	URL     string
	Message string
}

// Broken checks every reference of the files added and returns those
// that do not resolve, in no particular order.
func (c *Checker) Broken() []Broken {
	c.mu.Lock()
	defer c.mu.Unlock()
	ck := checker{base: c.base, baseURL: c.baseURL, files: c.files, ids: &c.ids, idNums: c.idNums}
	// Most references are site-absolute paths, whose verdict does not
	// depend on the file they are in: check each of those once.
	memo := make(map[int32]string, c.urls.len())
	var broken []Broken
	for n, rec := range c.files {
		eachRef(c.refs[rec.refs.start:rec.refs.end], func(url, line int32) {
			msg, ok := memo[url]
			if !ok {
				raw := c.urls.str(url)
				msg = ck.check(n, raw)
				if strings.HasPrefix(strings.TrimSpace(raw), "/") && !strings.HasPrefix(strings.TrimSpace(raw), "//") {
					memo[url] = msg
				}
			}
			if msg != "" {
				broken = append(broken, Broken{File: n, Line: int(line), URL: c.urls.str(url), Message: msg})
			}
		})
	}
	return broken
}

type checker struct {
	base, baseURL string
	files         map[string]record
	ids           *strtab
	idNums        []int32
}

// exists reports whether the site has a file name.
func (c checker) exists(name string) bool {
	_, ok := c.files[name]
	return ok
}

// hasID reports whether the file name has an element with the id.
func (c checker) hasID(name, id string) bool {
	n, ok := c.ids.number(id)
	if !ok {
		return false
	}
	ids := c.files[name].ids
	_, found := slices.BinarySearch(c.idNums[ids.start:ids.end], n)
	return found
}

// check returns what is wrong with one reference from file, or "".
func (c checker) check(file, raw string) string {
	raw = strings.TrimSpace(raw)
	if raw == "" || strings.HasPrefix(raw, "data:") {
		return ""
	}
	if c.baseURL != "" && strings.HasPrefix(raw, c.baseURL) {
		raw = c.base + strings.TrimPrefix(raw, c.baseURL)
	}
	u, err := url.Parse(raw)
	if err != nil {
		return fmt.Sprintf("link to %q: not a valid URL", raw)
	}
	if u.Scheme != "" || u.Host != "" {
		return "" // another origin, mailto:, tel:...
	}
	// The URL of the page or stylesheet doing the linking.
	from := c.base + file
	if strings.HasSuffix(file, "index.html") && !strings.HasSuffix(file, "/404.html") {
		from = c.base + strings.TrimSuffix(file, "index.html")
	}
	target := u.Path
	if target == "" {
		target = from
	} else if !strings.HasPrefix(target, "/") {
		target = path.Join(path.Dir(from+"x"), target)
		if strings.HasSuffix(u.Path, "/") {
			target += "/"
		}
	}
	if !strings.HasPrefix(target, c.base) && target+"/" != c.base {
		return fmt.Sprintf("link to %s leaves the site's base path %s", raw, c.base)
	}
	name := strings.TrimPrefix(target, c.base)
	if name == "" || strings.HasSuffix(name, "/") {
		name += "index.html"
	}
	if !c.exists(name) {
		if c.exists(name + "/index.html") {
			name += "/index.html" // hosts redirect a folder to its slash form
		} else {
			return fmt.Sprintf("link to %s: no such file in the site", raw)
		}
	}
	if u.Fragment != "" && strings.HasSuffix(name, ".html") {
		if !c.hasID(name, u.Fragment) {
			return fmt.Sprintf("link to %s: %s has no element with id %q", raw, name, u.Fragment)
		}
	}
	return ""
}
