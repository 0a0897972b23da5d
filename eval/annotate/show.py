#!/usr/bin/env python3
"""Print selected articles for reading: show.py N [M]  (1-based positions in articles.jsonl)."""
import datetime
import json
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from corpus import record  # noqa: E402

HERE = os.path.dirname(__file__)
arts = [json.loads(l) for l in open(os.path.join(HERE, "articles.jsonl"))]
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
