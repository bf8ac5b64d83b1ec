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
              old_ids: list[str], new_ids: list[str], threshold: float,
              content: np.ndarray | None = None) -> list[Decision]:
    """Each link's margin and alternative among the scored candidate pairs (rows, cols: old
    and new measure indexes; scores: the final scores, section priors included).

    An unlinked measure's margin follows the final scores, but its alternative is its best
    partner by `content` (what the two measures say, without the section priors): the priors
    are why it stayed unlinked, so the reviewer is shown what its words point to, even a
    partner linked elsewhere (linking them makes a merge or a split: a year's consolidation).
    On the labelled cross-year pairs this is the labelled partner for 4 of the 6 missed
    links, where the best free partner by the final score was for 2."""
    n_new = len(new_ids)
    io = {x: i for i, x in enumerate(old_ids)}
    jn = {x: j for j, x in enumerate(new_ids)}
    linked = [io[lk.old] * n_new + jn[lk.new] for lk in links if lk.old and lk.new]
    free = ~np.isin(rows.astype(np.int64) * n_new + cols, linked)
    r, c, v = rows[free], cols[free], scores[free]
    w = (scores if content is None else content)[free]
    # ids in string order, so that ties fall as they would between (score, id) tuples
    ro = np.argsort(np.argsort(np.array(old_ids, dtype=str), kind="stable"), kind="stable")
    rn = np.argsort(np.argsort(np.array(new_ids, dtype=str), kind="stable"), kind="stable")
    final_row, final_col = _best(r, (rn[c], w, v)), _best(c, (ro[r], w, v))
    said_row, said_col = _best(r, (rn[c], v, w)), _best(c, (ro[r], v, w))

    def option(k: int | None, by_content: bool = False) -> tuple | None:
        if k is None:
            return None
        x, y = float(v[k]), float(w[k])
        return (y, x, old_ids[r[k]], new_ids[c[k]]) if by_content else (
            x, y, old_ids[r[k]], new_ids[c[k]])

    out = []
    for lk in links:
        i, j = io.get(lk.old or ""), jn.get(lk.new or "")
        options = [o for o in (option(final_row.get(i)), option(final_col.get(j))) if o]
        best = max(options, default=None)
        top = best[0] if best else 0.0
        if lk.old and lk.new:
            score = lk.score or 0.0
            margin = min(score - threshold, score - top)
        else:
            margin = threshold - top
            best = option(said_row.get(i) if lk.old else said_col.get(j), by_content=True)
        alt = (best[2], best[3], round(best[0], 3)) if best else None
        out.append(Decision(lk, round(float(margin), 4), alt))
    return out


def _best(group: np.ndarray, keys: tuple[np.ndarray, ...]) -> dict[int, int]:
    """Per value of group, the index of its entry with the largest keys (the last key first)."""
    if not len(group):
        return {}
    order = np.lexsort((*keys, group))
    last = np.r_[group[order][1:] != group[order][:-1], True]
    return dict(zip(group[order][last].tolist(), order[last].tolist(), strict=True))


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

