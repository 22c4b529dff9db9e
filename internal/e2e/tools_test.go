package e2e

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// toolsDir is where .ci/run installs the npm checkers.
const toolsDir = repoRoot + "/.ci/tools/node_modules"

// missing skips the test on a developer machine and fails it in CI, where
// every tool must be present so that a green run means the checks ran.
func missing(t *testing.T, format string, args ...any) {
	t.Helper()
	if os.Getenv("CI") == "true" {
		t.Fatalf("CI: "+format, args...)
	}
	t.Skipf(format, args...)
}

// heavy skips a test that starts a browser or a checker under -short.
func heavy(t *testing.T) {
	t.Helper()
	if testing.Short() {
		t.Skip("skipped with -short: starts a browser or a checker")
	}
}

// toolFile returns the file named by the environment variable, or the one
// .ci/run installs at rel under toolsDir.
func toolFile(t *testing.T, env, rel, what string) string {
	t.Helper()
	name := os.Getenv(env)
	if name == "" {
		name = filepath.Join(toolsDir, filepath.FromSlash(rel))
	}
	if _, err := os.Stat(name); err != nil {
		missing(t, "%s not found at %s (%v); install it with\n\tnpm install --prefix .ci/tools --no-package-lock\nor set %s", what, name, err, env)
	}
	abs, err := filepath.Abs(name)
	if err != nil {
		t.Fatal(err)
	}
	return abs
}

// vnuJar returns the Nu Html Checker's jar and the java to run it with.
func vnuJar(t *testing.T) (java, jar string) {
	t.Helper()
	heavy(t)
	jar = toolFile(t, "VNU_JAR", "vnu-jar/build/dist/vnu.jar", "the Nu Html Checker (npm vnu-jar)")
	java, err := exec.LookPath("java")
	if err != nil {
		missing(t, "java is not on PATH; install a Java runtime (apt-get install default-jre-headless)")
	}
	return java, jar
}

// axeScript returns axe-core's axe.min.js.
func axeScript(t *testing.T) []byte {
	t.Helper()
	heavy(t)
	data, err := os.ReadFile(toolFile(t, "AXE_CORE", "axe-core/axe.min.js", "axe-core (npm axe-core)"))
	if err != nil {
		t.Fatal(err)
	}
	return data
}
