package linkcheck

import (
	"bytes"
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"
)

// scanDiff scans data with the scanner and with the reference and
// describes how what they found differs, or returns "" (also where the
// reference panics: see TestScanWhereReferencePanics).
func scanDiff(data []byte) string {
	orig := bytes.Clone(data)
	f := newFound()
	f.html(data)
	if !bytes.Equal(data, orig) {
		return "the scanner changed its input"
	}
	got := &scanned{refs: f.strings(data), ids: f.ids}
	want := &scanned{ids: map[string]bool{}}
	if refPanics(want, data) {
		return "" // see TestScanWhereReferencePanics
	}
	var b strings.Builder
	if !slices.Equal(got.refs, want.refs) {
		fmt.Fprintf(&b, "refs:\n got  %v\n want %v\n", got.refs, want.refs)
	}
	if !maps.Equal(got.ids, want.ids) {
		fmt.Fprintf(&b, "ids:\n got  %v\n want %v\n", slices.Sorted(maps.Keys(got.ids)), slices.Sorted(maps.Keys(want.ids)))
	}
	return b.String()
}

// refPanics runs the reference on a copy of data (it writes to its input)
// and reports whether it panicked.
func refPanics(sc *scanned, data []byte) (panicked bool) {
	defer func() {
		if recover() != nil {
			panicked = true
		}
	}()
	sc.refHTML(bytes.Clone(data))
	return false
}

// TestScanWhereReferencePanics covers the one known difference: the
// reference panics (slice bounds out of range) on a meta refresh whose
// content after "url=" lowercases to more bytes than it has, which
// invalid UTF-8 and letters such as "Ⱥ" do; the scanner reads the URL.
func TestScanWhereReferencePanics(t *testing.T) {
	for _, c := range []struct{ doc, url string }{
		{"<meta http-equiv=refresh content=\"url=\xae\xae\xae\">", "\xae\xae\xae"},
		{"<meta content=\"URL=ȺȺȺȺȺ\" http-equiv=refresh>", "ȺȺȺȺȺ"},
		{"<A Content=url=\xae\xae\xae http-equiv=\"Refreſh\"", "\xae\xae\xae"},
	} {
		if !refPanics(&scanned{ids: map[string]bool{}}, []byte(c.doc)) {
			t.Errorf("%q: the reference no longer panics", c.doc)
		}
		f := newFound()
		f.html([]byte(c.doc))
		if got, want := f.strings([]byte(c.doc)), []ref{{c.url, 1}}; !slices.Equal(got, want) {
			t.Errorf("%q: got %q, want %q", c.doc, got, want)
		}
	}
}

// scanCases are documents that reach every branch of the lexer, most of
// them malformed. They seed FuzzScan too.
var scanCases = []string{
	"",
	"plain text, no tags",
	`<a href="/x/">x</a><img src=/y.png><form action='/s/'></form>`,
	`<A HREF="/x/" ID=top NAME=n>x</A><a name="anchor"></a><p name="notanid"></p>`,
	"<a\nhref=\"/x/\"\n>\n<a href=/y\n\n/>\n<b\n\n>\n<a href=/z>",
	"<a\n\nh=h\n\n>\n<a href=/after>",
	"\n<a\nA\n=\na\nhref\n=\n\"a\"></a><a\nHREF\n=\nhref>",
	"<a href=\"one\ntwo\">x</a>\n<a href=/three>",
	`<img srcset="/a.png 1x, /b.png 2x,, ,/c.png" src=/d.png>`,
	`<div style="background:url(/a.png) ; x:url( '/b.png' )"></div>`,
	"<div style=\"a:url(\n/a.png\n)\">\n</div><div style='url(/b.png'>",
	`<meta http-equiv="refresh" content="0; url=/r/"><meta content="5;URL='/q/'" http-equiv=REFRESH>`,
	`<meta http-equiv="refresh"><meta content="0; url=/no/"><meta http-equiv=refresh content=0>`,
	`<meta content="0;url=/a/" http-equiv="Refreſh"><meta http-equiv="refresh" content="0; url=/b/" content="0;url=/c/">`,
	"<meta http-equiv=refresh content=\"0; İurl=/i/\">",
	`<style>body{background:url(/a.png)}</style>after url(/b.png) <p>url(/c.png)</p>`,
	`<style></style>url(/a.png)<svg><a href="/s/"></a></svg>url(/b.png)<!-- url(/c.png) -->url(/d.png)`,
	`<style>a{}</style><![CDATA[url(/a.png)]]>url(/b.png)<![CDATA[url(/c.png)`,
	`<STYLE>p{background:url(/a.png)}</STYLE >url(/x.png)`,
	`<style>p{}</stylex></style>url(/y.png)`,
	"<style/>\nurl(/a.png)</style><style x>url(/b.png)",
	`<title><a href="/not/"></title><a href="/yes/">`,
	`<textarea><a href="/not/"></textarea x><a href="/yes/">`,
	`<script>if(a<b)document.write('<a href="/not/">')</script><a href="/yes/">`,
	`<script><!-- <script></script> --></script><a href="/yes/"> <a href="/no1/"></script>`,
	`<script><!-- </script> <a href="/after-comment/">`,
	`<script><!-- <scRipt> </SCRIPT> --> <a href="/still-script/"> </script><a href="/yes/">`,
	`<script><!-- unterminated <a href="/no/">`,
	`<plaintext><a href="/not/"></plaintext><a href="/not2/">`,
	`<xmp><a href="/not/"></xmp><iframe><a href="/not/"></iframe><a href="/yes/">`,
	"<svg viewBox=\"0 0 1 1\"><a href=\"/s/\" id=\"sv\"/><a xlink:href='/x/'/><use XLINK:HREF=\"#i\"/></svg><a href=/after>",
	"<svg><svg><a href=\"/inner/\"/></svg><a href=\"/outer/\"/></svg><a href=/after>",
	"<svg>\n<a\nhref=\"a\nb\"\n/>\n<a href=/c\n/></svg>\n<a href=/after>",
	`<svg title="</svg>"><a href="/q/"/></svg><a href=/after>`,
	`<svg/><a href="/swallowed/"></svg><a href=/after>`,
	"<svg><a href=/x/></svg",
	"<svg><a href=/x/>\x00</svg><a href=/never>",
	"<a href=/before><svg>\x00<a href=/never>",
	"<svg></svg \x00><a href=/never>",
	`<math><a href="/not/"></a></math><a href="/yes/"><xml><a href="/not/"></xml><a href=/yes2>`,
	"<SVG><A HREF=\"/up/\" ID=\"Up\"/></SVG>",
	"<svg><!-- <a href='/c/'/> --><![CDATA[<a href='/d/'/>]]><!DOCTYPE x [<!ENTITY a \"b>\">]><a href='/e/'/><?pi x?></svg>",
	"<svg>< a href='/sp/'/></svg><svg><!x href='/bang/'/></svg>",
	"<svg\n><a\n\nhref=x\n\n/><a\thref=\"y\"\r\n\t></svg>",
	"<svg><a href='\tx\r'/><a href=&amp;y/></svg>",
	"<svg><a xlin\u212A:href='/kelvin/' İd=dot/></svg>",
	"<svg>\n<a href='a\n\nb' id=\"c\nd\"\n\n>\n<a href='/l'/></svg>\n<a href=/after>",
	"<svg><a href='x\n<a href=\"/y\n\"\n><a href=/z></svg>",
	"<svg><a href=\"unterminated\n",
	"<svg><a href='unterminated\n",
	"<svg><a href>\n<a href=>\n<a =x href=y>\n<a href/></svg>",
	"<svg><a/href='/x'/><?xml href='/pi'?><a href=/u?>/v</svg>",
	"<svg><!DOCTYPE x \"[>\" [ > ]\n> <a href=/dt></svg>",
	"<svg><!DOCTYPE\n<a href=/in-doctype></svg>",
	"<svg><!-- unterminated <a href=/no/></svg>",
	"<svg></a\n<a href=/no/> <a href=/yes/></svg>",
	"<svg><![CDATA[ unterminated <a href=/no/></svg>",
	`<a href="/a?x=1&amp;y=2&lt;">x</a><a id="&#x41;&#66;">y</a><a href=&notin;>`,
	`<a href="unterminated`,
	`<a href='unterminated`,
	`<a href=`,
	`<a href`,
	`<a`,
	`<`,
	`</`,
	`</>`,
	`< a href=/not>`,
	`</ a href=/not><a href=/yes>`,
	`</a href=/not><a href=/yes>`,
	`<?xml href=/not?><a href=/yes>`,
	`<!doctype html><!DOCTYPE><!DocType x><a href=/yes>`,
	`<!-- <a href=/no> --><a href=/yes1><!--> <a href=/no2> --!><a href=/yes2><!--- x --><a href=/yes3>`,
	`<!---><a href=/no>--><a href=/yes>`,
	`<!-- unterminated <a href=/no>`,
	`<!bogus <a href=/no><a href=/yes>`,
	`<![CDATA[<a href=/no>]]><a href=/yes>`,
	`<a/href=/x/>`,
	`<a / href=/x/ />`,
	`<a href=/x/>`,
	`<a href=/x/ / >`,
	`<a =/x/ href = "/y/" ==z>`,
	`<a href='/a/' href="/b/">`,
	"<a\fhref=/f/\f>",
	"<a href=\x00/nul>\x00<a href=/after>",
	"<a\x00 href=/n/><\x00a href=/m/>",
	"<İD İd=x><a İd=y hİ=z><a href=q>",
	"<a hreF=/K/ \u212Aid=k>",
	"<a href=/à/ id=é>",
	"<\xff href=/bad-utf8/ \xff=1>",
	"<a b='c\n' d=\"e\n\" href=\"f\">",
	"\n\n<a\n\n\n>x\n</a>\n<a href=/l7>\n<img\n\n\nsrc=/l8\n\n\n>\n<a href=/l14>",
	"x<y <z\n<a href=/l2>",
	"a<3 <!-x <a href=/yes>",
	"<a href=/x/\n",
}

func TestScanMatchesReference(t *testing.T) {
	for _, c := range scanCases {
		if d := scanDiff([]byte(c)); d != "" {
			t.Errorf("%q:\n%s", c, d)
		}
	}
}

// TestScanExtracts checks a few cases against what a link check needs,
// not just against the reference.
func TestScanExtracts(t *testing.T) {
	sc := newFound()
	doc := []byte("<a href=\"/a/\" id=x>\n<img srcset=\"/b.png 1x, /c.png 2x\">\n<style>p{background:url('/d.png')}</style>")
	sc.html(doc)
	want := []ref{{"/a/", 1}, {"/b.png", 2}, {"/c.png", 2}, {"/d.png", 3}}
	if got := sc.strings(doc); !slices.Equal(got, want) || !sc.ids["x"] || len(sc.ids) != 1 {
		t.Errorf("got %v %v, want %v and id x", got, sc.ids, want)
	}
}

// FuzzScan compares the scanner with the reference on arbitrary bytes.
func FuzzScan(f *testing.F) {
	for _, c := range scanCases {
		f.Add([]byte(c))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if d := scanDiff(data); d != "" {
			t.Errorf("%q:\n%s", data, d)
		}
	})
}
