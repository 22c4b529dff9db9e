package content

import (
	"fmt"
	"sort"
	"strings"

	"github.com/rolesite/rolesite/internal/diag"
)

// The limits of one source file. Each is far above what a real page holds
// and is checked before the work it bounds, so that no file can make a
// build run for minutes or take gigabytes: without them a 600 kB TOML front
// matter of nested inline tables grew a build to 24 GB.
const (
	// MaxPageBytes is the most a content file may hold, body included.
	// A build reads no more of a larger file than this and a byte.
	MaxPageBytes = 64 << 20

	// MaxFrontMatterBytes is the most a page's front matter block may
	// hold; longer text belongs in the body.
	MaxFrontMatterBytes = 1 << 20

	// MaxDepth is how deeply front matter values may nest, counting the
	// front matter itself as the first level: "title: T" is one level,
	// "relations: {a: roles}" two, a TOML [table] or dotted key one more
	// per name.
	MaxDepth = 32

	// MaxMapKeys is the most keys one YAML mapping may hold, beyond a
	// flat front matter of plain fields: the YAML decoder checks a
	// mapping's keys against each other, in time that grows as their
	// square (15,000 keys took 2.3 s, 60,000 three minutes).
	MaxMapKeys = 4096

	// MaxStringBytes is the most one string in the front matter (a value
	// or a key, at any depth) may hold.
	MaxStringBytes = 64 << 10

	// MaxTitleBytes and MaxSummaryBytes are the most a title and a
	// summary may hold: both are repeated on every page that lists or
	// links the page.
	MaxTitleBytes   = 1 << 10
	MaxSummaryBytes = 4 << 10

	// MaxExpandedBytes is the most text a YAML front matter may decode to
	// once its aliases (*name) are expanded, so that a few lines cannot
	// stand for gigabytes ("billion laughs").
	MaxExpandedBytes = 4 << 20
)

// size words a limit in bytes for a message: "64 KiB (65536 bytes)".
func size(n int) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB (%d bytes)", n>>20, n)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB (%d bytes)", n>>10, n)
	}
	return fmt.Sprintf("%d bytes", n)
}

// tooBigPage reports a file longer than MaxPageBytes at its first byte past
// the limit. data may be the file cut just past the limit.
func tooBigPage(name string, data []byte) diag.List {
	line, col := lineCol(data, MaxPageBytes)
	return diag.List{{Path: name, Line: line, Col: col, Message: fmt.Sprintf(
		"file is longer than the limit of a page, %s; this is the first byte past it: split the page into several",
		size(MaxPageBytes))}}
}

// tooBigFrontMatter reports a front matter block longer than
// MaxFrontMatterBytes at its first byte past the limit.
func tooBigFrontMatter(fm *frontMatter, p *Page) diag.Diagnostic {
	return p.at(fm.rawStart+MaxFrontMatterBytes, fmt.Sprintf(
		"front matter is %d bytes, more than its limit of %s; this is the first byte past it: move long text into the page body",
		len(fm.raw), size(MaxFrontMatterBytes)))
}

// tooDeep reports a value that opens level MaxDepth+1 at offset off.
func tooDeep(p *Page, off int, format string) diag.Diagnostic {
	return p.at(off, fmt.Sprintf(
		"%s front matter nests more than %d levels deep here (the limit of front matter): flatten the value, or keep such data outside the page",
		format, MaxDepth))
}

// checkStrings reports every string in the decoded fields (keys too) longer
// than MaxStringBytes, at the first byte past the limit where the string
// can be found in the source, else at its field's key.
func (p *Page) checkStrings(params map[string]any) diag.List {
	var diags diag.List
	names := make([]string, 0, len(params))
	for k := range params {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, field := range names {
		var long []string
		walkStrings(field, params[field], func(s string) {
			if len(s) > MaxStringBytes {
				long = append(long, s)
			}
		})
		for _, s := range long {
			diags = append(diags, p.Diag(p.pastLimit(field, s, MaxStringBytes), fmt.Sprintf(
				"%s: a string of %d bytes, more than the limit of one front matter value, %s; this is the first byte past it: move long text into the page body",
				field, len(s), size(MaxStringBytes))))
		}
	}
	return diags
}

// tooLong reports a field's string longer than its limit.
func (p *Page) tooLong(field, what, s string, limit int, todo string) diag.Diagnostic {
	return p.Diag(p.pastLimit(field, s, limit), fmt.Sprintf(
		"%s is %d bytes, more than the limit of %s, %s; this is the first byte past it: %s",
		field, len(s), what, size(limit), todo))
}

// walkStrings calls f with key and every string (and mapping key) in v.
func walkStrings(key string, v any, f func(string)) {
	f(key)
	switch x := v.(type) {
	case string:
		f(x)
	case []string:
		for _, item := range x {
			f(item)
		}
	case []any:
		for _, item := range x {
			walkStrings("", item, f)
		}
	case []map[string]any:
		for _, item := range x {
			walkStrings("", item, f)
		}
	case map[string]any:
		for k, item := range x {
			walkStrings(k, item, f)
		}
	}
}

// pastLimit finds the first byte past limit bytes of the string s in the
// field's text: exact where s is written as it is (no escapes or line
// breaks in the first limit bytes), else where s starts, else at the key.
func (p *Page) pastLimit(field, s string, limit int) Pos {
	sp, ok := p.field(field)
	if !ok {
		return p.KeyPos(field)
	}
	head := s[:min(len(s), 64)]
	text := p.text(sp.keyStart, sp.end)
	i := strings.Index(text, head)
	if i < 0 {
		return p.KeyPos(field)
	}
	start := sp.keyStart + i
	if start+limit < sp.end && strings.HasPrefix(text[i:], s[:limit]) {
		return p.posOf(start + limit)
	}
	return p.posOf(start)
}
