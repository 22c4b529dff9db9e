package render

import (
	"bytes"
	"encoding/xml"
	"time"

	"github.com/rolesite/rolesite/internal/site"
)

// Sitemap returns sitemap.xml listing every page with its absolute URL (or
// its path when the site has no base URL) and, where given, its updated date.
func Sitemap(s *site.Site, pages []*site.Page, updated func(*site.Page) time.Time) []byte {
	var b bytes.Buffer
	b.WriteString(xml.Header)
	b.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
	for _, p := range pages {
		b.WriteString("  <url><loc>")
		_ = xml.EscapeText(&b, []byte(absolute(s, s.Permalink(p))))
		b.WriteString("</loc>")
		if t := updated(p); !t.IsZero() {
			b.WriteString("<lastmod>" + t.Format("2006-01-02") + "</lastmod>")
		}
		b.WriteString("</url>\n")
	}
	b.WriteString("</urlset>\n")
	return b.Bytes()
}

// Robots returns robots.txt, pointing at the sitemap when the site has a
// base URL: the Sitemap line must be an absolute URL, and a path there is
// one that crawlers reject.
func Robots(s *site.Site) []byte {
	var b bytes.Buffer
	b.WriteString("User-agent: *\nAllow: /\n")
	if s.BaseURL != "" {
		b.WriteString("Sitemap: " + absolute(s, s.BasePath+"sitemap.xml") + "\n")
	}
	return b.Bytes()
}
