package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode"

	"go.yaml.in/yaml/v4"

	"github.com/rolesite/rolesite/internal/content"
	"github.com/rolesite/rolesite/internal/diag"
	"github.com/rolesite/rolesite/internal/site"
	"github.com/rolesite/rolesite/internal/sitefs"
)

func runNew(env Env, args []string) int {
	flags := newFlags(env, "new", `new SECTION "Title" [--src DIR]`,
		`New writes content/SECTION/<slug>.md for a page with the given title, with
the front matter fields the section's pages usually have (its relations as
empty lists), and prints the path. It never overwrites a file.`)
	src := flags.String("src", ".", "the site `folder`")
	pos, code, ok := parse(flags, env, args)
	if !ok {
		return code
	}
	if len(pos) != 2 || strings.TrimSpace(pos[1]) == "" {
		fmt.Fprintln(env.Stderr, `usage: rolesite new SECTION "Title"`)
		return ExitUsage
	}
	section, title := pos[0], strings.TrimSpace(pos[1])
	if !plainName(section) {
		fmt.Fprintf(env.Stderr, "rolesite new: %q is not a section: name one folder under content/, such as roles%s\n", section, sectionHint(*src, section))
		return ExitUsage
	}
	site, err := openSite(*src)
	if err != nil {
		fmt.Fprintf(env.Stderr, "rolesite new: %v\n", err)
		return ExitUsage
	}
	defer site.Close()
	dir := filepath.Join(*src, "content", section)
	if st, err := site.Stat("content/" + section); err != nil || !st.IsDir() {
		why := ""
		if errors.Is(err, sitefs.ErrOutside) {
			why = " inside the site (content/" + section + " is a link out of it)"
		}
		fmt.Fprintf(env.Stderr, "rolesite new: no section %q: there is no folder %s%s%s\n", section, dir, why, sectionHint(*src, section))
		return ExitUsage
	}
	slug := Slugify(title)
	if slug == "" {
		fmt.Fprintf(env.Stderr, "rolesite new: cannot make a file name from %q: use letters or digits in the title\n", title)
		return ExitUsage
	}
	file := filepath.Join(dir, slug+".md")
	page, err := scaffold(site, section, title)
	if err != nil {
		fmt.Fprintf(env.Stderr, "rolesite new: %v\n", err)
		return ExitProblem
	}
	if err := createIn(site.Dir(), "content/"+section+"/"+slug+".md", page); err != nil {
		if errors.Is(err, fs.ErrExist) {
			fmt.Fprintf(env.Stderr, "rolesite new: %s already exists; edit it, or choose another title\n", file)
		} else {
			fmt.Fprintf(env.Stderr, "rolesite new: %v\n", err)
		}
		return ExitProblem
	}
	fmt.Fprintln(env.Stdout, file)
	return ExitOK
}

// plainName reports whether name is one folder name: no separator, not
// "." or "..", not hidden.
func plainName(name string) bool {
	return name != "" && !strings.ContainsAny(name, `/\`) && !strings.HasPrefix(name, ".")
}

// createIn writes a new file at the slash path name inside the folder dir,
// never outside it (os.Root refuses a link that leads out) and never over
// an existing file.
func createIn(dir, name string, data []byte) error {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return err
	}
	defer root.Close()
	f, err := root.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		_ = f.Close()
		_ = root.Remove(name)
		return err
	}
	return f.Close()
}

func sectionHint(src, section string) string {
	entries, _ := os.ReadDir(filepath.Join(src, "content"))
	var names []string
	for _, e := range entries {
		if e.IsDir() && !strings.HasPrefix(e.Name(), ".") {
			names = append(names, e.Name())
		}
	}
	if near := diag.Nearest(section, names); near != "" {
		return fmt.Sprintf(" (did you mean %s?)", near)
	}
	if len(names) > 0 {
		return "; sections are: " + strings.Join(names, ", ")
	}
	return ""
}

// Slugify makes a file name from a title: "Analytics Engineer" -> "analytics-engineer".
func Slugify(title string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(title) {
		switch {
		case r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r)), r >= 0x80 && unicode.IsLetter(r):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		case r == '+':
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteString("plus")
		default:
			dash = true
		}
	}
	return b.String()
}

// scaffold writes the front matter of a new page: title, an empty summary,
// then every field that at least half of the section's pages have, empty,
// and the next weight or order when the section's pages are ordered.
func scaffold(fsys fs.FS, section, title string) ([]byte, error) {
	sv := surveySection(fsys, section)
	var doc yaml.Node
	doc.Kind = yaml.MappingNode
	addField := func(k string, v *yaml.Node) {
		doc.Content = append(doc.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: k}, v)
	}
	str := func(s string) *yaml.Node {
		return &yaml.Node{Kind: yaml.ScalarNode, Value: s, Style: yaml.DoubleQuotedStyle}
	}
	addField("title", &yaml.Node{Kind: yaml.ScalarNode, Value: title})
	addField("summary", str(""))
	if sv.weightField != "" {
		addField(sv.weightField, &yaml.Node{Kind: yaml.ScalarNode, Value: fmt.Sprint(sv.maxWeight + 1), Tag: "!!int"})
	}
	for _, k := range sv.fields() {
		var v *yaml.Node
		shape, comment := sv.placeholder(k)
		switch shape {
		case "text":
			v = str("")
		case "mapping":
			v = &yaml.Node{Kind: yaml.MappingNode, Style: yaml.FlowStyle}
		default:
			v = &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle}
		}
		v.LineComment = comment
		addField(k, v)
	}
	var b bytes.Buffer
	b.WriteString("---\n")
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(&doc); err != nil {
		return nil, err
	}
	_ = enc.Close()
	b.WriteString("---\n\n## Overview\n\nWhat " + title + " is, in a paragraph. Link to other pages with relative links to their .md files.\n")
	return b.Bytes(), nil
}

// A survey is what a section's pages have in common, for a new page.
type survey struct {
	counts      map[string]int // pages that have each field
	kinds       map[string]any // a value of each field, for its type
	first       map[string]int // earliest place a field appears, for a natural order
	pages       int
	maxWeight   int
	weightField string   // "weight" or "order", when the pages are ordered
	relations   []string // the relations the section's _index.md declares
	declared    declared // the section's schema and scales
}

// surveySection reads the section's pages (those that parse cleanly).
func surveySection(fsys fs.FS, section string) survey {
	sv := survey{counts: map[string]int{}, kinds: map[string]any{}, first: map[string]int{}}
	entries, _ := fs.ReadDir(fsys, "content/"+section)
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".md") {
			continue
		}
		data, err := fs.ReadFile(fsys, "content/"+section+"/"+e.Name())
		if err != nil {
			continue
		}
		p, diags := content.Parse("content/"+section+"/"+e.Name(), data)
		if p == nil || len(diags) > 0 {
			continue
		}
		if p.IsIndex() {
			if m, ok := p.Params["relations"].(map[string]any); ok {
				sv.relations = slices.Sorted(maps.Keys(m))
			}
			sv.declared = readDeclared(p)
			continue
		}
		sv.add(p)
	}
	return sv
}

// add counts one page's fields and order.
func (sv *survey) add(p *content.Page) {
	sv.pages++
	for i, k := range p.Order(slices.Sorted(maps.Keys(p.Params))) {
		sv.counts[k]++
		if _, ok := sv.kinds[k]; !ok {
			sv.kinds[k] = p.Params[k]
		}
		if f, ok := sv.first[k]; !ok || i < f {
			sv.first[k] = i
		}
	}
	if p.Weighed {
		sv.maxWeight = max(sv.maxWeight, p.Weight)
		if _, ok := p.Params["order"]; ok {
			sv.weightField = "order"
		} else if sv.weightField == "" {
			sv.weightField = "weight"
		}
	}
}

// fields are the fields a new page gets, empty: those at least half the
// pages have, and the declared relations, in the order pages have them.
func (sv survey) fields() []string {
	var fields []string
	for k, n := range sv.counts {
		if 2*n >= sv.pages && !site.Reserved(k) {
			fields = append(fields, k)
		}
	}
	for _, r := range slices.Concat(sv.relations, sv.declared.fields) {
		if !slices.Contains(fields, r) {
			fields = append(fields, r)
		}
	}
	slices.SortFunc(fields, func(a, b string) int {
		fa, oka := sv.first[a]
		fb, okb := sv.first[b]
		if oka != okb {
			if oka {
				return -1
			}
			return 1
		}
		if fa != fb {
			return fa - fb
		}
		return strings.Compare(a, b)
	})
	return fields
}
