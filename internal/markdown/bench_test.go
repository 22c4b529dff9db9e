package markdown

import (
	"strings"
	"testing"
)

// codePage is a page of prose with the kinds of fenced block an atlas
// page might show.
func codePage() []byte {
	var b strings.Builder
	for range 3 {
		b.WriteString("Some prose with `inline code` and a [link](a.md).\n\n")
		b.WriteString("```python\nimport pandas as pd\n\ndef load(path):\n    \"\"\"Read a table.\"\"\"\n    df = pd.read_csv(path)  # comment\n    return df[df.x > 3]\n```\n\n")
		b.WriteString("```sql\nSELECT role, count(*) FROM people WHERE stage = 'deploy' GROUP BY role;\n```\n\n")
		b.WriteString("```yaml\ntitle: Data scientist\ntools: [python, sql]\n```\n\n")
	}
	return []byte(b.String())
}

// BenchmarkConvertCode converts a page with nine fenced code blocks.
func BenchmarkConvertCode(b *testing.B) {
	c := New(Options{})
	body := codePage()
	for b.Loop() {
		c.Convert(body)
	}
}
