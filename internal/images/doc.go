// Package images reads what a page needs to show an image without layout
// shift, and refuses an SVG that could do more than draw.
//
//	Read(name, data) ──▶ Info{Format, Width, Height}   or an error saying what to fix
//
// Raster images are PNG, JPEG, GIF and WebP; only their headers are
// decoded (image/png, image/jpeg, image/gif and golang.org/x/image/webp,
// called directly: nothing is registered with package image). The format
// is what the bytes are, not what the name says, and a name whose
// extension names another format is an error, as is any other extension.
//
// An SVG's size is its root element's width and height when both are
// plain lengths (a number, optionally in px), else its viewBox's. An SVG
// is refused, never rewritten, when it holds anything that runs or
// reaches out: a <script>, <foreignObject>, <iframe>, <embed> or <object>
// element; an event handler attribute (any attribute named on...); an
// href, xlink:href or src that is not a same-document "#fragment"; an
// animation of an href or a handler; a url(...) in an attribute or a
// <style> that is not url(#fragment); an @import; or a DOCTYPE (which can
// declare entities). The error gives the SVG's line. Refusing rather than
// sanitising keeps what is served exactly what the author wrote.
//
// The package reads bytes it is handed; it opens no file.
package images
