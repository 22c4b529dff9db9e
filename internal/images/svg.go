package images

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
)

// readSVG checks that an SVG only draws (see the package doc) and reads
// its size.
func readSVG(data []byte) (Info, error) {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = true
	d.Entity = nil // no entity but XML's five
	var info Info
	root, inStyle, depth := true, false, 0
	for {
		tok, err := d.RawToken()
		if errors.Is(err, io.EOF) {
			break
		}
		line, _ := d.InputPos()
		if err != nil {
			return Info{}, fmt.Errorf("the SVG is not well-formed XML (%v): fix it or export it again", err)
		}
		refuse := func(what string) error {
			return fmt.Errorf("the SVG has %s at its line %d: rolesite refuses SVGs that can run script or load other files; remove it", what, line)
		}
		switch t := tok.(type) {
		case xml.Directive:
			if bytes.HasPrefix(bytes.TrimSpace(t), []byte("DOCTYPE")) || bytes.Contains(t, []byte("ENTITY")) {
				return Info{}, refuse("a DOCTYPE (which can declare entities)")
			}
		case xml.StartElement:
			depth++
			if what := unsafeElement(t); what != "" {
				return Info{}, refuse(what)
			}
			if root {
				if t.Name.Local != "svg" {
					return Info{}, fmt.Errorf("the file's first element is <%s>, not <svg>: export the image again as SVG", t.Name.Local)
				}
				var err error
				if info, err = svgSize(t); err != nil {
					return Info{}, err
				}
				root = false
			}
			inStyle = t.Name.Local == "style"
		case xml.EndElement:
			depth--
			inStyle = false
		case xml.CharData:
			if inStyle {
				if what := unsafeCSS(string(t)); what != "" {
					return Info{}, refuse(what + " in a <style>")
				}
			}
		}
	}
	if root {
		return Info{}, fmt.Errorf("the file has no <svg> element: export the image again as SVG")
	}
	if depth != 0 {
		return Info{}, fmt.Errorf("the SVG is not well-formed XML (an element is not closed): fix it or export it again")
	}
	return info, nil
}

// unsafeElement says what in a start tag could run or reach out, or "".
func unsafeElement(t xml.StartElement) string {
	switch strings.ToLower(t.Name.Local) {
	case "script", "foreignobject", "iframe", "embed", "object":
		return "a <" + t.Name.Local + "> element"
	}
	for _, a := range t.Attr {
		name := strings.ToLower(a.Name.Local)
		switch {
		case name == "attributename": // <set>, <animate>: what they change
			if v := strings.ToLower(strings.TrimSpace(a.Value)); strings.HasSuffix(v, "href") || strings.HasPrefix(v, "on") {
				return "an animation of the " + a.Value + " attribute"
			}
		case strings.HasPrefix(name, "on"):
			return "an event handler attribute (" + a.Name.Local + ")"
		case name == "href" || name == "src":
			if v := strings.TrimSpace(a.Value); !strings.HasPrefix(v, "#") {
				return "a reference to another file (" + a.Name.Local + "=\"" + short(v) + "\")"
			}
		default:
			if what := unsafeCSS(a.Value); what != "" {
				return what + " in the " + a.Name.Local + " attribute"
			}
		}
	}
	return ""
}

// unsafeCSS finds an @import or a url() that is not a #fragment.
func unsafeCSS(s string) string {
	l := strings.ToLower(s)
	if strings.Contains(l, "@import") {
		return "an @import"
	}
	for rest := l; ; {
		i := strings.Index(rest, "url(")
		if i < 0 {
			return ""
		}
		rest = rest[i+4:]
		v := strings.TrimLeft(rest, " \t\r\n\"'")
		if !strings.HasPrefix(v, "#") {
			return "a url() reference to another file"
		}
	}
}

func short(s string) string {
	if len(s) > 40 {
		return s[:40] + "…"
	}
	return s
}

// svgSize reads the root's width and height, else its viewBox.
func svgSize(t xml.StartElement) (Info, error) {
	var w, h, box string
	for _, a := range t.Attr {
		switch a.Name.Local {
		case "width":
			w = a.Value
		case "height":
			h = a.Value
		case "viewBox":
			box = a.Value
		}
	}
	wv, wok := length(w)
	hv, hok := length(h)
	if wok && hok {
		return Info{Format: "svg", Width: wv, Height: hv}, nil
	}
	f := strings.FieldsFunc(box, func(r rune) bool { return r == ' ' || r == ',' || r == '\t' || r == '\n' || r == '\r' })
	if len(f) == 4 {
		bw, err1 := strconv.ParseFloat(f[2], 64)
		bh, err2 := strconv.ParseFloat(f[3], 64)
		if err1 == nil && err2 == nil && bw >= 0.5 && bh >= 0.5 && bw < 1e6 && bh < 1e6 {
			return Info{Format: "svg", Width: int(math.Round(bw)), Height: int(math.Round(bh))}, nil
		}
	}
	return Info{}, fmt.Errorf("the SVG gives no size: set width and height (in px) or a viewBox on its <svg> element")
}

// length reads a width or height in CSS pixels: a number, optionally "px".
func length(s string) (int, bool) {
	s = strings.TrimSuffix(strings.TrimSpace(s), "px")
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || v < 0.5 || v >= 1e6 {
		return 0, false
	}
	return int(math.Round(v)), true
}
