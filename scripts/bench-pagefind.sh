#!/usr/bin/env bash
# Puts rolesite's search beside Pagefind 1.x (npm package pagefind, which
# ships its binary) on the same built sites: the generated site of PAGES
# pages (default 10000) and the atlas in content/.
#
#   scripts/bench-pagefind.sh
#   PAGES=1000 RUNS=1 scripts/bench-pagefind.sh
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

# timed runs a command and prints its wall time and user+system CPU time.
timed() {
  /usr/bin/time -f "%e %U %S" -o "$work/time.txt" "$@" >/dev/null 2>&1
  awk '{printf "%.2f s wall, %.2f s CPU", $1, $2 + $3}' "$work/time.txt"
}
# size prints the bytes of the files below its arguments (folders not
# counted), as stored and gzipped (-6, file by file; Pagefind's files are
# compressed already), and how many there are.
size() {
  find "$@" -type f | python3 -c '
import gzip, sys
n = raw = gz = 0
for p in sys.stdin.read().split():
    b = open(p, "rb").read()
    n, raw, gz = n + 1, raw + len(b), gz + len(gzip.compress(b, 6))
print(f"{raw/1e6:.1f} MB ({gz/1e6:.1f} MB gzipped) in {n} files")'
}

echo "machine: $(nproc) cores; $(go version | cut -d' ' -f3); pagefind $("$pagefind" --version 2>&1 | tail -1); $(date -u +%Y-%m-%d)"
out="$work/out-$n"
for run in $(seq "${RUNS:-3}"); do
  rm -rf "$out"
  echo "run $run: rolesite build, $n pages: $(timed "$work/rolesite" build --src "$site" --out "$out");" \
    "pagefind --site over its output: $(timed "$pagefind" --site "$out")"
done
echo "rolesite index: $(size "$out"/search/t "$out"/search/d "$out"/search/x "$out"/search/meta.json)"
echo "pagefind index: $(size "$out"/pagefind)"

atlas="$work/atlas"
rm -rf "$atlas"
"$work/rolesite" build --src . --out "$atlas" >/dev/null
"$pagefind" --site "$atlas" >/dev/null
ROLESITE_PAGEFIND_ATLAS="$atlas" ROLESITE_PAGEFIND_SITE="$out" \
  go test -count=1 -run TestPagefindComparison -v ./internal/search/ | grep -E 'relevance|first query|rolesite (true|false)'
