package render

import (
	"bytes"
	"cmp"
	"encoding/xml"
	"slices"
	"strings"
	"time"

	"github.com/rolesite/rolesite/internal/site"
)

// feedSize is how many recently updated pages the feed lists.
const feedSize = 30

// Feed returns feed.xml, an Atom feed of the most recently updated pages:
// those with a date (their updated field, or what updated says of their
// file), newest first. The feed's own date is its newest entry's, never the
// build time, so the same input gives the same feed.
func Feed(s *site.Site, pages []*site.Page, updated func(*site.Page) time.Time) []byte {
	type entry struct {
		p *site.Page
		t time.Time
	}
	var entries []entry
	for _, p := range pages {
		if p.Kind != site.KindPage {
			continue
		}
		if t := updated(p); !t.IsZero() {
			entries = append(entries, entry{p, t})
		}
	}
	slices.SortFunc(entries, func(a, b entry) int {
		return cmp.Or(b.t.Compare(a.t), strings.Compare(a.p.URL, b.p.URL))
	})
	entries = entries[:min(len(entries), feedSize)]

	var b bytes.Buffer
	esc := func(s string) string {
		var e bytes.Buffer
		_ = xml.EscapeText(&e, []byte(s))
		return e.String()
	}
	home := absolute(s, s.BasePath)
	b.WriteString(xml.Header)
	b.WriteString(`<feed xmlns="http://www.w3.org/2005/Atom">` + "\n")
	b.WriteString("  <title>" + esc(s.Title) + "</title>\n")
	if s.Description != "" {
		b.WriteString("  <subtitle>" + esc(s.Description) + "</subtitle>\n")
	}
	b.WriteString(`  <link href="` + esc(home) + `"/>` + "\n")
	b.WriteString(`  <link rel="self" href="` + esc(absolute(s, s.BasePath+"feed.xml")) + `"/>` + "\n")
	b.WriteString("  <id>" + esc(home) + "</id>\n")
	newest := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	if len(entries) > 0 {
		newest = entries[0].t
	}
	b.WriteString("  <updated>" + newest.Format(time.RFC3339) + "</updated>\n")
	b.WriteString("  <author><name>" + esc(s.Title) + "</name></author>\n")
	for _, e := range entries {
		url := absolute(s, s.Permalink(e.p))
		b.WriteString("  <entry>\n")
		b.WriteString("    <title>" + esc(e.p.Title()) + "</title>\n")
		b.WriteString(`    <link href="` + esc(url) + `"/>` + "\n")
		b.WriteString("    <id>" + esc(url) + "</id>\n")
		b.WriteString("    <updated>" + e.t.Format(time.RFC3339) + "</updated>\n")
		if e.p.Summary() != "" {
			b.WriteString("    <summary>" + esc(e.p.Summary()) + "</summary>\n")
		}
		if e.p.Section != nil {
			b.WriteString(`    <category term="` + esc(e.p.Section.Name) + `" label="` + esc(e.p.Section.Title) + `"/>` + "\n")
		}
		b.WriteString("  </entry>\n")
	}
	b.WriteString("</feed>\n")
	return b.Bytes()
}
