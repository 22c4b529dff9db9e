package build_test

import (
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strings"
)

// imageNames are the images the image edits play with: two beside the
// role pages, one under static/, each as the role pages refer to it.
func imageNames() map[string]string {
	return map[string]string{
		"content/roles/pic0.svg": "pic0.svg",
		"content/roles/pic1.png": "pic1.png",
		"static/img/s0.svg":      "../../static/img/s0.svg",
	}
}

// imageFile returns an image of the format its name says, of a size drawn
// from a few.
func (e siteEditor) imageFile(name string) string {
	w, h := 10+e.r.IntN(3), 5+e.r.IntN(3)
	if strings.HasSuffix(name, ".png") {
		return string(tinyPNG(w, h))
	}
	return fmt.Sprintf(`<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d"/>`, w, h)
}

var shownImage = regexp.MustCompile(`\n!\[Picture\]\([^)]*\)\n`)

// editImage adds, changes or removes an image file, or shows one on a role
// page or stops showing one (images shown but missing are errors; both
// builds must report them alike).
func (e siteEditor) editImage() string {
	names := imageNames()
	file := e.pick(slices.Sorted(maps.Keys(names)))
	switch e.r.IntN(4) {
	case 0, 1:
		e.set(file, e.imageFile(file))
		return "image " + file + " written"
	case 2:
		if e.src[file] == nil {
			return ""
		}
		e.remove(file)
		return "image " + file + " removed"
	}
	p := e.pick(e.pages("roles"))
	if p == "" {
		return ""
	}
	body := e.get(p)
	if shownImage.MatchString(body) && e.r.IntN(2) == 0 {
		e.set(p, shownImage.ReplaceAllString(body, "\n"))
		return "images no longer shown on " + p
	}
	e.set(p, body+"\n![Picture]("+names[file]+")\n")
	return file + " shown on " + p
}
