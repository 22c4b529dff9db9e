package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/rolesite/rolesite/internal/sitefs"
)

// realPath returns the absolute path that p names once every symbolic link
// on the way is followed, as the kernel would follow them: ".." after a
// link goes up from the link's target, not from the link. The part of p
// that does not exist yet (an output folder a build will create) is kept
// as written. The current folder is resolved too, so a relative path means
// the same through a linked working folder as through its real path.
func realPath(p string) (string, error) {
	resolved := string(filepath.Separator)
	if !filepath.IsAbs(p) {
		wd, err := os.Getwd()
		if err != nil {
			return "", err
		}
		if resolved, err = filepath.EvalSymlinks(wd); err != nil {
			return "", err
		}
	}
	// One name at a time, so that ".." goes up from where the links led:
	// resolved never holds a link, and its parent is its real parent.
	for _, part := range strings.Split(p, string(filepath.Separator)) {
		switch part {
		case "", ".":
			continue
		case "..":
			resolved = filepath.Dir(resolved)
			continue
		}
		next := filepath.Join(resolved, part)
		real, err := filepath.EvalSymlinks(next)
		switch {
		case err == nil:
			resolved = real
		case errors.Is(err, fs.ErrNotExist):
			resolved = next // to be created; nothing below it is a link
		default:
			return "", err
		}
	}
	return resolved, nil
}

// safeOutput refuses an output folder that would replace or sit inside the
// site's own files: out may not be the site folder or any folder holding
// it, nor content/, templates/ or static/ (wherever links put them), a
// folder holding one of them, or a folder inside one of them. Every path is
// compared once resolved through symbolic links (see realPath), so a link
// or a ".." cannot disguise one folder as another.
//
// It returns out resolved, the folder the build is to write.
func safeOutput(src, out string) (string, error) {
	realSrc, err := realPath(src)
	if err != nil {
		return "", fmt.Errorf("cannot resolve --src %s: %v", src, err)
	}
	realOut, err := realPath(out)
	if err != nil {
		return "", fmt.Errorf("cannot resolve --out %s: %v", out, err)
	}
	suggest := filepath.Join(src, "public")
	if realOut == realSrc {
		return "", fmt.Errorf("--out %s is the site folder %s itself, which a build would replace: choose a folder of its own, such as %s", out, src, suggest)
	}
	if sitefs.Within(realOut, realSrc) {
		return "", fmt.Errorf("--out %s (%s) holds the site folder %s, which a build would replace with it: choose a folder of its own, such as %s", out, realOut, src, suggest)
	}
	for _, own := range []string{"content", "templates", "static"} {
		inner, err := realPath(filepath.Join(realSrc, own))
		if err != nil {
			return "", fmt.Errorf("cannot resolve %s: %v", filepath.Join(src, own), err)
		}
		if sitefs.Within(inner, realOut) || sitefs.Within(realOut, inner) {
			return "", fmt.Errorf("--out %s would overlap the site's %s/ folder (%s): choose a folder of its own, such as %s", out, own, inner, suggest)
		}
	}
	return realOut, nil
}

// openSite opens the site folder, confined to itself (see package sitefs).
func openSite(src string) (*sitefs.FS, error) {
	site, err := sitefs.Open(src)
	if err != nil {
		return nil, fmt.Errorf("--src %s: %v: pass the folder that holds content/", src, err)
	}
	return site, nil
}
