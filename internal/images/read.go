package images

import (
	"bytes"
	"fmt"
	"image"
	"image/gif"
	"image/jpeg"
	"image/png"
	"path"
	"strings"

	"golang.org/x/image/webp"
)

// Info is what a page needs to know of an image.
type Info struct {
	Format        string // "png", "jpeg", "gif", "webp" or "svg"
	Width, Height int    // in CSS pixels
}

// extensions maps the file extensions read to their formats.
func extensions() map[string]string {
	return map[string]string{".png": "png", ".jpg": "jpeg", ".jpeg": "jpeg", ".gif": "gif", ".webp": "webp", ".svg": "svg"}
}

// Supported reports whether a file name has an image extension Read knows.
func Supported(name string) bool {
	_, ok := extensions()[strings.ToLower(path.Ext(name))]
	return ok
}

// Read returns the format and size of the image in data, named name (for
// its extension). Its error is a sentence saying what to do.
func Read(name string, data []byte) (Info, error) {
	want, ok := extensions()[strings.ToLower(path.Ext(name))]
	if !ok {
		return Info{}, fmt.Errorf("%q is not an image extension rolesite reads: use PNG, JPEG, GIF, WebP or SVG", path.Ext(name))
	}
	got := sniff(data)
	if got == "" {
		return Info{}, fmt.Errorf("the file is not a PNG, JPEG, GIF, WebP or SVG image: export it again in one of those formats")
	}
	if got != want {
		return Info{}, fmt.Errorf("the file is %s image but its name says %s: rename it to end in .%s", article(got), strings.ToUpper(want), got)
	}
	if got == "svg" {
		return readSVG(data)
	}
	var cfg image.Config
	var err error
	r := bytes.NewReader(data)
	switch got {
	case "png":
		cfg, err = png.DecodeConfig(r)
	case "jpeg":
		cfg, err = jpeg.DecodeConfig(r)
	case "gif":
		cfg, err = gif.DecodeConfig(r)
	case "webp":
		cfg, err = webp.DecodeConfig(r)
	}
	if err != nil {
		return Info{}, fmt.Errorf("cannot read its %s header (%v): export the image again", strings.ToUpper(got), err)
	}
	if cfg.Width <= 0 || cfg.Height <= 0 {
		return Info{}, fmt.Errorf("its %s header gives a size of %dx%d: export the image again", strings.ToUpper(got), cfg.Width, cfg.Height)
	}
	return Info{Format: got, Width: cfg.Width, Height: cfg.Height}, nil
}

// sniff tells a format by its first bytes; an SVG by being XML text whose
// first element is svg.
func sniff(b []byte) string {
	switch {
	case bytes.HasPrefix(b, []byte("\x89PNG\r\n\x1a\n")):
		return "png"
	case bytes.HasPrefix(b, []byte("\xff\xd8\xff")):
		return "jpeg"
	case bytes.HasPrefix(b, []byte("GIF87a")), bytes.HasPrefix(b, []byte("GIF89a")):
		return "gif"
	case len(b) >= 12 && string(b[:4]) == "RIFF" && string(b[8:12]) == "WEBP":
		return "webp"
	case looksLikeSVG(b):
		return "svg"
	}
	return ""
}

// looksLikeSVG reports whether an "<svg" comes before any other element in
// the first kilobytes (after a BOM, an XML declaration, comments).
func looksLikeSVG(b []byte) bool {
	b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
	head := b[:min(len(b), 4096)]
	for {
		i := bytes.IndexByte(head, '<')
		if i < 0 || i+1 >= len(head) {
			return false
		}
		head = head[i+1:]
		switch head[0] {
		case '?', '!':
			continue
		}
		return bytes.HasPrefix(head, []byte("svg")) && len(head) > 3 && strings.ContainsRune(" \t\r\n>/", rune(head[3]))
	}
}

// article names a format with its article: "a PNG", "an SVG".
func article(format string) string {
	if format == "svg" {
		return "an SVG"
	}
	return "a " + strings.ToUpper(format)
}
