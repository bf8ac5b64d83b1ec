"""Pairwise similarity signals in [0, 1], computed on given (old, new) pairs, never in a loop."""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
from rapidfuzz import process
from scipy import sparse

from ..model import Measure
from ..text import fold

# folded like the text they filter (æøå → ae, o, a)
STOP_WORDS = frozenset((
    "og", "i", "pa", "til", "for", "av", "med", "om", "som", "en", "et", "ei", "den", "det",
    "de", "der", "er", "a", "fra", "ved", "mot", "samt", "eller", "hvor", "har", "skal", "kan",
    "blir", "bli", "vaere", "under", "over", "mellom", "etter", "inn", "ut", "ogsa",
))
# Norwegian inflectional endings (folded), longest first: "planer", "planene" → "plan"
INFLECTIONS = ("ende", "ene", "ane", "er", "ar", "en", "et", "e", "a")
_WORD_RE = re.compile(r"[a-z0-9]+")
# letters OCR confuses, folded to one (applied to both sides only for scoring)
_OCR = str.maketrans({"0": "o", "|": "l"})


def normalise(text: str) -> str:
    """Casefolded, æøå folded, punctuation and stop words dropped: text for scoring."""
    words = _WORD_RE.findall(fold(text).translate(_OCR))
    return " ".join(w for w in words if w not in STOP_WORDS)


def matrix(scorer, a: Sequence[str], b: Sequence[str]) -> np.ndarray:
    """A rapidfuzz scorer on every pair of a × b, in [0, 1]."""
    if not a or not b:
        return np.zeros((len(a), len(b)), dtype=np.float32)
    m = process.cdist(a, b, scorer=scorer, dtype=np.uint8, workers=-1)
    return m.astype(np.float32) / 100.0


def on_pairs(scorer, a: Sequence[str], b: Sequence[str], rows: np.ndarray,
             cols: np.ndarray) -> np.ndarray:
    """A rapidfuzz scorer on the pairs (a[rows[k]], b[cols[k]]), in [0, 1]."""
    if not len(rows):
        return np.zeros(0, dtype=np.float32)
    m = process.cpdist([a[i] for i in rows.tolist()], [b[j] for j in cols.tolist()],
                       scorer=scorer, dtype=np.uint8, workers=-1)
    return m.astype(np.float32) / 100.0


def _ranks(values: np.ndarray) -> tuple[int, np.ndarray]:
    """Number of distinct values and each value's rank among them (np.unique's inverse;
    a lookup table when the values are small, which is much faster than sorting)."""
    top = int(values.max()) + 1 if len(values) else 0
    if top > 1 << 24:
        distinct, inverse = np.unique(values, return_inverse=True)
        return len(distinct), inverse.ravel()
    present = np.zeros(top, dtype=bool)
    present[values] = True
    rank = (np.cumsum(present) - 1).astype(np.int32)  # < 2 ** 24: half the memory to gather
    return int(present.sum()), rank[values]


def ngram_counts(texts: Sequence[str], n: int) -> sparse.csr_matrix:
    """Character n-gram counts: a row per text, a column per n-gram found in any of them.

    Vectorised: each letter becomes its rank in the texts' alphabet, each n-gram the number
    those ranks spell in base len(alphabet), ranked in turn to number the columns.
    """
    padded = [f" {t} " for t in texts]
    lengths = np.fromiter(map(len, padded), dtype=np.int64, count=len(padded))
    letters = np.frombuffer("".join(padded).encode("utf-32-le"), dtype=np.uint32)
    base, code = _ranks(letters)
    if float(base) ** n >= 2.0 ** 62:
        raise ValueError(f"{n}-grams over {base} letters do not fit in 64 bits")
    span = max(len(letters) - n + 1, 0)  # n-grams of the joined text, then those inside one
    key = np.zeros(span, dtype=np.int32 if float(base) ** n < 2.0 ** 31 else np.int64)
    for k in range(n):
        key = key * base + code[k:k + span]
    inside = np.ones(span, dtype=bool)
    ends = np.cumsum(lengths)
    for k in range(1, n):  # an n-gram starting k < n letters before a text's end crosses it
        at = ends[lengths >= k] - k
        inside[at[at < span]] = False
    width, column = _ranks(key[inside])
    count = np.maximum(lengths - n + 1, 0)
    m = sparse.csr_matrix((np.ones(len(column), dtype=np.float32), column,
                           np.r_[0, np.cumsum(count)].astype(column.dtype)),
                          shape=(len(texts), width))
    m.sum_duplicates()
    return m


def _terms(word: str, letters: int) -> tuple[str, ...]:
    """A word's terms: its stem's first `letters` letters (inflections and compounds' heads
    meet: "energistasjoner", "energistasjonsprosjektet") and, when longer, the whole stem
    (a rare compound that recurs whole, "transportåre", says more than its head)."""
    stem = word
    for suffix in INFLECTIONS:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            stem = word[:-len(suffix)]
            break
    return (stem[:letters], stem) if len(stem) > letters else (stem,)


def stem_counts(texts: Sequence[str], letters: int) -> sparse.csr_matrix:
    """Term counts (see _terms): a row per normalised text, a column per term. Words with
    digits and of one or two letters are left out."""
    vocab: dict[str, int] = {}
    known: dict[str, list[int]] = {}  # word → its terms' columns (words recur a lot)
    rows: list[int] = []
    cols: list[int] = []
    for i, text in enumerate(texts):
        for w in text.split():
            ts = known.get(w)
            if ts is None:
                ts = known[w] = ([vocab.setdefault(t, len(vocab)) for t in _terms(w, letters)]
                                 if len(w) > 2 and w.isalpha() else [])
            rows += [i] * len(ts)
            cols += ts
    m = sparse.csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, cols)),
                          shape=(len(texts), len(vocab)))
    m.sum_duplicates()
    return m


def tf_idf(counts: sparse.csr_matrix, corpus: sparse.csr_matrix) -> sparse.csr_matrix:
    """Counts weighted (1 + log count) × log(texts / texts with the term), the texts being
    the rows of corpus (same columns): a word most texts use tells little, one only two
    texts share tells much."""
    df = np.bincount(corpus.indices, minlength=corpus.shape[1])
    idf = np.log(corpus.shape[0] / np.maximum(df, 1)).astype(np.float32)
    out = counts.copy()
    out.data = (1.0 + np.log(out.data)).astype(np.float32)
    return (out @ sparse.diags(idf)).tocsr()


def ngram_idf(counts: sparse.csr_matrix, power: float) -> sparse.csr_matrix:
    """Counts weighted (1 + log count) × (log((texts + 1) / (texts with the n-gram + 1)) + 1),
    the texts being the rows: an n-gram of a set phrase many measures share weighs less than
    one of a subject word few measures use."""
    df = np.bincount(counts.indices, minlength=counts.shape[1])
    idf = ((np.log((counts.shape[0] + 1) / (df + 1.0)) + 1.0) ** power).astype(np.float32)
    out = counts.copy()
    out.data = (1.0 + np.log(out.data)).astype(np.float32)
    return (out @ sparse.diags(idf)).tocsr()


def informative(counts: sparse.csr_matrix, common: float) -> sparse.csr_matrix:
    """The counts less the n-grams found in more than `common` of the texts (and in more
    than 50): "og ", "ene" are in nearly every text, tell little and make every product
    nearly dense."""
    df = np.bincount(counts.indices, minlength=counts.shape[1])
    keep = sparse.diags((df <= max(common * counts.shape[0], 50)).astype(np.float32))
    out = (counts @ keep).tocsr()
    out.eliminate_zeros()
    return out


def unit_rows(m: sparse.csr_matrix) -> sparse.csr_matrix:
    """Rows scaled to length 1 (an empty row stays empty)."""
    norms = np.sqrt(np.asarray(m.multiply(m).sum(axis=1)).ravel())
    return (sparse.diags(1.0 / np.maximum(norms, 1e-9)).astype(np.float32) @ m).tocsr()


def row_dots(a: sparse.csr_matrix, b: sparse.csr_matrix, rows: np.ndarray, cols: np.ndarray,
             every: bool = False) -> np.ndarray:
    """Dot products a[rows[k]] · b[cols[k]] (every: all of a × b, row-major)."""
    if every:
        return (a @ b.T).toarray().astype(np.float32).ravel()
    out = np.empty(len(rows), dtype=np.float32)
    step = 50_000  # bounded memory for the gathered rows
    for s in range(0, len(rows), step):
        r, c = rows[s:s + step], cols[s:s + step]
        out[s:s + step] = np.asarray(a[r].multiply(b[c]).sum(axis=1)).ravel()
    return out


def wording(m: Measure) -> str:
    """Normalised title and sub-items (what the measure says it does, without targets)."""
    return normalise(" ".join((m.title, *m.children)))


def whole_text(m: Measure) -> str:
    """Normalised title, sub-items, targets and partners: everything the measure says."""
    return normalise(" ".join((m.title, *m.children, *m.result_targets, *m.effect_targets,
                               *m.partners)))


def fields_text(m: Measure) -> str:
    """Normalised targets and partners of a measure ("" when it has none)."""
    return normalise(" ".join((*m.result_targets, *m.effect_targets, *m.partners)))


def part_shares(part: sparse.csr_matrix, whole: sparse.csr_matrix, match: sparse.csr_matrix,
                p: np.ndarray, w: np.ndarray, q: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For parts p[k] of wholes w[k] whose own match is q[k] (rows of binary n-gram matrices
    with the same columns): the share of the part's n-grams found in the whole ("cover"),
    and the share found in the whole but not in its match ("novel")."""
    if not len(p):
        return np.zeros(0, dtype=np.float32), np.zeros(0, dtype=np.float32)
    gp = part[p]
    inter = gp.multiply(whole[w]).tocsr()
    found = np.asarray(inter.sum(axis=1)).ravel()
    also = np.asarray(inter.multiply(match[q]).sum(axis=1)).ravel()
    size = np.maximum(np.asarray(gp.sum(axis=1)).ravel(), 1.0)
    return (found / size).astype(np.float32), ((found - also) / size).astype(np.float32)
