package build

import (
	"testing"

	"github.com/rolesite/rolesite/internal/output"
)

// TestAloneAgreesWithClaim: alone says a job is sure of its path exactly
// when claiming every job in order gives it that path, for jobs that take
// the same path, a file where another needs a folder, a folder where
// another wrote a file, and paths that only share a prefix.
func TestAloneAgreesWithClaim(t *testing.T) {
	outs := []string{
		"a/index.html", "a/index.html", "a/index.html/x", "b/index.html",
		"b", "bb/index.html", "c/d/index.html", "c/d", "c/dd", "e.xml", "e.xml/index.html",
	}
	static := map[string]bool{"e.xml": true, "f/index.html": true}
	for _, extra := range []string{"", "f/index.html", "f", "f/index.html/g"} {
		files := output.NewFiles()
		for name := range static {
			if err := files.Add(name, nil, "static/"+name); err != nil {
				t.Fatal(err)
			}
		}
		var jobs []*pageJob
		for i, out := range append(outs, extra) {
			if out != "" {
				jobs = append(jobs, &pageJob{out: out, origin: "content/" + string(rune('a'+i)) + ".md"})
			}
		}
		sure := make([]bool, len(jobs))
		for i, j := range jobs {
			sure[i] = alone(files, jobs[:i], j)
		}
		claim(files, jobs)
		for i, j := range jobs {
			if sure[i] && j.err != nil {
				t.Errorf("alone said job %d (%s) is sure of its path; claim: %v", i, j.out, j.err)
			}
			if !sure[i] && j.err == nil && !afterCollider(jobs[:i], j) {
				t.Errorf("alone said job %d (%s) is not sure of its path, and claim gave it", i, j.out)
			}
		}
	}
}

// afterCollider reports whether j shares a path or folder with jobs
// before it, all of which claim refused: alone counts those too, and is
// then wrong only on the side of waiting.
func afterCollider(before []*pageJob, j *pageJob) bool {
	shares := false
	for _, e := range before {
		if e.out == j.out || inFolder(j.out, e.out) || inFolder(e.out, j.out) {
			if e.err == nil {
				return false
			}
			shares = true
		}
	}
	return shares
}
