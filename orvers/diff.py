"""Word-level diffs (diff-match-patch, C++ build) and field-level changes of linked measures."""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Callable, Collection, Iterable
from importlib import resources

import fast_diff_match_patch as dmp
from rapidfuzz.distance import Levenshtein

from .model import Changes, Measure, Op
from .ocr.nearest import budget, ocr_cost
from .ocr.repair import EDGE
from .ocr.wordlist import load_wordlist

_TOKEN_RE = re.compile(r"\S+\s*|\s+")


def tokens(text: str) -> list[str]:
    """Split text into words, each keeping its trailing whitespace."""
    return _TOKEN_RE.findall(text)


def word_diff(old: str, new: str, ocr_noise: bool = False,
              unattested: Collection[str] = (), spelling: str = "new") -> tuple[Op, ...]:
    """Diff two texts word by word: ops "=", "-", "+" whose texts concatenate to old / new.

    Each distinct word becomes one private-use character so diff-match-patch works on words
    (as its own linesToChars trick does for lines); semantic clean-up makes it read like an
    editor's marks. With `ocr_noise`, words replaced by the same words up to OCR's letter
    noise (same_word: godsstrategi/godsstrateqi, om grønn/omgrenn, and a word the OCR repair
    marked `unattested` against the word it garbles) are no change: they read as equal, in
    the `spelling` of the new (or old) text, so only that text is rebuilt exactly.

    Cached: a report diffs each linked pair's texts for the comparison, the redline, the
    pages and the workbook alike.
    """
    return _word_diff(old, new, ocr_noise, frozenset(unattested) if ocr_noise else frozenset(),
                      spelling)


@functools.lru_cache(maxsize=1 << 16)
def _word_diff(old: str, new: str, ocr_noise: bool, marked: frozenset[str],
               spelling: str) -> tuple[Op, ...]:
    old_tokens, new_tokens = tokens(old), tokens(new)
    words = list(dict.fromkeys(old_tokens + new_tokens))  # numbered in order of first sight
    codes = {tok: chr(0xF0000 + i) for i, tok in enumerate(words)}
    a = "".join(map(codes.__getitem__, old_tokens))
    b = "".join(map(codes.__getitem__, new_tokens))
    found = _joined((op, "".join([words[ord(c) - 0xF0000] for c in chars]))
                    for op, chars in dmp.diff(a, b, timelimit=0, cleanup="Semantic",
                                              counts_only=False))
    if not ocr_noise:
        return found

    def same(x: str, y: str) -> bool:
        # a pair is equal only with the same space after it, so that the text whose
        # spelling is not kept still keeps its spacing (Oslofjorden|ved, not Oslofjordenved)
        return _space_after(x) == _space_after(y) and same_word(x, y, marked)

    return _noise_as_equal(found, same, spelling == "old")


def _space_after(token: str) -> str:
    return token[len(token.rstrip()):]


def _joined(ops: Iterable[Op]) -> tuple[Op, ...]:
    """Ops without empty texts, each run of one kind joined into one op."""
    out: list[list[str]] = []
    for op, text in ops:
        if out and out[-1][0] == op:
            out[-1][1] += text
        elif text:
            out.append([op, text])
    return tuple((op, text) for op, text in out)


_STRETCH = 150  # words a side of one replaced stretch that are aligned word by word


def _noise_as_equal(ops: tuple[Op, ...], same: Callable[[str, str], bool],
                    keep_old: bool) -> tuple[Op, ...]:
    """Ops where, in each replaced stretch, the words that are the same up to OCR noise (one
    word for one, or two for one where OCR lost a space: om grønn/omgrenn) are equal, aligned
    in order so that as many as possible are; the rest stay changes."""
    out: list[Op] = []
    i = 0
    while i < len(ops):
        (op, text), (op2, text2) = ops[i], ops[i + 1] if i + 1 < len(ops) else ("=", "")
        if {op, op2} == {"-", "+"}:
            olds, news = (tokens(text), tokens(text2)) if op == "-" else (tokens(text2),
                                                                           tokens(text))
            if len(olds) <= _STRETCH and len(news) <= _STRETCH:
                out += _aligned(olds, news, same, keep_old)
            else:
                out += [("-", "".join(olds)), ("+", "".join(news))]
            i += 2
        else:
            out.append((op, text))
            i += 1
    return _joined(out)


def _aligned(olds: list[str], news: list[str], same: Callable[[str, str], bool],
             keep_old: bool) -> list[Op]:
    """Ops of one replaced stretch with its noise-equal words as "=" (most such words kept,
    in order: an edit distance over words where a noise-equal unit costs nothing); the
    stretch as it was when it holds no noise."""
    n, m = len(olds), len(news)
    # only a word that is no dictionary word (or two words for such a word) can be noise
    odd_old, odd_new = [not _in_dictionary(t) for t in olds], [not _in_dictionary(t) for t in news]
    unchanged = [("-", "".join(olds)), ("+", "".join(news))]  # as diff-match-patch grouped it
    if not any(odd_old) and not any(odd_new):
        return unchanged

    old_len, new_len = [len(t.strip()) for t in olds], [len(t.strip()) for t in news]

    def near(a: int, b: int) -> bool:  # lengths a word's noise may lie between
        return abs(a - b) <= 2 + max(a, b) // 4

    def units(i: int, j: int) -> list[tuple[int, int]]:
        found = []
        if i < n and j < m and (olds[i] == news[j] or (odd_old[i] or odd_new[j])
                                and near(old_len[i], new_len[j]) and same(olds[i], news[j])):
            found.append((1, 1))
        if (i + 1 < n and j < m and odd_new[j] and near(old_len[i] + old_len[i + 1], new_len[j])
                and same(olds[i].strip() + olds[i + 1], news[j])):
            found.append((2, 1))
        if (i < n and j + 1 < m and odd_old[i] and near(old_len[i], new_len[j] + new_len[j + 1])
                and same(olds[i], news[j].strip() + news[j + 1])):
            found.append((1, 2))
        return found

    found = {(i, j): units(i, j) for i in range(n + 1) for j in range(m + 1)}
    if not any((a, b) != (1, 1) or olds[i] != news[j]
               for (i, j), here in found.items() for a, b in here):
        return unchanged  # no unit is noise: no alignment can make one equal
    best = [[0] * (m + 1) for _ in range(n + 1)]
    step: dict[tuple[int, int], tuple[int, int]] = {}
    for i in range(n, -1, -1):
        for j in range(m, -1, -1):
            if i == n and j == m:
                continue
            choices = [(best[i + 1][j], (1, 0))] if i < n else []
            if j < m:
                choices.append((best[i][j + 1], (0, 1)))
            choices += [(best[i + a][j + b] + 1, (a, b)) for a, b in found[i, j]]
            best[i][j], step[i, j] = max(choices, key=lambda c: c[0])
    out: list[Op] = []
    dels: list[str] = []
    adds: list[str] = []
    i = j = 0
    noisy = False
    while (i, j) != (n, m):
        a, b = step[i, j]
        if a and b:
            noisy = noisy or olds[i:i + a] != news[j:j + b]
            kept = olds[i:i + a] if keep_old else news[j:j + b]
            out += [("-", "".join(dels)), ("+", "".join(adds)), ("=", "".join(kept))]
            dels, adds = [], []
        else:
            dels += olds[i:i + a]
            adds += news[j:j + b]
        i, j = i + a, j + b
    # a word both sides share is kept apart from the change around it only beside noise:
    # else diff-match-patch's semantic grouping stands
    return [*out, ("-", "".join(dels)), ("+", "".join(adds))] if noisy else unchanged


@functools.lru_cache(maxsize=65536)
def _in_dictionary(token: str) -> bool:
    """Whether every run of letters in a token is a word of the word list (True without one:
    then nothing is noise)."""
    known = load_wordlist().words
    return not known or all(w in known for w in re.findall(r"[^\W\d_]+", token.casefold()))


@functools.lru_cache(maxsize=65536)
def same_word(old: str, new: str, unattested: frozenset[str] = frozenset()) -> bool:
    """Whether two words (with their trailing spaces) are one word up to OCR's letter noise:
    the same but for spacing; or one of them no dictionary word and the two within one
    confusion per four letters of each other (ocr.nearest.ocr_cost: NQR/NOR, ø read as g);
    or one of them a word the OCR repair marked `unattested` (garbled beyond its confusions:
    gjen.no.mfrar_e) whose letters are within one edit per four letters of the other's, with
    the same last two (a changed ending is inflection, not OCR). Two dictionary words
    (for/før, mal/mål) differ on purpose, and so does a change of case."""
    if old.strip() == new.strip():  # spacing aside, the same word
        return True
    a, b = old.strip().casefold(), new.strip().casefold()
    if a == b or not a or not b:  # a change of case is no OCR noise
        return False
    if _in_dictionary(a) and _in_dictionary(b):
        return False
    if Levenshtein.distance(a, b) <= 4 * max(budget(a), budget(b)) and (
            ocr_cost(a, b) <= budget(a) or ocr_cost(b, a) <= budget(b)):
        return True
    if not {old.strip().strip(EDGE), new.strip().strip(EDGE)} & unattested:
        return False
    la, lb = ("".join(re.findall(r"[^\W\d_]+", w)) for w in (a, b))
    return (len(la) > 3 and len(lb) > 3 and la[-2:] == lb[-2:]
            and Levenshtein.distance(la, lb) <= min(budget(la), budget(lb)))


def side(ops: tuple[Op, ...], which: str) -> str:
    """Rebuild the old ("-") or new ("+") text from diff ops."""
    return "".join(text for op, text in ops if op in ("=", which))


# --- field-level changes of a linked pair ----------------------------------------------

_MFL_RE = re.compile(r"\s*\b(m\.\s*fl\.?|mfl\.?|med flere)\s*$", re.IGNORECASE)


@functools.cache
def _aliases() -> dict[str, str]:
    data = tomllib.loads(
        resources.files("orvers").joinpath("data/partner_aliases.toml").read_text("utf-8"))
    return {_plain(k): v for k, v in data.get("aliases", {}).items()}


def _plain(name: str) -> str:
    name = " ".join(name.replace("\u00ad", "").split()).strip(" ,;.")
    return _MFL_RE.sub("", name).strip(" ,;.").casefold()


def partner_name(name: str) -> str:
    """A partner named in full where an alias is known (SVV → Statens vegvesen), else as printed
    without "m.fl.", stray spacing and commas."""
    tidy = _MFL_RE.sub("", " ".join(name.replace("\u00ad", "").split()).strip(" ,;."))
    tidy = tidy.strip(" ,;.")
    return _aliases().get(tidy.casefold(), tidy)


def partner_key(name: str) -> str:
    """A partner name normalised for comparison: case, spacing, "m.fl.", commas, aliases."""
    key = _plain(name)
    return _plain(_aliases().get(key, key))


def _set_changes(old: tuple[str, ...], new: tuple[str, ...], key) -> tuple[tuple, tuple]:
    ko = {key(x) for x in old}
    kn = {key(x) for x in new}
    added = tuple(x for x in new if key(x) not in ko and key(x))
    removed = tuple(x for x in old if key(x) not in kn and key(x))
    return added, removed


def _target_key(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))


def _targets(old: tuple[str, ...], new: tuple[str, ...], marked: Collection[str] = (),
             threshold: float = 60.0
             ) -> tuple[tuple[str, ...], tuple[str, ...], tuple[tuple[str, str], ...]]:
    """Targets added, removed, and reworded (a removed and an added one matched to each other);
    a pair that differs only by OCR noise is unchanged."""
    added, removed = _set_changes(old, new, _target_key)
    if not added or not removed:
        return added, removed, ()
    from rapidfuzz import fuzz, process

    from .match.assign import best_pairs

    sim = process.cdist([_target_key(x) for x in removed], [_target_key(x) for x in added],
                        scorer=fuzz.token_sort_ratio)
    pairs = best_pairs(sim, threshold)
    used_r = {r for r, _ in pairs}
    used_c = {c for _, c in pairs}
    return (tuple(x for c, x in enumerate(added) if c not in used_c),
            tuple(x for r, x in enumerate(removed) if r not in used_r),
            tuple((removed[r], added[c]) for r, c in pairs
                  if not _noise_only(removed[r], added[c], marked)))


def _noise_only(old: str, new: str, marked: Collection[str]) -> bool:
    """Whether two texts differ by OCR noise alone."""
    return all(op == "=" for op, _ in word_diff(old, new, ocr_noise=True, unattested=marked))


def _partners(old: tuple[str, ...], new: tuple[str, ...], marked: Collection[str]
              ) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Partners added and removed, a pair that differs by OCR noise alone (Bane NQR) neither."""
    added, removed = _set_changes(old, new, partner_key)
    noise = {(a, r) for a in added for r in removed if _noise_only(r, a, marked)}
    return (tuple(a for a in added if not any(a == x for x, _ in noise)),
            tuple(r for r in removed if not any(r == y for _, y in noise)))


def changes(old: Measure, new: Measure) -> Changes:
    """What changed from old to new: title word diff, targets and partners added/removed;
    OCR noise (diff.same_word) is no change."""
    marked = (*old.unattested, *new.unattested)
    ra, rr, rw = _targets(old.result_targets, new.result_targets, marked)
    ea, er, ew = _targets(old.effect_targets, new.effect_targets, marked)
    pa, pr = _partners(old.partners, new.partners, marked)
    return Changes(title=word_diff(old.title, new.title, ocr_noise=True, unattested=marked),
                   result_targets_added=ra, result_targets_removed=rr, result_targets_reworded=rw,
                   effect_targets_added=ea, effect_targets_removed=er, effect_targets_reworded=ew,
                   partners_added=pa, partners_removed=pr)
