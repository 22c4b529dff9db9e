package linkcheck

import (
	"context"
	"slices"
	"testing"
	"testing/fstest"
)

func site(files map[string]string) fstest.MapFS {
	m := fstest.MapFS{}
	for k, v := range files {
		m[k] = &fstest.MapFile{Data: []byte(v)}
	}
	return m
}

func TestCheck(t *testing.T) {
	s := site(map[string]string{
		"index.html": `<!doctype html><html><head><link rel="canonical" href="https://example.org/atlas/">
<link rel="stylesheet" href="/atlas/css/site.css"></head><body>
<a href="/atlas/roles/a/">a</a> <a href="roles/a/#skills">skills</a> <a href="roles/a/#nope">bad fragment</a>
<a href="/atlas/roles/missing/">missing</a> <a href="/elsewhere/">outside</a> <a href="https://other.example/">external</a>
<a href="mailto:x@example.org">mail</a> <img src="data:image/png;base64,xx" alt="">
<img srcset="/atlas/img/a.png 1x, /atlas/img/b.png 2x" alt=""> <a href="#top">top</a><span id="top"></span>
<svg><a href="/atlas/roles/a/"><text>ok</text></a><a xlink:href="/atlas/gone/"><text>x</text></a></svg>
<form action="/atlas/search/"></form> <a href="/atlas/roles/a">no slash</a> <div style="background:url(/atlas/img/c.png)"></div>
</body></html>`,
		"roles/a/index.html": `<h2 id="skills">Skills</h2><a href="../../">home</a><a href="../b/">b</a>`,
		"search/index.html":  `<p>search</p>`,
		"css/site.css":       `body{background:url("../img/a.png")} p{background:url(../img/zz.png)}`,
		"img/a.png":          "png",
		"old/index.html":     `<meta http-equiv="refresh" content="0; url=/atlas/roles/a/"><meta http-equiv="refresh" content="0; url=/atlas/gone/">`,
	})
	got := Check(context.Background(), s, "/atlas/", "https://example.org/atlas/").Error()
	want := `css/site.css:1: link to ../img/zz.png: no such file in the site
index.html:3: link to roles/a/#nope: roles/a/index.html has no element with id "nope"
index.html:4: link to /atlas/roles/missing/: no such file in the site
index.html:4: link to /elsewhere/ leaves the site's base path /atlas/
index.html:6: link to /atlas/img/b.png: no such file in the site
index.html:7: link to /atlas/gone/: no such file in the site
index.html:8: link to /atlas/img/c.png: no such file in the site
old/index.html:1: link to /atlas/gone/: no such file in the site
roles/a/index.html:1: link to ../b/: no such file in the site`
	if got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

// The same URL means the same file from anywhere only when it is a path
// from the root; a relative one, or a fragment, is checked from each file.
func TestSameURLFromManyFiles(t *testing.T) {
	s := site(map[string]string{
		"a/index.html":     `<a href="sub/">sub</a> <a href="#x">x</a> <a href="/missing/">m</a> <a href="/a/sub/#y">y</a>`,
		"b/index.html":     `<a href="sub/">sub</a> <a href="#x">x</a> <a href="/missing/">m</a> <a href="/a/sub/#y">y</a><i id="x"></i>`,
		"a/sub/index.html": `<p id="y">a</p>`,
	})
	got := Check(context.Background(), s, "/", "").Error()
	want := `a/index.html:1: link to #x: a/index.html has no element with id "x"
a/index.html:1: link to /missing/: no such file in the site
b/index.html:1: link to /missing/: no such file in the site
b/index.html:1: link to sub/: no such file in the site`
	if got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

// A record's packed references read back as they went in, lines going
// down as well as up (a style attribute's url() is lines below the href
// of its tag that follows it).
func TestPackedRefs(t *testing.T) {
	in := [][2]int32{{0, 1}, {3, 1}, {1 << 20, 4000}, {7, 3998}, {2, 1}, {1<<31 - 1, 1<<31 - 1}, {5, 2}, {6, 1<<31 - 1}, {8, 1}}
	var refs []byte
	var prev int32
	for _, r := range in {
		refs = appendRef(refs, r[0], r[1], prev)
		prev = r[1]
	}
	var out [][2]int32
	eachRef(refs, func(url, line int32) { out = append(out, [2]int32{url, line}) })
	if !slices.Equal(in, out) {
		t.Errorf("packed %v, read back %v", in, out)
	}
}
