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


def plain(text: str) -> str:
    """Casefolded, æøå folded, punctuation dropped, every word kept: text for "unchanged"."""
    return " ".join(_WORD_RE.findall(fold(text).translate(_OCR)))


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


def ngram_vectors(texts: Sequence[str], n: int, vocab: dict[int, int]) -> sparse.csr_matrix:
    """Character n-gram count vectors over a shared vocabulary.

    Vectorised: each n-gram is a rolling number of its code points; vocab maps those numbers
    to columns and grows as new texts come in.
    """
    padded = [f" {t} " for t in texts]
    lengths = np.array([len(t) for t in padded], dtype=np.int64)
    codes = np.frombuffer("".join(padded).encode("utf-32-le"), dtype=np.uint32).astype(np.int64)
    starts = np.concatenate(([0], np.cumsum(lengths)[:-1]))
    count = np.maximum(lengths - n + 1, 0)
    total = int(count.sum())
    doc = np.repeat(np.arange(len(texts)), count)
    pos = np.arange(total) - np.repeat(np.cumsum(count) - count, count) + np.repeat(starts, count)
    key = np.zeros(total, dtype=np.int64)
    for k in range(n):
        key = key * 0x110000 + codes[pos + k] if total else key
    uniq, inverse = np.unique(key, return_inverse=True)
    cols = np.empty(len(uniq), dtype=np.int64)
    for u, g in enumerate(uniq.tolist()):
        cols[u] = vocab.setdefault(g, len(vocab))
    m = sparse.csr_matrix((np.ones(total, dtype=np.float32), (doc, cols[inverse])),
                          shape=(len(texts), max(len(vocab), 1)))
    m.sum_duplicates()
    return m


def _unit_rows(m: sparse.csr_matrix) -> sparse.csr_matrix:
    norms = np.sqrt(np.asarray(m.multiply(m).sum(axis=1)).ravel())
    return sparse.diags(1.0 / np.maximum(norms, 1e-9)).astype(np.float32) @ m


def ngram(a: Sequence[str], b: Sequence[str], n: int = 3, common: float = 0.10) -> np.ndarray:
    """Cosine similarity of character n-gram counts, leaving out n-grams found in more than
    `common` of all texts (and at least 50 of them)."""
    vocab: dict[int, int] = {}
    va = ngram_vectors(a, n, vocab)
    vb = ngram_vectors(b, n, vocab)
    va.resize((va.shape[0], len(vocab)))
    vb.resize((vb.shape[0], len(vocab)))
    docs = va.shape[0] + vb.shape[0]
    limit = max(50, int(common * docs))
    df = np.bincount(np.concatenate([va.indices, vb.indices]), minlength=len(vocab))
    if (df > limit).any():  # n-grams in most texts ("og ", "er ") say little, cost much
        keep = sparse.diags((df <= limit).astype(np.float32))
        va, vb = (va @ keep).tocsr(), (vb @ keep).tocsr()
        va.eliminate_zeros()
        vb.eliminate_zeros()
    return (_unit_rows(va) @ _unit_rows(vb).T).toarray().astype(np.float32)


def containment(a: Sequence[str], b: Sequence[str], n: int = 3) -> np.ndarray:
    """Share of each b text's distinct n-grams found in each a text (rows a, columns b)."""
    vocab: dict[int, int] = {}

    def binary(texts):
        v = ngram_vectors(texts, n, vocab).tocsr()
        v.data[:] = 1.0
        return v

    va, vb = binary(a), binary(b)
    va.resize((va.shape[0], len(vocab)))
    vb.resize((vb.shape[0], len(vocab)))
    inter = (va @ vb.T).toarray().astype(np.float32)
    sizes = np.asarray(vb.sum(axis=1)).ravel().astype(np.float32)
    return inter / np.maximum(sizes, 1.0)[None, :]


def pairwise(scorer, a: Sequence[str], b: Sequence[str], rows: np.ndarray,
             cols: np.ndarray) -> np.ndarray:
    """A rapidfuzz scorer on the given (row, column) pairs only, in [0, 1]."""
    return np.fromiter((scorer(a[i], b[j]) for i, j in zip(rows.tolist(), cols.tolist(),
                                                            strict=True)),
                       dtype=np.float32, count=len(rows)) / 100.0


def fields_text(m: Measure) -> str:
    """Normalised targets and partners of a measure ("" when it has none)."""
    return normalise(" ".join((*m.result_targets, *m.effect_targets, *m.partners)))


def fields(a: Sequence[str], b: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """token_set_ratio of targets + partners, and a mask of pairs where both sides have them."""
    m = _matrix(fuzz.token_set_ratio, a, b)
    has_a = np.array([bool(t) for t in a])[:, None]
    has_b = np.array([bool(t) for t in b])[None, :]
    return m, has_a & has_b
