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
<link rel="canonical" href="{{.Target}}">
<meta name="robots" content="noindex">
<meta http-equiv="refresh" content="0; url={{.Target}}">
</head>
<body>
<p>This page has moved to <a href="{{.Target}}">{{.Title}}</a>.</p>
</body>
</html>
`))

// Alias returns a redirect page to target (a URL path or absolute URL).
func Alias(title, target string) []byte {
	var b bytes.Buffer
	if err := aliasPage.Execute(&b, struct{ Title, Target string }{title, target}); err != nil {
		panic(err) // the template and its data are fixed
	}
	return b.Bytes()
}
