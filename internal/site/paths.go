package site

import (
	"errors"
	"net/url"
	"path"
	"strings"
	"unicode/utf8"

	"github.com/rolesite/rolesite/internal/content"
)

// OutputPath turns a URL path given by an author (an alias such as
// "/roles/dl-engineer/" or "old/page.html") into the slash path of the file
// to write, relative to the output folder: "roles/dl-engineer/index.html".
// It refuses anything that could leave the output folder or is not a plain
// path: a scheme or host, "." or ".." segments in any encoding, backslashes,
// control characters, bytes that are not UTF-8, or an empty path.
func OutputPath(urlPath string) (string, error) {
	p := strings.TrimSpace(urlPath)
	if p == "" {
		return "", errors.New("empty path")
	}
	if strings.Contains(p, "://") || strings.HasPrefix(p, "//") || strings.Contains(p, ":") {
		return "", errors.New("must be a path on this site such as /old/name/, not a URL")
	}
	if i := strings.IndexAny(p, "?#"); i >= 0 {
		return "", errors.New("must be a path without ? or #")
	}
	// Decode percent-escapes until nothing changes, so that %2e%2e and
	// %252e%252e are both seen as "..".
	for range 4 {
		d, err := url.PathUnescape(p)
		if err != nil {
			return "", errors.New("has a malformed %-escape")
		}
		if d == p {
			break
		}
		p = d
	}
	if strings.Contains(p, "%") {
		return "", errors.New("has too many levels of %-escapes")
	}
	if !utf8.ValidString(p) {
		return "", errors.New("is not UTF-8 text once its %-escapes are decoded")
	}
	for _, r := range p {
		if r < 0x20 || r == 0x7f || r == '\\' {
			return "", errors.New(`may not contain control characters or backslashes`)
		}
	}
	dir := strings.HasSuffix(p, "/")
	if strings.Trim(p, "/") == "" {
		return "", errors.New("cannot be the home page")
	}
	segs := strings.Split(strings.Trim(p, "/"), "/")
	for _, s := range segs {
		if s == "" || s == "." || s == ".." {
			return "", errors.New("may not contain empty, . or .. segments")
		}
	}
	clean := strings.Join(segs, "/")
	if !dir && path.Ext(clean) == ".html" {
		return clean, nil
	}
	return clean + "/index.html", nil
}

// aliases checks a page's aliases and records their output paths.
func (r *resolver) aliases(p *Page) {
	src := p.Src
	if len(src.Aliases) == 0 {
		return
	}
	positions := src.ItemPos("aliases", src.Aliases)
	for i, a := range src.Aliases {
		out, err := OutputPath(a)
		if err != nil {
			r.report(src, positions[i], "aliases: %q %v", a, err)
			continue
		}
		p.Aliases = append(p.Aliases, out)
		p.aliasAt = append(p.aliasAt, i)
	}
}

// AliasPos is where the i-th of the page's Aliases is written in its file
// (an alias refused before it, such as a URL, takes no place in Aliases).
func (p *Page) AliasPos(i int) content.Pos {
	return p.Src.ItemPos("aliases", p.Src.Aliases)[p.aliasAt[i]]
}

// Relative returns the slash path of target relative to the folder dir,
// both slash paths from the same root: from "content/roles",
// "content/tools/python.md" is "../tools/python.md".
func Relative(dir, target string) string {
	from, to := strings.Split(dir, "/"), strings.Split(target, "/")
	i := 0
	for i < len(from) && i < len(to)-1 && from[i] == to[i] {
		i++
	}
	return strings.Repeat("../", len(from)-i) + strings.Join(to[i:], "/")
}
