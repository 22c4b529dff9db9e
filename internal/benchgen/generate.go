package benchgen

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing/fstest"
)

// Emit receives one generated file: a slash path relative to the site
// folder, and its content.
type Emit func(name string, data []byte) error

// Layout is the shape of a generated site.
type Layout struct {
	Stages, Tools, Roles int
}

// LayoutFor splits n pages into 20 stages, ~30% tools and the rest roles.
func LayoutFor(n int) Layout {
	stages := min(20, max(n/10, 1))
	tools := max((n*3)/10, 1)
	return Layout{Stages: stages, Tools: tools, Roles: max(n-stages-tools, 1)}
}

var categories = []string{"Languages", "Analysis and BI", "Pipelines and big data", "ML and DL frameworks",
	"Databases and warehouses", "Storage", "Cloud platforms", "Engineering practice", "Hardware", "Observability"}

// Generate writes an n-page rolesite site through emit.
func Generate(n int, emit Emit) error {
	l := LayoutFor(n)
	r := rand.New(rand.NewPCG(uint64(n), 1))
	w := &writer{r: r}
	// The roles-by-stage matrix, where it stays within rolesite's limit on
	// matrix size (200,000 cells): up to 10,000 roles.
	matrix := ""
	if l.Roles*l.Stages <= 200_000 {
		matrix = "matrices:\n  - {rows: roles, field: stages, title: Roles by stage}\n"
	}
	files := []struct {
		name string
		data string
	}{
		{"content/_index.md", "---\ntitle: Generated atlas\ndescription: A generated site for benchmarks.\nlifecycle: {section: stages, loop: loops_to, members: roles}\n" + matrix + "---\n" + w.paragraph(80) + "\n"},
		{"content/roles/_index.md", "---\ntitle: Roles\nweight: 1\nrelated: true\nrelations:\n  tools: {label: Tools, inverse: Used by}\n  stages: {label: Stages, inverse: Roles active here}\n  collaborates_with: {section: roles, label: Works with, inverse: Works with}\n---\n" + w.paragraph(60) + "\n"},
		{"content/tools/_index.md", "---\ntitle: Tools\nweight: 2\nrelations:\n  stages: {label: Used in stages, inverse: Tools used here}\n---\n" + w.paragraph(60) + "\n"},
		{"content/stages/_index.md", "---\ntitle: Stages\nweight: 3\nrelations:\n  loops_to: {section: stages, label: Loops back to, inverse: Fed back from}\n---\n" + w.paragraph(60) + "\n"},
	}
	for _, f := range files {
		if err := emit(f.name, []byte(f.data)); err != nil {
			return err
		}
	}
	for i := range l.Stages {
		fm := fmt.Sprintf("---\ntitle: %s\nsummary: %s\norder: %d\n", title("Stage", i), w.sentence(12), i+1)
		if i == l.Stages-1 && l.Stages > 1 {
			fm += "loops_to: [" + slug("stage", 1) + "]\n"
		}
		if err := emit("content/stages/"+slug("stage", i)+".md", []byte(fm+"---\n"+w.body(l, "stages"))); err != nil {
			return err
		}
	}
	for i := range l.Tools {
		fm := fmt.Sprintf("---\ntitle: %s\nsummary: %s\ncategory: %s\nstages: [%s]\n---\n", title("Tool", i), w.sentence(12),
			categories[i%len(categories)], strings.Join(w.pick("stage", l.Stages, 2), ", "))
		if err := emit("content/tools/"+slug("tool", i)+".md", []byte(fm+w.body(l, "tools"))); err != nil {
			return err
		}
	}
	for i := range l.Roles {
		fm := fmt.Sprintf("---\ntitle: %s\nsummary: %s\ntools: [%s]\nstages: [%s]\ncollaborates_with: [%s]\nskills: [%s]\n---\n",
			title("Role", i), w.sentence(14),
			strings.Join(w.pick("tool", l.Tools, 5), ", "),
			strings.Join(w.pick("stage", l.Stages, 3), ", "),
			strings.Join(w.pickExcept("role", l.Roles, 3, i), ", "),
			strings.Join(w.skills(4), ", "))
		if err := emit("content/roles/"+slug("role", i)+".md", []byte(fm+w.body(l, "roles"))); err != nil {
			return err
		}
	}
	return nil
}

func slug(kind string, i int) string { return fmt.Sprintf("%s-%05d", kind, i) }

func title(kind string, i int) string { return fmt.Sprintf("%s %05d", kind, i) }

type writer struct{ r *rand.Rand }

// pick returns k distinct slugs of kind out of n (fewer when n < k).
func (w *writer) pick(kind string, n, k int) []string {
	return w.pickExcept(kind, n, k, -1)
}

func (w *writer) pickExcept(kind string, n, k, except int) []string {
	seen := map[int]bool{except: true}
	var out []string
	for len(out) < min(k, n-1) || (except < 0 && len(out) < min(k, n)) {
		i := w.r.IntN(n)
		if seen[i] {
			continue
		}
		seen[i] = true
		out = append(out, slug(kind, i))
	}
	return out
}

func (w *writer) skills(k int) []string {
	out := make([]string, k)
	for i := range out {
		out[i] = strings.ToUpper(words[w.r.IntN(len(words))][:1]) + words[w.r.IntN(len(words))][1:] + " " + words[w.r.IntN(len(words))]
	}
	return out
}

func (w *writer) word() string { return words[w.r.IntN(len(words))] }

// sentence returns n words, capitalised, ending with a full stop.
func (w *writer) sentence(n int) string {
	parts := make([]string, n)
	for i := range parts {
		parts[i] = w.word()
	}
	s := strings.Join(parts, " ")
	return strings.ToUpper(s[:1]) + s[1:] + "."
}

// paragraph returns about n words in sentences, with some emphasis and code.
func (w *writer) paragraph(n int) string {
	var b strings.Builder
	for written := 0; written < n; {
		k := 8 + w.r.IntN(10)
		s := w.sentence(k)
		switch w.r.IntN(6) {
		case 0:
			s += " It is **" + w.word() + "** work."
		case 1:
			s += " Use `" + w.word() + "_" + w.word() + "()` here."
		case 2:
			s += " *" + w.word() + " " + w.word() + "* matters."
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(s)
		written += k
	}
	return b.String()
}

// body returns about 500 words of markdown with two links to other pages.
func (w *writer) body(l Layout, section string) string {
	link := func() string {
		switch w.r.IntN(3) {
		case 0:
			return fmt.Sprintf("[%s](../roles/%s.md)", title("Role", 0), slug("role", w.r.IntN(l.Roles)))
		case 1:
			return fmt.Sprintf("[a tool](../tools/%s.md)", slug("tool", w.r.IntN(l.Tools)))
		}
		return fmt.Sprintf("[a stage](../stages/%s.md#overview)", slug("stage", w.r.IntN(l.Stages)))
	}
	var b strings.Builder
	b.WriteString(w.paragraph(60) + " The **" + w.word() + "** step calls `" + w.word() + "()`.\n\n## Overview\n\n" + w.paragraph(80) + " See " + link() + ".\n\n")
	b.WriteString("## Responsibilities\n\n")
	for range 6 {
		b.WriteString("- " + w.sentence(7) + "\n")
	}
	b.WriteString("\n## Details\n\n| Aspect | Notes |\n|---|---|\n")
	for range 4 {
		b.WriteString("| " + w.word() + " | " + w.sentence(6) + " |\n")
	}
	b.WriteString("\n```python\n")
	for range 5 {
		b.WriteString(w.word() + " = " + w.word() + "(" + w.word() + ")\n")
	}
	b.WriteString("```\n\n### Notes on " + w.word() + "\n\n" + w.paragraph(90) + "\n\n## Further reading\n\n" + w.paragraph(90) + " Compare " + link() + ".\n")
	return b.String()
}

// MapFS generates the site of n pages in memory, for tests.
func MapFS(n int) (fstest.MapFS, error) {
	m := fstest.MapFS{}
	err := Generate(n, func(name string, data []byte) error {
		m[name] = &fstest.MapFile{Data: data}
		return nil
	})
	return m, err
}

// ToDir returns an Emit that writes each file under the folder dir,
// making folders as needed.
func ToDir(dir string) Emit {
	return func(name string, data []byte) error {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		return os.WriteFile(p, data, 0o644)
	}
}
