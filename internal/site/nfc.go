package site

import "golang.org/x/text/unicode/norm"

// nfc is the one spelling of a name, a path or a slug that the site
// compares: Unicode's composed form (NFC). File names come from the file
// system in whatever form it stores (macOS: decomposed, NFD), and front
// matter and links in whatever form the author's keyboard typed; "café"
// must find "café" either way. content.Parse gives slugs and sections in
// NFC already.
func nfc(s string) string { return norm.NFC.String(s) }
