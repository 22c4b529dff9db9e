#!/usr/bin/env bash
# Builds one site with one rolesite binary and prints its wall and CPU
# time, peak RSS and what the garbage collector did: the number of
# collections and the CPU its own workers spent (assists, background and
# idle marking, from GODEBUG=gctrace=1), summed over the build. The
# collector's CPU drifts much less than wall time on a shared machine:
# compare binaries by it, taking turns.
#
#   scripts/gc-cpu.sh BIN SITE_DIR
#   for i in 1 2 3; do for b in /tmp/old /tmp/new; do
#     scripts/gc-cpu.sh $b /dev/shm/site-10000; scripts/gc-cpu.sh $b /dev/shm/site-50000
#   done; done
#
# Sites come from `go run ./cmd/benchgen -n N -out DIR`. The output goes to
# a fresh folder on tmpfs, removed afterwards.
set -euo pipefail
bin=$1 src=$2
out=$(mktemp -d /dev/shm/gc-cpu-out.XXXXXX)
trace=$(mktemp /dev/shm/gc-cpu-trace.XXXXXX)
times=$(mktemp /dev/shm/gc-cpu-time.XXXXXX)
trap 'rm -rf "$out" "$trace" "$times"' EXIT
GODEBUG=gctrace=1 /usr/bin/time -f "%e %U %S %M" -o "$times" \
	"$bin" build --clean --src "$src" --out "$out" >/dev/null 2>"$trace"
read -r wall user sys rss <"$times"
# "gc 12 @14.420s 5%: 0.24+492+0.074 ms clock, 0.48+0.5/245/12+0.14 ms cpu, ..."
grep '^gc ' "$trace" | sed -E 's/.*clock, [0-9.]+\+([0-9.]+)\/([0-9.]+)\/([0-9.]+)\+[0-9.]+ ms cpu.*/\1 \2 \3/' |
	awk -v b="$(basename "$bin")" -v s="$(basename "$src")" -v w="$wall" -v c="$(echo "$user+$sys" | bc)" -v r="$((rss / 1024))" \
		'{a += $1; g += $2; i += $3; n++}
		END {printf "%s %s wall=%ss cpu=%ss rss=%dMiB gcs=%d gc-cpu=%.2fs (assist %.2f, background %.2f, idle %.2f)\n", b, s, w, c, r, n, (a+g+i)/1000, a/1000, g/1000, i/1000}'
