#!/usr/bin/env bash
# Times `rolesite build` as a whole process on generated sites, and Hugo on
# the equivalent Hugo sites when `hugo` is installed (apt-get install hugo).
#
#   scripts/bench.sh [SIZES...]        default: 1000 10000 50000
#   RUNS=5 scripts/bench.sh 10000
#   NO_HUGO=1 RUNS=1 scripts/bench.sh 50000   # without Hugo (272 s at 50k)
#
# For each size it prints the median and min-max of wall time, user+system
# CPU time and peak RSS over RUNS runs of each variant: rolesite with the
# output on tmpfs (/dev/shm), the same with --minify=false, on disk, and
# Hugo on tmpfs. The variants take turns, run after run, so that a machine
# getting faster or slower in the meantime favours none of them. Every run
# starts with no previous output. Sites are generated once into $WORK
# (default /dev/shm/rolesite-bench).
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

# stats prints "median (min-max)" of its arguments.
stats() {
  printf "%s\n" "$@" | sort -g | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%s (%s-%s)", m, a[1], a[NR]}'
}

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo); $(go version | cut -d' ' -f3); $(date -u +%Y-%m-%d)"
echo "runs per figure: $runs, variants taking turns (median, min-max)"
for n in "${sizes[@]}"; do
  site="$work/site-$n"
  [ -d "$site" ] || "$work/benchgen" -n "$n" -out "$site"
  labels=("rolesite build (tmpfs)" "rolesite build --minify=false (tmpfs)" "rolesite build (disk)")
  outs=("$work/out-$n" "$work/out-$n" "$disk/out-$n")
  cmds=("$bin build --clean --src $site --out $work/out-$n"
    "$bin build --clean --minify=false --src $site --out $work/out-$n"
    "$bin build --clean --src $site --out $disk/out-$n")
  if [ -z "${NO_HUGO:-}" ] && command -v hugo >/dev/null 2>&1; then
    hsite="$work/hugo-$n"
    [ -d "$hsite" ] || "$work/benchgen" -hugo -n "$n" -out "$hsite"
    labels+=("hugo $(hugo version | awk '{print $2}' | cut -d- -f1) (tmpfs)")
    outs+=("$work/hugo-out-$n")
    cmds+=("hugo --quiet -s $hsite -d $work/hugo-out-$n")
  fi
  declare -A walls=() cpus=() rss=()
  for _ in $(seq "$runs"); do
    for i in "${!cmds[@]}"; do
      rm -rf "${outs[$i]}"
      # shellcheck disable=SC2086 # the command is split on purpose
      /usr/bin/time -o "$work/time.txt" -f "%e %U %S %M" ${cmds[$i]} >/dev/null 2>&1
      read -r w u s m <"$work/time.txt"
      walls[$i]+="$w "; cpus[$i]+="$(echo "$u + $s" | bc) "; rss[$i]+="$((m / 1024)) "
    done
  done
  echo "== $n pages"
  for i in "${!cmds[@]}"; do
    # shellcheck disable=SC2086
    printf "%-38s wall %s s   cpu %s s   peak RSS %s MB\n" "${labels[$i]}" "$(stats ${walls[$i]})" "$(stats ${cpus[$i]})" "$(stats ${rss[$i]})"
  done
  unset walls cpus rss
  rm -rf "$work/out-$n" "$disk/out-$n" "$work/hugo-out-$n"
done
rm -rf "$disk"
