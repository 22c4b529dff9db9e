package watch

import (
	"slices"
	"testing"
)

func TestMerge(t *testing.T) {
	c := func(path string, op Op) Change { return Change{Path: path, Op: op} }
	tests := []struct {
		name string
		a, b []Change
		want []Change
	}{
		{"disjoint", []Change{c("a", Write), c("c", Remove)}, []Change{c("b", Create)},
			[]Change{c("a", Write), c("b", Create), c("c", Remove)}},
		{"create then write is a create", []Change{c("a", Create)}, []Change{c("a", Write)}, []Change{c("a", Create)}},
		{"create then remove is nothing", []Change{c("a", Create)}, []Change{c("a", Remove)}, []Change{}},
		{"remove then create is a write", []Change{c("a", Remove)}, []Change{c("a", Create)}, []Change{c("a", Write)}},
		{"write then remove is a remove", []Change{c("a", Write)}, []Change{c("a", Remove)}, []Change{c("a", Remove)}},
		{"write then write is a write", []Change{c("a", Write)}, []Change{c("a", Write)}, []Change{c("a", Write)}},
		{"empty first", nil, []Change{c("a", Write)}, []Change{c("a", Write)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := merge(tt.a, tt.b); !slices.Equal(got, tt.want) {
				t.Errorf("merge(%v, %v) = %v, want %v", tt.a, tt.b, got, tt.want)
			}
		})
	}
}
