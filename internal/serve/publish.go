package serve

import (
	"io/fs"
	"slices"
	"strconv"
	"strings"

	"github.com/rolesite/rolesite/internal/diag"
)

// Publish swaps in a complete new site and tells every open page: one
// "reload" event, or one "css" event when every changed path ends in .css
// (the page then re-fetches its stylesheets without reloading). changed holds
// slash paths relative to the site root; nil or empty means "unknown", which
// reloads. Publish also clears any problems shown by Fail, with a reload.
//
// The site must not be changed after it is published. Publish never blocks
// on a slow page.
func (s *Server) Publish(site fs.FS, changed []string) {
	if site == nil {
		s.logf("serve: Publish called with a nil site; ignored")
		return
	}
	s.live.update(func(prev *state) (*state, []byte) {
		s.generation++
		next := &state{site: site, token: s.instance + "." + strconv.FormatUint(s.generation, 10)}
		if prev.site != nil && len(prev.problems) == 0 && cssOnly(changed) {
			return next, event("css", next.token)
		}
		return next, event("reload", next.token)
	})
}

// Fail keeps serving the last good site and shows problems on every open
// page, and on every page opened until the next Publish. Before any site was
// published, every page lists the problems. Fail with no problems clears what
// an earlier Fail showed ("ok").
func (s *Server) Fail(problems []diag.Diagnostic) {
	problems = slices.Clone(problems)
	s.live.update(func(prev *state) (*state, []byte) {
		next := &state{site: prev.site, token: prev.token, problems: problems}
		if len(problems) == 0 {
			return next, event("ok", "")
		}
		return next, problemsEvent(problems)
	})
}

// cssOnly reports whether changed names at least one file and only .css
// files.
func cssOnly(changed []string) bool {
	if len(changed) == 0 {
		return false
	}
	for _, p := range changed {
		if !strings.HasSuffix(strings.ToLower(p), ".css") {
			return false
		}
	}
	return true
}
