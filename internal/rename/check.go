package rename

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing/fstest"

	"github.com/rolesite/rolesite/internal/diag"
	"github.com/rolesite/rolesite/internal/workspace"
)

// Apply returns text with the edits made.
func Apply(text []byte, edits []Edit) []byte {
	var out []byte
	at := 0
	for _, e := range edits {
		out = append(append(out, text[at:e.Start]...), e.Text...)
		at = e.End
	}
	return append(out, text[at:]...)
}

// Texts returns the new text of every file the plan changes, by the path
// it will have.
func (p *Plan) Texts(snap *workspace.Snapshot) map[string][]byte {
	out := map[string][]byte{}
	for _, f := range p.Files {
		text, _ := snap.Text(f.Path)
		name := f.Path
		if name == p.From {
			name = p.To
		}
		out[name] = Apply(text, f.Edits)
	}
	if _, ok := out[p.To]; !ok {
		text, _ := snap.Text(p.From)
		out[p.To] = text
	}
	return out
}

// Check applies the plan to the site in memory and analyses the result:
// it fails when a file would have more problems than it has, when the
// renamed page would be named fewer times, or would lack its old URL in
// its aliases.
func Check(ctx context.Context, snap *workspace.Snapshot, p *Plan, opts workspace.Options) error {
	fsys := fstest.MapFS{}
	for _, name := range snap.Files() {
		text, _ := snap.Text(name)
		fsys[name] = &fstest.MapFile{Data: text}
	}
	delete(fsys, p.From)
	for name, text := range p.Texts(snap) {
		fsys[name] = &fstest.MapFile{Data: text}
	}
	after := workspace.New(opts).Analyze(ctx, fsys)
	if after == nil {
		return ctx.Err()
	}
	before := map[string]int{}
	for _, d := range snap.Diagnostics {
		if d.Path == p.From {
			d.Path = p.To
		}
		before[d.Path]++
	}
	var added diag.List
	seen := map[string]int{}
	for _, d := range after.Diagnostics {
		if seen[d.Path]++; seen[d.Path] > before[d.Path] {
			added = append(added, d)
		}
	}
	if len(added) > 0 {
		return fmt.Errorf("renaming %s to %s would add problems, so nothing was changed:\n%s", p.From, p.To, added.Error())
	}
	page := after.Page(p.To)
	if page == nil {
		return fmt.Errorf("%s: after renaming, the site has no page there: nothing was changed", p.To)
	}
	refs := 0
	for _, r := range after.References(page) {
		if r.Field != "" || r.Value != "" {
			refs++
		}
	}
	if refs != p.Refs {
		return fmt.Errorf("%s: after renaming, %d references name the page where %d did: nothing was changed; rename by hand", p.To, refs, p.Refs)
	}
	if !slices.Contains(page.Src.Aliases, p.OldURL) {
		return fmt.Errorf("%s: after renaming, aliases lacks %s (it has %s): nothing was changed", p.To, p.OldURL, strings.Join(page.Src.Aliases, ", "))
	}
	return nil
}
