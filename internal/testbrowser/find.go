package testbrowser

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
)

// Env is the environment variable that names the browser to drive.
const Env = "ROLESITE_BROWSER"

// Find returns the path of the browser to drive: the one Env names, or
// else the first Chromium-family browser on PATH.
func Find() (path string, err error) {
	if name := os.Getenv(Env); name != "" {
		path, err := exec.LookPath(name)
		if err != nil {
			return "", fmt.Errorf("%s=%s: %w", Env, name, err)
		}
		return path, nil
	}
	for _, name := range [...]string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "headless-shell"} {
		if path, err := exec.LookPath(name); err == nil {
			return path, nil
		}
	}
	return "", errors.New("no chromium, chromium-browser, google-chrome, google-chrome-stable or headless-shell on PATH")
}
