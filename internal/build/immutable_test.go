package build

import (
	"context"
	"fmt"
	"hash/maphash"
	"io/fs"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/rolesite/rolesite"
	"github.com/rolesite/rolesite/internal/benchgen"
	"github.com/rolesite/rolesite/internal/site"
)

// TestResolvedSiteIsImmutable: nothing writes to a site.Site, its pages or
// anything they reach once Resolve has returned. The site is hashed deeply
// (every field, exported or not, through every pointer) as Resolve returns
// it and again once the build is over, in a build that keeps its output
// and in one that streams it, on the atlas and on a generated site, and
// for a rebuild after an edit of a body, whose site is made from the last
// one (site.Rebody).
func TestResolvedSiteIsImmutable(t *testing.T) {
	gen, err := benchgen.MapFS(40)
	if err != nil {
		t.Fatal(err)
	}
	sites := map[string]fs.FS{"atlas": os.DirFS("../.."), "generated": gen}
	seed := maphash.MakeSeed()
	for name, src := range sites {
		for _, streaming := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s streaming=%v", name, streaming), func(t *testing.T) {
				opts := Options{Minify: true, Fingerprint: true, CheckLinks: true}
				if streaming {
					opts.Emit = func(string, []byte) error { return nil }
				}
				b := New(rolesite.Theme(), opts)
				var s *site.Site
				var before uint64
				var leaves map[string]string
				b.resolved = func(r *site.Site) { s, before, leaves = r, deepHash(seed, r), flatten(r) }
				res := b.Build(context.Background(), src)
				if !res.OK() {
					t.Fatalf("the build failed: %v", res.Diagnostics)
				}
				if after := deepHash(seed, s); after != before {
					t.Fatalf("the build changed the site after Resolve returned it: %v", changed(leaves, flatten(s)))
				}
				if streaming {
					return
				}
				// A rebuild that re-renders only the edited page, whose site
				// site.Rebody makes from the previous one: neither changes.
				prev, prevHash, prevLeaves := s, before, leaves
				home, err := fs.ReadFile(src, "content/_index.md")
				if err != nil {
					t.Fatal(err)
				}
				edited := overlay{top: fstest.MapFS{"content/_index.md": {Data: append(home, "\nAn edited [home](_index.md).\n"...)}}, bottom: src}
				res = b.Rebuild(context.Background(), edited, []string{"content/_index.md"})
				if !res.OK() || !res.Stats.BodyOnly {
					t.Fatalf("the rebuild failed, or was not one of bodies alone (%v): %v", res.Stats.BodyOnly, res.Diagnostics)
				}
				if after := deepHash(seed, prev); after != prevHash {
					t.Fatalf("a rebuild changed the previous build's site: %v", changed(prevLeaves, flatten(prev)))
				}
				if s == prev || s.Home != prev.Home {
					t.Fatal("the rebuild's site is not one made anew from the last (see site.Rebody)")
				}
				if after := deepHash(seed, s); after != before {
					t.Fatalf("the rebuild changed its site after it was made: %v", changed(leaves, flatten(s)))
				}
			})
		}
	}
}

// deepHash hashes every value reachable from v: each field of each struct
// (unexported ones too), each element, each map entry (in any order), each
// pointer's target once, maps in the order of their keys. Functions hash
// as their code pointer. Equal values give equal hashes for one seed.
func deepHash(seed maphash.Seed, v any) uint64 {
	var h maphash.Hash
	h.SetSeed(seed)
	hashValue(&h, reflect.ValueOf(v), map[uintptr]bool{})
	return h.Sum64()
}

func hashValue(h *maphash.Hash, v reflect.Value, seen map[uintptr]bool) {
	if !v.IsValid() {
		h.WriteByte(0)
		return
	}
	switch v.Kind() {
	case reflect.Pointer, reflect.UnsafePointer:
		if v.IsNil() {
			h.WriteByte(0)
			return
		}
		fmt.Fprint(h, v.Pointer())
		if v.Kind() == reflect.Pointer && !seen[v.Pointer()] {
			seen[v.Pointer()] = true
			hashValue(h, v.Elem(), seen)
		}
	case reflect.Interface:
		hashValue(h, v.Elem(), seen)
	case reflect.Struct:
		for i := range v.NumField() {
			hashValue(h, v.Field(i), seen)
		}
	case reflect.Slice, reflect.Array:
		fmt.Fprint(h, v.Len())
		for i := range v.Len() {
			hashValue(h, v.Index(i), seen)
		}
	case reflect.Map:
		fmt.Fprint(h, v.Len())
		for _, k := range sortedKeys(v) {
			hashValue(h, k, seen)
			hashValue(h, v.MapIndex(k), seen)
		}
	case reflect.String:
		h.WriteString(v.String())
	case reflect.Func, reflect.Chan:
		fmt.Fprint(h, v.Pointer())
	case reflect.Bool:
		fmt.Fprint(h, v.Bool())
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		fmt.Fprint(h, v.Int())
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		fmt.Fprint(h, v.Uint())
	case reflect.Float32, reflect.Float64:
		fmt.Fprint(h, v.Float())
	case reflect.Complex64, reflect.Complex128:
		fmt.Fprint(h, v.Complex())
	}
}

// flatten lists the leaves reachable from v by path, each pointer followed
// once, for a failure message that says what changed.
func flatten(v any) map[string]string {
	out := map[string]string{}
	flattenValue(out, "site", reflect.ValueOf(v), map[uintptr]bool{})
	return out
}

func flattenValue(out map[string]string, at string, v reflect.Value, seen map[uintptr]bool) {
	if !v.IsValid() {
		out[at] = "<nil>"
		return
	}
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() || seen[v.Pointer()] {
			out[at] = fmt.Sprint(v.Pointer())
			return
		}
		seen[v.Pointer()] = true
		flattenValue(out, at, v.Elem(), seen)
	case reflect.Interface:
		flattenValue(out, at, v.Elem(), seen)
	case reflect.Struct:
		for i := range v.NumField() {
			flattenValue(out, at+"."+v.Type().Field(i).Name, v.Field(i), seen)
		}
	case reflect.Slice, reflect.Array:
		out[at+".len"] = fmt.Sprint(v.Len())
		for i := range v.Len() {
			flattenValue(out, fmt.Sprintf("%s[%d]", at, i), v.Index(i), seen)
		}
	case reflect.Map:
		out[at+".len"] = fmt.Sprint(v.Len())
		for _, k := range sortedKeys(v) {
			flattenValue(out, fmt.Sprintf("%s[%v]", at, k), v.MapIndex(k), seen)
		}
	case reflect.Func, reflect.Chan, reflect.UnsafePointer:
		out[at] = fmt.Sprint(v.Pointer())
	default:
		out[at] = fmt.Sprint(v)
	}
}

// changed lists up to five paths whose leaves differ.
func changed(before, after map[string]string) []string {
	var out []string
	for k, v := range after {
		if before[k] != v && len(out) < 5 {
			out = append(out, fmt.Sprintf("%s: %q -> %q", k, before[k], v))
		}
	}
	for k := range before {
		if _, ok := after[k]; !ok && len(out) < 5 {
			out = append(out, k+" gone")
		}
	}
	return out
}

// sortedKeys returns a map's keys in the order of their printed form, so
// that a walk of the same map is the same walk every time.
func sortedKeys(m reflect.Value) []reflect.Value {
	keys := m.MapKeys()
	slices.SortFunc(keys, func(a, b reflect.Value) int { return strings.Compare(fmt.Sprint(a), fmt.Sprint(b)) })
	return keys
}
