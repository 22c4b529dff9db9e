package watch

import (
	"errors"
	"io/fs"
	"slices"
	"testing"
)

// disk is a fake file system state for reconcile: path -> kind.
type disk map[string]kind

func (d disk) stat(rel string) (kind, error) {
	if k, ok := d[rel]; ok {
		return k, nil
	}
	return absent, fs.ErrNotExist
}

// A reconcileCase is one batch of dirty paths for reconcile to turn into
// changes.
type reconcileCase struct {
	name   string
	before disk // what the tree knew before the batch
	after  disk // the file system when the burst is over
	dirty  []string
	want   []Change
}

func change(path string, op Op) Change { return Change{Path: path, Op: op} }

// TestReconcile runs reconcile on each batch, of files and of folders, and
// requires the changes and what the tree knows afterwards.
func TestReconcile(t *testing.T) {
	for _, tt := range slices.Concat(fileReconcileCases(), folderReconcileCases()) {
		t.Run(tt.name, func(t *testing.T) { testReconcileCase(t, tt) })
	}
}

// fileReconcileCases are files written, made and removed in place.
func fileReconcileCases() []reconcileCase {
	return []reconcileCase{
		{
			name:   "in-place write",
			before: disk{"content": folder, "content/a.md": file},
			after:  disk{"content": folder, "content/a.md": file},
			dirty:  []string{"content/a.md"},
			want:   []Change{change("content/a.md", Write)},
		},
		{
			name:   "new file",
			before: disk{"content": folder},
			after:  disk{"content": folder, "content/a.md": file},
			dirty:  []string{"content/a.md"},
			want:   []Change{change("content/a.md", Create)},
		},
		{
			name:   "removed file",
			before: disk{"content": folder, "content/a.md": file},
			after:  disk{"content": folder},
			dirty:  []string{"content/a.md"},
			want:   []Change{change("content/a.md", Remove)},
		},
		{
			name:   "temporary file that came and went",
			before: disk{"content": folder, "content/a.md": file},
			after:  disk{"content": folder, "content/a.md": file},
			dirty:  []string{"content/a.md.8f3a2c", "content/a.md"},
			want:   []Change{change("content/a.md", Write)},
		},
	}
}

// folderReconcileCases are folders made and removed, and a file and a
// folder taking each other's place.
func folderReconcileCases() []reconcileCase {
	return []reconcileCase{
		{
			name:   "new folder reports its files, not itself",
			before: disk{"content": folder},
			after:  disk{"content": folder, "content/tools": folder, "content/tools/x.md": file, "content/tools/sub": folder, "content/tools/sub/y.md": file},
			dirty:  []string{"content/tools", "content/tools/x.md", "content/tools/sub", "content/tools/sub/y.md"},
			want:   []Change{change("content/tools/sub/y.md", Create), change("content/tools/x.md", Create)},
		},
		{
			name:   "removed folder reports every file it held",
			before: disk{"content": folder, "content/roles": folder, "content/roles/a.md": file, "content/roles/sub": folder, "content/roles/sub/b.md": file, "content/rolesx.md": file},
			after:  disk{"content": folder, "content/rolesx.md": file},
			dirty:  []string{"content/roles"},
			want:   []Change{change("content/roles/a.md", Remove), change("content/roles/sub/b.md", Remove)},
		},
		{
			name:   "file replaced by a folder",
			before: disk{"static": folder, "static/x": file},
			after:  disk{"static": folder, "static/x": folder, "static/x/y.css": file},
			dirty:  []string{"static/x", "static/x/y.css"},
			want:   []Change{change("static/x", Remove), change("static/x/y.css", Create)},
		},
		{
			name:   "folder replaced by a file",
			before: disk{"static": folder, "static/x": folder, "static/x/y.css": file},
			after:  disk{"static": folder, "static/x": file},
			dirty:  []string{"static/x"},
			want:   []Change{change("static/x", Create), change("static/x/y.css", Remove)},
		},
	}
}

// testReconcileCase runs reconcile on one batch and checks the changes it
// reports and what the tree knows afterwards.
func testReconcileCase(t *testing.T, tt reconcileCase) {
	t.Helper()
	tr := newTree()
	for p, k := range tt.before {
		tr.add(p, k)
	}
	got, errs := tr.reconcile(tt.dirty, tt.after.stat)
	if len(errs) > 0 {
		t.Fatalf("errors: %v", errs)
	}
	if !slices.Equal(got, tt.want) {
		t.Errorf("changes = %v, want %v", got, tt.want)
	}
	// The tree now knows exactly what is on disk for the dirty paths
	// and what was below removed folders.
	for p, k := range tt.after {
		if tk, ok := tr.entries[p]; ok && tk != k {
			t.Errorf("tree has %s as %v, disk has %v", p, tk, k)
		}
	}
	for p := range tr.entries {
		if _, ok := tt.after[p]; !ok {
			t.Errorf("tree still holds %s, which is gone", p)
		}
	}
}

func TestReconcileReportsStatErrors(t *testing.T) {
	tr := newTree()
	tr.add("content/a.md", file)
	boom := errors.New("permission denied")
	got, errs := tr.reconcile([]string{"content/a.md"}, func(string) (kind, error) { return absent, boom })
	if len(errs) != 1 || !errors.Is(errs[0], boom) {
		t.Fatalf("errors = %v, want [%v]", errs, boom)
	}
	if !slices.Equal(got, []Change{{Path: "content/a.md", Op: Remove}}) {
		t.Errorf("changes = %v, want the unreadable file reported removed", got)
	}
}
