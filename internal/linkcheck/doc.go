// Package linkcheck checks a built site the way a reader's browser would
// follow it: every internal href, src, srcset, form action, meta refresh
// and CSS url() must stay under the site's base path and name a file that
// exists, and every #fragment must name an element's id on the target page.
//
// It reads the site through an fs.FS, so the same check runs on a build in
// memory (before it is written) and on an output folder on disk
// ("rolesite check --output DIR"). Checker.Broken gives each broken
// reference with its URL, so that a build can tell the author where a
// page's markdown wrote it; References lists the references of a piece of
// HTML as this package reads them. Links to other origins, mailto: and the
// like are not followed; an absolute URL under the site's own base URL is
// checked as internal.
//
// # What an HTML file holds
//
// A file is split into tokens as golang.org/x/net/html's Tokenizer splits
// it, which follows the WHATWG HTML tokenizer; no tree is built:
//
//   - The text of script, style, textarea, title, xmp, iframe, noembed,
//     noframes and noscript ends at its end tag (a "</style" followed by a
//     space, '/' or '>'; a script's by the spec's escaped states), and
//     plaintext at the end of the file. Nothing in it is a tag. This holds
//     inside <svg> too, and CDATA is a bogus comment.
//   - A tag cut off by the end of the file ends the walk: it and what
//     follows hold nothing.
//   - Attribute names are compared without ASCII case; of two attributes
//     with one name, the first counts. Values are read as the tokenizer
//     gives them: character references decoded (as in an attribute), line
//     breaks as "\n", NUL as U+FFFD.
//
// From each start tag (self-closing or not, HTML or SVG alike):
//
//   - href, src, action, poster, data and xlink:href are references;
//   - srcset's candidates are references (each one's first field);
//   - style's url(...) values are references;
//   - on <meta http-equiv=refresh>, what follows "url=" in content (both
//     without ASCII case), trimmed, is a reference;
//   - id, and name on <a>, are element IDs.
//
// The text of a style element is CSS: its url(...) values are references.
// In a .css file too.
//
// A reference's line is that of its tag's '<' (a url() in a style
// attribute's value adds the line breaks before it in the value), or in
// CSS text the line of its "url(". Lines are 1 plus the line breaks before:
// "\n", "\r\n" or a lone "\r".
//
// A hand-written scanner (scan.go, tag.go) finds exactly this without the
// tokenizer's copies; reference_test.go keeps the walk over x/net/html's
// tokens that defines it, and a differential test over built sites and
// FuzzScan hold the two together. The scanner hands to x/net/html the
// rare parts it does not do itself: a start tag with a value to decode,
// and the end of a script holding "<!--". It never writes to the file's
// bytes, and Add keeps none of them.
package linkcheck
