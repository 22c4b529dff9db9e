package output

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// A build replaces the output folder whole: it writes the new site beside
// it, swaps the two, and removes the old one. A mount point cannot take
// part in that. The output folder itself cannot be renamed; a volume
// mounted inside it would be emptied when the old folder is removed (and
// not carried into the new one). Both are refused before anything is
// built, naming the mount point and what to do.

// A MountError is a build refused because of a mount point at or inside
// the output folder. Nothing was changed.
type MountError struct {
	Dir   string // the output folder
	Mount string // the mount point: Dir itself, or a folder inside it
}

func (e *MountError) Error() string {
	if e.Mount == e.Dir {
		return fmt.Sprintf("%s is a mount point: a build writes the new site beside the output folder and swaps the two, which a mount point does not allow; "+
			"build into a folder inside it, such as --out %s", e.Dir, filepath.Join(e.Dir, "site"))
	}
	return fmt.Sprintf("%s is a mount point inside the output folder %s: a build replaces the output folder whole, and would empty the mounted volume; "+
		"unmount it, or choose an --out that holds no mount point", e.Mount, e.Dir)
}

// checkMounts refuses an output folder that is, or holds, a mount point:
// a folder on another device than its parent. A missing folder holds none.
func checkMounts(dir string) error {
	info, err := os.Lstat(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if parent, err := os.Stat(filepath.Dir(dir)); err == nil && !sameDevice(info, parent) {
		return &MountError{Dir: dir, Mount: dir}
	}
	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.IsDir() || p == dir {
			return err
		}
		sub, err := d.Info()
		if err != nil {
			return err
		}
		if !sameDevice(sub, info) {
			return &MountError{Dir: dir, Mount: p}
		}
		return nil
	})
	var me *MountError
	if errors.As(err, &me) {
		return me
	}
	if err != nil {
		return fmt.Errorf("cannot look into %s before building: %w", dir, err)
	}
	return nil
}
