package rolesite

import (
	"io/fs"
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// TestPaletteContrast checks that every colour the theme gives text inside
// code blocks and callouts (--code-*, and the callout kinds) stands at
// least 4.5:1 (WCAG AA for body text) against --surface, the background
// of both, in the light scheme and in the dark one.
func TestPaletteContrast(t *testing.T) {
	light, dark := map[string]string{}, map[string]string{}
	for _, name := range []string{"static/css/site.css", "static/css/code.css"} {
		css, err := fs.ReadFile(Theme(), name)
		if err != nil {
			t.Fatal(err)
		}
		readBlock(t, string(css), ":root {", light)
		readBlock(t, string(css), `:root[data-theme="dark"] {`, dark)
	}
	names := []string{"note", "tip", "important", "warning", "caution"}
	for name := range light {
		if strings.HasPrefix(name, "code-") {
			names = append(names, name)
		}
	}
	if len(names) < 10 {
		t.Fatalf("found only %v", names)
	}
	for scheme, vars := range map[string]map[string]string{"light": light, "dark": dark} {
		bg := vars["surface"]
		for _, name := range names {
			if r := contrast(t, vars[name], bg); r < 4.5 {
				t.Errorf("%s: --%s %s on --surface %s is %.2f:1, under 4.5:1", scheme, name, vars[name], bg, r)
			}
		}
	}
}

var customProperty = regexp.MustCompile(`--([a-z-]+):\s*(#[0-9a-fA-F]{6}|#[0-9a-fA-F]{3}\b)`)

// readBlock reads the colour custom properties of the first block that
// opens with head.
func readBlock(t *testing.T, css, head string, into map[string]string) {
	i := strings.Index(css, head)
	if i < 0 {
		t.Fatalf("no %s block", head)
	}
	block := css[i:]
	block = block[:strings.IndexByte(block, '}')]
	for _, m := range customProperty.FindAllStringSubmatch(block, -1) {
		into[m[1]] = m[2]
	}
}

func contrast(t *testing.T, a, b string) float64 {
	la, lb := luminance(t, a), luminance(t, b)
	return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
}

func luminance(t *testing.T, hex string) float64 {
	if len(hex) == 4 { // #abc
		hex = string([]byte{'#', hex[1], hex[1], hex[2], hex[2], hex[3], hex[3]})
	}
	if len(hex) != 7 {
		t.Fatalf("colour %q", hex)
	}
	var c [3]float64
	for i := range c {
		v, err := strconv.ParseUint(hex[1+2*i:3+2*i], 16, 8)
		if err != nil {
			t.Fatal(err)
		}
		s := float64(v) / 255
		if s <= 0.03928 {
			c[i] = s / 12.92
		} else {
			c[i] = math.Pow((s+0.055)/1.055, 2.4)
		}
	}
	return 0.2126*c[0] + 0.7152*c[1] + 0.0722*c[2]
}
