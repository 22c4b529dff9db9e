package markdown

import (
	"fmt"
	"html"
	"net/url"
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"
)

// ImagePlaceholder is the scheme of the src an image of the site has until
// FillImages.
const ImagePlaceholder = "rolesite-image:"

// decorative is the title that marks an image with no alt text as
// decorative: ![](rule.png "decorative") is written with alt="" and no title.
const decorative = "decorative"

// An Image is an image in the body that the site must copy and measure: one
// whose destination is a relative path.
type Image struct {
	Path   string // unescaped, relative to the page's file ("team.png", "../../static/img/x.svg")
	Offset int    // byte offset of the image's '!' in the body
}

// inspectImage checks an image's alt text, and swaps a relative
// destination for a placeholder, recording the image.
func inspectImage(n *ast.Image, src []byte, res *Result, cursor *int, raw bool) {
	off := linkOffset(n, src, cursor, n.Destination)
	if off > 0 && src[off] == '[' && src[off-1] == '!' {
		off--
	}
	if plain(n, src) == "" {
		if strings.EqualFold(strings.TrimSpace(string(n.Title)), decorative) {
			n.Title = nil
		} else {
			res.Problems = append(res.Problems, Problem{Offset: off, Message: fmt.Sprintf(
				"image %s has no alt text: say in the brackets what it shows, ![what it shows](%[1]s), "+
					"or mark it decorative with ![](%[1]s \"decorative\")", n.Destination)})
		}
	}
	if msg := droppedURL("image", n.Destination, raw); msg != "" {
		res.Problems = append(res.Problems, Problem{Offset: off, Message: msg, Warning: true})
	}
	if isImageLookalike(n.Destination) {
		n.Destination = nil
		return
	}
	if p, ok := localImage(string(n.Destination)); ok {
		n.Destination = fmt.Appendf(nil, "%s%d", ImagePlaceholder, len(res.Images))
		res.Images = append(res.Images, Image{Path: p, Offset: off})
	} else {
		addRef(res, n.Destination, off)
	}
}

// localImage returns the path of a relative image destination.
func localImage(dest string) (string, bool) {
	if dest == "" || strings.HasPrefix(dest, "/") || strings.HasPrefix(dest, "#") {
		return "", false
	}
	u, err := url.Parse(dest)
	if err != nil || u.Scheme != "" || u.Host != "" || u.Opaque != "" || u.Path == "" {
		return "", false
	}
	return u.Path, true
}

// ImageAttrs writes the attributes of a copied image: its URL, its size,
// and loading="lazy" unless it is the page's first.
func ImageAttrs(url string, width, height int, first bool) string {
	a := `src="` + html.EscapeString(url) + `" width="` + strconv.Itoa(width) + `" height="` + strconv.Itoa(height) + `"`
	if !first {
		a += ` loading="lazy"`
	}
	return a
}
