package publish

import (
	"bytes"
	"compress/gzip"
	"path"

	"github.com/andybalholm/brotli"
)

// compressible are the extensions worth precompressing.
var compressible = map[string]bool{
	".html": true, ".css": true, ".js": true, ".json": true, ".xml": true, ".svg": true, ".txt": true,
}

// Compressible reports whether a file of this name gets .gz and .br siblings.
func Compressible(name string) bool { return compressible[path.Ext(name)] }

// Gzip compresses data at the best level with a header that carries no
// name or time, so the output is the same on every run.
func Gzip(data []byte) []byte {
	var b bytes.Buffer
	w, _ := gzip.NewWriterLevel(&b, gzip.BestCompression)
	_, _ = w.Write(data)
	_ = w.Close()
	return b.Bytes()
}

// Brotli compresses data at level 9: within a few per cent of the best
// level (11) and an order of magnitude faster.
func Brotli(data []byte) []byte {
	var b bytes.Buffer
	w := brotli.NewWriterLevel(&b, 9)
	_, _ = w.Write(data)
	_ = w.Close()
	return b.Bytes()
}
