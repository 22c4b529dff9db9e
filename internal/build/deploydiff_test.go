package build_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/rolesite/rolesite"
	"github.com/rolesite/rolesite/internal/benchgen"
	"github.com/rolesite/rolesite/internal/build"
)

// TestDeployDiff edits a generated site in each way an author does (add,
// remove and rename a page, edit a body, edit a title), builds it clean
// before and after, and holds every output file whose bytes changed to a
// reason in the edit: a deploy uploads only what depends on the change.
//
// A changed page must be the edited page, or show its URL or title
// (panels, lists, matrices), or be a file about the whole site (sitemap,
// graph), or differ from before only in numbers (counts of pages). In the
// search index, the pages whose page numbers changed must share a bucket
// with an edited page (they come after it there), and a changed file
// must be meta.json, the edited page's passages, the page-table file of a
// bucket holding one of those pages, or a shard in which every changed
// entry lists one of them or counts a different number of pages or gives
// another form.
func TestDeployDiff(t *testing.T) {
	n := 1500 // a number of buckets away from a power of two's edge: 188 of 256
	switch {
	case raceEnabled:
		n = 120
	case testing.Short():
		n = 300
	}
	base, err := benchgen.MapFS(n)
	if err != nil {
		t.Fatal(err)
	}
	before := deployBuild(t, base)
	victim := unlinkedRole(t, base)
	const page = "content/roles/role-00007.md"
	orig := string(base[page].Data)
	newRole := strings.Replace(orig, "title: Role 00007", "title: Role Added", 1)

	edits := []struct {
		name  string
		edit  func(fstest.MapFS)
		paths []string // the URLs of the pages edited, added or removed
		title []string // titles shown for them, before or after
	}{
		{"add a page", func(m fstest.MapFS) { m["content/roles/role-added.md"] = &fstest.MapFile{Data: []byte(newRole)} },
			[]string{"roles/role-added/"}, []string{"Role Added"}},
		{"remove a page", func(m fstest.MapFS) { delete(m, "content/roles/"+victim+".md") },
			[]string{"roles/" + victim + "/"}, nil},
		{"rename a page", func(m fstest.MapFS) {
			m["content/roles/"+victim+"-renamed.md"] = m["content/roles/"+victim+".md"]
			delete(m, "content/roles/"+victim+".md")
		}, []string{"roles/" + victim + "/", "roles/" + victim + "-renamed/"}, nil},
		{"edit a body", func(m fstest.MapFS) {
			m[page] = &fstest.MapFile{Data: []byte(strings.Replace(orig, "\n## Overview", "\nAn edited sentence.\n\n## Overview", 1))}
		}, []string{"roles/role-00007/"}, nil},
		{"edit a title", func(m fstest.MapFS) {
			m[page] = &fstest.MapFile{Data: []byte(strings.Replace(orig, "title: Role 00007", "title: Role Seven", 1))}
		}, []string{"roles/role-00007/"}, []string{"Role 00007", "Role Seven"}},
	}
	for _, e := range edits {
		t.Run(e.name, func(t *testing.T) {
			m := fstest.MapFS{}
			for k, v := range base {
				m[k] = v
			}
			e.edit(m)
			after := deployBuild(t, m)
			d := deployDiffOf(t, before, after, e.paths, e.title)
			t.Logf("%d files changed (%d of them search files), %d search page numbers changed, of %d files",
				d.changed, d.search, d.renumbered, len(after))
		})
	}
}

// deployBuild builds src clean and returns its files by name.
func deployBuild(t *testing.T, src fstest.MapFS) map[string][]byte {
	t.Helper()
	res := build.Build(context.Background(), src, rolesite.Theme(), build.Options{})
	if !res.OK() {
		t.Fatal(res.Diagnostics[:1])
	}
	out := make(map[string][]byte)
	for _, name := range res.Files.Names() {
		out[name], _ = res.Files.Get(name)
	}
	return out
}

// unlinkedRole returns the slug of the first role no other page names or
// links, which can be removed or renamed without breaking a link.
func unlinkedRole(t *testing.T, m fstest.MapFS) string {
	var all bytes.Buffer
	for _, f := range m {
		all.Write(f.Data)
	}
	for i := 1; i < 10_000; i++ {
		slug := fmt.Sprintf("role-%05d", i)
		if _, ok := m["content/roles/"+slug+".md"]; ok && bytes.Count(all.Bytes(), []byte(slug)) == 0 {
			return slug
		}
	}
	t.Fatal("every role is linked")
	return ""
}

type deployDiff struct{ changed, search, renumbered int }

// siteWide are the files about the whole site, which any added, removed
// or renamed page changes.
var siteWide = regexp.MustCompile(`^(sitemap\.xml|graph\.json|.*\.xml)$`)

var digits = regexp.MustCompile(`[0-9]+`)

// deployDiffOf compares two builds and fails for every changed file the
// edit of paths (showing titles) does not explain.
func deployDiffOf(t *testing.T, before, after map[string][]byte, paths, titles []string) deployDiff {
	t.Helper()
	oldIDs, oldBuckets := pageNumbers(t, before)
	newIDs, newBuckets := pageNumbers(t, after)
	if oldBuckets != newBuckets {
		t.Fatalf("the search index has %d buckets, %d before: pick a site size away from a power of two", newBuckets, oldBuckets)
	}
	edited := make(map[int]bool) // the buckets of the edited pages
	for _, p := range paths {
		for _, m := range []map[string]int{oldIDs, newIDs} {
			if id, ok := m[p]; ok {
				edited[id%newBuckets] = true
			}
		}
	}
	affected := slices.Clone(paths)
	for p, id := range newIDs {
		if old, ok := oldIDs[p]; ok && old != id {
			affected = append(affected, p)
			if !edited[id%newBuckets] {
				t.Errorf("%s changed its search page number, %d to %d, but shares no bucket with an edited page", p, old, id)
			}
		}
	}
	d := deployDiff{renumbered: len(affected) - len(paths)}
	ids := func(m map[string]int) map[int]bool {
		s := make(map[int]bool)
		for _, p := range affected {
			if id, ok := m[p]; ok {
				s[id] = true
			}
		}
		return s
	}
	oldSet, newSet := ids(oldIDs), ids(newIDs)
	names := make(map[string]bool)
	for name := range before {
		names[name] = true
	}
	for name := range after {
		names[name] = true
	}
	for name := range names {
		a, b := before[name], after[name]
		if a != nil && b != nil && bytes.Equal(a, b) {
			continue
		}
		d.changed++
		if strings.HasPrefix(name, "search/") && path.Ext(name) == ".json" {
			d.search++
			if why := searchChange(name, a, b, paths, affected, oldSet, newSet); why != "" {
				t.Errorf("%s changed: %s", name, why)
			}
			continue
		}
		if !pageChange(name, a, b, paths, titles) {
			t.Errorf("%s changed, but is not one of %v, shows none of their URLs or titles %v, and is not about the whole site", name, paths, titles)
		}
	}
	return d
}

// pageChange reports whether a change of the file name, from a to b, is
// explained by an edit of the pages at paths showing titles.
func pageChange(name string, a, b []byte, paths, titles []string) bool {
	if siteWide.MatchString(name) {
		return true
	}
	// Only numbers changed: a count of pages, as the lifecycle drawing's
	// "and 162 more" on the home and stages pages.
	if a != nil && b != nil && bytes.Equal(digits.ReplaceAll(a, []byte("#")), digits.ReplaceAll(b, []byte("#"))) {
		return true
	}
	for _, p := range paths {
		if name == p+"index.html" || bytes.Contains(a, []byte(p)) || bytes.Contains(b, []byte(p)) {
			return true
		}
	}
	for _, title := range titles {
		if bytes.Contains(a, []byte(title)) || bytes.Contains(b, []byte(title)) {
			return true
		}
	}
	return false
}

// searchChange says why a change of the search file name, from a to b,
// is not explained by the edit of the pages at paths, which affected
// those (numbered oldIDs before, newIDs after), or "" when it is.
func searchChange(name string, a, b []byte, paths, affected []string, oldIDs, newIDs map[int]bool) string {
	switch dir := path.Dir(name); {
	case name == "search/meta.json":
		return ""
	case dir == "search/x":
		// A passages file is named for its page's path, "/" written ".".
		for _, p := range paths {
			if name == "search/x/"+strings.ReplaceAll(strings.TrimSuffix(p, "/"), "/", ".")+".json" {
				return ""
			}
		}
		return "is not the passages file of an edited page"
	case dir == "search/d":
		for _, p := range affected {
			if bytes.Contains(a, []byte(`"`+p+`"`)) || bytes.Contains(b, []byte(`"`+p+`"`)) {
				return ""
			}
		}
		return "holds none of the affected pages"
	case dir == "search/t":
		olds, oldForms := shardEntries(a)
		news, newForms := shardEntries(b)
		for term := range unionKeys(olds, news) {
			o, n := olds[term], news[term]
			if slices.Equal(o, n) && oldForms[term] == newForms[term] {
				continue
			}
			// A form, like df, counts pages: the edited page's word for
			// the term can change it, though a sample may not list the page.
			if len(o) == 0 || len(n) == 0 || o[0] != n[0] || oldForms[term] != newForms[term] ||
				listsAny(o, oldIDs) || listsAny(n, newIDs) {
				continue
			}
			return fmt.Sprintf("entry %q changed without counting other pages or listing an affected one", term)
		}
		return ""
	}
	return "unknown search file"
}

// pageNumbers maps each page's path to its search page number, read from
// the page table: row s of search/d/K.json is page s·buckets + K.
func pageNumbers(t *testing.T, files map[string][]byte) (ids map[string]int, buckets int) {
	var meta struct{ Buckets int }
	if err := json.Unmarshal(files["search/meta.json"], &meta); err != nil || meta.Buckets == 0 {
		t.Fatalf("search/meta.json: %v (buckets %d)", err, meta.Buckets)
	}
	ids = make(map[string]int)
	for name, data := range files {
		k, err := strconv.Atoi(strings.TrimSuffix(strings.TrimPrefix(name, "search/d/"), ".json"))
		if err != nil || !strings.HasPrefix(name, "search/d/") {
			continue
		}
		var rows [][]any
		if err := json.Unmarshal(data, &rows); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for s, r := range rows {
			ids[r[0].(string)] = s*meta.Buckets + k
		}
	}
	return ids, meta.Buckets
}

// shardEntries decodes a shard: term -> [df, page, value, ...] with the
// page numbers made absolute, and the forms of the terms that have one.
func shardEntries(data []byte) (map[string][]int, map[string]string) {
	raw := make(map[string][]any)
	if data != nil {
		_ = json.Unmarshal(data, &raw)
	}
	m, forms := make(map[string][]int), make(map[string]string)
	for k, r := range raw {
		if f, ok := r[0].(string); ok {
			forms[k], r = f, r[1:] // the term's form
		}
		e := make([]int, len(r))
		for i, v := range r {
			e[i] = int(v.(float64))
		}
		for i, prev := 1, 0; i+1 < len(e); i += 2 {
			e[i] += prev
			prev = e[i]
		}
		m[k] = e
	}
	return m, forms
}

func unionKeys(a, b map[string][]int) map[string]bool {
	s := make(map[string]bool)
	for k := range a {
		s[k] = true
	}
	for k := range b {
		s[k] = true
	}
	return s
}

// listsAny reports whether the entry e lists a page in ids.
func listsAny(e []int, ids map[int]bool) bool {
	for i := 1; i+1 < len(e); i += 2 {
		if ids[e[i]] {
			return true
		}
	}
	return false
}
