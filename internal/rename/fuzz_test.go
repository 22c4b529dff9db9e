package rename

import (
	"bytes"
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/rolesite/rolesite/internal/content"
	"github.com/rolesite/rolesite/internal/workspace"
)

// FuzzRename builds a site from the fuzzer's bytes — pages in YAML (flow
// and block lists), TOML and JSON, LF or CRLF, non-ASCII text before the
// values, links with and without fragments, every state of aliases — and
// renames a tool to the fuzzer's slug. A valid slug on a site without
// problems must be renamed; afterwards every file must parse as cleanly as
// before, the site must resolve without problems, every reference must
// name the renamed page, its aliases must hold its old URL, and no byte of
// a file the plan does not edit may change.
func FuzzRename(f *testing.F) {
	f.Add([]byte{0, 1, 2, 3, 4, 5, 6, 7}, "t0-new")
	f.Add([]byte{3, 3, 3, 1, 0, 2, 9, 200}, "ünï")
	f.Add([]byte{255, 128, 64, 32, 16, 8, 4, 2, 1}, "x")
	f.Add([]byte{7, 6, 5, 4, 3, 2, 1, 0, 11, 13}, "tool-2")
	f.Fuzz(func(t *testing.T, shape []byte, newSlug string) {
		fsys := fuzzSite(shape)
		snap := workspace.New(workspace.Options{}).Analyze(context.Background(), fsys)
		if len(snap.Diagnostics) > 0 {
			t.Fatalf("the generated site has problems:\n%v\n%s", snap.Diagnostics, dump(fsys))
		}
		page := snap.Page("content/tools/t0.md")
		exists := func(name string) bool { _, ok := fsys[name]; return ok }
		plan, err := Page(snap, page, newSlug, exists)
		if err != nil {
			if checkSlug(newSlug) == nil && newSlug != "t0" && !exists("content/tools/"+newSlug+".md") {
				t.Fatalf("rename to %q refused: %v\n%s", newSlug, err, dump(fsys))
			}
			return
		}
		if err := Check(context.Background(), snap, plan, workspace.Options{}); err != nil {
			t.Fatalf("rename to %q fails its check: %v\n%s", newSlug, err, dump(fsys))
		}
		after := applied(fsys, snap, plan)
		for name, f := range after {
			if _, diags := content.Parse(name, f.Data); len(diags) > 0 {
				t.Fatalf("%s does not parse after the rename: %v\n%s", name, diags, f.Data)
			}
			if old, ok := fsys[name]; ok && !slices.ContainsFunc(plan.Files, func(pf File) bool { return pf.Path == name }) && !bytes.Equal(old.Data, f.Data) {
				t.Fatalf("%s changed without an edit", name)
			}
		}
		snap2 := workspace.New(workspace.Options{}).Analyze(context.Background(), after)
		if len(snap2.Diagnostics) > 0 {
			t.Fatalf("problems after the rename:\n%v", snap2.Diagnostics)
		}
		renamed := snap2.Page(plan.To)
		if n := len(snap.References(page)); len(snap2.References(renamed)) != n {
			t.Fatalf("%d references after the rename, %d before", len(snap2.References(renamed)), n)
		}
		if !slices.Contains(renamed.Src.Aliases, "/tools/t0/") {
			t.Fatalf("aliases after the rename: %v", renamed.Src.Aliases)
		}
	})
}

// FuzzRenameAfterEdit makes the same sites, then inserts the fuzzer's
// text somewhere in a role's file — a random edit, which may break its
// front matter, its lists or its links — and renames tool t0. The rename
// may be refused; when it is not, no file that parsed may stop parsing, no
// file may gain a problem, and no file outside the plan may change.
func FuzzRenameAfterEdit(f *testing.F) {
	f.Add([]byte{0, 1, 2, 3}, uint16(20), "t0, t1")
	f.Add([]byte{9, 8, 7}, uint16(3), "\r\n# «𝔸»")
	f.Add([]byte{1, 1, 1, 1, 1}, uint16(40), "](../tools/t0.md#use) [t0")
	f.Add([]byte{4}, uint16(11), "\"t0\": [\"t0\"],")
	f.Fuzz(func(t *testing.T, shape []byte, at uint16, insert string) {
		fsys := fuzzSite(shape)
		role := fmt.Sprintf("content/roles/r%d.md", int(at)%4)
		data := fsys[role].Data
		off := int(at) % (len(data) + 1)
		fsys[role] = &fstest.MapFile{Data: slices.Concat(data[:off], []byte(insert), data[off:])}
		snap := workspace.New(workspace.Options{}).Analyze(context.Background(), fsys)
		page := snap.Page("content/tools/t0.md")
		if page == nil {
			return
		}
		plan, err := Page(snap, page, "t0-renamed", func(name string) bool { _, ok := fsys[name]; return ok })
		if err != nil || Check(context.Background(), snap, plan, workspace.Options{}) != nil {
			return // refused: nothing is written
		}
		after := applied(fsys, snap, plan)
		before := map[string]int{}
		for _, d := range snap.Diagnostics {
			before[strings.Replace(d.Path, plan.From, plan.To, 1)]++
		}
		for _, d := range workspace.New(workspace.Options{}).Analyze(context.Background(), after).Diagnostics {
			if before[d.Path]--; before[d.Path] < 0 {
				t.Fatalf("the rename added a problem: %v\n%s", d, dump(after))
			}
		}
		for name, f := range fsys {
			_, was := content.Parse(name, f.Data)
			now := after[strings.Replace(name, plan.From, plan.To, 1)]
			if _, is := content.Parse(name, now.Data); len(was) == 0 && len(is) > 0 {
				t.Fatalf("%s parsed before the rename and not after: %v", name, is)
			}
			if !slices.ContainsFunc(plan.Files, func(pf File) bool { return pf.Path == name }) && name != plan.From && !bytes.Equal(f.Data, now.Data) {
				t.Fatalf("%s changed without an edit", name)
			}
		}
	})
}

// applied returns the site with the plan carried out.
func applied(fsys fstest.MapFS, snap *workspace.Snapshot, plan *Plan) fstest.MapFS {
	after := fstest.MapFS{}
	for name, f := range fsys {
		after[name] = f
	}
	delete(after, plan.From)
	for name, text := range plan.Texts(snap) {
		after[name] = &fstest.MapFile{Data: text}
	}
	return after
}

// fuzzSite makes a site of three tools and four roles from shape.
func fuzzSite(shape []byte) fstest.MapFS {
	b := func(i int) int {
		if len(shape) == 0 {
			return i
		}
		return int(shape[i%len(shape)]) + i/len(shape)
	}
	prefixes := []string{"", "«𝔸» ", "é ", "中文 ", "ü"}
	fsys := fstest.MapFS{"content/_index.md": {Data: []byte("---\ntitle: Site\n---\n")}}
	add := func(name, text string, crlf bool) {
		if crlf {
			text = strings.ReplaceAll(text, "\n", "\r\n")
		}
		fsys[name] = &fstest.MapFile{Data: []byte(text)}
	}
	for i := 0; i < 3; i++ {
		aliases := ""
		if i == 0 {
			aliases = []string{"", "aliases: [/old/t0/]\n", "aliases:\n  - /old/t0/\n", "aliases: []\n"}[b(10)%4]
		}
		add(fmt.Sprintf("content/tools/t%d.md", i), fmt.Sprintf("---\ntitle: %sTool %d\n%s---\n## Use\n", prefixes[b(i)%len(prefixes)], i, aliases), b(20+i)%2 == 0)
	}
	for r := 0; r < 4; r++ {
		pick := b(30 + r)
		var tools []string
		for i := 0; i < 3; i++ {
			if pick&(1<<i) != 0 || i == r%3 {
				tools = append(tools, fmt.Sprintf("t%d", i))
			}
		}
		title := prefixes[b(40+r)%len(prefixes)] + fmt.Sprintf("Role %d", r)
		var fm string
		switch b(50+r) % 4 {
		case 0:
			fm = fmt.Sprintf("---\ntitle: %s\ntools: [%s]\n---\n", title, strings.Join(tools, ", "))
		case 1:
			fm = fmt.Sprintf("---\ntitle: %s\ntools:\n  - %s\n---\n", title, strings.Join(tools, "\n  - "))
		case 2:
			fm = fmt.Sprintf("+++\ntitle = %q\ntools = [\"%s\"]\n+++\n", title, strings.Join(tools, `", "`))
		default:
			fm = fmt.Sprintf("{\n  \"title\": %q,\n  \"tools\": [\"%s\"]\n}\n\n", title, strings.Join(tools, `", "`))
		}
		body := fmt.Sprintf("%sSee [one](../tools/t0.md)", prefixes[b(60+r)%len(prefixes)])
		if b(70+r)%2 == 0 {
			body += " and [its use](../tools/t0.md#use)"
		}
		add(fmt.Sprintf("content/roles/r%d.md", r), fm+body+".\n", b(80+r)%3 == 0)
	}
	return fsys
}

func dump(fsys fstest.MapFS) string {
	var b strings.Builder
	for _, name := range slices.Sorted(func(yield func(string) bool) {
		for k := range fsys {
			if !yield(k) {
				return
			}
		}
	}) {
		fmt.Fprintf(&b, "-- %s --\n%s", name, fsys[name].Data)
	}
	return b.String()
}
