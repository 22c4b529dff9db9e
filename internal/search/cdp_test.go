package search

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"
)

// A browser is a headless Chromium driven over the DevTools protocol on a
// pipe (--remote-debugging-pipe: requests on fd 3, replies on fd 4, each
// message JSON ending in a NUL byte), so the browser tests need nothing
// beyond the standard library and a chromium binary. Calls are sequential;
// events are read and dropped.
type browser struct {
	cmd  *exec.Cmd
	in   *os.File // the browser's fd 3
	out  *os.File // the browser's fd 4
	rd   *bufio.Reader
	next int
}

// startBrowser starts Chromium, or skips the test when there is none or
// when -short is set.
func startBrowser(t testing.TB) *browser {
	t.Helper()
	if testing.Short() {
		t.Skip("starts a browser")
	}
	var path string
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			path = p
			break
		}
	}
	if path == "" {
		noBrowser(t, "no chromium on PATH")
	}
	r3, w3, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	r4, w4, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	profile, err := os.MkdirTemp("", "search-chromium-")
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(path, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
		"--no-first-run", "--disable-background-networking", "--disable-component-update",
		"--disable-sync", "--disable-extensions", "--remote-debugging-pipe",
		"--user-data-dir="+profile, "--window-size=1280,900", "about:blank")
	cmd.ExtraFiles = []*os.File{r3, w4}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	r3.Close()
	w4.Close()
	b := &browser{cmd: cmd, in: w3, out: r4, rd: bufio.NewReader(r4)}
	t.Cleanup(func() {
		// Browser.close ends the renderers too; kill only if it hangs.
		b.in.Write([]byte(`{"id":0,"method":"Browser.close"}` + "\x00"))
		done := make(chan struct{})
		go func() { b.cmd.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			b.cmd.Process.Kill()
			<-done
		}
		b.in.Close()
		b.out.Close()
		os.RemoveAll(profile)
	})
	return b
}

// call sends one command and returns its result.
func (b *browser) call(t testing.TB, session, method string, params any) json.RawMessage {
	t.Helper()
	b.next++
	msg := map[string]any{"id": b.next, "method": method, "params": params}
	if session != "" {
		msg["sessionId"] = session
	}
	req, err := json.Marshal(msg)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := b.in.Write(append(req, 0)); err != nil {
		t.Fatalf("%s: %v", method, err)
	}
	b.out.SetReadDeadline(time.Now().Add(30 * time.Second))
	for {
		raw, err := b.rd.ReadBytes(0)
		if err != nil {
			t.Fatalf("%s: reading reply: %v", method, err)
		}
		var reply struct {
			ID     int             `json:"id"`
			Result json.RawMessage `json:"result"`
			Error  *struct {
				Message string `json:"message"`
			} `json:"error"`
		}
		if err := json.Unmarshal(raw[:len(raw)-1], &reply); err != nil {
			t.Fatalf("%s: %v", method, err)
		}
		if reply.ID != b.next {
			continue // an event
		}
		if reply.Error != nil {
			t.Fatalf("%s: %s", method, reply.Error.Message)
		}
		return reply.Result
	}
}

// A tab is one page of the browser, used by one test.
type tab struct {
	t       testing.TB
	b       *browser
	session string
}

// open opens url in a new tab of the given width and waits for it to load.
// Failures are reported to t.
func (b *browser) open(t testing.TB, url string, width int) *tab {
	t.Helper()
	var target struct{ TargetID string }
	json.Unmarshal(b.call(t, "", "Target.createTarget", map[string]any{"url": "about:blank"}), &target)
	var att struct{ SessionID string }
	json.Unmarshal(b.call(t, "", "Target.attachToTarget", map[string]any{"targetId": target.TargetID, "flatten": true}), &att)
	tb := &tab{t, b, att.SessionID}
	b.call(tb.t, tb.session, "Emulation.setDeviceMetricsOverride", map[string]any{
		"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": false})
	b.call(tb.t, tb.session, "Page.navigate", map[string]any{"url": url})
	tb.waitLoad()
	return tb
}

// waitLoad waits until the document has loaded, across a navigation.
func (tb *tab) waitLoad() {
	tb.t.Helper()
	for range 100 {
		var state string
		if tb.try(`document.readyState`, &state) && state == "complete" {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	tb.t.Fatal("page did not load")
}

// eval evaluates a JavaScript expression in the page, awaiting a promise,
// and decodes its value into v.
func (tb *tab) eval(expr string, v any) {
	tb.t.Helper()
	if !tb.try(expr, v) {
		tb.t.Fatalf("evaluating %s failed", expr)
	}
}

func (tb *tab) try(expr string, v any) bool {
	var r struct {
		Result struct {
			Value json.RawMessage `json:"value"`
		} `json:"result"`
		ExceptionDetails *struct {
			Text      string `json:"text"`
			Exception struct {
				Description string `json:"description"`
			} `json:"exception"`
		} `json:"exceptionDetails"`
	}
	json.Unmarshal(tb.b.call(tb.t, tb.session, "Runtime.evaluate", map[string]any{
		"expression": expr, "awaitPromise": true, "returnByValue": true}), &r)
	if r.ExceptionDetails != nil {
		tb.t.Logf("eval %s: %s %s", expr, r.ExceptionDetails.Text, r.ExceptionDetails.Exception.Description)
		return false
	}
	if v != nil && len(r.Result.Value) > 0 {
		if err := json.Unmarshal(r.Result.Value, v); err != nil {
			tb.t.Fatalf("eval %s: %v", expr, err)
		}
	}
	return true
}

// typeText types text into the focused element, as an IME commit would.
func (tb *tab) typeText(text string) {
	tb.b.call(tb.t, tb.session, "Input.insertText", map[string]any{"text": text})
}

// keys for press: key, code, virtual key code, text.
var keyInfo = map[string][3]any{
	"ArrowDown": {"ArrowDown", 40, ""},
	"ArrowUp":   {"ArrowUp", 38, ""},
	"Enter":     {"Enter", 13, "\r"},
	"Escape":    {"Escape", 27, ""},
	"/":         {"Slash", 191, "/"},
}

// press sends a real key press (down and up) to the page.
func (tb *tab) press(key string) {
	k, ok := keyInfo[key]
	if !ok {
		panic(fmt.Sprintf("press: unknown key %q", key))
	}
	down := map[string]any{"type": "keyDown", "key": key, "code": k[0], "windowsVirtualKeyCode": k[1]}
	if text := k[2].(string); text != "" {
		down["text"] = text
	}
	tb.b.call(tb.t, tb.session, "Input.dispatchKeyEvent", down)
	tb.b.call(tb.t, tb.session, "Input.dispatchKeyEvent", map[string]any{
		"type": "keyUp", "key": key, "code": k[0], "windowsVirtualKeyCode": k[1]})
}

// waitFor polls a JavaScript condition until it is true.
func (tb *tab) waitFor(cond string) {
	tb.t.Helper()
	for range 200 {
		var ok bool
		if tb.try("Boolean("+cond+")", &ok) && ok {
			return
		}
		time.Sleep(25 * time.Millisecond)
	}
	var html string
	tb.try(`document.getElementById("search-results")?.outerHTML ?? "(none)"`, &html)
	tb.t.Fatalf("timed out waiting for %s; results: %s", cond, strings.TrimSpace(html))
}

// screenshot saves the visible page as a PNG file.
func (tb *tab) screenshot(path string) {
	tb.t.Helper()
	var shot struct{ Data []byte } // base64 in JSON, decoded by encoding/json
	json.Unmarshal(tb.b.call(tb.t, tb.session, "Page.captureScreenshot", map[string]any{"format": "png"}), &shot)
	if err := os.WriteFile(path, shot.Data, 0o644); err != nil {
		tb.t.Fatal(err)
	}
}
