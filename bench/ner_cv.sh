#!/usr/bin/env bash
# 10-fold cross-validation of the entity tagger on the ANERcorp training split.
# Folds are contiguous blocks of sentences in file order (ANERcorp has no document
# markers; contiguous blocks keep each article's repeated names within one fold as far
# as possible). Each fold's model is trained on the other nine folds with the same
# options as the shipped model; the predictions of all folds are pooled and scored
# with score_ner.py (entity-level, exact span and type).
#
# Usage: bash bench/ner_cv.sh [FOLDS]    (needs ../shared beside the repository)
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED=${SHARED:-../shared}
[ -d "$SHARED" ] || SHARED=/work/shared
TRAIN=$SHARED/eval/ner/anercorp_train.txt
FOLDS=${1:-10}
cargo build --release -q -p marsad-cli
BIN=${CARGO_TARGET_DIR:-target}/release/marsad
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
start=$(date +%s)
"$BIN" train-ner --train "$TRAIN" --out "$OUT/pred.conll" --cv "$FOLDS"
end=$(date +%s)
python3 "$SHARED/tools/score_ner.py" "$TRAIN" "$OUT/pred.conll" > "$OUT/score.json"
python3 - "$OUT/score.json" "$FOLDS" "$((end - start))" <<'PY'
import json, sys
res = json.load(open(sys.argv[1]))
print(f"ANERcorp train split, {sys.argv[2]}-fold CV (contiguous folds), pooled, {sys.argv[3]} s")
print(f"{'type':<6} {'P':>7} {'R':>7} {'F1':>7} {'gold':>6}")
for typ in ['PERS', 'ORG', 'LOC', 'MISC', 'ALL']:
    if typ in res:
        r = res[typ]
        name = 'micro' if typ == 'ALL' else typ
        print(f"{name:<6} {r['precision']:>7.4f} {r['recall']:>7.4f} {r['f1']:>7.4f} {r['gold']:>6}")
print(f"token mismatches: {res['token_mismatches']}")
PY
