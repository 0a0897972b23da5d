#!/usr/bin/env python3
"""Turn the dev annotator's working notes into eval/annotate-dev/gold.jsonl.

Usage: build.py NOTES_DIR > eval/annotate-dev/gold.jsonl

The notes format and the offset rules are those of eval/annotate/build.py (its
docstring); only the article list differs (this folder's articles.jsonl)."""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "annotate"))
import build  # noqa: E402  (eval/annotate/build.py)

build.HERE = HERE
build.main()
