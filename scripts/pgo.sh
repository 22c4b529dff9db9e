#!/usr/bin/env bash
# Regenerates cmd/rolesite/default.pgo, the CPU profile `go build` uses for
# profile-guided optimisation of the rolesite binary (Go applies a main
# package's default.pgo automatically). Run it after changes to the build's
# hot paths; commit the result with the before/after figures of
# scripts/bench.sh.
#
#   scripts/pgo.sh
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d /dev/shm/rolesite-pgo.XXXX 2>/dev/null || mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -pgo=off -o "$work/rolesite" ./cmd/rolesite
go run ./cmd/benchgen -n 10000 -out "$work/site-10000" >/dev/null
go run ./cmd/benchgen -n 1000 -out "$work/site-1000" >/dev/null
profiles=()
for run in 1 2 3; do
  "$work/rolesite" build --clean --src "$work/site-10000" --out "$work/out" --cpuprofile "$work/10k-$run.prof" >/dev/null
  profiles+=("$work/10k-$run.prof")
done
"$work/rolesite" build --clean --src "$work/site-1000" --out "$work/out" --cpuprofile "$work/1k.prof" >/dev/null
"$work/rolesite" build --clean --src . --out "$work/out" --cpuprofile "$work/atlas.prof" >/dev/null
profiles+=("$work/1k.prof" "$work/atlas.prof")
go tool pprof -proto "${profiles[@]}" >cmd/rolesite/default.pgo
echo "wrote cmd/rolesite/default.pgo ($(wc -c <cmd/rolesite/default.pgo) bytes) from ${#profiles[@]} profiles"
