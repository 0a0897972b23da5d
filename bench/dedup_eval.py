#!/usr/bin/env python3
"""Score near-duplicate pairs against the exact ground truth (issue 4).

Usage: dedup_eval.py PAIRS.jsonl [TRUTH.jsonl]
PAIRS: JSON Lines {"a", "b", "similarity", "kind"} (marsad dups --json, or the
dedup_corpus example). TRUTH: every pair with word-5-shingle Jaccard >= 0.3
(../shared/eval/dedup/saudinewsnet_pairs_j030.jsonl); a pair absent from it has
Jaccard < 0.3. Prints recall on true J >= 0.6 and the share of reported pairs
whose true J < 0.4, with the bar (>= 97%, <= 3%).
"""
import json, os, sys

def key(d):
    a, b = d['a'], d['b']
    return (a, b) if a <= b else (b, a)

def main():
    here = os.path.dirname(os.path.abspath(__file__))
    pairs_path = sys.argv[1]
    truth_path = sys.argv[2] if len(sys.argv) > 2 else os.path.join(
        here, '..', '..', 'shared', 'eval', 'dedup', 'saudinewsnet_pairs_j030.jsonl')
    truth = {}
    with open(truth_path, encoding='utf-8') as f:
        for line in f:
            d = json.loads(line)
            truth[key(d)] = d['jaccard']
    reported = {}
    with open(pairs_path, encoding='utf-8') as f:
        for line in f:
            line = line.strip()
            if line:
                d = json.loads(line)
                reported[key(d)] = d.get('similarity')
    high = [k for k, j in truth.items() if j >= 0.6]
    found = sum(1 for k in high if k in reported)
    recall = found / len(high) if high else 1.0
    false = sum(1 for k in reported if truth.get(k, 0.0) < 0.4)
    false_share = false / len(reported) if reported else 0.0
    print(f'reported pairs: {len(reported)}; truth pairs J>=0.3: {len(truth)}, J>=0.6: {len(high)}')
    print(f'recall on J>=0.6: {recall:.4f} ({found}/{len(high)})  bar >= 0.97: {"PASS" if recall >= 0.97 else "FAIL"}')
    print(f'share with true J<0.4: {false_share:.4f} ({false}/{len(reported)})  bar <= 0.03: {"PASS" if false_share <= 0.03 else "FAIL"}')
    return 0 if recall >= 0.97 and false_share <= 0.03 else 1

if __name__ == '__main__':
    sys.exit(main())
