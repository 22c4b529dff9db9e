package diagram

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rolesite/rolesite/internal/testbrowser"
)

// runAxeJS runs axe-core and writes the violations into the page.
const runAxeJS = `
axe.run(document, {resultTypes: ["violations"]}).then(r => {
  const pre = document.createElement("pre");
  pre.id = "axe";
  pre.textContent = JSON.stringify(r.violations.map(v => v.id + ": " + v.help + " " + v.nodes[0].html.slice(0, 200)));
  document.body.append(pre);
});
`

// TestAxe runs axe-core over pages showing the diagram, both drawings and
// both themes, when AXE_CORE names axe.min.js (npm install axe-core).
func TestAxe(t *testing.T) {
	path := os.Getenv("AXE_CORE")
	if path == "" {
		testbrowser.Missing(t, "set AXE_CORE to the path of axe.min.js")
	}
	browser := testbrowser.New(t, testbrowser.WindowSize(1280, 900))
	dir := t.TempDir()
	files := map[string]string{"run.js": runAxeJS, "theme.css": testTheme}
	for name, src := range map[string]string{"axe.min.js": path, "diagram.css": "../../static/css/diagram.css"} {
		b, err := os.ReadFile(src)
		if err != nil {
			t.Fatal(err)
		}
		files[name] = string(b)
	}
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	svg := Lifecycle(atlas())
	for _, theme := range []string{"light", "dark"} {
		for _, frame := range []string{"", "w390"} {
			doc := strings.Replace(page(theme, frame, svg), "</body>",
				`<script src="axe.min.js"></script><script src="run.js"></script></body>`, 1)
			if err := os.WriteFile(filepath.Join(dir, "page.html"), []byte(doc), 0o644); err != nil {
				t.Fatal(err)
			}
			out, err := pageResult(browser, "file://"+filepath.Join(dir, "page.html"), "axe")
			if err != nil {
				t.Fatalf("%s %q: axe did not report: %v", theme, frame, err)
			}
			var violations []string
			if err := json.Unmarshal([]byte(out), &violations); err != nil {
				t.Fatal(err)
			}
			for _, v := range violations {
				t.Errorf("%s theme, page %q: %s", theme, frame, v)
			}
		}
	}
}
