#!/usr/bin/env bash
# Benchmark (issues 5 and 7): annotation inside ingest.
# 1. The whole SaudiNewsNet corpus ingested into a fresh database twice, with annotation
#    (the default) and with --no-annotate, RUNS times each, alternating: wall clock, peak
#    memory (/usr/bin/time), articles/s, and the seconds the ingest spent annotating.
# 2. `annotate_article` (exactly what ingest runs per article: entity tagger, linking,
#    roles, quotes, quantities, dates) over every stored article on ONE thread, pinned to
#    one core: articles/s, tokens/s and MB/s.
#
#   bash bench/annotate_ingest.sh          # RUNS=3
#   RUNS=1 MARSAD_SHARED=/path/to/shared bash bench/annotate_ingest.sh
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${MARSAD_SHARED:-../shared}
runs=${RUNS:-3}
target=${CARGO_TARGET_DIR:-target}
if [ ! -x /usr/bin/time ]; then
  apt-get install -y time >/dev/null
fi
cargo build --release --quiet -p marsad-cli -p marsad-pipeline --example annotate_speed
bin=$target/release/marsad
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "machine: $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg); marsad $($bin --version)"
printf '%-14s %4s %8s %10s %10s %12s %12s\n' mode run stored wall_s articles/s annotation_s peak_MiB
for run in $(seq "$runs"); do
  for mode in annotate no-annotate; do
    rm -f "$work"/bench.db*
    flag=()
    [ "$mode" = no-annotate ] && flag=(--no-annotate)
    /usr/bin/time -f '%e %M' -o "$work/time" \
      "$bin" --db "$work/bench.db" ingest --json "${flag[@]}" "$shared"/corpora/saudinewsnet/*.zip \
      >"$work/summary.json"
    read -r wall peak_kib <"$work/time"
    python3 - "$work/summary.json" "$mode" "$run" "$wall" "$peak_kib" <<'PY'
import json, sys
summary = json.load(open(sys.argv[1]))
mode, run, wall, peak = sys.argv[2], sys.argv[3], float(sys.argv[4]), int(sys.argv[5])
print(f"{mode:<14} {run:>4} {summary['added']:>8} {wall:>10.2f} {summary['added'] / wall:>10.0f} "
      f"{summary['annotation_seconds']:>12.2f} {peak / 1024:>12.0f}")
PY
  done
done
# The last database is --no-annotate's; annotate a fresh one for part 2.
rm -f "$work"/bench.db*
"$bin" --db "$work/bench.db" ingest --no-annotate "$shared"/corpora/saudinewsnet/*.zip >/dev/null
PIN=""
command -v taskset >/dev/null && PIN="taskset -c 0"
$PIN "$target"/release/examples/annotate_speed "$work/bench.db"
