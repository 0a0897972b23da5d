#!/usr/bin/env python3
"""The datasketch baseline for issue 4: MinHash (128 permutations) + MinHashLSH
(threshold 0.5) over the same word 5-shingles as tools/near_dup_truth.py
(NFKC, harakat/tatweel removed, alef forms -> ا, ى -> ي, ة -> ه, Arabic-Indic
digits -> ASCII, lower-cased, tokens = \\w+ runs).

Usage: dedup_datasketch.py FILE.zip... > pairs.jsonl   (pip install datasketch)
Each query result is a reported pair, printed as {"a", "b", "kind": "near"}.
"""
import json, re, sys, time, unicodedata, zipfile

from datasketch import MinHash, MinHashLSH

DIAC = re.compile('[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]')
DIGITS = str.maketrans('٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹', '01234567890123456789')
WORD = re.compile(r'\w+')

def normalize(s):
    s = unicodedata.normalize('NFKC', s)
    s = DIAC.sub('', s)
    s = re.sub('[أإآٱ]', 'ا', s).replace('ى', 'ي').replace('ة', 'ه')
    return s.translate(DIGITS).lower()

def shingles(text, k=5):
    w = WORD.findall(normalize(text))
    return {' '.join(w[i:i + k]).encode('utf-8') for i in range(max(0, len(w) - k + 1))}

def load(paths):
    for p in paths:
        with zipfile.ZipFile(p) as z:
            for n in z.namelist():
                if n.endswith('.json'):
                    yield from json.loads(z.read(n))

def main():
    t0 = time.time()
    lsh = MinHashLSH(threshold=0.5, num_perm=128)
    out = sys.stdout
    n = pairs = 0
    for art in load(sys.argv[1:]):
        if not art.get('content', '').strip():
            continue
        sh = shingles(art['content'])
        if not sh:
            continue
        m = MinHash(num_perm=128)
        m.update_batch(list(sh))
        key = f'{n}\t{art["url"]}'
        for other in lsh.query(m):
            a, b = sorted((other.split('\t', 1)[1], art['url']))
            out.write(json.dumps({'a': a, 'b': b, 'kind': 'near'}, ensure_ascii=False) + '\n')
            pairs += 1
        lsh.insert(key, m)
        n += 1
    print(f'datasketch: {n} articles, {pairs} pairs, {time.time() - t0:.1f}s', file=sys.stderr)

if __name__ == '__main__':
    main()
