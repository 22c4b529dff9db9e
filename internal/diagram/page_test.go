package diagram

import (
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var pageDir = flag.String("page", "", "write HTML pages showing the diagrams to this directory, for a person to look at")

// testTheme stands in for the site's stylesheet: the custom properties in
// a light and a dark theme, and a page column like the site's.
const testTheme = `
:root { --bg: #fbfbf8; --surface: #fff; --fg: #1d2327; --muted: #58626b; --border: #d9ddd8; --accent: #1f5fa8; }
:root[data-theme="dark"] { --bg: #14181c; --surface: #1c2228; --fg: #e6e9ec; --muted: #a3adb6; --border: #343d46; --accent: #8cb8ee; }
html { background: var(--bg); color: var(--fg); font: 16px/1.5 system-ui, sans-serif; }
body { margin: 0; }
main { max-width: 46rem; margin: 0 auto; padding: 1rem; }
/* Phones, as far as diagram.css can tell: it asks only the figure's width. */
.w320 main { width: 320px; box-sizing: border-box; margin: 0; }
.w390 main { width: 390px; box-sizing: border-box; margin: 0; }
figure { margin: 1rem 0; }
`

// page is an HTML page showing svg, with diagram.css and the test theme;
// frame "w320" or "w390" makes the page that wide, like a phone's.
func page(theme, frame, svg string) string {
	return `<!doctype html><html lang="en" class="` + frame + `" data-theme="` + theme + `"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>lifecycle</title><link rel="stylesheet" href="theme.css"><link rel="stylesheet" href="diagram.css"></head>
<body><main><h1>The lifecycle</h1><figure class="lifecycle">` + svg + `</figure></main></body></html>`
}

// TestWritePages writes the atlas and the crowded fixture as pages, in both
// themes, when run with -page DIR.
func TestWritePages(t *testing.T) {
	if *pageDir == "" {
		t.Skip("run with -page DIR to write pages")
	}
	css, err := os.ReadFile("../../static/css/diagram.css")
	if err != nil {
		t.Fatal(err)
	}
	write := func(name, content string) {
		if err := os.WriteFile(filepath.Join(*pageDir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("diagram.css", string(css))
	write("theme.css", testTheme)
	for name, f := range map[string]func() ([]Stage, []Loop){"atlas": atlas, "crowded": crowded} {
		svg := Lifecycle(f())
		for _, theme := range []string{"light", "dark"} {
			for _, frame := range []string{"", "w390"} {
				write(name+"-"+theme+frame+".html", page(theme, frame, svg))
			}
		}
	}
}
