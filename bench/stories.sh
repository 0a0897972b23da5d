#!/usr/bin/env bash
# Benchmark and quality bars of issue 6 (stories), all through the real binary:
#
# 1. quality: ingest the whole SaudiNewsNet corpus (18 daily zips) into a fresh
#    database in one run, `marsad stories --json --all`, and score the dev pairs with
#    ../shared/tools/score_story_pairs.py (high-confidence pairs, then all);
# 2. speed: the clustering time inside that ingest (`clustering_seconds` of the
#    summary), and per zip, as the store grows, in the one-at-a-time run below;
# 3. stability: ingest the 18 zips one at a time into a second database; compare the
#    story assignment with the one-run database (agreement on the dev pairs and on
#    2,000 random co-clustered pairs, seed 6; identical story ids for every article);
#    then rerun the whole ingest on the first database and check that no id changed.
#
#   bash bench/stories.sh
#   MARSAD_SHARED=/path/to/shared bash bench/stories.sh
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${MARSAD_SHARED:-../shared}
cargo build --release --quiet -p marsad-cli
bin=${CARGO_TARGET_DIR:-target}/release/marsad
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
zips=("$shared"/corpora/saudinewsnet/*.zip)

echo "== one run: ${#zips[@]} zips into a fresh database"
"$bin" --db "$work/one.db" ingest --json "${zips[@]}" >"$work/one.json"
python3 - "$work/one.json" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
print(f"ingest: {s['added']} articles in {s['seconds']:.2f}s ({s['read']/s['seconds']:.0f}/s); "
      f"clustered {s['clustered']} into {s['stories']} stories in {s['clustering_seconds']:.2f}s "
      f"({1e6*s['clustering_seconds']/max(1,s['clustered']):.0f} µs/article)")
PY
"$bin" --db "$work/one.db" stories --json --all >"$work/one.jsonl"
echo -n "dev pairs (high confidence): "
python3 "$shared/tools/score_story_pairs.py" "$shared/eval/stories/dev_pairs.jsonl" "$work/one.jsonl"
echo -n "dev pairs (all): "
python3 "$shared/tools/score_story_pairs.py" "$shared/eval/stories/dev_pairs.jsonl" "$work/one.jsonl" --all

echo "== one zip at a time into another database (clustering µs/article as the store grows)"
for zip in "${zips[@]}"; do
  "$bin" --db "$work/each.db" ingest --json "$zip" >"$work/each.json"
  python3 - "$work/each.json" "$zip" <<'PY'
import json, sys, os
s = json.load(open(sys.argv[1]))
print(f"  {os.path.basename(sys.argv[2])}: +{s['added']:5d} articles, clustering "
      f"{s['clustering_seconds']:.2f}s = {1e6*s['clustering_seconds']/max(1,s['clustered']):.0f} µs/article")
PY
done
"$bin" --db "$work/each.db" stories --json --all >"$work/each.jsonl"

echo "== rerun of the whole corpus on the one-run database"
"$bin" --db "$work/one.db" ingest --json "${zips[@]}" >"$work/again.json"
"$bin" --db "$work/one.db" stories --json --all >"$work/again.jsonl"

python3 - "$work/one.jsonl" "$work/each.jsonl" "$work/again.jsonl" "$shared/eval/stories/dev_pairs.jsonl" <<'PY'
import json, random, sys
def load(path):
    story = {}
    for line in open(path, encoding="utf-8"):
        s = json.loads(line)
        for a in s["articles"]:
            story[a["url"]] = s["id"]
    return story
one, each, again = (load(p) for p in sys.argv[1:4])
pairs = [json.loads(l) for l in open(sys.argv[4], encoding="utf-8")]
def agree(ps):
    ok = sum((one.get(a) == one.get(b)) == (each.get(a) == each.get(b)) for a, b in ps)
    return ok / max(1, len(ps))
dev = [(p["a_url"], p["b_url"]) for p in pairs]
by_story = {}
for url, s in one.items():
    by_story.setdefault(s, []).append(url)
multi = [sorted(v) for v in by_story.values() if len(v) > 1]
rng = random.Random(6)
sample = []
weights = [len(m) * (len(m) - 1) for m in multi]
for m in rng.choices(multi, weights=weights, k=2000):
    a, b = rng.sample(m, 2)
    sample.append((a, b))
print(f"stability: dev-pair agreement {agree(dev):.4f} ({len(dev)} pairs); "
      f"co-clustered-pair agreement {agree(sample):.4f} (2,000 pairs)")
same_ids = sum(one[u] == each.get(u) for u in one)
print(f"stability: identical story id for {same_ids} of {len(one)} articles")
print(f"rerun: {'no story id changed' if again == one else 'STORY IDS CHANGED'} ({len(again)} articles)")
PY
