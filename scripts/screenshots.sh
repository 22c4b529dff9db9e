#!/usr/bin/env bash
# Screenshots of the built atlas for a person to look at (not committed):
# home, a role, a tool, a stage and a matrix, at 1280 px and 390 px, in the
# light and dark themes. Usage: scripts/screenshots.sh [OUTDIR]
set -euo pipefail
cd "$(dirname "$0")/.."
shots=${1:-/tmp/rolesite-shots}
site=$(mktemp -d)
trap 'kill $server 2>/dev/null || true; rm -rf "$site"' EXIT
go run ./cmd/rolesite build --out "$site/public" >/dev/null
port=$(( 20000 + RANDOM % 20000 ))
python3 -m http.server "$port" --bind 127.0.0.1 --directory "$site/public" >/dev/null 2>&1 &
server=$!
sleep 1
mkdir -p "$shots"
pages=("home:" "role:roles/data-scientist/" "tool:tools/python/" "stage:stages/monitoring/" "matrix:matrices/roles-by-tools/" "compare:roles/data-scientist/vs/machine-learning-engineer/")
for p in "${pages[@]}"; do
  name=${p%%:*}; path=${p#*:}
  for width in 1280 390; do
    for scheme in light dark; do
      flags=()
      [ "$scheme" = dark ] && flags+=(--force-dark-mode --enable-features=WebContentsForceDark:inversion_method/cielab_based)
      [ "$scheme" = dark ] && flags=(--blink-settings=preferredColorScheme=0)
      [ "$scheme" = light ] && flags=(--blink-settings=preferredColorScheme=1)
      chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync \
        --user-data-dir="$(mktemp -d)" --hide-scrollbars "${flags[@]}" \
        --window-size="$width,2200" --screenshot="$shots/$name-$width-$scheme.png" \
        "http://127.0.0.1:$port/$path" >/dev/null 2>&1
    done
  done
done
echo "screenshots in $shots"
