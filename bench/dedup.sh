#!/usr/bin/env bash
# Benchmark (issue 4): whole-corpus near-duplicate detection on SaudiNewsNet, marsad-dedup
# (the dedup_corpus example, default settings) against datasketch (MinHash 128 permutations +
# MinHashLSH threshold 0.5 on the same shingles), both timed end to end by /usr/bin/time
# (wall clock, maximum resident set size); then both pair sets scored against the exact truth.
#
#   bash bench/dedup.sh
#   MARSAD_SHARED=/path/to/shared bash bench/dedup.sh
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${MARSAD_SHARED:-../shared}
target=${CARGO_TARGET_DIR:-target}
if [ ! -x /usr/bin/time ]; then
  apt-get install -y time >/dev/null
fi
python3 -c 'import datasketch' 2>/dev/null || pip install --quiet datasketch
cargo build --release --quiet -p marsad-dedup --example dedup_corpus
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
zips=("$shared"/corpora/saudinewsnet/*.zip)

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo)"
/usr/bin/time -f '%e %M' -o "$work/t_marsad" \
  "$target"/release/examples/dedup_corpus "${zips[@]}" >"$work/marsad.jsonl" 2>"$work/marsad.err"
/usr/bin/time -f '%e %M' -o "$work/t_ds" \
  python3 bench/dedup_datasketch.py "${zips[@]}" >"$work/ds.jsonl" 2>"$work/ds.err"
read -r mw mk <"$work/t_marsad"
read -r dw dk <"$work/t_ds"
printf '%-12s %8s %10s %8s\n' tool wall_s peak_MiB pairs
printf '%-12s %8s %10.0f %8s\n' marsad "$mw" "$(echo "$mk/1024" | bc -l)" "$(wc -l <"$work/marsad.jsonl")"
printf '%-12s %8s %10.0f %8s\n' datasketch "$dw" "$(echo "$dk/1024" | bc -l)" "$(wc -l <"$work/ds.jsonl")"
awk -v d="$dw" -v m="$mw" 'BEGIN {printf "speed-up: %.1fx (bar >= 30x)\n", d / m}'
truth="$shared/eval/dedup/saudinewsnet_pairs_j030.jsonl"
echo "== marsad-dedup quality"
python3 bench/dedup_eval.py "$work/marsad.jsonl" "$truth" || true
echo "== datasketch quality (unverified LSH candidates)"
python3 bench/dedup_eval.py "$work/ds.jsonl" "$truth" || true
