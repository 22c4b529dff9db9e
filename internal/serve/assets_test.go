package serve

import (
	"os/exec"
	"strings"
	"testing"
)

func TestClientScript(t *testing.T) {
	js, err := assets.ReadFile("assets/live.js")
	if err != nil {
		t.Fatal(err)
	}
	// A development-only script, loaded by every page served: live
	// reload, the overlay and updates in place fit in 10 kB unminified.
	if len(js) >= 10<<10 {
		t.Errorf("live.js is %d bytes; keep it under 10 kB", len(js))
	}
	// Problem text reaches the page only as text.
	for _, banned := range []string{"innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", ".style.", "setAttribute(\"style\""} {
		if strings.Contains(string(js), banned) {
			t.Errorf("live.js uses %s", banned)
		}
	}
	node, err := exec.LookPath("node")
	if err != nil {
		t.Log("node not on PATH; syntax not checked here (the browser test runs it)")
		return
	}
	if out, err := exec.Command(node, "--check", "assets/live.js").CombinedOutput(); err != nil {
		t.Errorf("node --check live.js: %v\n%s", err, out)
	}
}
