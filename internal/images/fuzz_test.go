package images

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strings"
	"testing"
)

// FuzzRead reads arbitrary bytes as each kind of image and checks that
// Read never panics, that an image it accepts has a positive size and the
// format of its name, and that an SVG it accepts holds, read again by
// encoding/xml's namespace-resolving Token, no script, foreignObject,
// event handler or reference to another file.
func FuzzRead(f *testing.F) {
	for _, format := range []string{"png", "jpeg", "gif", "webp"} {
		f.Add(raster(f, format, 3, 2), "a."+format)
	}
	for _, s := range []string{
		`<svg width="10" height="5"/>`,
		`<svg viewBox="0 0 4 3"><rect fill="url(#g)"/><use href="#g"/></svg>`,
		`<svg width="1" height="1" onload="x"/>`,
		`<svg width="1" height="1"><script>x</script></svg>`,
		`<?xml version="1.0"?><svg xmlns:x="http://www.w3.org/1999/xlink" width="1" height="1"><a x:href="#a"/></svg>`,
	} {
		f.Add([]byte(s), "a.svg")
	}
	f.Fuzz(func(t *testing.T, data []byte, name string) {
		info, err := Read(name, data)
		if err != nil {
			return
		}
		if info.Width <= 0 || info.Height <= 0 {
			t.Fatalf("accepted with size %dx%d", info.Width, info.Height)
		}
		if extensions()[strings.ToLower(name[strings.LastIndexByte(name, '.'):])] != info.Format {
			t.Fatalf("%s read as %s", name, info.Format)
		}
		if info.Format == "svg" {
			checkSafe(t, data)
		}
	})
}

func checkSafe(t *testing.T, data []byte) {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = false
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) || err != nil {
			return
		}
		el, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		if n := strings.ToLower(el.Name.Local); n == "script" || n == "foreignobject" {
			t.Fatalf("accepted an SVG with <%s>", el.Name.Local)
		}
		for _, a := range el.Attr {
			n := strings.ToLower(a.Name.Local)
			if strings.HasPrefix(n, "on") || (n == "href" || n == "src") && !strings.HasPrefix(strings.TrimSpace(a.Value), "#") {
				t.Fatalf("accepted an SVG with %s=%q", a.Name.Local, a.Value)
			}
		}
	}
}
