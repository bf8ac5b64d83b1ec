"""Asymmetric containment: how much of a proposal's substance a measure carries."""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
from rapidfuzz import fuzz, process
from rapidfuzz.distance import Postfix, Prefix

from ..model import Measure
from ..text import fold
from .model import TraceSettings

_WORD_RE = re.compile(r"[a-z0-9]+")
# Function words and workshop shorthand that never carry a proposal's substance.
_STOP = frozenset(fold(w) for w in str.split("""
og i på til for med av om som at det den de en et er ikke fra ved mellom blant under over
inn ut mot etter hvor hva hvordan hvis kan skal vil må bør også eller samt både slik så
alle andre annen nye ny mer mest flere færre egen egne sine sin vår våre vi oss man
f.eks eks bl.a jf osv mfl evt ev ++ pr nok mål effekt resultatmål effektmål partnere
tiltak prosjekt noe noen mange godt god bedre økt øke seg har finne legge rette relevante
ulike annen andre dette disse blir være gjøre hvorfor
"""))


def words(text: str) -> list[str]:
    """Content words of a text, folded (æøå → ASCII), stop words and short words left out."""
    return [w for w in _WORD_RE.findall(fold(text)) if len(w) >= 3 and w not in _STOP]


def measure_text(m: Measure) -> str:
    """What a measure offers to take up a proposal: title, targets, partners."""
    return " ".join((m.title, *m.result_targets, *m.effect_targets, *m.partners))


def proposal_text(m: Measure) -> str:
    """What a proposal asks for: its text and sub-items (targets are scored as clauses)."""
    return " ".join((m.title, *m.children))


def proposal_clauses(m: Measure, min_words: int = 4) -> list[str]:
    """Sentences of the proposal and its targets that carry at least min_words content words."""
    parts = [c for t in (m.title, *m.children, *m.result_targets, *m.effect_targets)
             for c in _CLAUSE_RE.split(t)]
    return [c.strip() for c in parts if len(set(words(c))) >= min_words]


_CLAUSE_RE = re.compile(r"(?<=[.:;?!])\s+|\s+-\s+|\n")


def word_similarity(vocab: Sequence[str], s: TraceSettings) -> np.ndarray:
    """Vocabulary × vocabulary similarity in 0..1: same stem, OCR/inflection, compound head."""
    lengths = np.array([len(w) for w in vocab])
    shorter = np.minimum.outer(lengths, lengths)
    longer = np.maximum.outer(lengths, lengths)
    prefix = process.cdist(vocab, vocab, scorer=Prefix.similarity, workers=1)
    postfix = process.cdist(vocab, vocab, scorer=Postfix.similarity, workers=1)
    ratio = process.cdist(vocab, vocab, scorer=fuzz.ratio, workers=1, dtype=np.float32)
    sim = np.zeros((len(vocab), len(vocab)), dtype=np.float32)
    # A shared stem: both words end within an inflection of the common prefix (kommune/
    # kommunene); "fremmet" / "fremmedarter" share six letters but not a stem.
    stem = (prefix >= s.prefix_min) & (longer - prefix <= 4) & (shorter - prefix <= 3)
    sim[stem] = 1.0
    # A shared first part of a compound (boligpolitikk ~ boligutvikling): half credit.
    sim[(prefix >= s.prefix_min) & ~stem] = 0.5
    # The whole of a long word opens the other (energistasjoner ~ energistasjonsprosjektet).
    sim[(prefix >= 8) & (shorter - prefix <= 3) & ~stem] = 0.8
    sim[(ratio >= s.fuzzy_min) & (shorter >= 5)] = np.maximum(sim, ratio / 100.0)[
        (ratio >= s.fuzzy_min) & (shorter >= 5)]
    # A compound and its head word (næringsareal ~ areal): same ending, half credit.
    head = (postfix >= s.compound_min) & (postfix >= shorter)
    sim = np.where(head & (sim < 0.5), 0.5, sim)
    np.fill_diagonal(sim, 1.0)
    return sim


def idf(docs: Sequence[set[str]], vocab: Sequence[str]) -> np.ndarray:
    """Inverse document frequency of each vocabulary word over the given documents."""
    index = {w: i for i, w in enumerate(vocab)}
    df = np.zeros(len(vocab))
    for doc in docs:
        for w in doc:
            df[index[w]] += 1
    # Squared: a word in half the measures ("kommunene", "samarbeid") weighs ~1/10 of a rare one.
    return np.log((len(docs) + 1) / (df + 1)) ** 2 + 0.01


def containment(proposals: Sequence[str], measures: Sequence[str], corpus: Sequence[str],
                s: TraceSettings
                ) -> tuple[np.ndarray, np.ndarray, np.ndarray, list[str], np.ndarray, np.ndarray]:
    """Scores proposals × measures, shared words, matched mass, vocabulary, best, cover.

    Besides the number of shared words, the matched IDF mass is given in units of a unique
    word's weight: three generic words weigh less than one rare word.

    score[i, j] = Σ idf(w)·cover_j(w) / Σ idf(w) over proposal i's distinct content words w,
    where cover_j(w) is w's best similarity to any word of measure j. IDF is taken over
    `corpus` (every version's measures and the proposals), so generic words weigh little.
    """
    p_words = [set(words(t)) for t in proposals]
    m_words = [set(words(t)) for t in measures]
    c_words = [set(words(t)) for t in corpus]
    vocab = sorted(set().union(*p_words, *m_words, *c_words))
    index = {w: i for i, w in enumerate(vocab)}
    sim = word_similarity(vocab, s)
    weight = idf(c_words, vocab)
    pw = np.zeros((len(p_words), len(vocab)))
    for i, ws in enumerate(p_words):
        pw[i, [index[w] for w in ws]] = weight[[index[w] for w in ws]]
    cover = np.zeros((len(m_words), len(vocab)), dtype=np.float32)
    best = np.zeros((len(m_words), len(vocab)), dtype=np.int64)
    for j, ws in enumerate(m_words):  # one vectorised row per measure, not per pair
        cols = sorted(index[w] for w in ws)  # sorted: ties go the same way in every run
        if cols:
            block = sim[:, cols]
            cover[j] = block.max(axis=1)
            best[j] = np.asarray(cols)[block.argmax(axis=1)]
    total = pw.sum(axis=1, keepdims=True)
    mass = pw @ cover.T
    score = mass / np.where(total > 0, total, 1.0)
    shared = (pw > 0).astype(np.float32) @ (cover >= 0.5).T.astype(np.float32)
    return score, shared, mass / weight.max(), vocab, best, cover


def evidence(proposal: str, measure: str, vocab: list[str], best: np.ndarray,
             cover: np.ndarray) -> str:
    """The measure's words that carry the proposal, in the measure's order, gaps as ' … '."""
    index = {w: i for i, w in enumerate(vocab)}
    wanted = {vocab[best[index[w]]] for w in set(words(proposal))
              if w in index and cover[index[w]] >= 0.5}
    tokens = re.findall(r"\w+", measure)
    keep = [fold(t) in wanted for t in tokens]
    out: list[str] = []
    gap = False
    for token, hit in zip(tokens, keep, strict=True):
        if hit:
            if gap and out:
                out.append("…")
            out.append(token)
            gap = False
        else:
            gap = True
    seen: list[str] = []
    for t in out:  # a word repeated in several targets is said once
        if t == "…" or fold(t) not in {fold(x) for x in seen}:
            seen.append(t)
    return re.sub(r"…( …)+", "…", " ".join(seen)).strip(" …")
