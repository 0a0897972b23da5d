"""Shared helper: read one SaudiNewsNet record by zip name and index."""
import json
import os
import zipfile

CORPUS = os.environ.get("SAUDINEWSNET", "/work/shared/corpora/saudinewsnet")
_cache = {}


def records(zipname, corpus=CORPUS):
    key = (corpus, zipname)
    if key not in _cache:
        with zipfile.ZipFile(os.path.join(corpus, zipname)) as z:
            _cache[key] = json.loads(z.read(z.namelist()[0]))
    return _cache[key]


def record(zipname, index, url=None, corpus=CORPUS):
    r = records(zipname, corpus)[index]
    if url is not None and r["url"] != url:
        raise ValueError(f"{zipname}[{index}] is {r['url']}, expected {url}")
    return r
