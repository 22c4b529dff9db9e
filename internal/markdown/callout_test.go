package markdown

import (
	"strings"
	"testing"
)

func TestCallouts(t *testing.T) {
	c := New(Options{})
	for _, tc := range []struct{ in, want string }{
		{"> [!NOTE]\n> Read this.\n", "<aside class=\"callout callout-note\" role=\"note\">\n<p class=\"callout-title\">Note</p>\n<p>Read this.</p>\n</aside>\n"},
		{"> [!tip]\n> One.\n>\n> Two.\n", "<aside class=\"callout callout-tip\" role=\"note\">\n<p class=\"callout-title\">Tip</p>\n<p>One.</p>\n<p>Two.</p>\n</aside>\n"},
		{"> [!WARNING]\n>\n> - a\n", "<aside class=\"callout callout-warning\" role=\"note\">\n<p class=\"callout-title\">Warning</p>\n<ul>\n<li>a</li>\n</ul>\n</aside>\n"},
		{"> [!CAUTION]\n", "<aside class=\"callout callout-caution\" role=\"note\">\n<p class=\"callout-title\">Caution</p>\n</aside>\n"},
		{"> [!IMPORTANT] not alone\n", "<blockquote>\n<p>[!IMPORTANT] not alone</p>\n</blockquote>\n"},
		{"> Plain quote.\n", "<blockquote>\n<p>Plain quote.</p>\n</blockquote>\n"},
		{"- > [!NOTE]\n  > In a list.\n", "<ul>\n<li>\n<aside class=\"callout callout-note\" role=\"note\">\n<p class=\"callout-title\">Note</p>\n<p>In a list.</p>\n</aside>\n</li>\n</ul>\n"},
	} {
		res := c.Convert([]byte(tc.in))
		if string(res.HTML) != tc.want {
			t.Errorf("%q:\n got %q\nwant %q", tc.in, res.HTML, tc.want)
		}
		if len(res.Problems) > 0 {
			t.Errorf("%q: problems %v", tc.in, res.Problems)
		}
	}
}

func TestCalloutText(t *testing.T) {
	res := New(Options{}).Convert([]byte("> [!NOTE]\n> Read **this**.\n"))
	if strings.Contains(res.Text, "[!NOTE]") || !strings.Contains(res.Text, "Read this.") {
		t.Errorf("text = %q", res.Text)
	}
}

func TestCalloutUnknownKind(t *testing.T) {
	body := "Intro.\n\n>  [!NOTEE]\n> Text.\n\n> [!DANGER]\n"
	res := New(Options{}).Convert([]byte(body))
	if len(res.Problems) != 2 {
		t.Fatalf("problems = %+v", res.Problems)
	}
	p := res.Problems[0]
	if p.Offset != strings.Index(body, "[!NOTEE]") || !strings.Contains(p.Message, "did you mean [!NOTE]?") {
		t.Errorf("problem = %+v", p)
	}
	p = res.Problems[1]
	if p.Offset != strings.Index(body, "[!DANGER]") || strings.Contains(p.Message, "did you mean") || !strings.Contains(p.Message, "[!CAUTION]") {
		t.Errorf("problem = %+v", p)
	}
	if !strings.Contains(string(res.HTML), "<blockquote>") {
		t.Errorf("an unknown kind stays a quote:\n%s", res.HTML)
	}
}
