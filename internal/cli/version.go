package cli

import (
	"fmt"
	"runtime/debug"
)

func runVersion(env Env, args []string) int {
	fs := newFlags(env, "version", "version", "Version prints rolesite's version and the Go version it was built with.")
	if _, code, ok := parse(fs, env, args); !ok {
		return code
	}
	version, goVersion := "(devel)", "unknown"
	if info, ok := debug.ReadBuildInfo(); ok {
		goVersion = info.GoVersion
		if info.Main.Version != "" {
			version = info.Main.Version
		}
		for _, s := range info.Settings {
			if s.Key == "vcs.revision" && version == "(devel)" && len(s.Value) >= 12 {
				version = "(devel) " + s.Value[:12]
			}
		}
	}
	fmt.Fprintf(env.Stdout, "rolesite %s %s\n", version, goVersion)
	return ExitOK
}
