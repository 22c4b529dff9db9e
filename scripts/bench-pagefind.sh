#!/usr/bin/env bash
# Puts rolesite's search beside Pagefind 1.x (npm package pagefind, which
# ships its binary) on the same built sites: the generated site of PAGES
# pages (default 10000) and the atlas in content/.
#
#   scripts/bench-pagefind.sh
#   PAGES=1000 scripts/bench-pagefind.sh
#
# It prints, for the generated site, the build time of rolesite (which
# indexes as it builds) and of Pagefind over rolesite's output, and the
# size of each index; then TestPagefindComparison runs both in Chromium:
# relevance on internal/search/testdata/relevance.txt over the atlas, and
# the bytes a first query downloads on the generated site. Pagefind is
# installed into $TOOLS (default a folder under $TMPDIR), never into the
# repository; sites and outputs go to $WORK (default /dev/shm).
set -euo pipefail
cd "$(dirname "$0")/.."
n=${PAGES:-10000}
work=${WORK:-/dev/shm/rolesite-pagefind}
tools=${TOOLS:-${TMPDIR:-/tmp}/rolesite-pagefind-tools}
mkdir -p "$work" "$tools"
if [ ! -x "$tools/node_modules/.bin/pagefind" ]; then
  npm install --silent --no-audit --no-fund --prefix "$tools" pagefind@1.6.0
fi
pagefind="$tools/node_modules/.bin/pagefind"
go build -o "$work/rolesite" ./cmd/rolesite
go build -o "$work/benchgen" ./cmd/benchgen
site="$work/site-$n"
[ -d "$site" ] || "$work/benchgen" -n "$n" -out "$site"

# seconds runs a command and prints its wall time in seconds.
seconds() {
  local t0 t1
  t0=$(date +%s.%N)
  "$@" >/dev/null 2>&1
  t1=$(date +%s.%N)
  echo "$t1 - $t0" | bc
}
size() { du -sb "$@" | awk '{n+=$1} END {printf "%.1f MB in", n/1e6}'; find "$@" -type f | wc -l | awk '{printf " %d files", $1}'; }

echo "machine: $(nproc) cores; $(go version | cut -d' ' -f3); pagefind $("$pagefind" --version 2>&1 | tail -1); $(date -u +%Y-%m-%d)"
out="$work/out-$n"
for run in 1 2 3; do
  rm -rf "$out" "$out.pf"
  echo "run $run: rolesite build $n pages $(seconds "$work/rolesite" build --src "$site" --out "$out") s;" \
    "pagefind --site over it $(seconds "$pagefind" --site "$out") s"
done
echo "rolesite index: $(size "$out"/search/t "$out"/search/d "$out"/search/x "$out"/search/meta.json)"
echo "pagefind index: $(size "$out"/pagefind)"

atlas="$work/atlas"
rm -rf "$atlas"
"$work/rolesite" build --src . --out "$atlas" >/dev/null
"$pagefind" --site "$atlas" >/dev/null
ROLESITE_PAGEFIND_ATLAS="$atlas" ROLESITE_PAGEFIND_SITE="$out" \
  go test -count=1 -run TestPagefindComparison -v ./internal/search/ | grep -E 'relevance|first query|rolesite (true|false)'
