package output

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
)

// A build makes every folder with mode 0755. A folder that the previous
// output also had keeps the mode it had there: a user who closed a folder
// to others (0750) or opened it to a group (0775) does not find it reset
// by the next build.

// folderMode is the mode of one folder of the previous output.
type folderMode struct {
	rel  string // slash path relative to the output folder; "." for itself
	mode fs.FileMode
}

// keepModes gives the folders of tmp the modes listed, where tmp has such
// a folder and its mode differs. It runs once everything is in tmp, so a
// folder the user made read-only is not closed before its files arrive.
func keepModes(tmp string, folders []folderMode) error {
	for _, f := range folders {
		p := filepath.Join(tmp, filepath.FromSlash(f.rel))
		info, err := os.Lstat(p)
		if errors.Is(err, fs.ErrNotExist) || err == nil && (!info.IsDir() || info.Mode().Perm() == f.mode) {
			continue
		}
		if err != nil {
			return err
		}
		if err := os.Chmod(p, f.mode); err != nil {
			return err
		}
	}
	return nil
}

// rootMode returns the mode of the folder dir as the one entry keepModes
// needs, or none when dir is missing.
func rootMode(dir string) []folderMode {
	if info, err := os.Stat(dir); err == nil && info.IsDir() {
		return []folderMode{{".", info.Mode().Perm()}}
	}
	return nil
}
