"""How sure each link is, and the doubtful ones to review with the command that would settle them.

A decision's margin is how far it was from going the other way: a link's score above the
threshold and above its best alternative (another candidate of either of its measures that is
not itself a link); an unlinked measure's best candidate below the threshold. The calibration
(orvers/calibration.py) turns margins into the share of such decisions that were right on
the labelled pairs.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from ..calibration import confidence
from ..model import Comparison, Link, ReviewItem

# a decision below this confidence goes to the review queue (a link's margin counts how close
# its best alternative came, so a close alternative lowers the confidence as far as the
# labelled pairs say it should: on them no link with a close alternative was wrong, and
# listing every one, as a fixed 0.05 gap did, filled hp2025's queues with right links)
REVIEW_BELOW = 0.75


@dataclass(frozen=True)
class Decision:
    """A link or an unlinked measure with its margin and best alternative (old id, new id,
    score; None when there is none)."""

    link: Link
    margin: float
    alternative: tuple[str | None, str | None, float] | None


def decisions(links: list[Link], rows: np.ndarray, cols: np.ndarray, scores: np.ndarray,
              old_ids: list[str], new_ids: list[str], threshold: float) -> list[Decision]:
    """Each link's margin and alternative among the scored candidate pairs (rows, cols: old
    and new measure indexes). An unlinked measure's alternative is its best partner that is
    unlinked too, when it has one (linking the two settles both; a partner linked elsewhere
    would make a merge or a split), else its best partner."""
    linked = {(lk.old, lk.new) for lk in links if lk.old and lk.new}
    alone = {lk.old for lk in links if not lk.new} | {lk.new for lk in links if not lk.old}
    by_old: dict[str, list[tuple[float, str]]] = {}
    by_new: dict[str, list[tuple[float, str]]] = {}
    for i, j, v in zip(rows.tolist(), cols.tolist(), scores.tolist(), strict=True):
        a, b = old_ids[i], new_ids[j]
        if (a, b) not in linked:
            by_old.setdefault(a, []).append((v, b))
            by_new.setdefault(b, []).append((v, a))
    out = []
    for lk in links:
        options = [(v, lk.old, b) for v, b in by_old.get(lk.old or "", [])]
        options += [(v, a, lk.new) for v, a in by_new.get(lk.new or "", [])]
        best = max(options, default=None)
        if lk.old and lk.new:
            score = lk.score or 0.0
            margin = min(score - threshold, score - (best[0] if best else 0.0))
        else:
            margin = threshold - (best[0] if best else 0.0)
            free = [o for o in options if (o[2] if lk.old else o[1]) in alone]
            best = max(free, default=best)
        alt = (best[1], best[2], round(best[0], 3)) if best else None
        out.append(Decision(lk, round(float(margin), 4), alt))
    return out


def with_confidence(c: Comparison, found: list[Decision], maps: dict | None = None
                    ) -> Comparison:
    """The comparison with each link's calibrated confidence and the review queue."""
    old, new = c.old.label or "old", c.new.label or "new"
    links, review = [], []
    for d in found:
        lk = d.link
        paired = bool(lk.old and lk.new)
        conf = 1.0 if lk.overridden else confidence("link" if paired else "unlinked", d.margin,
                                                    maps)
        links.append(replace(lk, margin=d.margin, confidence=conf))
        if lk.overridden or conf >= REVIEW_BELOW:
            continue
        what = f"{old}:{lk.old or '–'} → {new}:{lk.new or '–'} ({lk.kind})"
        if d.alternative:
            a, b, v = d.alternative
            alternative = f"{old}:{a} → {new}:{b} ({v:.2f})"
            command = f"orvers link {old}:{a} {new}:{b}"
        else:
            alternative, command = "", ""
        if paired and not d.alternative:
            alternative = f"{old}:{lk.old} removed, {new}:{lk.new} added"
            command = f"orvers unlink {old}:{lk.old} {new}:{lk.new}"
        if command:
            review.append(ReviewItem(what, conf, alternative, command))
    return replace(c, links=tuple(links), review=_once(review))


def _once(review: list[ReviewItem]) -> tuple[ReviewItem, ...]:
    """One item per command, most doubtful first: a removed and an added measure that one
    link would settle are one question ("T10 removed; 2.1.4 added")."""
    by_command: dict[str, ReviewItem] = {}
    for r in sorted(review, key=lambda r: (r.confidence, r.what)):
        seen = by_command.get(r.command)
        by_command[r.command] = r if seen is None else replace(seen, what=f"{seen.what}; {r.what}")
    return tuple(by_command.values())

