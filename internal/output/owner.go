package output

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// An output folder is rolesite's when it is empty or missing, or when it
// holds the manifest an earlier build wrote; every file the manifest lists
// is rolesite's, every other file in the folder is the user's. A build
// replaces its own files freely and never the user's: --clean may empty
// only a folder that is rolesite's, and a build that would write over a
// file of the user's stops before changing anything. Options.Force lifts
// both rules.

// An OwnerError is a build refused because it would delete or replace files
// that are the user's. Nothing was changed.
type OwnerError struct {
	Dir   string
	Files []string // the user's files at stake, slash paths, sorted
	More  bool     // there are more than Files lists
	Clean bool     // refused because of --clean; else because the build writes them
}

func (e *OwnerError) Error() string {
	list := strings.Join(first(e.Files, 5), ", ")
	n := count(len(e.Files), "file")
	if e.More {
		n = "more than " + n
	}
	if e.Clean {
		return fmt.Sprintf("--clean would delete %s in %s that rolesite did not write (%s): the folder holds no %s from an earlier build, so it may be yours; "+
			"choose an empty or new folder for --out, or add --force to delete them", n, e.Dir, list, ManifestName)
	}
	return fmt.Sprintf("the build writes %s that rolesite did not write in %s (%s): they are not listed in its %s, so they may be yours; "+
		"move them out of the folder, or add --force to replace them", n, e.Dir, list, ManifestName)
}

// listedUser is how many of the user's files an OwnerError lists at most.
const listedUser = 100

// checkClean refuses Options.Clean on a folder that is not rolesite's.
func checkClean(dir string) error {
	more := false
	if _, err := os.Lstat(filepath.Join(dir, ManifestName)); err == nil {
		return nil
	}
	var theirs []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if errors.Is(err, fs.ErrNotExist) && p == dir {
			return fs.SkipAll
		}
		if err != nil {
			return err
		}
		if d.IsDir() {
			return nil
		}
		if len(theirs) == listedUser {
			more = true
			return fs.SkipAll
		}
		rel, _ := filepath.Rel(dir, p)
		theirs = append(theirs, filepath.ToSlash(rel))
		return nil
	})
	if err != nil {
		return fmt.Errorf("cannot look into %s before --clean: %w", dir, err)
	}
	if len(theirs) == 0 {
		return nil
	}
	slices.Sort(theirs)
	return &OwnerError{Dir: dir, Files: theirs, More: more, Clean: true}
}

func first(list []string, n int) []string {
	if len(list) > n {
		return append(list[:n:n], "...")
	}
	return list
}

func count(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}
