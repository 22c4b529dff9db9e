package serve

import (
	"io/fs"
	"path"
	"slices"
	"strconv"
	"strings"

	"github.com/rolesite/rolesite/internal/diag"
)

// Publish swaps in a complete new site and tells every open page, with one
// event: "css" when every changed path ends in .css (the page then
// re-fetches its stylesheets without reloading), "update" when the changed
// files are known and none is a script or a stylesheet (the page then updates itself in
// place), else "reload". changed holds slash paths relative to the site
// root; nil or empty means "unknown", which reloads. Publish also clears
// any problems shown by Fail.
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
		switch {
		case prev.site != nil && len(prev.problems) == 0 && cssOnly(changed):
			return next, event("css", next.token)
		case prev.site != nil && len(changed) > 0 && !styleOrScript(changed):
			return next, event("update", next.token)
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

// styleOrScript reports whether changed names a script or a stylesheet: a page
// running the old script, or styled by the old sheet under the same name,
// cannot be updated in place.
func styleOrScript(changed []string) bool {
	for _, p := range changed {
		if ext := strings.ToLower(path.Ext(p)); ext == ".js" || ext == ".mjs" || ext == ".css" {
			return true
		}
	}
	return false
}
