#!/usr/bin/env python3
"""Turn the annotator's working notes into eval/annotate/gold.jsonl.

Usage: build.py NOTES_DIR > eval/annotate/gold.jsonl

NOTES_DIR holds one file per article, NN.txt (NN = 1-based position in
articles.jsonl). The notes locate each item by short anchor strings in the
article's content; this script turns them into character offsets into the
`content` field so that no article text reaches the gold file. The notes
themselves are kept outside the repository (they contain fragments of the
CC BY-NC-SA text). Line format (fields separated by " | "):

  Q d|i CUE | SPEAKER or - | START_ANCHOR[#k] .. END_ANCHOR
  N ANCHOR[#k] | VALUE | UNIT or - [| ~]
  D ANCHOR[#k] | VALUE | day|month|year [| r]
  # comment

ANCHOR[#k]: the k-th occurrence (1-based) of ANCHOR in the content; without
#k the anchor must occur exactly once. A quote's END_ANCHOR is searched after
the start anchor; the span runs from the start of START_ANCHOR to the end of
END_ANCHOR. "~" marks an approximate quantity, "r" a relative date.
"""
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(__file__))
from corpus import record  # noqa: E402

HERE = os.path.dirname(__file__)


def find(content, anchor, start=0, must_unique=True, where=""):
    k = None
    m = re.match(r"^(.*)#(\d+)$", anchor)
    if m:
        anchor, k = m.group(1), int(m.group(2))
    occ = [m.start() for m in re.finditer(re.escape(anchor), content)]
    occ = [o for o in occ if o >= start]
    if not occ:
        raise SystemExit(f"{where}: anchor not found: {anchor!r}")
    if k is None:
        if must_unique and len(occ) > 1:
            raise SystemExit(f"{where}: anchor occurs {len(occ)} times: {anchor!r}")
        k = 1
    if k > len(occ):
        raise SystemExit(f"{where}: anchor {anchor!r} has only {len(occ)} occurrences")
    return occ[k - 1], occ[k - 1] + len(anchor)


def main():
    notes = sys.argv[1]
    arts = [json.loads(l) for l in open(os.path.join(HERE, "articles.jsonl"))]
    for n, s in enumerate(arts, 1):
        path = os.path.join(notes, f"{n:02d}.txt")
        if not os.path.exists(path):
            continue
        r = record(s["zip"], s["record"], s["url"])
        c = r["content"]
        quotes, quants, dates = [], [], []
        for ln, line in enumerate(open(path, encoding="utf-8"), 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            where = f"{path}:{ln}"
            kind, rest = line[0], line[1:].strip()
            f = [x.strip() for x in rest.split(" | ")]
            if kind == "Q":
                dflag, cue = f[0].split(" ", 1)
                speaker = None if f[1] == "-" else f[1]
                a, b = f[2].split(" .. ")
                s0, _ = find(c, a, where=where)
                _, e1 = find(c, b, start=s0, must_unique=False, where=where)
                quotes.append({"span": [s0, e1], "direct": dflag == "d", "cue": None if cue == "-" else cue, "speaker": speaker})
            elif kind == "N":
                s0, e1 = find(c, f[0], where=where)
                v = float(f[1])
                if v == int(v):
                    v = int(v)
                quants.append({"span": [s0, e1], "value": v, "unit": None if f[2] == "-" else f[2],
                               "approximate": len(f) > 3 and f[3] == "~"})
            elif kind == "D":
                s0, e1 = find(c, f[0], where=where)
                assert f[2] in ("day", "month", "year"), where
                assert re.match(r"^\d{4}(-\d\d(-\d\d)?)?(/\d{4}(-\d\d(-\d\d)?)?)?$", f[1]), where
                dates.append({"span": [s0, e1], "value": f[1], "precision": f[2],
                              "relative": len(f) > 3 and f[3] == "r"})
            else:
                raise SystemExit(f"{where}: unknown line kind {kind!r}")
        for lst in (quotes, quants, dates):
            lst.sort(key=lambda x: x["span"])
        print(json.dumps({"n": n, "url": s["url"], "zip": s["zip"], "record": s["record"],
                          "outlet": s["outlet"], "date_extracted": r["date_extracted"],
                          "content_chars": len(c),
                          "quotes": quotes, "quantities": quants, "dates": dates}, ensure_ascii=False))


if __name__ == "__main__":
    main()
