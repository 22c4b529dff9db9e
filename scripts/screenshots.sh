#!/usr/bin/env bash
# Screenshots of the built atlas for a person to look at (not committed):
# home, a role, a tool, a stage, the matrices, a comparison and more, at
# 1280 px and 390 px, in the light and dark schemes, a few screens down each.
# Usage: scripts/screenshots.sh [OUTDIR]   (default /tmp/rolesite-shots)
# The work is internal/e2e's TestScreenshots: the same build, server and
# headless Chromium as the end-to-end tests.
set -euo pipefail
cd "$(dirname "$0")/.."
shots=$(realpath -m "${1:-/tmp/rolesite-shots}")
mkdir -p "$shots"
ROLESITE_SHOTS="$shots" go test -count=1 -run '^TestScreenshots$' ./internal/e2e >/dev/null
echo "screenshots in $shots"
