package build

import (
	"context"

	"github.com/rolesite/rolesite/internal/output"
	"github.com/rolesite/rolesite/internal/pool"
	"github.com/rolesite/rolesite/internal/publish"
)

// precompress adds .gz and .br siblings of the named text files, in
// parallel, until ctx is done (the files are then incomplete).
func precompress(ctx context.Context, files *output.Files, names []string) {
	var todo []string
	for _, n := range names {
		if publish.Compressible(n) {
			todo = append(todo, n)
		}
	}
	gz, br := make([][]byte, len(todo)), make([][]byte, len(todo))
	var c publish.Compressors
	pool.Each(ctx, len(todo), func(_, i int) {
		data, _ := files.Get(todo[i])
		gz[i], br[i] = c.Siblings(data)
	})
	if ctx.Err() != nil {
		return
	}
	for i, n := range todo {
		files.Set(n+".gz", gz[i], files.Origin(n))
		files.Set(n+".br", br[i], files.Origin(n))
	}
}
