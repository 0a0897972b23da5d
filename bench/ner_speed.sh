#!/usr/bin/env bash
# Speed of the entity tagger, single core:
# 1. `marsad tag --conll` on the ANERcorp training file repeated 8 times (~1M tokens),
#    wall clock including start-up and model loading, pinned to one core;
# 2. the in-library tagger on the same file, model loading excluded;
# 3. the whole article annotator (`annotate_entities`) over the five seed articles;
# 4. `annotate_entities` over real news: the first 2,000 articles of one SaudiNewsNet day
#    (2015-07-21), after the next 888 warmed the tagger's word-type cache as a long ingest
#    would, and on a fresh thread (cold cache); also the tokenizer alone, for the floor.
#
# Usage: bash bench/ner_speed.sh    (needs ../shared beside the repository)
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED=${SHARED:-../shared}
[ -d "$SHARED" ] || SHARED=/work/shared
TRAIN=$SHARED/eval/ner/anercorp_train.txt
cargo build --release -q -p marsad-cli
cargo build --release -q -p marsad-annotate --example ner_speed --example ner_corpus_speed
TARGET=${CARGO_TARGET_DIR:-target}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
for _ in 1 2 3 4 5 6 7 8; do cat "$TRAIN"; echo; done > "$TMP/big.conll"
tokens=$(grep -c . "$TMP/big.conll")
PIN=""
command -v taskset >/dev/null && PIN="taskset -c 0"
start=$(date +%s.%N)
$PIN "$TARGET/release/marsad" tag --conll < "$TMP/big.conll" > "$TMP/out.conll"
end=$(date +%s.%N)
python3 - "$tokens" "$start" "$end" <<'PY'
import sys
tokens, start, end = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3])
print(f"marsad tag --conll (1 core, wall clock incl. model load): {tokens} tokens in {end - start:.2f} s = {tokens / (end - start):,.0f} tokens/s")
PY
$PIN "$TARGET/release/examples/ner_speed" "$TMP/big.conll" examples/seeds/*.txt
$PIN "$TARGET/release/examples/ner_corpus_speed" "$SHARED/corpora/saudinewsnet/2015-07-21.zip"
