package render

import (
	"bytes"
	"html/template"
)

// aliasPage is fixed: a redirect must work even when a site's templates are broken.
var aliasPage = template.Must(template.New("alias").Parse(`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Moved to {{.Title}}</title>
{{if .Canonical}}<link rel="canonical" href="{{.Target}}">
{{end -}}
<meta name="robots" content="noindex">
<meta http-equiv="refresh" content="0; url={{.Target}}">
</head>
<body>
<p>This page has moved to <a href="{{.Target}}">{{.Title}}</a>.</p>
</body>
</html>
`))

// Alias returns a redirect page to target (a URL path or absolute URL),
// naming it as the canonical URL when canonical is set: a canonical link
// must be an absolute URL, which a site without a base URL has none of.
func Alias(title, target string, canonical bool) []byte {
	var b bytes.Buffer
	data := struct {
		Title, Target string
		Canonical     bool
	}{title, target, canonical}
	if err := aliasPage.Execute(&b, data); err != nil {
		panic(err) // the template and its data are fixed
	}
	return b.Bytes()
}
