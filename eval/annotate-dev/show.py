#!/usr/bin/env python3
"""Print dev-set articles for reading: show.py N [M] (1-based positions in articles.jsonl)."""
import datetime
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "annotate"))
from corpus import record  # noqa: E402  (eval/annotate/corpus.py)

arts = [json.loads(l) for l in open(os.path.join(HERE, "articles.jsonl"), encoding="utf-8")]
a = int(sys.argv[1])
b = int(sys.argv[2]) if len(sys.argv) > 2 else a
for n in range(a, b + 1):
    s = arts[n - 1]
    r = record(s["zip"], s["record"], s["url"])
    d = datetime.date.fromisoformat(r["date_extracted"][:10])
    print(f"===== {n} {s['outlet']} {r['date_extracted']} ({d.strftime('%A')}) {len(r['content'])} chars")
    print("TITLE:", r["title"])
    print(r["content"])
    print()
