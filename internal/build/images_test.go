package build_test

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/gif"
	"image/jpeg"
	"image/png"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/rolesite/rolesite"
	"github.com/rolesite/rolesite/internal/build"
)

func tinyPNG(w, h int) []byte {
	var b bytes.Buffer
	_ = png.Encode(&b, image.NewGray(image.Rect(0, 0, w, h)))
	return b.Bytes()
}

// TestImagesRaster builds a site under a sub-path whose pages show PNGs
// (one under static/), a JPEG and a GIF (package images tests WebP), and checks each image's attributes and that
// the files are copied once, byte for byte, by the streaming build as by
// the one that keeps its files.
func TestImagesRaster(t *testing.T) {
	var jp, gf bytes.Buffer
	m := image.NewPaletted(image.Rect(0, 0, 7, 9), color.Palette{color.Black, color.White})
	if err := jpeg.Encode(&jp, m, nil); err != nil {
		t.Fatal(err)
	}
	if err := gif.Encode(&gf, m, nil); err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{
		"content/roles/a.png":      tinyPNG(30, 20),
		"content/roles/pics/b.jpg": jp.Bytes(),
		"content/c.gif":            gf.Bytes(),
		"static/img/d.png":         tinyPNG(64, 48),
	}
	src := fstest.MapFS{
		"content/_index.md":  {Data: []byte("---\ntitle: Site\n---\n![Home picture](c.gif)\n")},
		"content/roles/r.md": {Data: []byte("---\ntitle: R\n---\n![A](a.png) ![B](pics/b.jpg) ![C](../c.gif) ![D](../../static/img/d.png)\n")},
		"content/roles/s.md": {Data: []byte("---\ntitle: S\n---\n![A again](a.png)\n")},
	}
	for name, data := range files {
		src[name] = &fstest.MapFile{Data: data}
	}
	opts := build.Options{BaseURL: "https://example.org/atlas/"}
	res := build.Build(context.Background(), src, rolesite.Theme(), opts)
	if !res.OK() {
		t.Fatal(res.Diagnostics)
	}
	page, _ := res.Files.Get("roles/r/index.html")
	for _, want := range []string{
		`<img src="/atlas/roles/a.png" width="30" height="20" alt="A">`,
		`<img src="/atlas/roles/pics/b.jpg" width="7" height="9" loading="lazy" alt="B">`,
		`<img src="/atlas/c.gif" width="7" height="9" loading="lazy" alt="C">`,
		`<img src="/atlas/img/d.png" width="64" height="48" loading="lazy" alt="D">`,
	} {
		if !bytes.Contains(page, []byte(want)) {
			t.Errorf("roles/r/index.html lacks %s", want)
		}
	}
	if home, _ := res.Files.Get("index.html"); !bytes.Contains(home, []byte(`<img src="/atlas/c.gif" width="7" height="9" alt="Home picture">`)) {
		t.Errorf("the home page's image:\n%s", home)
	}
	streamed := map[string][]byte{}
	var mu sync.Mutex // Emit is called from the render workers at once
	opts.Emit = func(name string, data []byte) error {
		mu.Lock()
		defer mu.Unlock()
		streamed[name] = bytes.Clone(data)
		return nil
	}
	if res := build.Build(context.Background(), src, rolesite.Theme(), opts); !res.OK() {
		t.Fatal(res.Diagnostics)
	}
	for name, data := range files {
		out := strings.TrimPrefix(strings.TrimPrefix(name, "content/"), "static/")
		kept, _ := res.Files.Get(out)
		if !bytes.Equal(kept, data) || !bytes.Equal(streamed[out], data) {
			t.Errorf("%s: not copied as it is to %s", name, out)
		}
	}
}

// TestImageErrorsStreamed: a build that streams its files (rolesite build)
// lets each page's source go once it is converted; an image problem found
// after that is still reported at the image.
func TestImageErrorsStreamed(t *testing.T) {
	src := siteFS(map[string]string{
		"content/_index.md":  "---\ntitle: Site\n---\n",
		"content/roles/a.md": "---\ntitle: A\n---\nIntro.\n\nSee ![Team](teem.png) here.\n",
	})
	src["content/roles/team.png"] = &fstest.MapFile{Data: tinyPNG(2, 2)}
	opts := build.Options{Emit: func(string, []byte) error { return nil }}
	res := build.Build(context.Background(), src, rolesite.Theme(), opts)
	want := "content/roles/a.md:6:5: image teem.png: no such file content/roles/teem.png (did you mean team.png?)"
	if res.OK() || res.Diagnostics.Error() != want {
		t.Errorf("diagnostics:\n%v\nwant:\n%s", res.Diagnostics, want)
	}
}
