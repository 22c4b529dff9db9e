package build

import (
	"errors"
	"io"
	"io/fs"

	"github.com/rolesite/rolesite/internal/content"
	"github.com/rolesite/rolesite/internal/diag"
	"github.com/rolesite/rolesite/internal/sitefs"
)

// errNotRegular is the error for a content file that is a pipe, a device,
// a socket, or a link to one: reading it could block for ever.
var (
	errNotRegular = errors.New("not a regular file")
	errIsDir      = errors.New("is a directory")
)

// readRegular reads a file after checking, through any symbolic link, that
// it is a regular file.
func readRegular(src fs.FS, name string) ([]byte, error) {
	// Read no more than the limit and a byte: content.Parse refuses the
	// file, at its first byte past the limit.
	if r, ok := src.(regularReader); ok {
		data, err := r.ReadFileLimit(name, content.MaxPageBytes+1)
		if errors.Is(err, sitefs.ErrNotRegular) {
			return nil, errNotRegular
		}
		return data, err
	}
	st, err := fs.Stat(src, name)
	if err != nil {
		return nil, err
	}
	if st.IsDir() {
		return nil, errIsDir
	}
	if !st.Mode().IsRegular() {
		return nil, errNotRegular
	}
	if st.Size() > content.MaxPageBytes {
		f, err := src.Open(name)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		return io.ReadAll(io.LimitReader(f, content.MaxPageBytes+1))
	}
	return fs.ReadFile(src, name)
}

// A regularReader reads a file in one go when it is a regular file, and
// fails, without blocking, when it is not (a sitefs.FS).
type regularReader interface {
	ReadFileLimit(name string, limit int64) ([]byte, error)
}

// readDiag is the problem of a file or folder (what) that could not be
// read. A link that leads out of the site is reported where the link is,
// with the way to fix it.
func readDiag(name string, err error, what string) diag.Diagnostic {
	var out *sitefs.OutsideError
	if errors.As(err, &out) {
		return diag.Diagnostic{Path: out.Name, Line: 1, Col: 1, Message: out.Problem()}
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	msg := "cannot read: " + err.Error()
	switch {
	case errors.Is(err, fs.ErrPermission):
		msg += ": make the " + what + " readable"
	case errors.Is(err, sitefs.ErrNotRegular), errors.Is(err, errNotRegular):
		msg += ": only folders and regular files are read; remove it or replace it with a file"
	}
	return diag.Diagnostic{Path: name, Message: msg}
}
