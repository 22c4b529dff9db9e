#!/usr/bin/env bash
# Times `rolesite build` as a whole process on generated sites, and Hugo on
# the equivalent Hugo sites when `hugo` is installed (apt-get install hugo).
#
#   scripts/bench.sh [SIZES...]        default: 1000 10000 50000
#   RUNS=5 OUT=/dev/shm scripts/bench.sh 10000
#
# For each size it prints the median and min-max of wall time, user+system
# CPU time and peak RSS over RUNS runs, with the output on tmpfs (/dev/shm)
# and on disk. Sites are generated once into $WORK (default /dev/shm/rolesite-bench).
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000 50000)
runs=${RUNS:-5}
work=${WORK:-/dev/shm/rolesite-bench}
disk=${DISK:-$(mktemp -d "${TMPDIR:-/var/tmp}/rolesite-bench-disk.XXXX")}
mkdir -p "$work"
bin="$work/rolesite"
go build -o "$bin" ./cmd/rolesite
go build -o "$work/benchgen" ./cmd/benchgen

# measure LABEL OUTDIR CMD... : runs CMD $runs times, prints medians.
measure() {
  local label=$1 outdir=$2; shift 2
  local walls=() cpus=() rss=()
  for _ in $(seq "$runs"); do
    rm -rf "$outdir"
    /usr/bin/time -o "$work/time.txt" -f "%e %U %S %M" "$@" >/dev/null 2>&1
    read -r w u s m <"$work/time.txt"
    walls+=("$w"); cpus+=("$(echo "$u + $s" | bc)"); rss+=("$((m / 1024))")
  done
  printf "%-34s wall %s s   cpu %s s   peak RSS %s MB\n" "$label" "$(stats "${walls[@]}")" "$(stats "${cpus[@]}")" "$(stats "${rss[@]}")"
}

# stats prints "median (min-max)" of its arguments.
stats() {
  printf "%s\n" "$@" | sort -g | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%s (%s-%s)", m, a[1], a[NR]}'
}

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo); $(go version | cut -d' ' -f3); $(date -u +%Y-%m-%d)"
echo "runs per figure: $runs (median, min-max)"
for n in "${sizes[@]}"; do
  site="$work/site-$n"
  [ -d "$site" ] || "$work/benchgen" -n "$n" -out "$site"
  echo "== $n pages"
  measure "rolesite build (tmpfs)" "$work/out-$n" "$bin" build --clean --src "$site" --out "$work/out-$n"
  measure "rolesite build --minify=false (tmpfs)" "$work/out-$n" "$bin" build --clean --minify=false --src "$site" --out "$work/out-$n"
  measure "rolesite build (disk)" "$disk/out-$n" "$bin" build --clean --src "$site" --out "$disk/out-$n"
  if command -v hugo >/dev/null 2>&1; then
    hsite="$work/hugo-$n"
    [ -d "$hsite" ] || "$work/benchgen" -hugo -n "$n" -out "$hsite"
    measure "hugo $(hugo version | awk '{print $2}' | cut -d- -f1) (tmpfs)" "$work/hugo-out-$n" hugo --quiet -s "$hsite" -d "$work/hugo-out-$n"
  fi
  rm -rf "$work/out-$n" "$disk/out-$n" "$work/hugo-out-$n"
done
rm -rf "$disk"
