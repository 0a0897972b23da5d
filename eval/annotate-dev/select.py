#!/usr/bin/env python3
"""Deterministic selection of the SaudiNewsNet articles for the annotation DEV set.

Usage: select.py [--corpus DIR] [--n 30] [--seed 17] > eval/annotate-dev/articles.jsonl

The same procedure as eval/annotate/select.py (the gold set): every day (zip)
of the corpus, `content` of 600..3500 characters, the least-used outlet first
within a day, 4 of every 5 picks from articles with a quote cue or quote marks,
the 5th from articles without. Differences: another seed, and every article of
the gold set (eval/annotate/articles.jsonl) is excluded, so the two sets never
share an article. The article text itself is never written (CC BY-NC-SA).
"""
import argparse
import glob
import json
import os
import random
import re
import zipfile

CUE = re.compile(r"(?:^|\s)و?(?:قال|أكد|أوضح|أضاف|أشار)|[«»“”\"]")
HERE = os.path.dirname(os.path.abspath(__file__))
GOLD_ARTICLES = os.path.join(HERE, "..", "annotate", "articles.jsonl")


def load(zpath):
    with zipfile.ZipFile(zpath) as z:
        return json.loads(z.read(z.namelist()[0]))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default="/work/shared/corpora/saudinewsnet")
    ap.add_argument("--n", type=int, default=30)
    ap.add_argument("--seed", type=int, default=17)
    a = ap.parse_args()
    gold_urls = {json.loads(l)["url"] for l in open(GOLD_ARTICLES, encoding="utf-8") if l.strip()}
    rng = random.Random(a.seed)
    zips = sorted(glob.glob(os.path.join(a.corpus, "*.zip")))
    per_day = [a.n // len(zips) + (1 if i < a.n % len(zips) else 0) for i in range(len(zips))]
    k = 0  # every 5th pick comes from articles without a cue
    outlet_uses = {}
    for zpath, quota in zip(zips, per_day):
        recs = load(zpath)
        cands = [
            (i, r)
            for i, r in enumerate(recs)
            if 600 <= len(r.get("content") or "") <= 3500 and r["url"] not in gold_urls
        ]
        rng.shuffle(cands)
        for _ in range(quota):
            want_cue = (k % 5) != 4
            k += 1
            pool = [c for c in cands if bool(CUE.search(c[1]["content"])) == want_cue] or cands
            best = min(pool, key=lambda c: outlet_uses.get(c[1]["source"], 0))
            cands.remove(best)
            i, r = best
            outlet_uses[r["source"]] = outlet_uses.get(r["source"], 0) + 1
            print(json.dumps({
                "url": r["url"], "zip": os.path.basename(zpath), "record": i,
                "outlet": r["source"], "date_extracted": r["date_extracted"],
                "chars": len(r["content"]), "cue": want_cue,
            }, ensure_ascii=False))


if __name__ == "__main__":
    main()
