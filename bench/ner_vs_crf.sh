#!/usr/bin/env bash
# Issue 5: the entity tagger side by side with a CRF baseline (sklearn-crfsuite with
# standard lexical features, bench/ner_crf.py), in the same run:
# 1. accuracy: both get the same 10 contiguous folds of the ANERcorp training split;
#    the pooled predictions are scored by score_ner.py (entity level, exact span and type);
# 2. speed: both tag the training file repeated 8 times (~1M tokens), one core:
#    `marsad tag --conll` as a whole process (wall clock, model loading included), the
#    CRF in its Python process (feature extraction + Viterbi; loading excluded).
# The ANERcorp test split is never used.
#
# Usage: bash bench/ner_vs_crf.sh    (pip-installs sklearn-crfsuite when missing)
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED=${SHARED:-../shared}
[ -d "$SHARED" ] || SHARED=/work/shared
TRAIN=$SHARED/eval/ner/anercorp_train.txt
python3 -c "import sklearn_crfsuite" 2>/dev/null || pip install -q sklearn-crfsuite
cargo build --release -q -p marsad-cli
BIN=${CARGO_TARGET_DIR:-target}/release/marsad
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
for _ in 1 2 3 4 5 6 7 8; do cat "$TRAIN"; echo; done > "$OUT/big.conll"
PIN=""
command -v taskset >/dev/null && PIN="taskset -c 0"

"$BIN" train-ner --train "$TRAIN" --out "$OUT/marsad.conll" --cv 10 2>/dev/null
$PIN python3 bench/ner_crf.py "$TRAIN" "$OUT/crf.conll" 10 "$OUT/big.conll" > "$OUT/crf_speed.json"
start=$(date +%s.%N)
$PIN "$BIN" tag --conll < "$OUT/big.conll" > "$OUT/tagged.conll"
end=$(date +%s.%N)
tokens=$(grep -c . "$OUT/big.conll")
for who in marsad crf; do
  python3 "$SHARED/tools/score_ner.py" "$TRAIN" "$OUT/$who.conll" > "$OUT/$who.json"
done
python3 - "$OUT" "$tokens" "$start" "$end" <<'PY'
import json, sys
out, tokens, start, end = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4])
marsad, crf = json.load(open(f"{out}/marsad.json")), json.load(open(f"{out}/crf.json"))
speed = json.load(open(f"{out}/crf_speed.json"))
print("10-fold CV on the ANERcorp training split (contiguous folds), entity-level F1")
print(f"{'type':<6} {'marsad':>8} {'CRF':>8}")
for typ in ["PERS", "ORG", "LOC", "MISC", "ALL"]:
    name = "micro" if typ == "ALL" else typ
    print(f"{name:<6} {marsad[typ]['f1']:>8.4f} {crf[typ]['f1']:>8.4f}")
m_rate = tokens / (end - start)
print(f"tagging {tokens} tokens on one core: marsad tag --conll {m_rate:,.0f} tokens/s "
      f"(whole process), CRF {speed['tokens_per_s']:,} tokens/s (in process): "
      f"{m_rate / speed['tokens_per_s']:.1f}x")
PY
