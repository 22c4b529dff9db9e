package lex

import (
	"reflect"

	"github.com/alecthomas/chroma/v2"
)

// fixedRules says whether lexing with rules can leave them as they are:
// whether every mutator and emitter is one of chroma's own kinds, those a
// lexer written in XML is made of (push, pop, include, combined, several
// at once; a token type, by groups, using another lexer), none of which
// touches the rules. A mutator or emitter written in Go may replace a
// rule while it lexes (Raku's do); a lexer with one lexes with rules of
// its own each time.
func fixedRules(rules chroma.CompiledRules) bool {
	for _, list := range rules {
		for _, r := range list {
			if r.Mutator != nil && !ownKind(r.Mutator) || r.Type != nil && !ownKind(r.Type) {
				return false
			}
		}
	}
	return true
}

var (
	mutatorType = reflect.TypeFor[chroma.Mutator]()
	emitterType = reflect.TypeFor[chroma.Emitter]()
)

// ownKind says whether v, a mutator or an emitter, is of one of chroma's
// serialisable kinds, and so is every mutator or emitter it holds.
func ownKind(v any) bool {
	_, m := v.(chroma.SerialisableMutator)
	_, e := v.(chroma.SerialisableEmitter)
	if !m && !e {
		return false
	}
	rv := reflect.ValueOf(v)
	for rv.Kind() == reflect.Pointer {
		rv = rv.Elem()
	}
	if rv.Kind() != reflect.Struct {
		return true
	}
	for i := range rv.NumField() {
		f := rv.Field(i)
		if f.Kind() != reflect.Slice || !(f.Type().Elem() == mutatorType || f.Type().Elem() == emitterType) {
			continue
		}
		for j := range f.Len() {
			if x := f.Index(j); !x.IsNil() && (!x.CanInterface() || !ownKind(x.Interface())) {
				return false
			}
		}
	}
	return true
}
