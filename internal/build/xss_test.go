package build_test

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"html"
	"io"
	"path"
	"regexp"
	"strings"
	"testing"

	"github.com/tdewolff/parse/v2"
	phtml "github.com/tdewolff/parse/v2/html"

	"github.com/rolesite/rolesite"
	"github.com/rolesite/rolesite/internal/build"
)

// The hostile strings: markup that would run script if it reached the page
// unescaped, and template syntax that would show if content were ever
// executed as a template.
const (
	xssScript = `<script>alert(1)</script>`
	xssAttr   = `"><img src=x onerror=alert(1)>`
	xssSingle = `'><svg onload=alert(1)>`
	xssTmpl   = `{{ .Site }}{{template "base" .}}`
	xssAll    = xssScript + xssAttr + xssSingle + xssTmpl
)

// hostileSite puts the hostile strings in every place content can reach a
// page: titles, summaries, descriptions, relation labels, categories and
// skills, glance-view titles, aliases' titles, headings, body text, code,
// tables, footnotes, link titles and text, and dangerous URLs in every kind
// of link. The lifecycle, matrices, related pages and comparisons are on,
// so those views carry them too.
func hostileSite() map[string]string {
	q := func(s string) string { b, _ := json.Marshal(s); return string(b) } // a YAML double-quoted string
	return map[string]string{
		"content/_index.md": "---\ntitle: " + q("Atlas "+xssAll) + "\ndescription: " + q("Desc "+xssAll) +
			"\nlifecycle: {section: stages, loop: loops_to, members: roles}\nmatrices:\n" +
			"  - {rows: roles, field: stages, title: " + q("Matrix "+xssAll) + "}\n" +
			"  - {rows: roles, field: tools, group: category}\n---\n" +
			"# Home " + xssAll + "\n\nWelcome " + xssAll + "\n",
		"content/roles/_index.md": "---\ntitle: " + q("Roles "+xssAll) + "\nsummary: " + q("Sum "+xssAll) +
			"\nrelated: true\ncompare: true\nrelations:\n  collaborates_with: {section: roles, label: " + q("Label "+xssAll) +
			", inverse: " + q("Inverse "+xssAll) + "}\n  tools: {label: " + q("Tools "+xssAll) + ", inverse: " + q("Used by "+xssAll) + "}\n---\n" +
			"Intro " + xssAll + "\n",
		"content/roles/evil.md": "---\ntitle: " + q("Evil "+xssAll) + "\nsummary: " + q("Summary "+xssAll) +
			"\naliases: [/old-evil/]\ntools: [t]\nstages: [s1]\ncollaborates_with: [good]\nskills: [" + q("Skill "+xssAll) + "]\n" +
			"custom: " + q("Custom "+xssAll) + "\n---\n" +
			"# Heading " + xssScript + "\n\n## Second {onclick=alert(1) style=\"background:url(javascript:alert(1))\"}\n\n" +
			"## Third {#third onclick=\"alert(1)\" style=\"background:url(javascript:alert(1))\"}\n\n" +
			"Text " + xssAll + "\n\n" + xssScript + "\n\n<img src=x onerror=alert(1)>\n\n" +
			"[js](javascript:alert(1)) [JS](JaVaScRiPt:alert(1)) [ent](javascript&#58;alert(1)) [tab](<java\tscript:alert(1)>) " +
			"[data](data:text/html,<script>alert(1)</script>) [b64](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==) " +
			"[vb](vbscript:msgbox(1)) [file](file:///etc/passwd) <javascript:alert(1)> ![img](javascript:alert(1)) " +
			"[ref][r] [title](../tools/t.md \"" + strings.ReplaceAll(xssAttr, `"`, `\"`) + "\") [good](good.md)\n\n" +
			"[r]: javascript:alert(1)\n\n| " + xssScript + " | b |\n|---|---|\n| `" + xssAll + "` | c |\n\n" +
			"```html\n" + xssAll + "\n```\n\nNote[^1].\n\n[^1]: " + xssAll + "\n",
		"content/roles/good.md":    "---\ntitle: Good\nsummary: A plain page.\ntools: [t]\nstages: [s1]\n---\nPlain.\n",
		"content/tools/t.md":       "---\ntitle: " + q("Tool "+xssAll) + "\nsummary: " + q("Tool sum "+xssAll) + "\ncategory: " + q("Cat "+xssAll) + "\nstages: [s1]\n---\n",
		"content/stages/_index.md": "---\ntitle: " + q("Stages "+xssAll) + "\nrelations:\n  loops_to: stages\n---\n",
		"content/stages/s1.md":     "---\ntitle: " + q("Stage one "+xssAll) + "\nsummary: " + q("S1 "+xssAll) + "\norder: 1\n---\n",
		"content/stages/s2.md":     "---\ntitle: " + q("Stage two "+xssAll) + "\norder: 2\nloops_to: [s1]\n---\n",
	}
}

// TestHostileContentIsEscaped builds the hostile site, plain and as it is
// published (minified, fingerprinted), and checks every file it writes: no
// script, event handler or dangerous URL from content in any HTML page or
// in the HTML inside the feed, JSON and XML that parse, and the hostile text
// still there, shown as text.
func TestHostileContentIsEscaped(t *testing.T) {
	for _, mode := range []struct {
		name string
		opts build.Options
	}{
		{"plain", build.Options{}},
		{"published", build.Options{Minify: true, Fingerprint: true}},
	} {
		t.Run(mode.name, func(t *testing.T) {
			res := build.Build(context.Background(), siteFS(hostileSite()), rolesite.Theme(), mode.opts)
			if !res.OK() {
				t.Fatalf("the hostile site does not build:\n%v", res.Diagnostics)
			}
			checked, searchable := 0, false
			for _, name := range res.Files.Names() {
				data, _ := res.Files.Get(name)
				if origin := res.Files.Origin(name); strings.HasPrefix(origin, "static/") {
					continue // the theme's own files: no content reaches them
				}
				var problems []string
				switch path.Ext(name) {
				case ".html":
					problems = htmlProblems(data)
				case ".json":
					problems = jsonProblems(data)
					searchable = searchable || strings.HasPrefix(name, "search/") && jsonHolds(data, "Evil "+xssAll)
				case ".xml":
					problems = xmlProblems(data)
				case ".js", ".css":
					if bytes.Contains(data, []byte("alert(1)")) {
						problems = []string{"content reached a script or stylesheet"}
					}
				case ".txt", "":
					problems = plainProblems(data)
				default:
					continue
				}
				for _, p := range problems {
					t.Errorf("%s: %s", name, p)
				}
				checked++
			}
			if checked < 20 {
				t.Errorf("only %d files checked", checked)
			}
			if !searchable {
				t.Error("no search/ file holds the hostile title as text: the search test below would prove nothing")
			}
			// The hostile text is kept, as text, where it belongs.
			for name, want := range map[string][]string{
				"index.html":                    {"Atlas " + xssAll, "Home " + xssAll, "Welcome " + xssAll},
				"roles/index.html":              {"Roles " + xssAll, "Intro " + xssAll},
				"roles/evil/index.html":         {"Evil " + xssAll, "Summary " + xssAll, "Heading " + xssScript, "Text " + xssAll, "Label " + xssAll, "Tools " + xssAll},
				"roles/good/index.html":         {"Inverse " + xssAll},
				"tools/t/index.html":            {"Tool " + xssAll, "Used by " + xssAll},
				"stages/index.html":             {"Stage one " + xssAll, "Stage two " + xssAll},
				"old-evil/index.html":           {"Evil " + xssAll},
				"roles/evil/vs/good/index.html": {"Evil " + xssAll},
				"compare/roles/index.html":      {"Evil " + xssAll, "Summary " + xssAll},
			} {
				data, ok := res.Files.Get(name)
				if !ok {
					t.Errorf("%s: not built; files: %v", name, res.Files.Names())
					continue
				}
				text := htmlText(data)
				for _, w := range want {
					if !strings.Contains(text, w) {
						t.Errorf("%s: the text %q is missing (escaped away, or dropped)", name, w)
					}
				}
			}
		})
	}
}

// dangerousURL reports whether a URL, as a browser reads it (leading and
// trailing spaces and controls dropped, tabs and newlines removed), has a
// scheme that runs script or opens a document: javascript:, vbscript:,
// file:, or data: other than a raster image.
func dangerousURL(u string) bool {
	u = strings.TrimFunc(u, func(r rune) bool { return r <= ' ' })
	u = strings.ToLower(strings.NewReplacer("\t", "", "\n", "", "\r", "").Replace(u))
	for _, image := range []string{"data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"} {
		if strings.HasPrefix(u, image) {
			return false
		}
	}
	for _, s := range []string{"javascript:", "vbscript:", "file:", "data:"} {
		if strings.HasPrefix(u, s) {
			return true
		}
	}
	return false
}

// urlAttrs are the attributes that hold a URL a browser may follow or load.
var urlAttrs = map[string]bool{"href": true, "src": true, "action": true, "formaction": true, "poster": true,
	"data": true, "xlink:href": true, "background": true, "srcset": true, "cite": true, "ping": true}

// forbiddenTags are elements content must never produce.
var forbiddenTags = map[string]bool{"iframe": true, "frame": true, "frameset": true, "object": true, "embed": true,
	"applet": true, "base": true, "foreignobject": true, "animate": true, "set": true, "handler": true,
	"listener": true, "noscript": true, "template": true, "portal": true}

var cssURL = regexp.MustCompile(`(?i)url\s*\(|expression\s*\(|@import`)

// htmlProblems tokenises an HTML document as a browser would and lists
// every inline script, event handler, forbidden element and dangerous URL.
func htmlProblems(data []byte) []string {
	var problems []string
	bad := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }
	l := phtml.NewLexer(parse.NewInputBytes(data))
	var tag string
	var attrs map[string]string
	flush := func() {
		if tag == "" {
			return
		}
		if tag == "script" && !strings.HasSuffix(attrs["src"], ".js") {
			bad("an inline <script> (attributes %v)", attrs)
		}
		if forbiddenTags[tag] {
			bad("a <%s> element", tag)
		}
		if tag == "meta" && strings.EqualFold(attrs["http-equiv"], "refresh") {
			if _, u, ok := strings.Cut(strings.ToLower(attrs["content"]), "url="); ok && dangerousURL(u) {
				bad("a refresh to %q", u)
			}
		}
		for k, v := range attrs {
			switch {
			case strings.HasPrefix(k, "on"):
				bad("<%s %s=%q>", tag, k, v)
			case urlAttrs[k] && dangerousURL(v):
				bad("<%s %s=%q>", tag, k, v)
			case k == "style" && cssURL.MatchString(v):
				bad("<%s style=%q>", tag, v)
			}
		}
		tag = ""
	}
	for {
		tt, text := l.Next()
		switch tt {
		case phtml.ErrorToken:
			flush()
			if l.Err() != io.EOF {
				bad("%v", l.Err())
			}
			return problems
		case phtml.StartTagToken:
			flush()
			tag, attrs = strings.ToLower(string(text[1:])), map[string]string{}
		case phtml.AttributeToken:
			v := strings.Trim(string(l.AttrVal()), `"'`)
			attrs[strings.ToLower(string(l.AttrKey()))] = html.UnescapeString(v)
		case phtml.StartTagCloseToken, phtml.StartTagVoidToken:
			flush()
		case phtml.SVGToken:
			flush()
			problems = append(problems, svgProblems(text)...)
		}
	}
}

// svgProblems looks inside inline SVG, which the HTML lexer hands over whole.
func svgProblems(svg []byte) []string {
	var problems []string
	d := xml.NewDecoder(bytes.NewReader(svg))
	d.Strict = false
	for {
		tok, err := d.Token()
		if err != nil {
			if err != io.EOF {
				problems = append(problems, fmt.Sprintf("inline SVG does not parse: %v", err))
			}
			return problems
		}
		if se, ok := tok.(xml.StartElement); ok {
			el := strings.ToLower(se.Name.Local)
			if el == "script" || forbiddenTags[el] {
				problems = append(problems, fmt.Sprintf("a <%s> in inline SVG", el))
			}
			for _, a := range se.Attr {
				k := strings.ToLower(a.Name.Local)
				if strings.HasPrefix(k, "on") || (k == "href" && dangerousURL(a.Value)) {
					problems = append(problems, fmt.Sprintf("SVG <%s %s=%q>", el, k, a.Value))
				}
			}
		}
	}
}

// htmlText returns the text a reader sees: every text token, unescaped.
func htmlText(data []byte) string {
	l := phtml.NewLexer(parse.NewInputBytes(data))
	var b strings.Builder
	for {
		tt, text := l.Next()
		switch tt {
		case phtml.ErrorToken:
			return b.String()
		case phtml.TextToken:
			b.WriteString(html.UnescapeString(string(text)))
		case phtml.AttributeToken:
			b.WriteString(html.UnescapeString(strings.Trim(string(l.AttrVal()), `"'`)) + "\n")
		}
	}
}

// jsonProblems requires valid JSON. Its strings may hold the hostile text
// (the search index must, to find the page); what becomes of it in the
// browser is for the search script, and TestHostileSiteInBrowser.
func jsonProblems(data []byte) []string {
	if !json.Valid(data) {
		return []string{"not valid JSON"}
	}
	return nil
}

// jsonHolds reports whether a JSON document has a string containing s.
func jsonHolds(data []byte, s string) bool {
	d := json.NewDecoder(bytes.NewReader(data))
	for {
		tok, err := d.Token()
		if err != nil {
			return false
		}
		if v, ok := tok.(string); ok && strings.Contains(v, s) {
			return true
		}
	}
}

// xmlProblems requires well-formed XML with no script element, and checks
// the HTML that a feed carries as escaped text.
func xmlProblems(data []byte) []string {
	var problems []string
	d := xml.NewDecoder(bytes.NewReader(data))
	var inHTML bool
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return problems
		}
		if err != nil {
			return append(problems, fmt.Sprintf("not well-formed XML: %v", err))
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			if strings.EqualFold(tok.Name.Local, "script") {
				problems = append(problems, "a <script> element")
			}
			inHTML = false
			for _, a := range tok.Attr {
				if a.Name.Local == "type" && (a.Value == "html" || a.Value == "xhtml") {
					inHTML = true
				}
			}
		case xml.CharData:
			if inHTML {
				for _, p := range htmlProblems(tok) {
					problems = append(problems, "in embedded HTML: "+p)
				}
			}
		case xml.EndElement:
			inHTML = false
		}
	}
}

// plainProblems looks at host files (_headers, _redirects, robots.txt): one
// rule a line, and no content value may reach them.
func plainProblems(data []byte) []string {
	var problems []string
	for _, line := range strings.Split(string(data), "\n") {
		if strings.Contains(line, "alert(1)") || strings.Contains(line, "<") {
			problems = append(problems, fmt.Sprintf("content in the line %q", line))
		}
	}
	return problems
}

// TestHostileCheckersCatch makes sure the checkers above can fail: each
// known way to run script is reported.
func TestHostileCheckersCatch(t *testing.T) {
	for _, bad := range []string{
		`<p><script>alert(1)</script></p>`,
		`<p><img src=x onerror=alert(1)></p>`,
		`<a href="javascript:alert(1)">x</a>`,
		`<a href=" JaVa&#x09;Script:alert(1)">x</a>`,
		`<a href='data:text/html,<script>alert(1)</script>'>x</a>`,
		`<iframe src="/x"></iframe>`,
		`<meta http-equiv="refresh" content="0; url=javascript:alert(1)">`,
		`<h2 style="background:url(javascript:alert(1))">x</h2>`,
		`<svg><a href="javascript:alert(1)"><text>x</text></a></svg>`,
		`<svg><animate attributeName="href" values="javascript:alert(1)"/></svg>`,
		`<form><button formaction="javascript:alert(1)">x</button></form>`,
	} {
		if len(htmlProblems([]byte(bad))) == 0 {
			t.Errorf("not caught: %s", bad)
		}
	}
	if len(htmlProblems([]byte(`<p>&lt;script&gt;alert(1)&lt;/script&gt;</p><script src="/js/a.js" defer></script><a href="/x/">x</a><img src="data:image/png;base64,AA" alt="">`))) > 0 {
		t.Error("escaped text, a site script, a plain link or an inline PNG reported")
	}
	if len(xmlProblems([]byte(`<feed><content type="html">&lt;img src=x onerror=alert(1)&gt;</content></feed>`))) == 0 {
		t.Error("an event handler in a feed's HTML not caught")
	}
	if len(jsonProblems([]byte(`{"a": "<b>",}`))) == 0 || len(plainProblems([]byte("/x /y 301\n/<script> /z 301\n"))) == 0 {
		t.Error("bad JSON or a hostile host-file line not caught")
	}
}
