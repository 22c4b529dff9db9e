package markdown

import (
	"strings"
	"testing"
)

func TestImages(t *testing.T) {
	body := "Intro ![A team](team.png) and ![Chart](../../static/img/c%20d.svg \"Title\").\n\n" +
		"![](rule.png \"decorative\") ![Remote](https://example.org/x.png) ![Abs](/x.png)\n"
	res := New(Options{}).Convert([]byte(body))
	want := []Image{
		{Path: "team.png", Offset: strings.Index(body, "![A team]")},
		{Path: "../../static/img/c d.svg", Offset: strings.Index(body, "![Chart]")},
		{Path: "rule.png", Offset: strings.Index(body, "![](rule")},
	}
	if len(res.Images) != len(want) {
		t.Fatalf("images = %+v", res.Images)
	}
	for i := range want {
		if res.Images[i] != want[i] {
			t.Errorf("image %d = %+v, want %+v", i, res.Images[i], want[i])
		}
	}
	if len(res.Problems) > 0 {
		t.Errorf("problems: %+v", res.Problems)
	}
	got := FillImages(string(res.HTML), []string{
		ImageAttrs("/roles/team.png", 30, 20, true),
		ImageAttrs("/img/c%20d.svg", 3, 2, false),
		ImageAttrs(`/r"ule.png`, 1, 1, false),
	})
	for _, s := range []string{
		`<img src="/roles/team.png" width="30" height="20" alt="A team">`,
		`<img src="/img/c%20d.svg" width="3" height="2" loading="lazy" alt="Chart" title="Title">`,
		`<img src="/r&#34;ule.png" width="1" height="1" loading="lazy" alt="">`,
		`<img src="https://example.org/x.png" alt="Remote">`,
		`<img src="/x.png" alt="Abs">`,
	} {
		if !strings.Contains(got, s) {
			t.Errorf("missing %s in\n%s", s, got)
		}
	}
}

func TestImageWithoutAlt(t *testing.T) {
	body := "Text.\n\n![](a.png) ![ ](b.png \"a title\")\n"
	res := New(Options{}).Convert([]byte(body))
	if len(res.Problems) != 2 {
		t.Fatalf("problems = %+v", res.Problems)
	}
	p := res.Problems[0]
	if p.Offset != strings.Index(body, "![](a.png)") || !strings.Contains(p.Message, `![](a.png "decorative")`) {
		t.Errorf("problem = %+v", p)
	}
	if res.Problems[1].Offset != strings.Index(body, "![ ]") {
		t.Errorf("problem = %+v", res.Problems[1])
	}
}

func TestImagePlaceholderLookalike(t *testing.T) {
	res := New(Options{}).Convert([]byte("![a](a.png) ![x](rolesite-image:0) ![y](ROLESITE-IMAGE:0)\n"))
	if got := FillImages(string(res.HTML), []string{ImageAttrs("/a.png", 1, 1, true)}); strings.Count(got, `src="/a.png"`) != 1 {
		t.Errorf("a lookalike was filled:\n%s", got)
	}
}

// A link's or image's offset is where goldmark's parser saw it begin, even
// when it has no text and its destination appears earlier in the body.
func TestOffsetsWhereTheParserSawThem(t *testing.T) {
	c := New(Options{})
	res := c.Convert([]byte("00d0000000![](0)"))
	if len(res.Problems) != 1 || res.Problems[0].Offset != 10 || len(res.Images) != 1 || res.Images[0].Offset != 10 {
		t.Errorf("image without alt: problems %+v, images %+v; want both at offset 10", res.Problems, res.Images)
	}
	body := "See a.md, [](a.md) and [b](a.md#x), then ![](a.md \"decorative\")."
	res = c.Convert([]byte(body))
	if len(res.Links) != 2 || res.Links[0].Offset != 10 || res.Links[1].Offset != 23 {
		t.Errorf("links %+v, want offsets 10 and 23", res.Links)
	}
	for _, l := range res.Links {
		if body[l.Offset] != '[' {
			t.Errorf("link at %d is not at a '[': %q", l.Offset, body[l.Offset:])
		}
	}
}
