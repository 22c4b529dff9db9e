package content

import (
	"fmt"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"testing"
	"text/template"
	"unsafe"
)

// TestBoxes holds the interface values boxes makes to those Go makes: the
// same type and value to ==, type switches, reflect, fmt and templates,
// still whole after collections that only they keep the arrays through,
// and right when the arrays outgrow their room.
func TestBoxes(t *testing.T) {
	strs := []string{"Data scientist", "", "a b c", "d"}
	lists := [][]string{{"jupyter", "pandas"}, {"x"}, nil, {}}
	var got, want []any
	b := newBoxes(1, 1) // too little room: the arrays grow
	for i := range strs {
		got = append(got, b.str(strings.Clone(strs[i])), b.list(lists[i]))
		want = append(want, strs[i], lists[i])
	}
	b = boxes{}
	for range 3 {
		runtime.GC()
		_ = make([]string, 1<<16) // garbage in the classes the arrays were in
	}
	tmpl := template.Must(template.New("").Parse(`{{range .}}{{if eq (printf "%T" .) "string"}}{{if eq . "a b c"}}!{{end}}{{end}}{{.}}|{{end}}`))
	var gotOut, wantOut strings.Builder
	if err := tmpl.Execute(&gotOut, got); err != nil {
		t.Fatal(err)
	}
	_ = tmpl.Execute(&wantOut, want)
	if gotOut.String() != wantOut.String() {
		t.Errorf("template: %q, want %q", gotOut.String(), wantOut.String())
	}
	for i := range got {
		g, w := got[i], want[i]
		if reflect.TypeOf(g) != reflect.TypeOf(w) || !reflect.DeepEqual(g, w) || fmt.Sprintf("%#v", g) != fmt.Sprintf("%#v", w) {
			t.Errorf("value %d: %#v, want %#v", i, g, w)
		}
		switch v := g.(type) {
		case string:
			if v != w || g != w {
				t.Errorf("value %d: %q, want %q", i, v, w)
			}
		case []string:
			if !reflect.DeepEqual(v, w) {
				t.Errorf("value %d: %q, want %q", i, v, w)
			}
		default:
			t.Errorf("value %d: a %T", i, g)
		}
	}
}

// TestBoxesAllocate checks that a value boxed where there is room costs no
// allocation: the arrays are the only boxes.
func TestBoxesAllocate(t *testing.T) {
	list := []string{"a"}
	n := testing.AllocsPerRun(100, func() {
		b := newBoxes(4, 2)
		for range 2 {
			_, _ = b.str("s"), b.list(list)
		}
	})
	if n > 2 {
		t.Errorf("four values boxed with room for them: %v allocations, want 2 (the arrays)", n)
	}
}

// TestParamsBoxedTogether checks that a parsed page keeps its fields'
// strings and lists of strings in two arrays, whatever the format and
// decoder: each kind's boxes lie side by side.
func TestParamsBoxedTogether(t *testing.T) {
	for _, src := range []string{
		"---\ntitle: A\nsummary: B\ntools: [a, b]\nstages: [c]\n---\n",            // flatYAML
		"---\ntitle: 'A'\nsummary: \"B\"\ntools: [a, 'b']\nstages:\n  - c\n---\n", // the YAML decoder
		"+++\ntitle = 'A'\nsummary = 'B'\ntools = ['a', 'b']\nstages = ['c']\n+++\n",
		"{\n\"title\": \"A\", \"summary\": \"B\", \"tools\": [\"a\", \"b\"], \"stages\": [\"c\"]\n}\n",
	} {
		p, diags := Parse("content/roles/x.md", []byte(src))
		if len(diags) > 0 || p == nil {
			t.Fatalf("%q: %v", src, diags)
		}
		near := func(a, b string, size uintptr) {
			pa, pb := uintptr(boxOf(p.Params[a])), uintptr(boxOf(p.Params[b]))
			if pa+size != pb && pb+size != pa {
				t.Errorf("%q: the boxes of %s and %s are not side by side (%#x, %#x)", src, a, b, pa, pb)
			}
		}
		near("tools", "stages", unsafe.Sizeof([]string(nil)))
		// The strings and the lists' items are one array: five strings
		// side by side, in whatever order the map gave them (so title and
		// summary need not be next to each other).
		tools, stages := p.Params["tools"].([]string), p.Params["stages"].([]string)
		addrs := []uintptr{uintptr(boxOf(p.Params["title"])), uintptr(boxOf(p.Params["summary"])),
			uintptr(unsafe.Pointer(&tools[0])), uintptr(unsafe.Pointer(&tools[1])), uintptr(unsafe.Pointer(&stages[0]))}
		if lo, hi := slices.Min(addrs), slices.Max(addrs); hi-lo != 4*unsafe.Sizeof("") {
			t.Errorf("%q: the strings and items span %d bytes, not five strings'", src, hi-lo+unsafe.Sizeof(""))
		}
		_ = append(tools, "x")
		_ = append(stages, "y")
		if p.Params["title"] != "A" || p.Params["summary"] != "B" || !reflect.DeepEqual(p.Params["stages"], []string{"c"}) {
			t.Errorf("%q: appending to a list changed another field: %#v", src, p.Params)
		}
		if p.Params["title"] != "A" || !reflect.DeepEqual(p.Params["tools"], []string{"a", "b"}) {
			t.Errorf("%q: fields %#v", src, p.Params)
		}
	}
}

// boxOf is where v's value is boxed.
func boxOf(v any) unsafe.Pointer { return (*eface)(unsafe.Pointer(&v)).data }
