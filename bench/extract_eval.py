#!/usr/bin/env python3
"""Reference run for bench/extract.sh: trafilatura over a folder of HTML pages.

Usage: extract_eval.py IN_DIR OUT_DIR
       extract_eval.py --dates IN_DIR OURS_DIR

For every IN_DIR/<stem>.html writes OUT_DIR/<stem>.txt with the text of
trafilatura.extract(html) under default settings (an empty file when it finds
nothing), in one process, one page after another. Prints one JSON line:
{"pages", "seconds", "ms_per_page", "cpu_ms_per_page", "failed"}, where seconds
covers extraction only (reading files and importing trafilatura excluded).

With --dates: which pages of IN_DIR carry a publication date in a <meta> tag
(name/property/itemprop/http-equiv naming a publication date or just "date",
with a year in its content) or in JSON-LD ("datePublished"/"dateCreated"), checked
here with lxml independently of the extractor; and for how many of those
OURS_DIR/<stem>.json (written by examples/extract_dir.rs) has "published", and
of those whose stated date this check can read (YYYY-MM-DD), how many agree on
the day. Prints {"with_date", "found", "coverage", "agree", "comparable",
"without_date", "found_elsewhere"}.

Needs: pip install trafilatura lxml_html_clean
"""
import json
import os
import sys
import time

import re


META_KEYS = re.compile(
    r"(published|publish|pub-?date|date|created|issued|release)", re.IGNORECASE
)
NOT_PUBLISHED = re.compile(r"(modif|updat|expir|revis|review|last)", re.IGNORECASE)
YEAR = re.compile(r"(?<![0-9A-Za-z])(?:19|20)\d\d(?![0-9A-Za-z])")
DAY = re.compile(r"((?:19|20)\d\d)-(\d\d)-(\d\d)")


def page_dates(html: bytes) -> list:
    """Publication dates the page states in meta tags or JSON-LD ("" when no day is readable)."""
    import lxml.html

    try:
        doc = lxml.html.fromstring(html)
    except Exception:  # noqa: BLE001 - unparsable: no date
        return []
    found = []
    for meta in doc.iter("meta"):
        key = " ".join(meta.get(a, "") for a in ("name", "property", "itemprop", "http-equiv"))
        content = meta.get("content", "")
        if META_KEYS.search(key) and not NOT_PUBLISHED.search(key) and YEAR.search(content):
            m = DAY.search(content)
            found.append(m.group(0) if m else "")
    for script in doc.iter("script"):
        if "ld+json" in (script.get("type") or ""):
            for m in re.finditer(r'"(?:datePublished|dateCreated)"\s*:\s*"([^"]*)"', script.text or ""):
                if YEAR.search(m.group(1)):
                    d = DAY.search(m.group(1))
                    found.append(d.group(0) if d else "")
    return found


def dates(in_dir: str, ours_dir: str) -> None:
    with_date = found = agree = comparable = without = elsewhere = 0
    for name in sorted(n for n in os.listdir(in_dir) if n.endswith(".html")):
        with open(os.path.join(in_dir, name), "rb") as f:
            stated = page_dates(f.read())
        meta_path = os.path.join(ours_dir, name[:-5] + ".json")
        published = ""
        if os.path.exists(meta_path):
            with open(meta_path, encoding="utf-8") as f:
                published = json.load(f).get("published") or ""
        if stated:
            with_date += 1
            if published:
                found += 1
                if any(stated):
                    comparable += 1
                    agree += published[:10] in stated
        else:
            without += 1
            elsewhere += bool(published)
    print(json.dumps({
        "with_date": with_date, "found": found, "coverage": round(found / max(1, with_date), 4),
        "agree": agree, "comparable": comparable, "without_date": without, "found_elsewhere": elsewhere,
    }))


def main() -> None:
    if len(sys.argv) == 4 and sys.argv[1] == "--dates":
        dates(sys.argv[2], sys.argv[3])
        return
    import trafilatura

    if len(sys.argv) != 3:
        sys.exit("usage: extract_eval.py IN_DIR OUT_DIR")
    in_dir, out_dir = sys.argv[1], sys.argv[2]
    os.makedirs(out_dir, exist_ok=True)
    names = sorted(n for n in os.listdir(in_dir) if n.endswith(".html"))
    pages = []
    for name in names:
        with open(os.path.join(in_dir, name), "rb") as f:
            pages.append((name, f.read()))
    failed = 0
    results = []
    wall0, cpu0 = time.perf_counter(), time.process_time()
    for name, data in pages:
        try:
            text = trafilatura.extract(data) or ""
        except Exception:  # noqa: BLE001 - a failed page scores as empty
            failed += 1
            text = ""
        results.append((name, text))
    wall, cpu = time.perf_counter() - wall0, time.process_time() - cpu0
    for name, text in results:
        with open(os.path.join(out_dir, name[:-5] + ".txt"), "w", encoding="utf-8") as f:
            f.write(text)
    n = max(1, len(pages))
    print(
        json.dumps(
            {
                "pages": len(pages),
                "seconds": round(wall, 3),
                "ms_per_page": round(wall * 1000 / n, 2),
                "cpu_ms_per_page": round(cpu * 1000 / n, 2),
                "failed": failed,
            }
        )
    )


if __name__ == "__main__":
    main()
