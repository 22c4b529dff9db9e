package serve

import (
	"io/fs"
	"net/url"
	"strings"
)

// cleanRawPath reports whether the request path as sent is free of encoded
// slashes, backslashes and NULs, which would otherwise hide a path separator
// or a truncation from the checks on the decoded path.
func cleanRawPath(u *url.URL) bool {
	raw := strings.ToLower(u.EscapedPath())
	for _, bad := range [...]string{"%2f", "%5c", "%00"} {
		if strings.Contains(raw, bad) {
			return false
		}
	}
	return true
}

// siteName turns the part of a decoded request path below the base into the
// fs.FS name to look up. dir is true when the path ends in a slash (or is
// the base itself): the name is then a folder whose index.html is wanted.
// ok is false for anything that is not a plain, valid fs.FS name: "..", ".",
// empty elements, a leading slash, a backslash or a NUL.
func siteName(rest string) (name string, dir, ok bool) {
	if strings.ContainsAny(rest, "\\\x00") {
		return "", false, false
	}
	if rest == "" {
		return ".", true, true
	}
	name, dir = strings.CutSuffix(rest, "/")
	if !fs.ValidPath(name) || name == "." {
		return "", false, false
	}
	return name, dir, true
}
