package linkcheck

// The scanner as it was before the hand-written one (scan.go), built on
// tdewolff/parse's HTML and XML lexers, frozen as the reference the
// differential and fuzz tests compare with. Do not change it: it defines
// what the scanner must extract. Note that it lowercases tag and attribute
// names of the input in place and may write past len(data), so it must be
// given a copy.

import (
	"bytes"
	"html"
	"strings"

	"github.com/tdewolff/parse/v2"
	phtml "github.com/tdewolff/parse/v2/html"
	"github.com/tdewolff/parse/v2/xml"
)

var refRefAttrs = map[string]bool{"href": true, "src": true, "action": true, "poster": true, "data": true}

// html walks an HTML document's tokens. The lexer is lossless, so a token's
// place is the sum of the lengths before it; lines are counted as the
// tokens go by, never from the start again.
func (s *scanned) refHTML(data []byte) {
	l := phtml.NewLexer(parse.NewInputBytes(data))
	var tag string
	line := int32(1)
	var refreshContent string
	var isRefresh bool
	for {
		tt, text := l.Next()
		switch tt {
		case phtml.ErrorToken:
			return
		case phtml.StartTagToken:
			tag = strings.ToLower(string(l.Text()))
			isRefresh, refreshContent = false, ""
		case phtml.AttributeToken:
			key := strings.ToLower(string(l.AttrKey()))
			raw := l.AttrVal()
			at := line + int32(bytes.Count(text[:max(0, bytes.Index(text, raw))], []byte("\n")))
			val := html.UnescapeString(refUnquote(raw))
			switch {
			case key == "id" || (key == "name" && tag == "a"):
				s.ids[val] = true
			case refRefAttrs[key]:
				s.refs = append(s.refs, ref{url: val, line: at})
			case key == "srcset":
				for _, cand := range strings.Split(val, ",") {
					if f := strings.Fields(cand); len(f) > 0 {
						s.refs = append(s.refs, ref{url: f[0], line: at})
					}
				}
			case key == "style":
				s.refCSSURLs([]byte(val), at)
			case key == "http-equiv" && strings.EqualFold(val, "refresh"):
				isRefresh = true
			case key == "content":
				refreshContent = val
			}
			if isRefresh && refreshContent != "" {
				if _, u, ok := strings.Cut(strings.ToLower(refreshContent), "url="); ok {
					s.refs = append(s.refs, ref{url: strings.TrimSpace(refreshContent[len(refreshContent)-len(u):]), line: at})
				}
				isRefresh, refreshContent = false, ""
			}
		case phtml.SVGToken:
			s.refSVG(text, line)
		case phtml.TextToken:
			if tag == "style" {
				s.refCSSURLs(text, line)
			}
		}
		line += int32(bytes.Count(text, []byte("\n")))
	}
}

// svg walks an inline <svg> element, which the HTML lexer hands over whole,
// starting on the given line.
func (s *scanned) refSVG(svg []byte, line int32) {
	l := xml.NewLexer(parse.NewInputBytes(svg))
	for {
		tt, text := l.Next()
		switch tt {
		case xml.ErrorToken:
			return
		case xml.AttributeToken:
			key := strings.ToLower(string(l.Text()))
			val := html.UnescapeString(refUnquote(l.AttrVal()))
			switch key {
			case "id":
				s.ids[val] = true
			case "href", "xlink:href":
				s.refs = append(s.refs, ref{url: val, line: line})
			}
		}
		line += int32(bytes.Count(text, []byte("\n")))
	}
}

// cssURLs finds url(...) references in CSS text that starts on the given line.
func (s *scanned) refCSSURLs(css []byte, line int32) {
	for rest := css; ; {
		i := bytes.Index(rest, []byte("url("))
		if i < 0 {
			return
		}
		line += int32(bytes.Count(rest[:i], []byte("\n")))
		rest = rest[i+4:]
		j := bytes.IndexByte(rest, ')')
		if j < 0 {
			return
		}
		u := strings.Trim(strings.TrimSpace(string(rest[:j])), `"'`)
		s.refs = append(s.refs, ref{url: u, line: line})
		line += int32(bytes.Count(rest[:j], []byte("\n")))
		rest = rest[j+1:]
	}
}

func refUnquote(v []byte) string {
	if len(v) >= 2 && (v[0] == '"' || v[0] == '\'') && v[len(v)-1] == v[0] {
		v = v[1 : len(v)-1]
	}
	return string(v)
}
