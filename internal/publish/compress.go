package publish

import (
	"bytes"
	"compress/gzip"
	"path"
	"sync"

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

// Compressors make the .gz and .br siblings of files (the bytes Gzip and
// Brotli give), for several goroutines at once. Setting up the writers
// costs far more than compressing a small file (brotli's allocates some
// 30 MB at level 9), so each is kept for the next file and reset. The
// zero value is ready to use; it must not be copied once used.
type Compressors struct {
	pool sync.Pool // of *compressor
}

// A compressor is one goroutine's writers and buffer.
type compressor struct {
	buf bytes.Buffer
	gz  *gzip.Writer
	br  *brotli.Writer
}

// Siblings returns data compressed with gzip and with brotli: the same
// bytes as Gzip(data) and Brotli(data).
func (c *Compressors) Siblings(data []byte) (gz, br []byte) {
	w, _ := c.pool.Get().(*compressor)
	if w == nil {
		w = &compressor{}
		w.gz, _ = gzip.NewWriterLevel(&w.buf, gzip.BestCompression)
		w.br = brotli.NewWriterLevel(&w.buf, 9)
	} else {
		w.gz.Reset(&w.buf)
		w.br.Reset(&w.buf)
	}
	w.buf.Reset()
	_, _ = w.gz.Write(data)
	_ = w.gz.Close()
	gz = bytes.Clone(w.buf.Bytes())
	w.buf.Reset()
	w.br.Reset(&w.buf)
	_, _ = w.br.Write(data)
	_ = w.br.Close()
	br = bytes.Clone(w.buf.Bytes())
	c.pool.Put(w)
	return gz, br
}
