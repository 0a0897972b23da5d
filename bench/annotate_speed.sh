#!/usr/bin/env bash
# Benchmark (issue 7): quotes + quantities + dates together, single-threaded, over every
# SaudiNewsNet article text (the annotate_speed example). Bar: >= 5 MB of text per second per core.
#
#   bash bench/annotate_speed.sh
#   MARSAD_SHARED=/path/to/shared bash bench/annotate_speed.sh
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${MARSAD_SHARED:-../shared}
target=${CARGO_TARGET_DIR:-target}
cargo build --release --quiet -p marsad-annotate --example annotate_speed
"$target"/release/examples/annotate_speed "$shared"/corpora/saudinewsnet/*.zip
