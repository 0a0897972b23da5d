#!/usr/bin/env bash
# Benchmark (issue 3): main-text extraction, ours side by side with trafilatura, on the
# 250 pages of ../shared/eval/html/trafilatura_dev.tar.xz (gold "with"/"without" snippets).
#
#   bash bench/extract.sh                 # needs: cargo, python3, pip, xz
#   MARSAD_SHARED=/path/to/shared bash bench/extract.sh
#
# Steps: extract the tarball to a temp dir; build and run our extractor over all pages
# (examples/extract_dir.rs, both cores); run trafilatura.extract (default settings, one
# process) via bench/extract_eval.py; score both with shared/tools/score_html.py; print
# F1/precision/recall, ms per page measured inside each process (extraction incl. file
# reading and writing for ours, extraction only for trafilatura), whole-process wall and
# CPU time per page and peak memory from /usr/bin/time, and the speed ratios. Last, the
# date coverage: of the pages whose <meta> tags or JSON-LD carry a publication date
# (found by bench/extract_eval.py's own check, independent of our code), the share for
# which our extractor returns `published`.
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${MARSAD_SHARED:-../shared}
target=${CARGO_TARGET_DIR:-target}

if ! python3 -c 'import trafilatura, lxml_html_clean' 2>/dev/null; then
  pip install --quiet trafilatura lxml_html_clean
fi
if [ ! -x /usr/bin/time ]; then
  apt-get install -y time >/dev/null
fi
cargo build --release --quiet -p marsad-ingest --example extract_dir
bin="$target/release/examples/extract_dir"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tar -xJf "$shared/eval/html/trafilatura_dev.tar.xz" -C "$work"
pages="$work/dev/html"
gold="$work/dev/gold.json"
# Warm the page cache so that neither run pays for the first read.
cat "$pages"/*.html >/dev/null

/usr/bin/time -f '%e %U %S %M' -o "$work/ours.time" "$bin" "$pages" "$work/ours" >"$work/ours.run"
/usr/bin/time -f '%e %U %S %M' -o "$work/traf.time" \
  python3 bench/extract_eval.py "$pages" "$work/traf" >"$work/traf.run"
python3 "$shared/tools/score_html.py" "$gold" "$work/ours" >"$work/ours.score"
python3 "$shared/tools/score_html.py" "$gold" "$work/traf" >"$work/traf.score"
python3 bench/extract_eval.py --dates "$pages" "$work/ours" >"$work/dates.json"

python3 - "$work" <<'EOF'
import json, sys
work = sys.argv[1]
def load(name):
    return json.loads(open(f"{work}/{name}").read().strip().splitlines()[-1])
rows = []
for who, label in (("ours", "marsad"), ("traf", "trafilatura")):
    score, run = load(f"{who}.score"), load(f"{who}.run")
    wall, user, sys_, rss = open(f"{work}/{who}.time").read().split()
    n = run["pages"]
    rows.append(dict(label=label, f1=score["f1"], p=score["precision"], r=score["recall"],
                     ms=run["ms_per_page"], proc_ms=float(wall) * 1000 / n,
                     cpu_ms=(float(user) + float(sys_)) * 1000 / n, rss=int(rss) / 1024,
                     threads=run.get("threads", 1)))
print(f"{'extractor':<12} {'F1':>6} {'prec':>6} {'recall':>6} {'ms/page':>8} "
      f"{'process ms/page':>15} {'cpu ms/page':>11} {'peak MiB':>8} threads")
for r in rows:
    print(f"{r['label']:<12} {r['f1']:>6.4f} {r['p']:>6.4f} {r['r']:>6.4f} {r['ms']:>8.2f} "
          f"{r['proc_ms']:>15.2f} {r['cpu_ms']:>11.2f} {r['rss']:>8.0f} {r['threads']:>7}")
ours, traf = rows
print(f"speed ratio (trafilatura / marsad): {traf['ms'] / ours['ms']:.1f}x per page in-process, "
      f"{traf['proc_ms'] / ours['proc_ms']:.1f}x whole process, {traf['cpu_ms'] / ours['cpu_ms']:.1f}x CPU time")
d = load("dates.json")
print(f"dates: {d['found']}/{d['with_date']} pages with a date in meta or JSON-LD get `published` "
      f"({100 * d['coverage']:.1f}%); {d['agree']}/{d['comparable']} agree on the day with that date; "
      f"{d['found_elsewhere']}/{d['without_date']} other pages get one from <time>, the URL or the text")
EOF
