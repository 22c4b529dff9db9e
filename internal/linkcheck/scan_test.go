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
// describes how what they found differs, or returns "".
func scanDiff(data []byte) string {
	orig := bytes.Clone(data)
	f := newFound()
	f.html(data)
	if !bytes.Equal(data, orig) {
		return "the scanner changed its input"
	}
	r := newFound()
	r.refHTML(data)
	got, want := f.strings(data), r.strings(data)
	var b strings.Builder
	if !slices.Equal(got, want) {
		fmt.Fprintf(&b, "refs:\n got  %v\n want %v\n", got, want)
	}
	if !maps.Equal(f.ids, r.ids) {
		fmt.Fprintf(&b, "ids:\n got  %v\n want %v\n", slices.Sorted(maps.Keys(f.ids)), slices.Sorted(maps.Keys(r.ids)))
	}
	return b.String()
}

// scanCases are documents that reach every branch of the tokenizer, most
// of them malformed (many were the quirks of the lexer the scanner once
// copied). They seed FuzzScan too.
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
	"<a href=\"/a\r\nb\" id=\"x\ry\">\r<a href=/c>\r\n<a href=/d>\n\r<a href=/e>",
	"<a href=\"/a\x00b\" id=\x00>",
	"<a href='/x?a=1&amp;b=2&copy=3&notin;' id='&#x41;&AElig' name=&lt;>",
	"<a href=/1 HREF=/2 id=a ID=b><img src=/3 src=/4 srcset='/5 1x' srcset=/6>",
	"<meta http-equiv=refresh http-equiv=x content='0;url=/r1/' content='0;url=/r2/'><p http-equiv=refresh content=0;url=/no/>",
	"<meta http-equiv=REFRESH content='0; URL = /spaced/'><meta http-equiv='refreſh' content='0;url=/long-s/'>",
	"<meta content='0;url=/amp/&amp;' http-equiv='&#114;efresh'>",
	"<style>p{}</style x=\">\">url(/a.png)<style\n>\nurl(/b.png)\r\nurl(/c.png)\rurl(/d\x00.png)</style\t>",
	"<style/>url(/a.png)</style/><style x='</style>'>url(/b.png)</style>",
	"<noscript><a href=/no></noscript><a href=/yes><noembed><a href=/no></noembed><noframes><a id=no></noframes>",
	"<script><!--</script><a href=/x></script><a href=/y>",
	"<script><!--<script></script>--></script><a href=/y><script></scriptx></script ><a href=/z>",
	"<script><!-- x</script><a href=/after>",
	"<script><!-</script><a href=/after>",
	"<svg><a xlink:href=/x><use XLINK:HREF=#y href=/z id=s><style>url(/s.png)</style><title><a href=/no></title><![CDATA[<a href=/cdata>]]></svg>",
	"<a href=/x/ =id=y a/id=z/ style='x:url(/s)'>",
	"<a\nhref=/l2\n><a\n\nid='x\n'\n\nhref='/l4'>",
	"</a href='>' id=x><a href=/after></a\nhref=/no",
	"<!--x--!><a href=/1><!--x--!-><a href=/no>--><a href=/2><!-- x --!y --><a href=/3>",
	"<!-x><a href=/1><!-><a href=/2><!--><a href=/3><!---><a href=/4><!",
}

func TestScanMatchesReference(t *testing.T) {
	for _, c := range scanCases {
		if d := scanDiff([]byte(c)); d != "" {
			t.Errorf("%q:\n%s", c, d)
		}
	}
}

// TestScanExtracts checks the contract itself, not just that the scanner
// and the reference agree on it.
func TestScanExtracts(t *testing.T) {
	for _, c := range []struct {
		doc  string
		refs []ref
		ids  []string
	}{
		{"<a href=\"/a/\" id=x>\n<img srcset=\"/b.png 1x, /c.png 2x\">\n<style>p{background:url('/d.png')}</style>",
			[]ref{{"/a/", 1}, {"/b.png", 2}, {"/c.png", 2}, {"/d.png", 3}}, []string{"x"}},
		// Raw text ends at its end tag; what follows is not CSS.
		{"<style>a{}</style>url(/no.png)<p>url(/no2.png)", nil, nil},
		// Character references are decoded, as in an attribute value.
		{"<a href='/a?b=1&amp;c=2&copy=3' id='&lt;&#65;'>", []ref{{"/a?b=1&c=2&copy=3", 1}}, []string{"<A"}},
		// The line of the tag; breaks are "\n", "\r\n" and "\r".
		{"\r\n<a\n\nid=x\nhref='/l2'>\r<b\rhref=/l3>", []ref{{"/l2", 2}, {"/l3", 6}}, []string{"x"}},
		// The first of two same-named attributes counts.
		{"<a href=/1 HREF=/2>", []ref{{"/1", 1}}, nil},
		// SVG is tags like any other.
		{"<svg><use xlink:href='#i' id=u></svg>", []ref{{"#i", 1}}, []string{"u"}},
		{"<noscript><a href=/no></noscript><a name=n><p name=no>", nil, []string{"n"}},
		{"<meta http-equiv=Refresh content='0; URL=/r/'>", []ref{{"/r/", 1}}, nil},
		{"<a href=/cut-off", nil, nil},
	} {
		for name, scan := range map[string]func(*found, []byte){"scanner": (*found).html, "reference": (*found).refHTML} {
			f := newFound()
			scan(f, []byte(c.doc))
			if got := f.strings([]byte(c.doc)); !slices.Equal(got, c.refs) || !slices.Equal(slices.Sorted(maps.Keys(f.ids)), c.ids) {
				t.Errorf("%s, %q: got %v %v, want %v %v", name, c.doc, got, slices.Sorted(maps.Keys(f.ids)), c.refs, c.ids)
			}
		}
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
