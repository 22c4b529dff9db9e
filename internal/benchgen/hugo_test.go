package benchgen

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

func TestHugoTheme(t *testing.T) {
	for version, want := range map[string]string{
		"hugo v0.111.3+extended linux/amd64 BuildDate=2023-03-16T08:41:31Z VendorInfo=debian:0.111.3-1": HugoThemeBefore146,
		"hugo v0.99.1 linux/amd64":                    HugoThemeBefore146,
		"hugo v0.145.0+extended linux/amd64":          HugoThemeBefore146,
		"hugo v0.146.0 linux/amd64":                   HugoThemeSince146,
		"hugo v0.165.0 linux/amd64 BuildDate=unknown": HugoThemeSince146,
		"hugo v1.2.0 linux/amd64":                     HugoThemeSince146,
	} {
		if got := HugoTheme(version); got != want {
			t.Errorf("HugoTheme(%q) = %s, want %s", version, got, want)
		}
	}
}

// The taxonomies must not share a path with a section, and the relations
// must be under the taxonomies' names, or Hugo lists no terms.
func TestHugoSiteTaxonomies(t *testing.T) {
	fs := genWith(t, 300, Hugo)
	for _, tax := range []string{HugoToolTaxonomy, HugoStageTaxonomy} {
		if _, ok := fs["content/"+tax+"/_index.md"]; ok {
			t.Errorf("taxonomy %s is also a section", tax)
		}
		if !strings.Contains(string(fs["hugo.toml"].Data), `= "`+tax+`"`) {
			t.Errorf("hugo.toml lacks the taxonomy %s", tax)
		}
	}
	role := string(fs["content/roles/role-00007.md"].Data)
	for _, want := range []string{"\n" + HugoToolTaxonomy + ": [tool-", "\n" + HugoStageTaxonomy + ": [stage-"} {
		if !strings.Contains(role, want) {
			t.Errorf("role-00007 lacks %q:\n%s", want, role[:300])
		}
	}
	for name, f := range fs {
		if strings.HasPrefix(name, "content/") && (strings.Contains(string(f.Data), "\ntools: ") || strings.Contains(string(f.Data), "\nstages: ")) {
			t.Fatalf("%s keeps a relation outside the taxonomies", name)
		}
	}
	for _, theme := range []string{HugoThemeBefore146, HugoThemeSince146} {
		if _, ok := fs["themes/"+theme+"/layouts/_default/baseof.html"]; !ok {
			if _, ok := fs["themes/"+theme+"/layouts/baseof.html"]; !ok {
				t.Errorf("theme %s has no baseof.html", theme)
			}
		}
	}
}

// fakeHugoOutput writes what CheckHugo expects of Hugo's output, from
// expectHugo; the tests below break it one way at a time.
func fakeHugoOutput(t *testing.T, n int) fstest.MapFS {
	t.Helper()
	s, err := expectHugo(n)
	if err != nil {
		t.Fatal(err)
	}
	out := fstest.MapFS{}
	list := func(links []string) string {
		var b strings.Builder
		b.WriteString("<main><h1>List</h1><ul>")
		for _, l := range links {
			b.WriteString(`<li><a href="` + l + `">x</a></li>`)
		}
		return b.String() + "</ul></main>"
	}
	var sections []string
	for name, p := range s.pages {
		page := "<main><h1>" + p.title + "</h1><ul><li>" + p.item + "</li></ul>" + list(p.terms)
		out[name] = &fstest.MapFile{Data: []byte(page)}
	}
	for section, links := range s.sections {
		out[section+"/index.html"] = &fstest.MapFile{Data: []byte(list(links))}
		sections = append(sections, "/"+section+"/")
	}
	out["index.html"] = &fstest.MapFile{Data: []byte(list(sections))}
	for tax, terms := range s.terms {
		var links []string
		for term, pages := range terms {
			out[tax+"/"+term+"/index.html"] = &fstest.MapFile{Data: []byte(list(pages))}
			links = append(links, "/"+tax+"/"+term+"/")
		}
		out[tax+"/index.html"] = &fstest.MapFile{Data: []byte(list(links))}
	}
	out["sitemap.xml"] = &fstest.MapFile{Data: []byte("<urlset/>")}
	return out
}

func TestCheckHugo(t *testing.T) {
	const n = 200
	if err := CheckHugo(n, fakeHugoOutput(t, n)); err != nil {
		t.Fatalf("the expected output fails the check:\n%v", err)
	}
	for name, breakIt := range map[string]func(fstest.MapFS){
		"an empty page": func(out fstest.MapFS) {
			out["roles/role-00003/index.html"].Data = []byte("<main><h1>Role 00003</h1></main>")
		},
		"a missing page": func(out fstest.MapFS) { delete(out, "tools/tool-00010/index.html") },
		"a page over another": func(out fstest.MapFS) {
			out["tools/tool-00010/index.html"] = out[HugoToolTaxonomy+"/tool-00010/index.html"]
		},
		"an extra page": func(out fstest.MapFS) { out["404.html"] = &fstest.MapFile{Data: []byte("<main></main>")} },
		"a term missing a page": func(out fstest.MapFS) {
			f := out[HugoStageTaxonomy+"/stage-00001/index.html"]
			f.Data = []byte(strings.Replace(string(f.Data), `<li><a href="/roles/`, `<li>`, 1))
		},
		"a term listing one page twice": func(out fstest.MapFS) {
			f := out[HugoToolTaxonomy+"/tool-00002/index.html"]
			f.Data = []byte(strings.Replace(string(f.Data), "</ul>", `<li><a href="/roles/role-00001/">x</a></li></ul>`, 1))
		},
		"a section without its pages": func(out fstest.MapFS) {
			out["roles/index.html"].Data = []byte("<main><h1>Roles</h1><ul></ul></main>")
		},
	} {
		out := fakeHugoOutput(t, n)
		breakIt(out)
		if err := CheckHugo(n, out); err == nil {
			t.Errorf("the check passes %s", name)
		}
	}
}

// TestHugoBuilds builds the generated site with each Hugo of $HUGOS (a
// space-separated list of commands; default: hugo, when on PATH) and
// checks its output.
func TestHugoBuilds(t *testing.T) {
	hugos := strings.Fields(os.Getenv("HUGOS"))
	if len(hugos) == 0 {
		if _, err := exec.LookPath("hugo"); err != nil {
			t.Skip("no hugo on PATH and no $HUGOS")
		}
		hugos = []string{"hugo"}
	}
	const n = 300
	site := t.TempDir()
	if err := Hugo(n, ToDir(site)); err != nil {
		t.Fatal(err)
	}
	for _, hugo := range hugos {
		version, err := exec.Command(hugo, "version").Output()
		if err != nil {
			t.Fatalf("%s version: %v", hugo, err)
		}
		out := filepath.Join(t.TempDir(), "public")
		cmd := exec.Command(hugo, "--quiet", "--theme", HugoTheme(string(version)), "-s", site, "-d", out)
		if msg, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("%s: %v\n%s", hugo, err, msg)
		}
		if err := CheckHugo(n, os.DirFS(out)); err != nil {
			t.Errorf("%s", version)
			t.Errorf("%s", err)
		}
	}
}
