// Package rolesite holds the default theme: the repository's own templates/
// and static/ folders, embedded in the binary so that rolesite builds a site
// from nothing but a content folder. A site's own templates/ and static/
// override them file by file.
package rolesite

import (
	"embed"
	"io/fs"
)

//go:embed templates static
var theme embed.FS

// Theme returns the embedded default templates/ and static/.
func Theme() fs.FS { return theme }
