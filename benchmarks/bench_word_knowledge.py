"""Word knowledge from packages in the matcher's rare-word signals (issue 12, item 1): what each
adds on the labelled compare pairs, at the defaults and held out (leave one pair out).

The "idf" and "title_idf" signals weigh word stems (match/signals._terms: an inflection cut,
the first seven letters) by their rarity in the two versions. Tried here in their place or
beside them, each alone:
- lemmas: simplemma's bokmål lemma (pip install simplemma; skipped when missing) for the stem;
- compound parts: a compound split against the bokmål word list (wnorwegian) into a modifier
  and a head of three letters or more, a linking s or e allowed, adds both parts' stems
  ("profileringstiltak" → profilering + tiltak), or only the head's, or only where the
  compound is rare in Norwegian (Zipf < 2) and both parts have five letters or more;
- an IDF prior from Norwegian at large: each stem's corpus idf times ((top − Zipf) / top)^a
  (Zipf: wordfreq's bokmål frequency of its commonest form in the texts), replaced by it, or
  the mean of the two.
Prints per pair link P R F1 at the defaults, then the held-out F1 (threshold × w_idf × second
chosen on the two other pairs). Run: nice -n 10 .venv/bin/python benchmarks/bench_word_knowledge.py
"""

from __future__ import annotations

import dataclasses
import itertools
import math
import sys
from functools import cache
from pathlib import Path

import numpy as np
from scipy import sparse

sys.path[:0] = [str(Path(__file__).resolve().parent)]

import bench_accuracy  # noqa: E402

import orvers.match.pairs as pairs  # noqa: E402
import orvers.match.signals as signals  # noqa: E402
from orvers.match import MatchSettings  # noqa: E402
from orvers.ocr.wordlist import load_wordlist  # noqa: E402
from orvers.text import fold  # noqa: E402

MODE: dict = {}
ENDINGS = ("ene", "er", "en", "et", "e", "a", "ar")
_stem_terms = signals._terms
_stem_counts = signals.stem_counts
_tf_idf = signals.tf_idf


@cache
def zipf() -> dict[str, float]:
    """Folded word → the highest Zipf frequency of the bokmål forms folding to it."""
    from wordfreq import get_frequency_dict

    out: dict[str, float] = {}
    for word, freq in get_frequency_dict("nb").items():
        if freq > 0:
            key, z = fold(word), math.log10(freq) + 9
            out[key] = max(z, out.get(key, z))
    return out


@cache
def words() -> frozenset[str]:
    return frozenset(fold(w) for w in load_wordlist().words)


@cache
def split(word: str) -> tuple[str, ...]:
    """(modifier, head) of a compound of known words, the longest head first; () if none."""
    known = words()
    for k in range(3, len(word) - 3):
        left, head = word[:k], word[k:]
        if head in known or any(head.endswith(e) and head[:-len(e)] in known for e in ENDINGS):
            for mod in (left, left[:-1] if left[-1] in "se" else ""):
                if len(mod) >= 3 and mod in known:
                    return (mod, head)
    return ()


@cache
def lemma(word: str) -> str:
    import simplemma

    return fold(simplemma.lemmatize(word, lang="nb"))


def terms(word: str, letters: int) -> tuple[str, ...]:
    out = _stem_terms(word, letters)
    if MODE.get("lemma"):
        stem = lemma(word)
        out = (stem[:letters], stem) if len(stem) > letters else (stem,)
    how = MODE.get("split")
    if how:
        parts = split(word)
        if how == "rare" and (zipf().get(word, 0.0) >= 2 or min(map(len, parts), default=0) < 5):
            parts = ()
        if how == "head":
            parts = parts[1:]
        extra = [t for p in parts for t in _stem_terms(p, letters)]
        out += tuple(t for t in dict.fromkeys(extra) if t not in out)
    return out


LAST: dict = {}


def stem_counts(texts, letters: int) -> sparse.csr_matrix:
    """signals.stem_counts, keeping each column's words for the prior (columns are numbered
    in the order their terms first occur, as stem_counts numbers them)."""
    vocab: dict[str, int] = {}
    seen: dict[int, list[str]] = {}
    for text in texts:
        for w in dict.fromkeys(text.split()):
            if len(w) > 2 and w.isalpha():
                for t in signals._terms(w, letters):
                    seen.setdefault(vocab.setdefault(t, len(vocab)), []).append(w)
    LAST["words"] = seen
    return _stem_counts(texts, letters)


def tf_idf(counts: sparse.csr_matrix, corpus: sparse.csr_matrix) -> sparse.csr_matrix:
    prior = MODE.get("prior")
    if not prior:
        return _tf_idf(counts, corpus)
    how, a, top = prior
    table, seen = zipf(), LAST["words"]
    z = np.array([max((table.get(w, 0.0) for w in seen.get(t, ())), default=0.0)
                  for t in range(corpus.shape[1])], dtype=np.float32)
    general = np.clip((top - z) / top, 0.0, 1.0)
    df = np.bincount(corpus.indices, minlength=corpus.shape[1])
    idf = np.log(corpus.shape[0] / np.maximum(df, 1)).astype(np.float32)
    new = {"product": idf * general ** a, "replace": general * math.log(corpus.shape[0]),
           "mean": 0.5 * idf + 0.5 * general * math.log(corpus.shape[0])}[how]
    out = counts.copy()
    out.data = (1.0 + np.log(out.data)).astype(np.float32)
    return (out @ sparse.diags(new.astype(np.float32))).tocsr()


VARIANTS = {
    "stems (the defaults)": {},
    "simplemma lemmas": {"lemma": True},
    "compound parts": {"split": "both"},
    "compound head only": {"split": "head"},
    "rare compounds' parts": {"split": "rare"},
    "prior × idf (a 1, top 9)": {"prior": ("product", 1, 9)},
    "prior × idf (a 2, top 9)": {"prior": ("product", 2, 9)},
    "prior × idf (a 1, top 7)": {"prior": ("product", 1, 7)},
    "prior in place of idf": {"prior": ("replace", 1, 9)},
    "mean of prior and idf": {"prior": ("mean", 1, 9)},
    "compound parts + prior × idf": {"split": "both", "prior": ("product", 1, 9)},
}


def held_out(versions: dict) -> list[float]:
    base = MatchSettings()
    grid = [dataclasses.replace(base, threshold=t, w_idf=w, second=c)
            for t, w, c in itertools.product((0.40, 0.42, 0.44, 0.45, 0.46, 0.48, 0.50),
                                             (0.3, 0.5, 0.7), (0.0, 0.9))]
    table = [bench_accuracy.compare_scores(versions, s) for s in grid]
    out = []
    for k in range(3):
        def fit(g: int, k: int = k) -> tuple[float, float]:
            s = grid[g]
            return (sum(table[g][x].f1 for x in range(3) if x != k) / 2,
                    -abs(s.threshold - base.threshold) - abs(s.w_idf - base.w_idf)
                    - abs(s.second - base.second))
        out.append(table[max(range(len(grid)), key=fit)][k].f1)
    return out


def main() -> None:
    signals._terms = terms
    pairs.stem_counts = stem_counts
    pairs.tf_idf = tf_idf
    versions = bench_accuracy._load()
    names = " | ".join(f"{a} → {b}" for a, b, _ in bench_accuracy.PAIRS)
    print(f"{'variant':30} P R F1 at the defaults: {names}; held-out F1 (same order)")
    for name, mode in VARIANTS.items():
        if mode.get("lemma"):
            try:
                import simplemma  # noqa: F401
            except ImportError:
                print(f"{name:30} skipped: simplemma is not installed")
                continue
        MODE.clear()
        MODE.update(mode)
        scores = bench_accuracy.compare_scores(versions, MatchSettings())
        print(f"{name:30} " + " | ".join(f"{s.precision:.2f} {s.recall:.2f} {s.f1:.2f}"
                                         for s in scores)
              + "   held out " + " | ".join(f"{f:.2f}" for f in held_out(versions)), flush=True)


if __name__ == "__main__":
    main()
