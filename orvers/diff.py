"""Word-level diffs (diff-match-patch, C++ build) and field-level changes of linked measures."""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Iterable
from importlib import resources

import fast_diff_match_patch as dmp

from .model import Changes, Measure, Op
from .ocr.nearest import budget, ocr_cost
from .ocr.wordlist import load_wordlist

_TOKEN_RE = re.compile(r"\S+\s*|\s+")


def tokens(text: str) -> list[str]:
    """Split text into words, each keeping its trailing whitespace."""
    return _TOKEN_RE.findall(text)


def word_diff(old: str, new: str, ocr_noise: bool = False) -> tuple[Op, ...]:
    """Diff two texts word by word: ops "=", "-", "+" whose texts concatenate to old / new.

    Each distinct word becomes one private-use character so diff-match-patch works on words
    (as its own linesToChars trick does for lines); semantic clean-up makes it read like an
    editor's marks. With `ocr_noise`, a word replaced by the same word up to OCR's letter
    noise (godsstrategi/godsstrateqi) is no change: it reads as equal, in the new text's
    spelling, so only the new text is rebuilt exactly (a redline needs both: it keeps them).
    """
    codes: dict[str, str] = {}
    words: list[str] = []

    def encode(text: str) -> str:
        out = []
        for tok in tokens(text):
            if tok not in codes:
                codes[tok] = chr(0xF0000 + len(words))
                words.append(tok)
            out.append(codes[tok])
        return "".join(out)

    a, b = encode(old), encode(new)
    found = _joined((op, "".join(words[ord(c) - 0xF0000] for c in chars))
                    for op, chars in dmp.diff(a, b, timelimit=0, cleanup="Semantic",
                                              counts_only=False))
    return _noise_as_equal(found) if ocr_noise else found


def _joined(ops: Iterable[Op]) -> tuple[Op, ...]:
    """Ops without empty texts, each run of one kind joined into one op."""
    out: list[list[str]] = []
    for op, text in ops:
        if out and out[-1][0] == op:
            out[-1][1] += text
        elif text:
            out.append([op, text])
    return tuple((op, text) for op, text in out)


def _noise_as_equal(ops: tuple[Op, ...]) -> tuple[Op, ...]:
    """Ops where each replaced stretch of as many new words as old ones, paired one to one,
    keeps as changes only the pairs that are not the same word up to OCR noise."""
    out: list[Op] = []
    i = 0
    while i < len(ops):
        (op, text), (op2, text2) = ops[i], ops[i + 1] if i + 1 < len(ops) else ("=", "")
        a, b = tokens(text), tokens(text2)
        if {op, op2} == {"-", "+"} and len(a) == len(b):
            if op == "+":
                a, b = b, a
            dels, adds = [], []
            for x, y in zip(a, b, strict=True):
                if same_word(x, y):
                    out += [("-", "".join(dels)), ("+", "".join(adds)), ("=", y)]
                    dels, adds = [], []
                else:
                    dels.append(x)
                    adds.append(y)
            out += [("-", "".join(dels)), ("+", "".join(adds))]
            i += 2
        else:
            out.append((op, text))
            i += 1
    return _joined(out)


def same_word(old: str, new: str) -> bool:
    """Whether two words (with their trailing spaces) are one word up to OCR's letter noise:
    the same but for spacing, or one of them no dictionary word and the two within one
    confusion per four letters of each other (ocr.nearest.ocr_cost: NQR/NOR, ø read as g);
    two dictionary words (for/før, mal/mål) differ on purpose."""
    if old.strip() == new.strip():  # spacing aside, the same word
        return True
    a, b = old.strip().casefold(), new.strip().casefold()
    if a == b or not a or not b:  # a change of case is no OCR noise
        return False
    if min(ocr_cost(a, b) / budget(a), ocr_cost(b, a) / budget(b)) > 1:
        return False
    known = load_wordlist().words
    return bool(known) and not all(w in known for w in re.findall(r"[^\W\d_]+", a + " " + b))


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


def _targets(old: tuple[str, ...], new: tuple[str, ...], threshold: float = 60.0
             ) -> tuple[tuple[str, ...], tuple[str, ...], tuple[tuple[str, str], ...]]:
    """Targets added, removed, and reworded (a removed and an added one matched to each other);
    a pair that differs only by OCR noise is unchanged."""
    added, removed = _set_changes(old, new, _target_key)
    if not added or not removed:
        return added, removed, ()
    from rapidfuzz import fuzz, process
    from scipy.optimize import linear_sum_assignment

    sim = process.cdist([_target_key(x) for x in removed], [_target_key(x) for x in added],
                        scorer=fuzz.token_sort_ratio)
    rows, cols = linear_sum_assignment(-sim)
    pairs = [(r, c) for r, c in zip(rows, cols, strict=True) if sim[r, c] >= threshold]
    used_r = {r for r, _ in pairs}
    used_c = {c for _, c in pairs}
    return (tuple(x for c, x in enumerate(added) if c not in used_c),
            tuple(x for r, x in enumerate(removed) if r not in used_r),
            tuple((removed[r], added[c]) for r, c in pairs
                  if any(op != "=" for op, _ in word_diff(removed[r], added[c], ocr_noise=True))))


def changes(old: Measure, new: Measure) -> Changes:
    """What changed from old to new: title word diff, targets and partners added/removed."""
    ra, rr, rw = _targets(old.result_targets, new.result_targets)
    ea, er, ew = _targets(old.effect_targets, new.effect_targets)
    pa, pr = _set_changes(old.partners, new.partners, partner_key)
    return Changes(title=word_diff(old.title, new.title, ocr_noise=True),
                   result_targets_added=ra, result_targets_removed=rr, result_targets_reworded=rw,
                   effect_targets_added=ea, effect_targets_removed=er, effect_targets_reworded=ew,
                   partners_added=pa, partners_removed=pr)
