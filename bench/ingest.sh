#!/usr/bin/env bash
# Benchmark (issue 2): ingest the whole SaudiNewsNet corpus (18 daily zips, 31,030 records)
# into a fresh database, RUNS times; prints each run and the median articles/s and peak memory,
# measured from outside the process by /usr/bin/time (wall clock, maximum resident set size).
#
#   bash bench/ingest.sh            # 5 runs
#   RUNS=3 MARSAD_SHARED=/path/to/shared bash bench/ingest.sh
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${MARSAD_SHARED:-../shared}
runs=${RUNS:-5}
if [ ! -x /usr/bin/time ]; then
  apt-get install -y time >/dev/null
fi
cargo build --release --quiet -p marsad-cli
bin=${CARGO_TARGET_DIR:-target}/release/marsad
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo); marsad $($bin --version)"
printf '%-4s %10s %10s %12s %12s\n' run stored wall_s articles/s peak_MiB
results=()
for run in $(seq "$runs"); do
  rm -f "$work"/bench.db*
  /usr/bin/time -f '%e %M' -o "$work/time" \
    "$bin" --db "$work/bench.db" ingest --json "$shared"/corpora/saudinewsnet/*.zip >"$work/summary.json"
  read -r wall peak_kib <"$work/time"
  stored=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["added"])' "$work/summary.json")
  rate=$(awk -v n="$stored" -v s="$wall" 'BEGIN {printf "%.0f", n / s}')
  peak=$(awk -v k="$peak_kib" 'BEGIN {printf "%.0f", k / 1024}')
  printf '%-4s %10s %10s %12s %12s\n' "$run" "$stored" "$wall" "$rate" "$peak"
  results+=("$rate $peak $wall")
done
printf '%s\n' "${results[@]}" | sort -n | awk '{r[NR]=$1; p[NR]=$2; w[NR]=$3} END {m=int((NR+1)/2);
  printf "median: %s articles/s (wall %s s), peak memory %s MiB (runs sorted by rate)\n", r[m], w[m], p[m]}'
ls -l "$work"/bench.db | awk '{printf "database size: %.0f MiB\n", $5/1048576}'
