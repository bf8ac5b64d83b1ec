"""Pairwise similarity signals, each computed as a whole matrix (old × new) in [0, 1]."""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
from rapidfuzz import fuzz, process
from scipy import sparse

from ..model import Measure
from ..text import fold

# folded like the text they filter (æøå → ae, o, a)
STOP_WORDS = frozenset((
    "og", "i", "pa", "til", "for", "av", "med", "om", "som", "en", "et", "ei", "den", "det",
    "de", "der", "er", "a", "fra", "ved", "mot", "samt", "eller", "hvor", "har", "skal", "kan",
    "blir", "bli", "vaere", "under", "over", "mellom", "etter", "inn", "ut", "ogsa",
))
_WORD_RE = re.compile(r"[a-z0-9]+")
# letters OCR confuses, folded to one (applied to both sides only for scoring)
_OCR = str.maketrans({"0": "o", "|": "l"})


def normalise(text: str) -> str:
    """Casefolded, æøå folded, punctuation and stop words dropped: text for scoring."""
    words = _WORD_RE.findall(fold(text).translate(_OCR))
    return " ".join(w for w in words if w not in STOP_WORDS)


def _matrix(scorer, a: Sequence[str], b: Sequence[str]) -> np.ndarray:
    if not a or not b:
        return np.zeros((len(a), len(b)), dtype=np.float32)
    m = process.cdist(a, b, scorer=scorer, dtype=np.uint8, workers=-1)
    return m.astype(np.float32) / 100.0


def title_sort(a: Sequence[str], b: Sequence[str]) -> np.ndarray:
    """token_sort_ratio of normalised titles."""
    return _matrix(fuzz.token_sort_ratio, a, b)


def title_set(a: Sequence[str], b: Sequence[str]) -> np.ndarray:
    """token_set_ratio of normalised titles (1.0 when one side's words are a subset)."""
    return _matrix(fuzz.token_set_ratio, a, b)


def ngram_vectors(texts: Sequence[str], n: int, vocab: dict[str, int]) -> sparse.csr_matrix:
    """Character n-gram count vectors (rows L2-normalised) over a shared vocabulary."""
    rows, cols, vals = [], [], []
    for i, t in enumerate(texts):
        t = f" {t} "
        counts: dict[int, int] = {}
        for j in range(len(t) - n + 1):
            g = vocab.setdefault(t[j:j + n], len(vocab))
            counts[g] = counts.get(g, 0) + 1
        norm = float(np.sqrt(sum(c * c for c in counts.values()))) or 1.0
        for g, c in counts.items():
            rows.append(i)
            cols.append(g)
            vals.append(c / norm)
    return sparse.csr_matrix((np.asarray(vals, dtype=np.float32), (rows, cols)),
                             shape=(len(texts), max(len(vocab), 1)))


def ngram(a: Sequence[str], b: Sequence[str], n: int = 3) -> np.ndarray:
    """Cosine similarity of character n-gram counts."""
    vocab: dict[str, int] = {}
    va = ngram_vectors(a, n, vocab)
    vb = ngram_vectors(b, n, vocab)
    va.resize((va.shape[0], len(vocab)))
    vb.resize((vb.shape[0], len(vocab)))
    return np.asarray((va @ vb.T).todense(), dtype=np.float32)


def containment(a: Sequence[str], b: Sequence[str], n: int = 3) -> np.ndarray:
    """Share of each b text's distinct n-grams found in each a text (rows a, columns b)."""
    vocab: dict[str, int] = {}

    def binary(texts):
        v = ngram_vectors(texts, n, vocab)
        v.data[:] = 1.0
        return v

    va, vb = binary(a), binary(b)
    va.resize((va.shape[0], len(vocab)))
    vb.resize((vb.shape[0], len(vocab)))
    inter = np.asarray((va @ vb.T).todense(), dtype=np.float32)
    sizes = np.asarray(vb.sum(axis=1)).ravel().astype(np.float32)
    return inter / np.maximum(sizes, 1.0)[None, :]


def fields_text(m: Measure) -> str:
    """Normalised targets and partners of a measure ("" when it has none)."""
    return normalise(" ".join((*m.result_targets, *m.effect_targets, *m.partners)))


def fields(a: Sequence[str], b: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """token_set_ratio of targets + partners, and a mask of pairs where both sides have them."""
    m = _matrix(fuzz.token_set_ratio, a, b)
    has_a = np.array([bool(t) for t in a])[:, None]
    has_b = np.array([bool(t) for t in b])[None, :]
    return m, has_a & has_b
