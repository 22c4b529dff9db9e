package cli

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/rolesite/rolesite/internal/rename"
	"github.com/rolesite/rolesite/internal/textpos"
	"github.com/rolesite/rolesite/internal/workspace"
)

func runMv(env Env, args []string) int {
	flags := newFlags(env, "mv", "mv [--src DIR] [-n] SECTION/OLD SECTION/NEW",
		`Mv renames a page: content/SECTION/OLD.md becomes content/SECTION/NEW.md,
every relation value and body link naming it is changed, and its old URL is
added to its aliases so that published links keep working. The whole rename
is checked on the site in memory first: when any file would gain a problem,
or a value cannot be found as written, nothing is changed and the place to
fix by hand is named. Draft pages are read and renamed in too. Each file
is written atomically. With -n, the edits are printed and nothing is
written.`)
	src := flags.String("src", ".", "the site `folder`, holding content/")
	dry := flags.Bool("n", false, "print the edits, write nothing")
	pos, code, ok := parse(flags, env, args)
	if !ok {
		return code
	}
	if len(pos) != 2 {
		fmt.Fprintln(env.Stderr, "rolesite mv: want two arguments, SECTION/OLD SECTION/NEW, such as: rolesite mv tools/jupyter tools/jupyterlab")
		return ExitUsage
	}
	from, newSlug, err := mvArgs(pos[0], pos[1])
	if err != nil {
		fmt.Fprintf(env.Stderr, "rolesite mv: %v\n", err)
		return ExitUsage
	}
	site, err := openSite(*src)
	if err != nil {
		fmt.Fprintf(env.Stderr, "rolesite mv: %v\n", err)
		return ExitUsage
	}
	defer site.Close()
	opts := workspace.Options{Drafts: true} // a draft naming the page is renamed in too
	snap := workspace.New(opts).Analyze(env.Ctx, site)
	if snap == nil {
		return stopped(env, "mv", nil, "nothing was changed")
	}
	page := snap.Page(from)
	if page == nil {
		fmt.Fprintf(env.Stderr, "rolesite mv: %s: no such page in the site (a file that does not parse must be fixed first)\n", from)
		return ExitProblem
	}
	exists := func(name string) bool { _, err := site.Stat(name); return err == nil }
	plan, err := rename.Page(snap, page, newSlug, exists)
	if err == nil {
		err = rename.Check(env.Ctx, snap, plan, opts)
	}
	if err != nil {
		fmt.Fprintf(env.Stderr, "rolesite mv: %v\n", err)
		return ExitProblem
	}
	if *dry {
		printPlan(env.Stdout, snap, plan)
		return ExitOK
	}
	if err := writePlan(site.Dir(), snap, plan); err != nil {
		fmt.Fprintf(env.Stderr, "rolesite mv: %v\n", err)
		return ExitProblem
	}
	fmt.Fprintf(env.Stdout, "renamed %s to %s: %d references in %d files changed, %s kept as an alias\n",
		plan.From, plan.To, plan.Refs, len(plan.Files), plan.OldURL)
	return ExitOK
}

// mvArgs reads SECTION/OLD and SECTION/NEW (a content/ prefix and a .md
// suffix allowed), returning the page's path and the new slug.
func mvArgs(oldArg, newArg string) (from, newSlug string, err error) {
	clean := func(a string) (string, string, bool) {
		a = strings.TrimSuffix(strings.TrimPrefix(filepath.ToSlash(a), "content/"), ".md")
		sec, slug, ok := strings.Cut(a, "/")
		return sec, slug, ok && sec != "" && slug != "" && !strings.Contains(slug, "/")
	}
	oldSec, oldSlug, ok1 := clean(oldArg)
	newSec, slug, ok2 := clean(newArg)
	switch {
	case !ok1 || !ok2:
		return "", "", fmt.Errorf("%q and %q must each be SECTION/SLUG, such as tools/jupyter", oldArg, newArg)
	case oldSec != newSec:
		return "", "", fmt.Errorf("%s and %s are in different sections: a page moved to another section is another kind of page, so only renames within a section are made", oldArg, newArg)
	}
	return path.Join("content", oldSec, oldSlug+".md"), slug, nil
}

// printPlan prints each edit as path:line:col: old -> new, then the move.
func printPlan(w io.Writer, snap *workspace.Snapshot, plan *rename.Plan) {
	for _, f := range plan.Files {
		text, _ := snap.Text(f.Path)
		for _, e := range f.Edits {
			p := textpos.ToPos(text, e.Start)
			fmt.Fprintf(w, "%s:%d:%d: %q -> %q\n", f.Path, p.Line, p.Col, text[e.Start:e.End], e.Text)
		}
	}
	fmt.Fprintf(w, "rename %s -> %s\n", plan.From, plan.To)
}

// writePlan writes the renamed page's new file (never over another),
// then every other changed file, each atomically, then removes the old
// file.
func writePlan(dir string, snap *workspace.Snapshot, plan *rename.Plan) error {
	texts := plan.Texts(snap)
	abs := func(name string) string { return filepath.Join(dir, filepath.FromSlash(name)) }
	perm := os.FileMode(0o644)
	if st, err := os.Stat(abs(plan.From)); err == nil {
		perm = st.Mode().Perm()
	}
	if err := writeAtomic(abs(plan.To), texts[plan.To], perm, false); err != nil {
		return err
	}
	for name, text := range texts {
		if name == plan.To {
			continue
		}
		if err := writeAtomic(abs(name), text, perm, true); err != nil {
			return fmt.Errorf("%w (%s is written already; %s is still there: run the same command again once fixed)", err, plan.To, plan.From)
		}
	}
	if err := os.Remove(abs(plan.From)); err != nil {
		return fmt.Errorf("%s: %v: every other file is renamed; remove it by hand", plan.From, err)
	}
	return nil
}

// writeAtomic writes data beside name and moves it into place; with
// replace false it fails rather than replace a file that exists.
func writeAtomic(name string, data []byte, perm os.FileMode, replace bool) error {
	tmp, err := os.CreateTemp(filepath.Dir(name), ".rolesite-mv-*")
	if err != nil {
		return fmt.Errorf("%s: %v: check the folder can be written", name, err)
	}
	defer os.Remove(tmp.Name())
	if _, err = tmp.Write(data); err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp.Name(), perm)
	}
	if err != nil {
		return fmt.Errorf("%s: %v: nothing of it was written", name, err)
	}
	if replace {
		err = os.Rename(tmp.Name(), name)
	} else if err = os.Link(tmp.Name(), name); errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("%s: a file of that name appeared meanwhile: pick another slug", name)
	}
	if err != nil {
		return fmt.Errorf("%s: %v: nothing of it was written", name, err)
	}
	return nil
}
