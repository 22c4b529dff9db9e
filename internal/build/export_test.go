package build

// VerifyDepKeys makes b call stale with the output path of every page it
// reuses by its dependency key although the page's view changed (see
// depKeys): such a page would be served stale. A Builder that keeps no
// pages never calls it.
func VerifyDepKeys(b *Builder, stale func(out string)) {
	if m, ok := b.out.(*memorySink); ok {
		m.verify = stale
	}
}
