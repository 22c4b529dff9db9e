package markdown

import (
	"bytes"
	"fmt"
)

// maxLinkScan bounds the work goldmark's link parser may be set: at each
// "](" that nothing closes it reads on to the end of the paragraph, again
// for the next one, so that a paragraph of such openers costs the square
// of its length ("[a](" 15,000 times, 60 KB, takes 3 s; 1 MB would take
// most of an hour). The estimate is the sum, over paragraphs, of unclosed
// openers times the paragraph's length, about 3 ns a unit; the bound is
// some 1 s of it, past anything an author writes.
const maxLinkScan = 300_000_000

// runaway reports a body whose paragraphs hold so many link openers that
// nothing closes ("[a](" beyond the paragraph's ")") that goldmark would parse it
// for longer than maxLinkScan allows, and where the worst paragraph
// starts; -1 when there is none.
func runaway(body []byte) (int, string) {
	total, worst, worstAt, worstOpen := 0, 0, -1, 0
	for start := 0; start < len(body); {
		end := bytes.Index(body[start:], []byte("\n\n"))
		if end < 0 {
			end = len(body)
		} else {
			end += start
		}
		block := body[start:end]
		// Openers beyond the closers in the paragraph: a ) closes only one
		// level of the parentheses a destination may nest.
		if open := bytes.Count(block, []byte("](")) - bytes.Count(block, []byte(")")); open > 0 {
			cost := open * len(block)
			total += cost
			if cost > worst {
				worst, worstAt, worstOpen = cost, start, open
			}
		}
		start = end + 2
	}
	if total <= maxLinkScan {
		return -1, ""
	}
	return worstAt, fmt.Sprintf("this paragraph opens %d links with ]( that no ) closes, which would take the markdown parser minutes: close each link with ), or write \\[a\\]( to keep the brackets as text; the page is not converted", worstOpen)
}
