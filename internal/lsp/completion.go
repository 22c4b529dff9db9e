package lsp

import (
	"fmt"
	"strings"

	"github.com/tliron/glsp"
	protocol "github.com/tliron/glsp/protocol_3_16"

	"github.com/rolesite/rolesite/internal/site"
	"github.com/rolesite/rolesite/internal/textpos"
)

// maxItems caps a completion list; the list says it is incomplete past it.
const maxItems = 1000

func (s *Server) completion(_ *glsp.Context, p *protocol.CompletionParams) (any, error) {
	pl, ok := s.at(p.TextDocumentPositionParams)
	if !ok {
		return nil, nil
	}
	ls := lines(pl.text)
	cur := lineAt(ls, pl.off)
	var items []protocol.CompletionItem
	if format, first, closing, ok := frontMatter(ls); ok && cur >= first && cur < closing {
		items = s.frontMatterItems(pl, ls, format, first, closing, cur)
	} else {
		items = s.linkItems(pl, ls[cur])
	}
	if len(items) > maxItems {
		items = narrow(items, typed(pl, items[0]))
	}
	list := protocol.CompletionList{Items: items}
	if len(items) > maxItems {
		list.Items, list.IsIncomplete = items[:maxItems], true
	}
	if list.Items == nil {
		list.Items = []protocol.CompletionItem{}
	}
	return list, nil
}

// typed returns what was typed of the word an item would replace.
func typed(pl place, it protocol.CompletionItem) string {
	edit, ok := it.TextEdit.(protocol.TextEdit)
	if !ok {
		return ""
	}
	start := textpos.Offset(pl.text, position(edit.Range.Start))
	return string(pl.text[min(start, pl.off):pl.off])
}

// narrow keeps the items whose label holds what was typed: too long a
// list is cut, and the editor, filtering what it was given, would never
// see the rest.
func narrow(items []protocol.CompletionItem, typed string) []protocol.CompletionItem {
	typed = strings.ToLower(typed)
	var out []protocol.CompletionItem
	for _, it := range items {
		if strings.Contains(strings.ToLower(it.Label), typed) {
			out = append(out, it)
		}
	}
	return out
}

// lineAt returns the index of the line holding the offset.
func lineAt(ls []line, off int) int {
	i := 0
	for i+1 < len(ls) && ls[i+1].start <= off {
		i++
	}
	return i
}

// frontMatterItems completes the value being typed in a front matter
// field: slugs in a relation, section names in a relation declaration,
// true or false for draft.
func (s *Server) frontMatterItems(pl place, ls []line, format string, first, closing, cur int) []protocol.CompletionItem {
	field, table, keyLine := fieldAt(ls, format, first, cur)
	if keyLine < 0 {
		return nil
	}
	start := wordStart(pl.text, pl.off, ls[keyLine].start)
	edit := protocol.Range{Start: lspPosition(positionOf(pl.text, start)), End: lspPosition(positionOf(pl.text, pl.off))}
	before := pl.text[ls[cur].start:start]
	switch {
	case field == "relations" || table == "relations":
		return declTargetItems(pl, string(before), format, keyLine == cur && table == "", edit)
	case field == "draft":
		return []protocol.CompletionItem{
			item("true", "leave the page out of a build without --drafts", "", protocol.CompletionItemKindValue, edit),
			item("false", "publish the page", "", protocol.CompletionItemKindValue, edit),
		}
	}
	if f := s.declaredField(pl, field); f != nil {
		return fieldItems(f, edit)
	}
	target := s.relationTarget(pl, field)
	if target == nil || keyLine == cur && !strings.ContainsAny(string(before), ":=") {
		return nil
	}
	if qualifierAt(string(before), format, keyLine == cur) {
		// A qualifier, after "slug:" in a mapping: a level of the scale.
		return scaleItems(s.relationDecl(pl, field), edit)
	}
	listed := words(string(pl.text[ls[keyLine].start:start]) + " " + string(pl.text[pl.off:max(valueEnd(pl, ls, format, cur, closing), pl.off)]))
	var items []protocol.CompletionItem
	for _, p := range target.Pages {
		if !listed[p.Src.Slug] {
			items = append(items, item(p.Src.Slug, p.Title(), p.Summary(), protocol.CompletionItemKindReference, edit))
		}
	}
	return items
}

// fieldAt finds the top-level field whose value holds line cur of the
// front matter that starts at line first: the field's key, the TOML table
// it sits in ("" outside one) and the line of its key (-1 for none).
func fieldAt(ls []line, format string, first, cur int) (field, table string, keyLine int) {
	keyLine = -1
	depth := 1
	for i := first; i <= cur; i++ {
		if k, ok := topKey(format, ls[i].text, depth); ok {
			if strings.HasPrefix(k, "[") {
				table, field, keyLine = k[1:], k[1:], i
			} else if table == "" || format != "toml" {
				field, keyLine = k, i
			}
		}
		if format == "json" {
			depth = jsonDepth(ls[i].text, depth)
		}
	}
	return field, table, keyLine
}

// declTargetItems completes a relation declaration's value with the
// site's section names: after "name:" (or "name =") under the relations
// key, or after the second separator when the word is on the key's own
// line (onKeyLine).
func declTargetItems(pl place, before, format string, onKeyLine bool, edit protocol.Range) []protocol.CompletionItem {
	sep, need := ":", 1
	if format == "toml" {
		sep = "="
	}
	if onKeyLine {
		need = 2
	}
	if strings.Count(before, sep) < need {
		return nil
	}
	var items []protocol.CompletionItem
	for _, sec := range pl.snap.Site.Sections {
		items = append(items, item(sec.Name, sec.Title, sec.Summary, protocol.CompletionItemKindModule, edit))
	}
	return items
}

// scaleItems are the levels of a relation's scale, lowest first as the
// scale reads; none when the relation is not declared.
func scaleItems(d *site.Decl, edit protocol.Range) []protocol.CompletionItem {
	var items []protocol.CompletionItem
	if d == nil {
		return items
	}
	for i, level := range d.Scale {
		it := item(level, fmt.Sprintf("level %d of %d", i+1, len(d.Scale)), "", protocol.CompletionItemKindEnumMember, edit)
		order := fmt.Sprintf("%03d", i) // lowest first, as the scale reads
		it.SortText = &order
		items = append(items, it)
	}
	return items
}

// valueEnd is the offset where the value of the field holding line cur
// ends: the start of the next top-level key's line before the closing
// delimiter, or the end of the text.
func valueEnd(pl place, ls []line, format string, cur, closing int) int {
	next := cur + 1 // the line after the field's value
	for next < closing {
		if _, ok := topKey(format, ls[next].text, 1); ok {
			break
		}
		next++
	}
	if next < len(ls) {
		return ls[next].start
	}
	return len(pl.text)
}

// qualifierAt tells whether the text before the word being typed ends
// with a mapping key's separator inside a relation's value ("skills:
// {statistics: ", "  statistics: ", "statistics = "): a qualifier goes
// there, not a slug.
func qualifierAt(before, format string, onKeyLine bool) bool {
	t := strings.TrimRight(before, " \t\"'")
	sep := ":"
	if format == "toml" {
		sep = "="
	}
	if !strings.HasSuffix(t, sep) {
		return false
	}
	return !onKeyLine || strings.Count(t, sep) >= 2
}

// fieldItems are the values a declared field allows: its values, or true
// and false for a boolean.
func fieldItems(f *site.FieldDecl, edit protocol.Range) []protocol.CompletionItem {
	var items []protocol.CompletionItem
	for _, v := range f.Values {
		items = append(items, item(v, "allowed by the section's schema", "", protocol.CompletionItemKindEnumMember, edit))
	}
	if f.Type == "boolean" {
		items = append(items, item("true", "", "", protocol.CompletionItemKindValue, edit), item("false", "", "", protocol.CompletionItemKindValue, edit))
	}
	return items
}

// pageSection is the section of the file's page, or nil for an index or
// a file outside a section.
func (s *Server) pageSection(pl place) *site.Section {
	parts := strings.Split(pl.name, "/")
	if len(parts) != 3 || parts[2] == "_index.md" {
		return nil
	}
	for _, sec := range pl.snap.Site.Sections {
		if sec.Name == parts[1] {
			return sec
		}
	}
	return nil
}

// declaredField is the schema's declaration of a field of the file's
// page, or nil.
func (s *Server) declaredField(pl place, field string) *site.FieldDecl {
	if sec := s.pageSection(pl); sec != nil {
		for _, f := range sec.Fields {
			if f.Name == field {
				return f
			}
		}
	}
	return nil
}

// relationDecl is the declaration of a relation field of the file's page,
// or nil.
func (s *Server) relationDecl(pl place, field string) *site.Decl {
	if sec := s.pageSection(pl); sec != nil {
		for _, d := range sec.Relations {
			if d.Field == field {
				return d
			}
		}
	}
	return nil
}

// relationTarget returns the section a field of the file's page relates
// to, or nil.
func (s *Server) relationTarget(pl place, field string) *site.Section {
	parts := strings.Split(pl.name, "/")
	if len(parts) != 3 || parts[2] == "_index.md" {
		return nil
	}
	var named *site.Section
	for _, sec := range pl.snap.Site.Sections {
		if sec.Name == parts[1] {
			for _, d := range sec.Relations {
				if d.Field == field {
					return d.Target
				}
			}
		}
		if sec.Name == field && !site.Reserved(field) {
			named = sec
		}
	}
	return named
}

// words returns the set of slug-like words in s.
func words(s string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return r < 0x80 && !isWordByte(byte(r)) }) {
		out[w] = true
	}
	return out
}

// wordStart returns where the slug or path being typed before off starts,
// not before limit.
func wordStart(text []byte, off, limit int) int {
	start := off
	for start > limit && isWordByte(text[start-1]) && text[start-1] != '/' {
		start--
	}
	return start
}

func item(label, detail, doc string, kind protocol.CompletionItemKind, edit protocol.Range) protocol.CompletionItem {
	it := protocol.CompletionItem{Label: label, Kind: &kind, TextEdit: protocol.TextEdit{Range: edit, NewText: label}}
	if detail != "" {
		it.Detail = &detail
	}
	if doc != "" {
		it.Documentation = doc
	}
	return it
}
