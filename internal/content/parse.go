package content

import (
	"bytes"
	"fmt"
	"path"
	"strings"
	"unicode/utf8"

	"github.com/adrg/frontmatter"
	"golang.org/x/text/unicode/norm"

	"github.com/rolesite/rolesite/internal/diag"
)

// Parse reads one source file. name is its slash path relative to the site
// folder and must start with "content/". Parse never fails outright: it
// returns a page (possibly incomplete) together with every problem it found,
// so that a build can go on and report problems in other files as well. A nil
// page means the file cannot be treated as a page at all (binary, not UTF-8).
func Parse(name string, data []byte) (*Page, diag.List) {
	p := &Page{Path: name, Params: map[string]any{}}
	rel := strings.TrimPrefix(name, "content/")
	// A name has one spelling whatever the file system stored: macOS gives
	// "café" decomposed (NFD), an author types it composed (NFC).
	if dir := path.Dir(rel); dir != "." {
		p.Section = norm.NFC.String(dir)
	}
	p.Slug = norm.NFC.String(strings.TrimSuffix(path.Base(rel), ".md"))

	if len(data) > MaxPageBytes {
		return nil, tooBigPage(name, data)
	}
	src := normalise(data)
	if i := bytes.IndexByte(src, 0); i >= 0 {
		line, col := lineCol(src, i)
		return nil, diag.List{{Path: name, Line: line, Col: col,
			Message: "file contains a NUL byte: it looks like a binary file, not markdown; remove it or rename it so it does not end in .md"}}
	}
	if !utf8.Valid(src) {
		i := firstInvalid(src)
		line, col := lineCol(src, i)
		return nil, diag.List{{Path: name, Line: line, Col: col,
			Message: fmt.Sprintf("invalid UTF-8 (byte 0x%02x): save the file as UTF-8", src[i])}}
	}
	p.src = src
	p.lines = lineStarts(src)

	var diags diag.List
	fm, err := split(src)
	if err != nil {
		diags = append(diags, p.at(err.pos, err.msg))
	}
	if fm != nil {
		p.Format = fm.format
		if len(fm.raw) > MaxFrontMatterBytes {
			diags = append(diags, tooBigFrontMatter(fm, p))
		} else {
			p.fm = string(src[:fm.bodyStart])
			diags = append(diags, p.decode(fm)...)
		}
		p.Body = src[fm.bodyStart:]
		p.BodyLine = p.posOf(fm.bodyStart).Line
	} else {
		p.Body = src
		p.BodyLine = 1
	}
	if len(diags) == 0 {
		diags = append(diags, p.typeFields()...)
		p.nearMisses = p.findNearMisses()
	} else {
		p.Title = p.Slug // keep the page usable so other files' links to it resolve
		p.Unread = true
	}
	return p, diags
}

// normalise drops a UTF-8 byte-order mark and turns CRLF, and a CR on its
// own (old Mac line endings), into LF: the three line endings CommonMark
// knows. Line numbers stay the same as an editor shows them; columns only
// lose the CR at the end of each line.
func normalise(data []byte) []byte {
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	if bytes.Contains(data, []byte("\r\n")) {
		data = bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
	}
	if bytes.IndexByte(data, '\r') >= 0 {
		data = bytes.ReplaceAll(data, []byte("\r"), []byte("\n"))
	}
	return data
}

func firstInvalid(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return len(b)
}

// lineCol gives the 1-based line and byte column of offset i in b.
func lineCol(b []byte, i int) (int, int) {
	line := 1 + bytes.Count(b[:i], []byte("\n"))
	col := i - bytes.LastIndexByte(b[:i], '\n')
	return line, col
}

func lineStarts(b []byte) []int {
	starts := []int{0}
	for i, c := range b {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// posOf converts a byte offset of the normalised source into a position.
func (p *Page) posOf(off int) Pos {
	lo, hi := 0, len(p.lines)
	for hi-lo > 1 {
		mid := (lo + hi) / 2
		if p.lines[mid] <= off {
			lo = mid
		} else {
			hi = mid
		}
	}
	return Pos{Line: lo + 1, Col: off - p.lines[lo] + 1}
}

// Line returns the text of the 1-based line n, without its newline.
func (p *Page) Line(n int) string {
	start, end, ok := p.lineBounds(n)
	if !ok {
		return ""
	}
	return p.text(start, end)
}

// lineBounds returns where the 1-based line n starts and ends, without
// its newline: false when there is no such line, or when Compact let it
// go (a body line).
func (p *Page) lineBounds(n int) (start, end int, ok bool) {
	if n < 1 || n > len(p.lines) {
		return 0, 0, false
	}
	start, end = p.lines[n-1], p.size()
	if start >= end && p.compacted {
		return 0, 0, false
	}
	if n < len(p.lines) {
		end = min(end, p.lines[n]-1)
	} else if p.compacted && end > start && p.fm[end-1] == '\n' {
		end-- // the last line Compact kept, with the newline before the body
	}
	return start, end, true
}

// byteAt is the byte at offset i of what positions are counted in.
func (p *Page) byteAt(i int) byte {
	if i < len(p.fm) {
		return p.fm[i]
	}
	return p.src[i]
}

// Diag returns a diagnostic for this page at pos, with the source line filled in.
func (p *Page) Diag(pos Pos, msg string) diag.Diagnostic {
	return diag.Diagnostic{Path: p.Path, Line: pos.Line, Col: pos.Col, Message: msg, Source: p.sourceAround(pos)}
}

// maxSource is the most of a line a diagnostic carries.
const maxSource = 240

// sourceAround returns the text of pos's line, or for a long line about
// maxSource bytes of it around pos's column with "…" where it was cut. A
// file with one very long line and many problems on it thus costs a little
// per diagnostic, not a copy of the line each.
func (p *Page) sourceAround(pos Pos) string {
	start, end, ok := p.lineBounds(pos.Line)
	if !ok {
		return ""
	}
	if end-start <= maxSource {
		return p.text(start, end)
	}
	n := end - start
	at := min(max(pos.Col-1, 0), n)
	from := max(0, at-maxSource/2)
	to := min(n, from+maxSource)
	from = max(0, to-maxSource)
	for from > 0 && !utf8.RuneStart(p.byteAt(start+from)) {
		from--
	}
	for to < n && !utf8.RuneStart(p.byteAt(start+to)) {
		to++
	}
	var b strings.Builder
	if from > 0 {
		b.WriteString("…")
	}
	b.WriteString(p.text(start+from, start+to))
	if to < n {
		b.WriteString("…")
	}
	return b.String()
}

// decode decodes the front matter into p.Params, with the position of
// every top-level field, and checks the length of every string in it.
func (p *Page) decode(fm *frontMatter) diag.List {
	params, diags := decode(fm, p)
	p.fields = locate(p.src, fm, params)
	p.index = indexFields(p.fields)
	if params == nil {
		return diags
	}
	if long := p.checkStrings(params); long != nil {
		return append(diags, long...)
	}
	stringLists(params)
	p.Params = params
	return diags
}

func (p *Page) at(off int, msg string) diag.Diagnostic { return p.Diag(p.posOf(off), msg) }

// frontMatter is the raw front matter block as split from a file.
type frontMatter struct {
	format    string
	raw       []byte // the bytes handed to the decoder
	rawStart  int    // offset of raw in the file
	bodyStart int    // offset of the first byte after the block
}

// splitError is a problem with the block's delimiters.
type splitError struct {
	pos int
	msg string
}

// split finds the front matter block: in place when it opens with "---"
// (splitYAML), else with adrg/frontmatter (splitAny). Neither decodes it:
// that happens in decode, where errors can be given positions.
func split(src []byte) (*frontMatter, *splitError) {
	if fm, ok := splitYAML(src); ok {
		return fm, nil
	}
	return splitAny(src)
}

// splitYAML finds a block opened by "---" as frontmatter.Parse does (the
// first line that is "---" once trimmed closes it) without copying the
// file: frontmatter.Parse reads each file through a bufio.Reader into a
// buffer of its own, with a string per line, and most pages open with
// "---" (BenchmarkParse measures the difference). It reports false for any
// other opening and for a block never closed, which splitAny then reads
// (and reports); FuzzSplitYAML holds the two to the same results.
func splitYAML(src []byte) (*frontMatter, bool) {
	_, next, delim, ok := opening(src)
	if !ok || delim != "---" {
		return nil, false
	}
	for off := next; off < len(src); {
		lineEnd, after := len(src), len(src)
		if i := bytes.IndexByte(src[off:], '\n'); i >= 0 {
			lineEnd, after = off+i, off+i+1
		}
		if string(bytes.TrimSpace(src[off:lineEnd])) == "---" {
			return &frontMatter{format: "yaml", raw: src[next:off:off], rawStart: next, bodyStart: after}, true
		}
		off = after
	}
	return nil, false
}

// splitAny splits with frontmatter.Parse, for every format it knows. The
// formats' unmarshal functions only capture the raw block.
func splitAny(src []byte) (*frontMatter, *splitError) {
	var got *frontMatter
	capture := func(format string) frontmatter.UnmarshalFunc {
		return func(data []byte, _ any) error {
			got = &frontMatter{format: format, raw: data}
			return nil
		}
	}
	formats := []*frontmatter.Format{
		{Start: "---", End: "---", Unmarshal: capture("yaml")},
		{Start: "---yaml", End: "---", Unmarshal: capture("yaml")},
		{Start: "+++", End: "+++", Unmarshal: capture("toml")},
		{Start: "---toml", End: "---", Unmarshal: capture("toml")},
		{Start: "---json", End: "---", Unmarshal: capture("json")},
		{Start: "{", End: "}", Unmarshal: capture("json"), UnmarshalDelims: true, RequiresNewLine: true},
	}
	var sink struct{}
	rest, err := frontmatter.Parse(bytes.NewReader(src), &sink, formats...)
	if err != nil {
		// Only I/O errors reach here; the reader is in memory.
		return nil, &splitError{0, "cannot read front matter: " + err.Error()}
	}
	if got == nil {
		if start, _, delim, ok := opening(src); ok {
			closing := delim
			switch delim {
			case "{":
				closing = "}"
			case "---yaml", "---toml", "---json":
				closing = "---"
			}
			if delim == "{" {
				return nil, &splitError{start, "JSON front matter opened here is never closed: end it with a line holding only } followed by a blank line"}
			}
			return nil, &splitError{start, fmt.Sprintf("front matter opened here with %s is never closed: add a line holding only %s after the last field", delim, closing)}
		}
		if start, ok := oneLineJSON(src); ok {
			return nil, &splitError{start, "JSON front matter must open with { on a line of its own and close with } on a line of its own, then a blank line: " +
				`write {, then "title": "...", and the other fields, one a line, then }`}
		}
		return nil, nil
	}
	got.bodyStart = len(src) - len(rest)
	lineStart, next, delim, _ := opening(src)
	got.rawStart = next
	if delim == "{" {
		got.rawStart = lineStart // the block is handed over with its braces
	}
	return got, nil
}

// opening reports whether the first non-blank line of src is a front matter
// opening delimiter, where that line starts, and where the next line starts.
func opening(src []byte) (start, next int, delim string, ok bool) {
	off := 0
	for off < len(src) {
		end := bytes.IndexByte(src[off:], '\n')
		next := off + end + 1
		if end < 0 {
			end, next = len(src)-off, len(src)
		}
		line := strings.TrimSpace(string(src[off : off+end]))
		if line != "" {
			switch line {
			case "---", "---yaml", "+++", "---toml", "---json", "{":
				return off, next, line, true
			}
			return 0, 0, "", false
		}
		off = next
	}
	return 0, 0, "", false
}

// oneLineJSON reports whether the first non-blank line of src opens a JSON
// object without standing alone, {"title": "A"}: front matter written on
// one line, which is not read as front matter.
func oneLineJSON(src []byte) (int, bool) {
	trimmed := bytes.TrimLeft(src, " \t\r\n")
	start := len(src) - len(trimmed)
	line, _, _ := bytes.Cut(trimmed, []byte("\n"))
	return start, bytes.HasPrefix(line, []byte("{")) && bytes.Contains(line, []byte(`"`)) && bytes.Contains(line, []byte(":"))
}
