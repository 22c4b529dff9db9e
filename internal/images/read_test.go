package images

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/color"
	"image/gif"
	"image/jpeg"
	"image/png"
	"strings"
	"testing"
)

func raster(t testing.TB, format string, w, h int) []byte {
	t.Helper()
	m := image.NewPaletted(image.Rect(0, 0, w, h), color.Palette{color.Black, color.White})
	var b bytes.Buffer
	var err error
	switch format {
	case "png":
		err = png.Encode(&b, m)
	case "jpeg":
		err = jpeg.Encode(&b, m, nil)
	case "gif":
		err = gif.Encode(&b, m, nil)
	case "webp":
		return webpHeader(w, h)
	}
	if err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// webpHeader is a lossless WebP's header (all DecodeConfig reads).
func webpHeader(w, h int) []byte {
	var b bytes.Buffer
	b.WriteString("RIFF")
	_ = binary.Write(&b, binary.LittleEndian, uint32(4+8+5))
	b.WriteString("WEBPVP8L")
	_ = binary.Write(&b, binary.LittleEndian, uint32(5))
	b.WriteByte(0x2f)
	_ = binary.Write(&b, binary.LittleEndian, uint32(w-1)|uint32(h-1)<<14)
	return b.Bytes()
}

func TestReadRaster(t *testing.T) {
	for _, f := range []struct{ name, format string }{{"a.png", "png"}, {"a.JPG", "jpeg"}, {"a.jpeg", "jpeg"}, {"a.gif", "gif"}, {"a.webp", "webp"}} {
		got, err := Read(f.name, raster(t, f.format, 30, 20))
		if err != nil || got != (Info{Format: f.format, Width: 30, Height: 20}) {
			t.Errorf("%s: %+v, %v", f.name, got, err)
		}
	}
}

func TestReadErrors(t *testing.T) {
	for _, tc := range []struct {
		name string
		data []byte
		want string
	}{
		{"a.bmp", []byte("BM"), "not an image extension"},
		{"a.png", raster(t, "gif", 2, 2), "rename it to end in .gif"},
		{"a.png", []byte("hello"), "not a PNG, JPEG, GIF, WebP or SVG"},
		{"a.png", []byte("\x89PNG\r\n\x1a\nshort"), "cannot read its PNG header"},
		{"a.svg", []byte(`<svg xmlns="http://www.w3.org/2000/svg"></svg>`), "gives no size"},
		{"a.svg", []byte(`<svg width="10" height="10"><g>`), "not well-formed"},
	} {
		_, err := Read(tc.name, tc.data)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s %q: %v, want %q", tc.name, tc.data, err, tc.want)
		}
	}
}

func TestSVGSize(t *testing.T) {
	for _, tc := range []struct {
		svg  string
		w, h int
	}{
		{`<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40"/>`, 120, 40},
		{`<?xml version="1.0"?><!-- c --><svg width="12.6px" height="4px"></svg>`, 13, 4},
		{`<svg width="100%" height="2em" viewBox="0 0 300 150"></svg>`, 300, 150},
		{`<svg viewBox="0,0,64.4,32"><defs><linearGradient id="g"/></defs><rect fill="url(#g)" width="1" height="1"/><use href="#g"/><style>rect{fill:url( '#g')}</style></svg>`, 64, 32},
	} {
		got, err := Read("a.svg", []byte(tc.svg))
		if err != nil || got.Width != tc.w || got.Height != tc.h || got.Format != "svg" {
			t.Errorf("%s: %+v, %v", tc.svg, got, err)
		}
	}
}

func TestSVGRefused(t *testing.T) {
	for _, tc := range []struct{ svg, want string }{
		{"<svg width=\"1\" height=\"1\">\n<script>alert(1)</script></svg>", "a <script> element at its line 2"},
		{`<svg width="1" height="1"><SCRIPT/></svg>`, "<SCRIPT> element"},
		{`<svg width="1" height="1" onload="alert(1)"/>`, "event handler attribute (onload)"},
		{`<svg width="1" height="1"><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>`, "reference to another file"},
		{`<svg width="1" height="1"><image href="https://example.org/x.png"/></svg>`, "reference to another file"},
		{`<svg width="1" height="1"><use href="other.svg#a"/></svg>`, "reference to another file"},
		{`<svg width="1" height="1"><foreignObject><p>x</p></foreignObject></svg>`, "<foreignObject>"},
		{`<svg width="1" height="1"><style>@import "x.css";</style></svg>`, "@import in a <style>"},
		{`<svg width="1" height="1"><style><![CDATA[rect { fill: url(http://e.org/x) }]]></style></svg>`, "url() reference"},
		{`<svg width="1" height="1"><rect style="fill:url(x.svg#a)"/></svg>`, "url() reference to another file in the style attribute"},
		{`<svg width="1" height="1"><a href="#x"><set attributeName="href" to="javascript:alert(1)"/></a></svg>`, "animation of the href"},
		{`<!DOCTYPE svg [<!ENTITY x "y">]><svg width="1" height="1">&x;</svg>`, "DOCTYPE"},
	} {
		_, err := Read("a.svg", []byte(tc.svg))
		if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), "remove it") {
			t.Errorf("%s: %v, want %q", tc.svg, err, tc.want)
		}
	}
}
