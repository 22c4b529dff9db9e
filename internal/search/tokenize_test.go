package search

import (
	"slices"
	"testing"
)

// tokens is terms as a slice.
func tokens(s string) []string { return slices.Collect(terms(s)) }

func TestTokens(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Apache Spark", []string{"apache", "spark"}},
		{"CI/CD pipelines", []string{"ci", "cd", "pipelines"}},
		{"R, SQL and C++ or C#.", []string{"r", "sql", "and", "c++", "or", "c#"}},
		{"scikit-learn 1.5", []string{"scikit", "learn", "1", "5"}},
		{"c++x c#d", []string{"c", "x", "c", "d"}}, // a suffix glued to a word is a separator
		{"C+ grade", []string{"c", "grade"}},
		{"Données Über naïve", []string{"données", "über", "naïve"}},
		{"机器学习 モデル", []string{"机器学习", "モデル"}},
		{"हिन्दी", []string{"हिन्दी"}}, // combining vowel signs continue the word
		{"don't", []string{"don", "t"}},
		{"  \t\n", nil},
		{"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa b", []string{"b"}}, // 33 runes: too long to index
		{"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", []string{"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"}},
	}
	for _, tt := range tests {
		if got := tokens(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("tokens(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzTokens(f *testing.F) {
	for _, s := range []string{"Apache Spark", "c++ c#", "CI/CD", "Données", "हिन्दी", "\xff\xfe"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, tok := range tokens(s) {
			if tok == "" {
				t.Fatalf("empty token from %q", s)
			}
			// A term never names a prefix entry and never needs escaping in JSON.
			for _, r := range tok {
				if r == '*' || r == '"' || r == '\\' || r < 0x20 {
					t.Fatalf("token %q from %q has %q", tok, s, r)
				}
			}
		}
	})
}
