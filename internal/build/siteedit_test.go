package build_test

import (
	"cmp"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing/fstest"
)

// editFiles makes one random edit to src, calls touched with each file it
// changes and says what it did ("nothing" when the edit it drew had nothing
// to act on).
func editFiles(r *rand.Rand, src fstest.MapFS, touched func(string)) string {
	e := siteEditor{r: r, src: src, touched: touched}
	var what string
	switch r.IntN(20) {
	case 18, 19:
		what = e.editImage()
	case 17:
		what = e.reschema()
	case 15:
		what = e.qualifyStages()
	case 16:
		what = e.rescale()
	case 12, 13:
		what = e.editBody()
	case 14:
		what = e.addHeading()
	case 0:
		what = e.retitle()
	case 1:
		what = e.relinkTools()
	case 2:
		what = e.breakStages()
	case 3:
		what = e.linkInBody()
	case 4:
		what = e.addPage()
	case 5:
		what = e.removePage()
	case 6:
		what = e.addSection()
	case 7:
		what = e.removeSection()
	case 8:
		what = e.editTemplate()
	case 9:
		what = e.editStaticOrStray()
	case 10:
		what = e.reorder()
	case 11:
		what = e.draftOrAlias()
	}
	return cmp.Or(what, "nothing")
}

// A siteEditor makes the edits editFiles draws. Each edit returns what it
// did, or "" when there was nothing to edit.
type siteEditor struct {
	r       *rand.Rand
	src     fstest.MapFS
	touched func(string)
}

// pages lists the pages of a section, without its _index.md, in order.
func (e siteEditor) pages(section string) []string {
	var out []string
	for name := range e.src {
		if strings.HasPrefix(name, "content/"+section+"/") && !strings.HasSuffix(name, "_index.md") {
			out = append(out, name)
		}
	}
	slices.Sort(out)
	return out
}

func (e siteEditor) pick(list []string) string {
	if len(list) == 0 {
		return ""
	}
	return list[e.r.IntN(len(list))]
}

func slugOf(name string) string {
	return strings.TrimSuffix(name[strings.LastIndex(name, "/")+1:], ".md")
}

func (e siteEditor) set(name, data string) {
	e.src[name] = &fstest.MapFile{Data: []byte(data)}
	e.touched(name)
}

func (e siteEditor) remove(name string) {
	delete(e.src, name)
	e.touched(name)
}

func (e siteEditor) get(name string) string {
	if f := e.src[name]; f != nil {
		return string(f.Data)
	}
	return ""
}

// editBody edits the body text only (the fast path).
func (e siteEditor) editBody() string {
	p := e.pick(append(e.pages("roles"), e.pages("stages")...))
	if e.r.IntN(5) == 0 {
		p = "content/_index.md"
	}
	if p == "" || e.src[p] == nil {
		return ""
	}
	e.set(p, e.get(p)+fmt.Sprintf("\nMore words %d, with *emphasis*.\n", e.r.IntN(1000)))
	return "body of " + p
}

// addHeading adds a heading, which changes the page's fragment IDs.
func (e siteEditor) addHeading() string {
	p := e.pick(e.pages("stages"))
	if p == "" {
		return ""
	}
	e.set(p, e.get(p)+fmt.Sprintf("\n## Heading %d\n", e.r.IntN(5)))
	return "heading in " + p
}

// retitle retitles a page.
func (e siteEditor) retitle() string {
	p := e.pick(append(e.pages("roles"), e.pages("tools")...))
	if p == "" {
		return ""
	}
	e.set(p, replaceLine(e.get(p), "title: ", fmt.Sprintf("title: Renamed %d", e.r.IntN(1000))))
	return "retitle " + p
}

// relinkTools changes a role's tools.
func (e siteEditor) relinkTools() string {
	p, tool := e.pick(e.pages("roles")), e.pick(e.pages("tools"))
	if p == "" || tool == "" {
		return ""
	}
	e.set(p, replaceLine(e.get(p), "tools: ", "tools: ["+slugOf(tool)+"]"))
	return "relink tools of " + p
}

// qualifyStages gives a role's stages levels (now and then one off the
// scale, which breaks the build while the scale is declared), or makes
// them a plain list again.
func (e siteEditor) qualifyStages() string {
	p, st := e.pick(e.pages("roles")), e.pick(e.pages("stages"))
	if p == "" || st == "" {
		return ""
	}
	levels := []string{"consulted", "contributes", "leads", "lead"}
	line := fmt.Sprintf("stages: {%s: %s}", slugOf(st), levels[e.r.IntN(len(levels))])
	if e.r.IntN(4) == 0 {
		line = "stages: [" + slugOf(st) + "]"
	}
	e.set(p, replaceLine(e.get(p), "stages: ", line))
	return "qualify stages of " + p
}

// rescale declares, changes or drops the scale of the roles' stages.
func (e siteEditor) rescale() string {
	const name = "content/roles/_index.md"
	if e.src[name] == nil {
		return ""
	}
	scales := []string{"", ", scale: [consulted, contributes, leads]", ", scale: [consulted, contributes, leads, lead]"}
	decl := "  stages: {label: Stages, inverse: Roles active here" + scales[e.r.IntN(len(scales))] + "}"
	e.set(name, replaceLine(e.get(name), "  stages: ", decl))
	return "rescale stages"
}

// reschema declares, changes or drops the tools' schema: a required
// category (sometimes with values that rule some pages out), a bound on
// their stages, or nothing.
func (e siteEditor) reschema() string {
	const name = "content/tools/_index.md"
	if e.src[name] == nil {
		return ""
	}
	var kept []string
	for _, line := range strings.Split(e.get(name), "\n") {
		if !strings.HasPrefix(line, "fields:") && !strings.HasPrefix(line, "  category:") {
			kept = append(kept, line)
		}
	}
	doc := strings.Join(kept, "\n")
	schemas := []string{"",
		"fields:\n  category: {type: string, required: true}\n",
		"fields:\n  category: {type: string, values: [Languages, Other]}\n",
		"fields:\n  category: {type: list}\n"}
	doc = strings.Replace(doc, "---\n", "---\n"+schemas[e.r.IntN(len(schemas))], 1)
	bounds := []string{"", ", min: 1", ", max: 1", ", min: 3"}
	doc = replaceLine(doc, "  stages: ", "  stages: {label: Used in stages, inverse: Tools used here"+bounds[e.r.IntN(len(bounds))]+"}")
	e.set(name, doc)
	return "reschema tools"
}

// breakStages makes a relation to a page that does not exist (breaks the
// build).
func (e siteEditor) breakStages() string {
	p := e.pick(e.pages("roles"))
	if p == "" {
		return ""
	}
	e.set(p, replaceLine(e.get(p), "stages: ", "stages: [no-such-stage]"))
	return "break stages of " + p
}

// linkInBody points a body link elsewhere, sometimes nowhere.
func (e siteEditor) linkInBody() string {
	p, q := e.pick(e.pages("roles")), e.pick(e.pages("tools"))
	if p == "" || q == "" {
		return ""
	}
	target := "../tools/" + slugOf(q) + ".md"
	if e.r.IntN(4) == 0 {
		target = "../tools/missing.md"
	}
	e.set(p, e.get(p)+"\nSee [this]("+target+").\n")
	return "body link in " + p
}

func (e siteEditor) addPage() string {
	name := fmt.Sprintf("content/tools/new-%d.md", e.r.IntN(50))
	e.set(name, "---\ntitle: New tool\nsummary: Fresh.\ncategory: Languages\nstages: []\n---\nNew.\n")
	return "add " + name
}

func (e siteEditor) removePage() string {
	p := e.pick(append(e.pages("tools"), e.pages("roles")...))
	if p == "" {
		return ""
	}
	e.remove(p)
	return "remove " + p
}

func (e siteEditor) addSection() string {
	name := fmt.Sprintf("sec%d", e.r.IntN(3))
	e.set("content/"+name+"/_index.md", "---\ntitle: Section "+name+"\nweight: 9\n---\n")
	e.set("content/"+name+"/p.md", "---\ntitle: P\ntools: ["+slugOf(e.pick(e.pages("tools")))+"]\n---\n")
	return "add section " + name
}

func (e siteEditor) removeSection() string {
	name := fmt.Sprintf("content/sec%d/", e.r.IntN(3))
	for k := range e.src {
		if strings.HasPrefix(k, name) {
			e.remove(k)
		}
	}
	return "remove section " + name
}

// editTemplate edits, breaks or fixes (by removing) a template, or gives
// a section that comes and goes (see addSection) a page template of its
// own: a later edit of content alone that adds the section needs it.
func (e siteEditor) editTemplate() string {
	switch e.r.IntN(4) {
	case 3:
		e.set("templates/sec1/page.html", `{{define "main"}}<h1>Of sec1: {{.Title}}</h1>{{.Content}}{{end}}`)
	case 0:
		e.set("templates/page.html", `{{define "main"}}<h1>{{.Title}}</h1>{{.Content}}{{range .In}}<p>{{.Label}}{{range .Links}} {{.Title}}{{end}}</p>{{end}}{{end}}`)
	case 1:
		e.set("templates/page.html", `{{define "main"}}{{.Broken}{{end}}`)
	default:
		e.remove("templates/page.html")
	}
	return "template"
}

// editStaticOrStray edits a static file, or adds or removes a file no build
// reads as a page.
func (e siteEditor) editStaticOrStray() string {
	if e.r.IntN(3) == 0 {
		if name := "content/roles/Notes.MD"; e.src[name] == nil {
			e.set(name, "---\ntitle: Notes\n---\n")
		} else {
			e.remove(name)
		}
		return "a page named .MD"
	}
	e.set("static/css/extra.css", fmt.Sprintf("body{margin:%dpx}", e.r.IntN(20)))
	return "static"
}

// reorder changes a stage's order.
func (e siteEditor) reorder() string {
	p := e.pick(e.pages("stages"))
	if p == "" {
		return ""
	}
	e.set(p, replaceLine(e.get(p), "order: ", fmt.Sprintf("order: %d", e.r.IntN(30))))
	return "reorder " + p
}

// draftOrAlias makes a role a draft or gives it an alias.
func (e siteEditor) draftOrAlias() string {
	p := e.pick(e.pages("roles"))
	if p == "" {
		return ""
	}
	if e.r.IntN(2) == 0 {
		e.set(p, strings.Replace(e.get(p), "---\n", "---\ndraft: true\n", 1))
		return "draft " + p
	}
	e.set(p, strings.Replace(e.get(p), "---\n", fmt.Sprintf("---\naliases: [/old/%d/]\n", e.r.IntN(5)), 1))
	return "alias " + p
}

// replaceLine replaces the first line starting with prefix, or adds it to
// the front matter.
func replaceLine(doc, prefix, line string) string {
	lines := strings.Split(doc, "\n")
	for i, l := range lines {
		if strings.HasPrefix(l, prefix) {
			lines[i] = line
			return strings.Join(lines, "\n")
		}
	}
	return strings.Replace(doc, "---\n", "---\n"+line+"\n", 1)
}
