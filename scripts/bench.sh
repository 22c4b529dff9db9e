#!/usr/bin/env bash
# Times `rolesite build` as a whole process on generated sites, and Hugo on
# the equivalent Hugo sites: Debian's (apt-get install hugo) and any other,
# e.g. one built from the Go module proxy:
#   GOBIN=/root/hugo165 go install github.com/gohugoio/hugo@v0.165.0
#
#   scripts/bench.sh [SIZES...]        default: 1000 10000 50000
#   RUNS=5 scripts/bench.sh 10000
#   HUGOS="hugo /root/hugo165/hugo" RUNS=3 scripts/bench.sh 10000
#   NO_HUGO=1 RUNS=1 scripts/bench.sh 50000   # without Hugo
#   VARIANTS=tmpfs HUGOS=/root/hugo165/hugo RUNS=1 scripts/bench.sh 50000
#
# For each size it prints the median and min-max of wall time, user+system
# CPU time and peak RSS over RUNS runs of each variant, and each variant's
# wall and CPU time over the first variant's in the same round (median and
# min-max of those ratios). The variants: rolesite with the output on tmpfs
# (/dev/shm), the same with --minify=false, on disk (VARIANTS, default
# "tmpfs nominify disk", picks some), then each Hugo of HUGOS (default:
# hugo, when on PATH) on tmpfs, with the layouts its version accepts;
# HUGO_PLAIN=1 adds each Hugo with highlighting off. The variants take
# turns, run after run, so that a machine getting faster or slower in the
# meantime favours none of them. Every run starts with no previous output.
# Each Hugo's first output is checked (benchgen -check-hugo: every page,
# term and list there, with its content) and the script stops if it fails.
# Sites are generated once into $WORK (default /dev/shm/rolesite-bench).
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000 50000)
runs=${RUNS:-5}
work=${WORK:-/dev/shm/rolesite-bench}
variants=${VARIANTS:-tmpfs nominify disk}
mkdir -p "$work"
disk=""
if [[ " $variants " == *" disk "* ]]; then
  disk=${DISK:-$(mktemp -d "${TMPDIR:-/var/tmp}/rolesite-bench-disk.XXXX")}
fi
bin="$work/rolesite"
go build -o "$bin" ./cmd/rolesite
go build -o "$work/benchgen" ./cmd/benchgen
hugos=()
if [ -z "${NO_HUGO:-}" ]; then
  if [ -n "${HUGOS:-}" ]; then
    read -r -a hugos <<<"$HUGOS"
  elif command -v hugo >/dev/null 2>&1; then
    hugos=(hugo)
  fi
fi

# stats prints "median (min-max)" of its arguments.
stats() {
  printf "%s\n" "$@" | sort -g | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%s (%s-%s)", m, a[1], a[NR]}'
}

# ratios prints, one a line, the ratios of two lists of as many numbers:
# the second's over the first's, run by run.
ratios() {
  paste <(printf "%s\n" $1) <(printf "%s\n" $2) | awk '{printf "%.2f\n", $2/$1}'
}

# add_variants fills labels, outs, cmds and checks for size $1.
add_variants() {
  local n=$1 site=$work/site-$n
  labels=() outs=() cmds=() checks=()
  for v in $variants; do
    case $v in
    tmpfs) labels+=("rolesite build (tmpfs)") outs+=("$work/out-$n") cmds+=("$bin build --clean --src $site --out $work/out-$n") ;;
    nominify) labels+=("rolesite --minify=false (tmpfs)") outs+=("$work/out-$n") cmds+=("$bin build --clean --minify=false --src $site --out $work/out-$n") ;;
    disk) labels+=("rolesite build (disk)") outs+=("$disk/out-$n") cmds+=("$bin build --clean --src $site --out $disk/out-$n") ;;
    *) echo "unknown variant $v (VARIANTS: tmpfs nominify disk)" >&2 && exit 2 ;;
    esac
    checks+=("")
  done
  local hsite=$work/hugo-$n j=0
  [ ${#hugos[@]} -eq 0 ] || [ -d "$hsite" ] || "$work/benchgen" -hugo -n "$n" -out "$hsite"
  for h in "${hugos[@]}"; do
    local version theme
    version=$("$h" version)
    theme=$("$work/benchgen" -hugo-theme "$version")
    j=$((j + 1))
    for plain in "" ${HUGO_PLAIN:+plain}; do
      local out=$work/hugo-out-$n-$j$plain env=""
      [ -z "$plain" ] || env="env HUGO_MARKUP_HIGHLIGHT_CODEFENCES=false "
      labels+=("hugo $(echo "$version" | awk '{print $2}' | cut -d- -f1 | cut -d+ -f1)${plain:+, no highlighting} (tmpfs)")
      outs+=("$out")
      cmds+=("${env}$h --quiet --theme $theme -s $hsite -d $out")
      checks+=("$n")
    done
  done
}

# run_variants times every variant RUNS times, taking turns.
run_variants() {
  local round i
  for round in $(seq "$runs"); do
    for i in "${!cmds[@]}"; do
      rm -rf "${outs[$i]}"
      # shellcheck disable=SC2086 # the command is split on purpose
      if ! /usr/bin/time -o "$work/time.txt" -f "%e %U %S %M" ${cmds[$i]} >/dev/null 2>"$work/stderr.txt"; then
        echo "failed: ${cmds[$i]}" >&2 && cat "$work/stderr.txt" >&2 && exit 1
      fi
      read -r w u s m <"$work/time.txt"
      walls[$i]+="$w " cpus[$i]+="$(awk "BEGIN {print $u + $s}") " rss[$i]+="$((m / 1024)) "
      if [ "$round" = 1 ] && [ -n "${checks[$i]}" ]; then
        "$work/benchgen" -n "${checks[$i]}" -check-hugo "${outs[$i]}"
        echo "checked: ${labels[$i]} wrote $(find "${outs[$i]}" -name '*.html' | wc -l) pages, each with its content and lists"
      fi
    done
  done
}

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo); $(go version | cut -d' ' -f3); $(date -u +%Y-%m-%d)"
echo "runs per figure: $runs, variants taking turns (median, min-max)"
for n in "${sizes[@]}"; do
  site="$work/site-$n"
  [ -d "$site" ] || "$work/benchgen" -n "$n" -out "$site"
  add_variants "$n"
  declare -A walls=() cpus=() rss=()
  echo "load before $n: $(cut -d' ' -f1-3 /proc/loadavg)"
  run_variants
  echo "load after $n: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "== $n pages"
  for i in "${!cmds[@]}"; do
    # shellcheck disable=SC2086
    printf "%-40s wall %s s   cpu %s s   peak RSS %s MB\n" "${labels[$i]}" "$(stats ${walls[$i]})" "$(stats ${cpus[$i]})" "$(stats ${rss[$i]})"
  done
  for i in "${!cmds[@]}"; do
    [ "$i" != 0 ] || continue
    # shellcheck disable=SC2046
    printf "%-40s wall %s x   cpu %s x   (over %s, round by round)\n" "${labels[$i]}" \
      "$(stats $(ratios "${walls[0]}" "${walls[$i]}"))" "$(stats $(ratios "${cpus[0]}" "${cpus[$i]}"))" "${labels[0]}"
  done
  unset walls cpus rss
  for o in "${outs[@]}"; do rm -rf "$o"; done
done
[ -z "$disk" ] || rm -rf "$disk"
