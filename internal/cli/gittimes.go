package cli

import (
	"bufio"
	"bytes"
	"context"
	"os/exec"
	"path"
	"strings"
	"time"
)

// gitTimes returns when each file under content/ last changed in git's
// history, keyed by its path relative to src, or nil when src is not in a
// git work tree (or git is not installed). One git process reads the whole
// history, newest commit first, so the first time a path appears is its
// last change. Uncommitted edits do not count: the same commit always gives
// the same dates.
func gitTimes(ctx context.Context, src string) func(string) time.Time {
	prefix, err := exec.CommandContext(ctx, "git", "-C", src, "rev-parse", "--show-prefix").Output()
	if err != nil {
		return nil
	}
	pre := strings.TrimSpace(string(prefix))
	out, err := exec.CommandContext(ctx, "git", "-C", src, "log", "--format=%x00%cI", "--name-only", "--no-renames", "--", "content").Output()
	if err != nil {
		return nil
	}
	times := map[string]time.Time{}
	var current time.Time
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if stamp, ok := strings.CutPrefix(line, "\x00"); ok {
			current, _ = time.Parse(time.RFC3339, stamp)
			current = current.UTC()
			continue
		}
		if line == "" || current.IsZero() {
			continue
		}
		rel, ok := strings.CutPrefix(path.Clean(line), pre)
		if !ok {
			continue
		}
		if _, seen := times[rel]; !seen {
			times[rel] = current
		}
	}
	if len(times) == 0 {
		return nil
	}
	return func(p string) time.Time { return times[p] }
}
