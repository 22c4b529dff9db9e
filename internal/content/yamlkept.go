package content

import (
	"fmt"
	"regexp"
	"strings"

	"go.yaml.in/yaml/v4"

	"github.com/rolesite/rolesite/internal/diag"
)

// yamlKept walks a parsed YAML document, before it is decoded, for what
// decoding would drop or merge without a word, at any depth:
//
//   - two keys of one mapping that name the same field: the same text
//     (v4 keeps the last), or texts that decode to the same key, such as
//     true and True, null and ~, 1 and "1" (a field's name is the key's
//     text);
//   - a value << (YAML's merge key, which as a value makes the field
//     vanish), and << as a list item (the item vanishes);
//   - a bare tag ! with nothing after it, as a key or a value (it decodes
//     to an empty string: whatever the author meant is not there);
//   - a plain number too large for 64 bits (1e400, 0x1ffffffffffffffff),
//     which v4 turns into text, as JSON and TOML refuse it;
//   - a value its tag refuses (!!int abc), which decoding refuses too, but
//     with no position.
//
// Merging (<<: *base) is not a loss: the author asks for base's fields,
// and a key written beside it wins, as YAML says.
func yamlKept(fm *frontMatter, p *Page, doc *yaml.Node) diag.List {
	k := &keptWalk{fm: fm, p: p, seen: map[*yaml.Node]bool{}}
	for _, n := range doc.Content {
		k.walk(n)
	}
	return k.diags
}

type keptWalk struct {
	fm    *frontMatter
	p     *Page
	seen  map[*yaml.Node]bool // collections walked (an anchored one once)
	diags diag.List
}

func (k *keptWalk) problem(n *yaml.Node, format string, args ...any) {
	k.diags = append(k.diags, k.p.at(yamlOffset(k.fm, n.Line, n.Column), "YAML front matter: "+fmt.Sprintf(format, args...)))
}

func (k *keptWalk) walk(n *yaml.Node) {
	if n.Kind != yaml.SequenceNode && n.Kind != yaml.MappingNode {
		k.scalar(n, "value")
		return
	}
	if k.seen[n] {
		return
	}
	k.seen[n] = true
	if n.Kind == yaml.SequenceNode {
		for _, c := range n.Content {
			if isMerge(c) {
				k.problem(c, "the list item << is YAML's merge key, which decodes to nothing and leaves the list without it; quote it (\"<<\") to keep it as text")
				continue
			}
			k.walk(c)
		}
		return
	}
	first := map[string]*yaml.Node{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		key, v := n.Content[i], n.Content[i+1]
		if isMerge(key) {
			k.walk(v)
			continue
		}
		k.scalar(key, "key")
		name, named := keyName(key)
		if f, dup := first[name]; named && dup {
			also := ""
			if f.Value != key.Value || f.Tag != key.Tag {
				also = fmt.Sprintf(" (%s and %s both name the field %q)", yamlText(f), yamlText(key), name)
			}
			k.problem(key, "key %q given twice in one mapping (first at line %d)%s: a field may appear once; remove one",
				name, k.p.posOf(yamlOffset(k.fm, f.Line, f.Column)).Line, also)
		} else {
			first[name] = key
		}
		if isMerge(v) {
			k.problem(v, "the value << of %q is YAML's merge key, which as a value drops the field %q; quote it (\"<<\") to keep it as text", name, name)
			continue
		}
		k.walk(v)
	}
}

// scalar reports a value its tag refuses, a bare tag with nothing after
// it, and a number out of range: written as a number, resolved as text.
func (k *keptWalk) scalar(n *yaml.Node, what string) {
	if n.Kind != yaml.ScalarNode {
		return
	}
	var v any
	switch {
	case n.Style&yaml.TaggedStyle != 0 && strings.HasPrefix(n.Tag, "!!") && n.Load(&v) != nil:
		k.problem(n, "the %s %q is not what its tag %s says: write a value of that kind, or remove the tag", what, n.Value, n.Tag)
	case n.Style != 0: // quoted, a block, or tagged: text as the author asked
	case n.Tag == "!" && n.Value == "":
		k.problem(n, "a %s that is only the tag !, which decodes to an empty string; write the %s after the tag, or remove the !", what, what)
	case n.Tag == "!!str" && yamlNumber.MatchString(n.Value):
		k.problem(n, "the number %.40s is out of range (a 64-bit float holds about 1.8e308 at most, an integer 64 bits): write a smaller number, or quote it to keep it as text", n.Value)
	case n.Tag == "!!float" && yamlInteger.MatchString(n.Value):
		// A whole number past 64 bits, which v4 reads as a float,
		// rounded: 123456789012345678901234567890 would lose its digits.
		k.problem(n, "the whole number %.40s is out of range (an integer holds 64 bits) and would be rounded: write a smaller number, or quote it to keep it as text", n.Value)
	}
}

// yamlInteger matches a whole number written in decimal.
var yamlInteger = regexp.MustCompile(`^[-+]?[0-9][0-9_]*$`)

// yamlNumber matches the numbers of YAML 1.2's core schema, with the
// underscores v4 also takes.
var yamlNumber = regexp.MustCompile(`^[-+]?(\.[0-9]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?$|^[-+]?0x[0-9a-fA-F_]+$|^[-+]?0o[0-7_]+$`)

// keyName is the field name a key stands for, as stringKeys makes it: a
// string key's text; any other key's decoded value, written out. A list or
// a mapping names no field (decoding refuses it as a key).
func keyName(key *yaml.Node) (string, bool) {
	if key.Kind == yaml.ScalarNode && (key.Tag == "!!str" || key.Tag == "!") {
		return key.Value, true
	}
	if key.Kind == yaml.AliasNode && key.Alias != nil {
		key = key.Alias
	}
	if key.Kind != yaml.ScalarNode {
		return "", false
	}
	var v any
	if err := key.Load(&v); err != nil {
		return key.Value, true
	}
	if v == nil {
		return "null", true
	}
	return fmt.Sprint(v), true
}

// yamlText shows a key as written, for a message.
func yamlText(n *yaml.Node) string {
	switch {
	case n.Kind == yaml.AliasNode:
		return "*" + n.Value
	case n.Style&yaml.DoubleQuotedStyle != 0:
		return fmt.Sprintf("%q", n.Value)
	case n.Style&yaml.SingleQuotedStyle != 0:
		return "'" + n.Value + "'"
	case n.Value == "":
		return "an empty key"
	}
	return n.Value
}
