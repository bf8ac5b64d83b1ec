"""Asymmetric containment: how much of a proposal's substance a measure carries."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

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
ulike annen andre dette disse blir være gjøre hvorfor opp ned når får hos rundt innen gjennom
"""))


def words(text: str) -> list[str]:
    """Content words of a text, folded (æøå → ASCII), stop words and short words left out."""
    return [w for w in _WORD_RE.findall(fold(text)) if len(w) >= 3 and w not in _STOP]


def measure_text(m: Measure) -> str:
    """What a measure offers to take up a proposal: title, targets, partners."""
    return " ".join((m.title, *m.result_targets, *m.effect_targets, *m.partners))


def proposal_text(m: Measure) -> str:
    """What a proposal asks for: its text and sub-items. Its targets are left out: they
    describe outcomes in the words every measure's targets use (gjennomført, møter, høringer)."""
    return " ".join((m.title, *m.children))


def proposal_clauses(m: Measure, min_words: int = 4) -> list[str]:
    """Sentences and clauses of the proposal's text and sub-items that carry at least
    min_words content words."""
    parts = [c for t in (m.title, *m.children) for c in _split(t)]
    return [c.strip() for c in parts if len(set(words(c))) >= min_words]


def _split(text: str) -> list[str]:
    """Sentences and dash-separated clauses; an abbreviation's point ends none ("eks.")."""
    out: list[str] = []
    for piece in _CLAUSE_RE.split(text):
        if out and _ABBREVIATION.search(out[-1]):
            out[-1] += " " + piece
        else:
            out.append(piece)
    return out


def headline(m: Measure, min_words: int = 4) -> str:
    """The proposal's first sentence or clause with at least min_words content words (what it
    asks for before the details), else its whole title."""
    return next(iter(proposal_clauses(Measure(m.id, m.title, m.section), min_words)), m.title)


_CLAUSE_RE = re.compile(r"(?<=[.:;?!])\s+|\s+-\s+|\n")
_ABBREVIATION = re.compile(r"(?i)(?:^|[\s(])(?:f\.eks|eks|bl\.a|jf|ca|mfl|m\.fl|osv|evt|ev|dvs|"
                           r"inkl|ifm|mht|pr|nr)\.$")


@dataclass(frozen=True)
class Words:
    """Vocabulary × vocabulary similarity (0..1) and the length of the part a pair shares
    when it is only a compound's first part (`prefix`) or its head (`suffix`), else 0."""

    sim: np.ndarray
    prefix: np.ndarray
    suffix: np.ndarray


def word_similarity(vocab: Sequence[str], s: TraceSettings) -> Words:
    """Similarity of vocabulary words: same stem, OCR/inflection, compound part or head."""
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
    # A shared first part of a compound (boligpolitikk ~ boligutvikling): half credit; a short
    # word that is the whole first part counts too (nett ~ nettutfordringer, skog ~ skogbruk).
    whole = (prefix == shorter) & (shorter >= s.modifier_min) & (longer > shorter)
    part = ((prefix >= s.prefix_min) | whole) & ~stem
    sim[part] = 0.5
    # The whole of a long word opens the other (energistasjoner ~ energistasjonsprosjektet).
    sim[(prefix >= 8) & (prefix >= 0.8 * shorter) & ~stem] = 0.8
    fuzzy = (ratio >= s.fuzzy_min) & (shorter >= 5)
    sim[fuzzy] = np.maximum(sim, ratio / 100.0)[fuzzy]
    # A compound and its head word (næringsareal ~ areal): same ending, half credit.
    head = (postfix >= s.compound_min) & (postfix >= shorter) & (sim < 0.5)
    sim[head] = 0.5
    np.fill_diagonal(sim, 1.0)
    part &= sim < 1.0
    np.fill_diagonal(part, False)
    np.fill_diagonal(head, False)
    return Words(sim, np.where(part, prefix, 0), np.where(head, postfix, 0))


def _idf(df: np.ndarray, docs: int) -> np.ndarray:
    # Squared: a word in half the measures ("kommunene", "samarbeid") weighs ~1/10 of a rare one.
    return np.log((docs + 1) / (df + 1)) ** 2 + 0.01


def _part_df(vocab: Sequence[str], present: np.ndarray, lengths: np.ndarray,
             reverse: bool) -> np.ndarray:
    """Per word pair sharing a first part (or, reversed, a last part) of `lengths` letters:
    the number of documents holding any word that starts (ends) with that part."""
    keys = [w[::-1] if reverse else w for w in vocab]
    order = sorted(range(len(keys)), key=keys.__getitem__)
    ordered = [keys[k] for k in order]
    cum = np.zeros((present.shape[0], len(keys) + 1), dtype=np.int32)
    cum[:, 1:] = np.cumsum(present[:, order], axis=1)
    rows, cols = np.nonzero(lengths)
    parts = sorted({keys[r][:lengths[r, c]] for r, c in zip(rows, cols, strict=True)})
    lo = np.array([bisect.bisect_left(ordered, p) for p in parts], dtype=np.int64)
    hi = np.array([bisect.bisect_left(ordered, p + "{") for p in parts], dtype=np.int64)  # z < {
    df = ((cum[:, hi] - cum[:, lo]) > 0).sum(axis=0) if parts else np.zeros(0)
    where = {p: k for k, p in enumerate(parts)}
    out = np.zeros(lengths.shape)
    out[rows, cols] = [df[where[keys[r][:lengths[r, c]]]] for r, c in zip(rows, cols, strict=True)]
    return out


def word_weights(docs: Sequence[set[str]], vocab: Sequence[str], w: Words,
                 s: TraceSettings) -> tuple[np.ndarray, np.ndarray]:
    """IDF of each word and the credit matrix: what word v proves of word u.

    Document frequency counts a word's family (stem, OCR and inflected forms, sim ≥
    s.family_min), so "nasjonal" weighs as little as "nasjonale" does. A pair's credit is its
    similarity times the smaller IDF of the two words and, for a shared compound part, of that
    part: "samarbeidsarena" ~ "samarbeid" proves only as much as "samarbeid*" is rare.
    """
    index = {x: i for i, x in enumerate(vocab)}
    present = np.zeros((len(docs), len(vocab)), dtype=bool)
    for d, doc in enumerate(docs):
        present[d, [index[x] for x in doc]] = True
    family = (w.sim >= s.family_min).astype(np.float32)
    weight = _idf(((present.astype(np.float32) @ family.T) > 0).sum(axis=0), len(docs))
    cap = np.minimum.outer(weight, weight)
    for lengths, reverse in ((w.prefix, False), (w.suffix, True)):
        if lengths.any():
            part = _idf(_part_df(vocab, present, lengths, reverse), len(docs))
            cap = np.where(lengths > 0, np.minimum(cap, part), cap)
    return weight, (w.sim * cap).astype(np.float32)


@dataclass(frozen=True)
class Containment:
    """Proposals × measures: score (IDF share covered), distinct words shared, matched mass
    (in units of a unique word's weight); per measure × vocabulary word, the measure's word
    that covers it best (`best`, vocabulary index) and how alike they are (`cover`)."""

    score: np.ndarray
    shared: np.ndarray
    mass: np.ndarray
    vocab: list[str]
    best: np.ndarray
    cover: np.ndarray


def _families(p_words: Sequence[set[str]], index: dict[str, int], sim: np.ndarray,
              s: TraceSettings) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Each proposal's words grouped into families (one word in its forms: kommune/kommunene,
    a typo beside the right spelling): vocabulary indices in family order, where each family
    starts, and the proposal of each family."""
    cols: list[int] = []
    starts: list[int] = []
    owner: list[int] = []
    for i, ws in enumerate(p_words):
        ix = sorted(index[w] for w in ws)
        family = list(range(len(ix)))  # each word's family: the first word it is alike to
        for a in range(len(ix)):
            for b in range(a):
                if sim[ix[a], ix[b]] >= s.family_min:
                    old, new = max(family[a], family[b]), min(family[a], family[b])
                    family = [new if f == old else f for f in family]
        groups: dict[int, list[int]] = {}
        for a, f in enumerate(family):
            groups.setdefault(f, []).append(ix[a])
        for members in groups.values():
            starts.append(len(cols))
            owner.append(i)
            cols += members
    return (np.asarray(cols, dtype=np.int64), np.asarray(starts, dtype=np.int64),
            np.asarray(owner, dtype=np.int64))


def containment(proposals: Sequence[str], measures: Sequence[str], corpus: Sequence[str],
                s: TraceSettings) -> Containment:
    """How much of each proposal's substance each measure carries.

    score[i, j] = Σ credit_j(f) / Σ idf(f) over proposal i's word families f (its distinct
    content words, inflected forms and misspellings of one word counted once), where
    credit_j(f) is the best credit (see `word_weights`) of any word of measure j for a word of
    f. IDF is taken over `corpus` (every version's measures and the proposals), so generic
    words weigh little; three generic words weigh less than one rare word in the mass.
    """
    p_words = [set(words(t)) for t in proposals]
    m_words = [set(words(t)) for t in measures]
    c_words = [set(words(t)) for t in corpus]
    vocab = sorted(set().union(*p_words, *m_words, *c_words))
    index = {w: i for i, w in enumerate(vocab)}
    similar = word_similarity(vocab, s)
    weight, credit = word_weights(c_words, vocab, similar, s)
    gain = np.zeros((len(m_words), len(vocab)), dtype=np.float32)
    cover = np.zeros((len(m_words), len(vocab)), dtype=np.float32)
    best = np.zeros((len(m_words), len(vocab)), dtype=np.int64)
    rows = np.arange(len(vocab))
    for j, ws in enumerate(m_words):  # one vectorised row per measure, not per pair
        cols = np.asarray(sorted(index[w] for w in ws), dtype=np.int64)  # ties: same every run
        if len(cols):
            pick = cols[credit[:, cols].argmax(axis=1)]
            best[j], gain[j], cover[j] = pick, credit[rows, pick], similar.sim[rows, pick]
    shape = (len(p_words), len(m_words))
    total, mass, shared = np.zeros(len(p_words)), np.zeros(shape), np.zeros(shape)
    cols, starts, owner = _families(p_words, index, similar.sim, s)
    if len(cols):
        fam = np.zeros((len(p_words), len(starts)))
        fam[owner, np.arange(len(starts))] = 1.0
        total = fam @ np.maximum.reduceat(weight[cols], starts)
        mass = fam @ np.maximum.reduceat(gain[:, cols], starts, axis=1).T
        shared = fam @ np.maximum.reduceat(cover[:, cols] >= 0.5, starts, axis=1).T
    score = mass / np.where(total > 0, total, 1.0)[:, None]
    unit = weight.max() if weight.size else 1.0
    return Containment(score, shared, mass / unit, vocab, best, cover)


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


def same_area(proposal_areas: Sequence[str], measure_areas: Sequence[str], s: TraceSettings
              ) -> np.ndarray:
    """Proposal areas × measure areas: whether two section titles name one area (half the
    words of the longer title alike: "Konkurransekraft og næringsutvikling" ~ "Attraktivitet
    og næringsutvikling", "Energi" ~ "Kraft og energi", "Overordna" ~ "Overordnet")."""
    a = [sorted(set(words(t))) for t in proposal_areas]
    b = [sorted(set(words(t))) for t in measure_areas]
    vocab = sorted(set().union(*a, *b))
    out = np.zeros((len(a), len(b)), dtype=bool)
    if not vocab:
        return out
    index = {w: i for i, w in enumerate(vocab)}
    alike = word_similarity(vocab, s).sim >= s.family_min
    for i, x in enumerate(a):
        for j, y in enumerate(b):
            if x and y:
                hits = alike[np.ix_([index[w] for w in x], [index[w] for w in y])]
                out[i, j] = 2 * max(hits.any(axis=1).sum(), hits.any(axis=0).sum()) >= \
                    max(len(x), len(y))
    return out

