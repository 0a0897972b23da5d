#!/usr/bin/env python3
"""Deterministic selection of the SaudiNewsNet articles for the annotation gold set.

Usage: select.py [--corpus DIR] [--n 45] [--seed 7] > eval/annotate/articles.jsonl

Samples from every day (zip) of the corpus, articles whose content has 600..3500
characters, round-robin over outlets within a day so several outlets are
represented, preferring (about 4 in 5) articles that contain a quote cue
(قال/أكد/أوضح/أضاف/أشار) or quote marks, the rest drawn from those without.
Writes one JSON line per article: url, zip, record (index in the zip's JSON
array), outlet, date_extracted, chars. The article text itself is never written
(the corpus is CC BY-NC-SA; it stays outside the repository).
"""
import argparse
import glob
import json
import os
import random
import re
import zipfile

CUE = re.compile(r"(?:^|\s)و?(?:قال|أكد|أوضح|أضاف|أشار)|[«»“”\"]")


def load(zpath):
    with zipfile.ZipFile(zpath) as z:
        name = z.namelist()[0]
        return json.loads(z.read(name))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default="/work/shared/corpora/saudinewsnet")
    ap.add_argument("--n", type=int, default=45)
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    zips = sorted(glob.glob(os.path.join(a.corpus, "*.zip")))
    # quota per day: n spread evenly over the days, remainder to the first days
    per_day = [a.n // len(zips) + (1 if i < a.n % len(zips) else 0) for i in range(len(zips))]
    k = 0  # global counter: every 5th pick comes from articles without a cue
    out = []
    outlet_uses = {}
    for zpath, quota in zip(zips, per_day):
        recs = load(zpath)
        cands = [
            (i, r)
            for i, r in enumerate(recs)
            if 600 <= len(r.get("content") or "") <= 3500
        ]
        rng.shuffle(cands)
        for _ in range(quota):
            want_cue = (k % 5) != 4
            k += 1
            pool = [c for c in cands if bool(CUE.search(c[1]["content"])) == want_cue]
            if not pool:
                pool = cands
            # least used outlet so far first (ties: shuffled order)
            best = min(pool, key=lambda c: outlet_uses.get(c[1]["source"], 0))
            cands.remove(best)
            i, r = best
            outlet_uses[r["source"]] = outlet_uses.get(r["source"], 0) + 1
            out.append(
                {
                    "url": r["url"],
                    "zip": os.path.basename(zpath),
                    "record": i,
                    "outlet": r["source"],
                    "date_extracted": r["date_extracted"],
                    "chars": len(r["content"]),
                    "cue": want_cue,
                }
            )
    for o in out:
        print(json.dumps(o, ensure_ascii=False))


if __name__ == "__main__":
    main()
