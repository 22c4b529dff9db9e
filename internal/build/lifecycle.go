package build

import (
	"fmt"

	"github.com/rolesite/rolesite/internal/diagram"
	"github.com/rolesite/rolesite/internal/render"
)

// drawLifecycle draws the lifecycle with package diagram, minified when
// the build minifies (pages showing it are not minified as a whole).
func (c *renderCache) drawLifecycle(steps []render.LifecycleStep, loops [][2]int) string {
	svg := drawLifecycle(steps, loops)
	if c.minify != nil {
		if small, err := c.minify.Minify(".svg", []byte(svg)); err == nil {
			return string(small)
		}
	}
	return svg
}

func drawLifecycle(steps []render.LifecycleStep, loops [][2]int) string {
	stages := make([]diagram.Stage, len(steps))
	for i, st := range steps {
		stages[i] = diagram.Stage{Title: st.Link.Title, URL: st.Link.URL}
		for _, m := range st.Members {
			stages[i].Roles = append(stages[i].Roles, diagram.Link{Title: m.Title, URL: m.URL})
		}
		if st.More > 0 {
			// The stage's page lists them all.
			stages[i].Roles = append(stages[i].Roles, diagram.Link{Title: fmt.Sprintf("and %d more", st.More), URL: st.Link.URL})
		}
	}
	edges := make([]diagram.Loop, len(loops))
	for i, l := range loops {
		edges[i] = diagram.Loop{From: l[0], To: l[1]}
	}
	return diagram.Lifecycle(stages, edges)
}
