// Package sitefiles says which files of a site folder a build reads: the
// one place the build, the language server and anything else that walks a
// site agree on it.
//
// A page is a markdown file (.md) under content/, at any depth, none of
// whose path segments below content/ is ignored. A name is ignored when it
// is a dot-file (".git", ".DS_Store") or an editor's leftover: "#x#"
// (Emacs autosave), "x~" (backups), "x.swp" (Vim), "x___jb_tmp___"
// (JetBrains safe write). Ignored folders are not entered.
//
// Under static/, the dot-names that hosts read are files like any other:
// the folder .well-known/ (RFC 8615: security.txt, assetlinks.json...),
// .nojekyll (GitHub Pages), .htaccess (Apache) and .domains (Codeberg
// Pages) are copied to the output; see HostDotName.
package sitefiles

import "strings"

// Ignored tells dot-files and editor temporary files apart from content.
func Ignored(base string) bool {
	return strings.HasPrefix(base, ".") || strings.HasPrefix(base, "#") || strings.HasSuffix(base, "~") ||
		strings.HasSuffix(base, ".swp") || strings.Contains(base, "___jb_")
}

// IsPage tells whether a slash path relative to the site folder is a page
// that a walk of content/ would find.
func IsPage(name string) bool {
	if !strings.HasPrefix(name, "content/") || !strings.HasSuffix(name, ".md") {
		return false
	}
	for _, part := range strings.Split(name, "/")[1:] {
		if Ignored(part) {
			return false
		}
	}
	return true
}

// HostDotName tells whether a dot-name is one that static hosts read, to
// be copied from static/ although it starts with a dot.
func HostDotName(base string) bool {
	switch base {
	case ".well-known", ".nojekyll", ".htaccess", ".domains":
		return true
	}
	return false
}
