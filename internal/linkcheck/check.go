package linkcheck

import (
	"context"
	"encoding/binary"
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
	pool.Each(ctx, len(names), func(_, i int) {
		data, _ := fs.ReadFile(site, names[i])
		c.Add(names[i], data)
	})
	if ctx.Err() != nil {
		return nil
	}
	return c.Problems()
}

// A Checker takes a site's files one at a time, as a build produces them,
// keeping only each file's references and IDs, and checks them all at the
// end. Add is safe for concurrent use.
//
// What it keeps is numbers: every distinct URL and ID is stored once, and
// a file holds its references as (URL number, line) pairs, packed as
// varints, and its IDs as a sorted list of ID numbers. At 50,000 pages of
// some sixty links each that is the difference between a few and hundreds
// of megabytes, and none of it holds pointers for the garbage collector
// to follow.
type Checker struct {
	base, baseURL string
	mu            sync.Mutex
	files         map[string]record // the zero record for files that are not HTML or CSS
	urls          intern            // reference URLs
	ids           intern            // element IDs
	scratch       []byte            // where a file's refs are packed, under mu
	founds        sync.Pool         // of *found, reset
}

// A record is what a Checker keeps of one file.
type record struct {
	refs []byte  // see appendRef
	ids  []int32 // sorted
}

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

// intern numbers distinct strings.
type intern struct {
	number map[string]int32
	list   []string
}

// of returns the number of s, numbering it if it is new; b, when not nil,
// is s as bytes (then s is made only when new).
func (in *intern) of(b []byte, s string) int32 {
	if in.number == nil {
		in.number = map[string]int32{}
	}
	if b != nil {
		if n, ok := in.number[string(b)]; ok {
			return n
		}
		s = string(b)
	} else if n, ok := in.number[s]; ok {
		return n
	}
	n := int32(len(in.list))
	in.number[s] = n
	in.list = append(in.list, s)
	return n
}

// NewChecker returns a Checker for a site served under basePath (and
// baseURL, when not empty).
func NewChecker(basePath, baseURL string) *Checker {
	return &Checker{base: basePath, baseURL: baseURL, files: map[string]record{}}
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
	case strings.HasSuffix(name, ".css"):
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
	rec := record{ids: make([]int32, 0, len(f.ids))}
	c.scratch = c.scratch[:0]
	var prev int32
	for _, r := range f.refs {
		c.scratch = appendRef(c.scratch, c.urls.of(r.url(data), r.s), r.line, prev)
		prev = r.line
	}
	rec.refs = slices.Clone(c.scratch)
	for id := range f.ids {
		rec.ids = append(rec.ids, c.ids.of(nil, id))
	}
	slices.Sort(rec.ids)
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

// Problems checks every reference of the files added.
func (c *Checker) Problems() diag.List {
	c.mu.Lock()
	defer c.mu.Unlock()
	ck := checker{base: c.base, baseURL: c.baseURL, files: c.files, ids: c.ids.number}
	// Most references are site-absolute paths, whose verdict does not
	// depend on the file they are in: check each of those once.
	memo := make(map[int32]string, len(c.urls.list))
	var diags diag.List
	for n, rec := range c.files {
		eachRef(rec.refs, func(url, line int32) {
			raw := c.urls.list[url]
			msg, ok := memo[url]
			if !ok {
				msg = ck.check(n, raw)
				if strings.HasPrefix(strings.TrimSpace(raw), "/") && !strings.HasPrefix(strings.TrimSpace(raw), "//") {
					memo[url] = msg
				}
			}
			if msg != "" {
				diags = append(diags, diag.Diagnostic{Path: n, Line: int(line), Message: msg})
			}
		})
	}
	return diags.Sorted()
}

type checker struct {
	base, baseURL string
	files         map[string]record
	ids           map[string]int32
}

// exists reports whether the site has a file name.
func (c checker) exists(name string) bool {
	_, ok := c.files[name]
	return ok
}

// hasID reports whether the file name has an element with the id.
func (c checker) hasID(name, id string) bool {
	n, ok := c.ids[id]
	if !ok {
		return false
	}
	_, found := slices.BinarySearch(c.files[name].ids, n)
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
