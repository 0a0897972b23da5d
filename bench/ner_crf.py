#!/usr/bin/env python3
"""The tool a desk would otherwise pick for Arabic NER on CPU: a linear-chain CRF
(sklearn-crfsuite, L-BFGS, c1=c2=0.1, 100 iterations) with standard lexical features
(the word, its first/last 1-3 letters, digit/Latin/punctuation shape, the words at ±1
and ±2, sentence boundaries). It gets the same 10 contiguous folds of the ANERcorp
training split as `marsad train-ner --cv 10`, and is timed tagging the same file as
`marsad tag --conll`, in this process on one core (features included, training not).

Usage: ner_crf.py TRAIN OUT_PRED FOLDS BIG_CONLL
Writes the pooled fold predictions to OUT_PRED (score them with score_ner.py) and
prints the tagging speed on BIG_CONLL as JSON.
"""
import json, sys, time

import sklearn_crfsuite


def read_sentences(path):
    sentences, tokens, tags = [], [], []
    with open(path, encoding="utf-8-sig") as f:
        for line in f:
            line = line.rstrip("\n").rstrip("\r")
            if not line.strip():
                if tokens:
                    sentences.append((tokens, tags))
                tokens, tags = [], []
                continue
            parts = line.split("\t") if "\t" in line else line.rsplit(" ", 1)
            tokens.append(parts[0].strip())
            tags.append(parts[-1].strip() if len(parts) > 1 else "O")
    if tokens:
        sentences.append((tokens, tags))
    return sentences


def shape(word):
    if word.isdigit():
        return "digit"
    if word.isascii() and word.isalpha():
        return "latin"
    if not any(c.isalnum() for c in word):
        return "punct"
    return "word"


def token_features(tokens, i):
    w = tokens[i]
    f = {"bias": 1.0, "w": w, "p1": w[:1], "p2": w[:2], "p3": w[:3],
         "s1": w[-1:], "s2": w[-2:], "s3": w[-3:], "shape": shape(w), "len": min(len(w), 8)}
    for d in (-2, -1, 1, 2):
        j = i + d
        f[f"w{d:+d}"] = tokens[j] if 0 <= j < len(tokens) else ("<s>" if j < 0 else "</s>")
    if i == 0:
        f["BOS"] = 1.0
    if i == len(tokens) - 1:
        f["EOS"] = 1.0
    return f


def features(tokens):
    return [token_features(tokens, i) for i in range(len(tokens))]


def train(sentences):
    crf = sklearn_crfsuite.CRF(algorithm="lbfgs", c1=0.1, c2=0.1, max_iterations=100,
                               all_possible_transitions=True)
    crf.fit([features(t) for t, _ in sentences], [g for _, g in sentences])
    return crf


def main():
    train_path, out_path, folds, big_path = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
    sentences = read_sentences(train_path)
    n = len(sentences)
    predictions = [None] * n
    started = time.time()
    for k in range(folds):
        lo, hi = k * n // folds, (k + 1) * n // folds
        crf = train(sentences[:lo] + sentences[hi:])
        for i, tags in zip(range(lo, hi), crf.predict([features(t) for t, _ in sentences[lo:hi]])):
            predictions[i] = tags
        print(f"fold {k + 1}/{folds} done", file=sys.stderr)
    cv_seconds = time.time() - started
    with open(out_path, "w", encoding="utf-8") as out:
        for (tokens, _), tags in zip(sentences, predictions):
            for token, tag in zip(tokens, tags):
                out.write(f"{token}\t{tag}\n")
            out.write("\n")
    # Speed: the last fold's model tags the big file (features + Viterbi), one core.
    big = [t for t, _ in read_sentences(big_path)]
    tokens = sum(len(t) for t in big)
    started = time.time()
    crf.predict([features(t) for t in big])
    seconds = time.time() - started
    print(json.dumps({"cv_seconds": round(cv_seconds, 1), "tokens": tokens,
                      "tag_seconds": round(seconds, 2), "tokens_per_s": round(tokens / seconds)}))


if __name__ == "__main__":
    main()
