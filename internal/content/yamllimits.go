package content

import (
	"bytes"
	"fmt"
	"unicode/utf8"

	"go.yaml.in/yaml/v4"

	"github.com/rolesite/rolesite/internal/diag"
)

// yamlLimits walks a parsed YAML document before it is decoded into values
// and reports where it nests deeper than MaxDepth or, with its aliases
// expanded, holds more than MaxExpandedBytes of text. v4 bounds the parse
// itself (decodeYAML stops it at MaxDepth block or flow levels; a share
// of the decoding for aliases); the walk takes the tree it built, so it
// cannot be fooled by text that merely looks nested, it counts block and
// flow levels together, and it measures each aliased node once.
func yamlLimits(fm *frontMatter, p *Page, doc *yaml.Node) *diag.Diagnostic {
	w := &yamlWalk{memo: map[*yaml.Node]yamlSize{}, busy: map[*yaml.Node]bool{}}
	for _, n := range doc.Content {
		w.walk(n, 1)
	}
	if w.at == nil {
		return nil
	}
	off := yamlOffset(fm, w.at.Line, w.at.Column)
	d := tooDeep(p, off, "YAML")
	switch {
	case w.wide:
		d = p.at(off, fmt.Sprintf("this YAML mapping holds more than %d keys, which the decoder would take minutes to check: split it, or write it as a list", MaxMapKeys))
	case !w.deep:
		d = p.at(off, fmt.Sprintf("YAML front matter expands to more than %s of text once its aliases (*name) are expanded; this is where it crosses the limit: repeat less",
			size(MaxExpandedBytes)))
	}
	return &d
}

type yamlWalk struct {
	memo  map[*yaml.Node]yamlSize
	busy  map[*yaml.Node]bool // being measured: an anchor used inside itself
	total int                 // bytes so far, aliases expanded
	at    *yaml.Node          // where a limit was crossed
	deep  bool                // whether that limit was MaxDepth
	wide  bool                // whether that limit was MaxMapKeys
}

// yamlSize is what a node stands for: how deeply it nests and how much
// text it holds (scalars' bytes, at least one per node).
type yamlSize struct{ depth, bytes int }

// walk visits n at level (the front matter's mapping is level 1) in
// document order, descending into nodes but not into aliases, which are
// measured.
func (w *yamlWalk) walk(n *yaml.Node, level int) {
	if w.at != nil {
		return
	}
	switch n.Kind {
	case yaml.AliasNode:
		m := w.measure(n.Alias)
		w.add(n, m.bytes)
		if level-1+m.depth > MaxDepth && w.at == nil {
			w.at, w.deep = n, true
		}
	case yaml.SequenceNode, yaml.MappingNode:
		if level > MaxDepth {
			w.at, w.deep = n, true
			return
		}
		w.add(n, 1)
		if n.Kind == yaml.MappingNode && len(n.Content)/2 > MaxMapKeys && w.at == nil {
			w.at, w.wide = n, true
			return
		}
		if n.Kind == yaml.SequenceNode {
			for _, c := range n.Content {
				w.walk(c, level+1)
			}
			return
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			w.add(k, w.measure(k).bytes) // keys become strings: no level
			switch {
			case !isMerge(k):
				w.walk(v, level+1)
			case v.Kind == yaml.SequenceNode:
				for _, c := range v.Content {
					w.walk(c, level)
				}
			default:
				w.walk(v, level) // <<: *base lays base's fields into this mapping
			}
		}
	default:
		w.add(n, max(1, len(n.Value)))
	}
}

func (w *yamlWalk) add(n *yaml.Node, bytes int) {
	w.total = min(w.total+bytes, MaxExpandedBytes+1)
	if w.total > MaxExpandedBytes && w.at == nil {
		w.at = n
	}
}

func isMerge(k *yaml.Node) bool { return k.Kind == yaml.ScalarNode && k.ShortTag() == "!!merge" }

// measure gives the size of the value n stands for, each node once.
func (w *yamlWalk) measure(n *yaml.Node) yamlSize {
	if m, ok := w.memo[n]; ok {
		return m
	}
	if w.busy[n] {
		return yamlSize{} // decoding refuses an anchor inside itself
	}
	w.busy[n] = true
	var m yamlSize
	switch n.Kind {
	case yaml.AliasNode:
		m = w.measure(n.Alias)
	case yaml.SequenceNode, yaml.MappingNode:
		m.bytes = 1
		for i, c := range n.Content {
			cm := w.measure(c)
			m.bytes = min(m.bytes+cm.bytes, MaxExpandedBytes+1)
			switch {
			case n.Kind == yaml.SequenceNode:
				m.depth = max(m.depth, cm.depth)
			case i%2 == 1 && isMerge(n.Content[i-1]):
				// What "<<" merges adds no level of its own, nor
				// does the list of what it merges.
				d := cm.depth - 1
				if c.Kind == yaml.SequenceNode {
					d--
				}
				m.depth = max(m.depth, d)
			case i%2 == 1:
				m.depth = max(m.depth, cm.depth)
			}
		}
		m.depth++
	default:
		m.bytes = max(1, len(n.Value))
	}
	delete(w.busy, n)
	w.memo[n] = m
	return m
}

// yamlOffset converts v4's 1-based line and column (in characters) of
// the front matter into a file offset.
func yamlOffset(fm *frontMatter, line, col int) int {
	off := 0
	for i := 1; i < line; i++ {
		j := bytes.IndexByte(fm.raw[off:], '\n')
		if j < 0 {
			break
		}
		off += j + 1
	}
	for c := 1; c < col && off < len(fm.raw) && fm.raw[off] != '\n'; c++ {
		_, n := utf8.DecodeRune(fm.raw[off:])
		off += n
	}
	return fm.rawStart + off
}
