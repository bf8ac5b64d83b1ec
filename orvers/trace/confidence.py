"""How sure each trace link and status is, and the doubtful statuses to review.

Margins (calibrated by orvers/calibration.py on the labelled proposals):
- a link: its score (the share of the proposal or its headline the measure carries);
- a status taken up (adopted, partial): none (0 for all): no margin tried told right from
  wrong better than the base rate (29 statuses, 2 wrong; how far the best last-version link
  lies from adopt_min scored a held-out Brier score of 0.088 against the base rate's 0.067),
  so each carries the share of such statuses that were right;
- a dropped status: minus the most of the proposal's substance any lineage carries (matched
  IDF mass, in unique words): a proposal whose words no measure shares is surely dropped, one
  that shares much with a measure that still did not take it up is less sure. It orders the
  dropped statuses for review; how well it calibrates them is in bench_accuracy.py
  --calibrate (held-out Brier score against the base rate): better than the base rate before
  the subject words (0.151 against 0.182), no better since they took up the proposals it
  doubted most (0.125 against 0.117). Minus the best share (score) of a last-version measure
  was worse than the base rate (a short proposal scores high on a few generic words).
"""

from __future__ import annotations

from dataclasses import replace

from ..calibration import confidence
from ..model import ReviewItem
from .model import Trace

REVIEW_BELOW = 0.75  # a status less sure than this goes to the review queue


def status_margin(status: str, carried: float) -> tuple[str, float]:
    """The calibration kind of a status and its margin (carried: see the module)."""
    if status.startswith("dropped"):
        return "trace_dropped", -carried
    return "trace_taken", 0.0  # the share of taken statuses that are right (see the module)


def with_confidence(t: Trace, source: str, nearest: list[tuple[str, float] | None],
                    carried: list[float], maps: dict | None = None) -> Trace:
    """The trace with calibrated confidences on links and statuses, and its review queue
    (nearest: per proposal the last version's measure that carries most of it without a link,
    with that share; carried: the most of its substance any lineage carries)."""
    last = t.versions[-1][1]
    proposals, review = [], []
    for p, near, mass in zip(t.proposals, nearest, carried, strict=True):
        links = tuple(replace(x, confidence=1.0 if x.overridden else
                              confidence("trace_link", x.score, maps)) for x in p.links)
        kind, margin = status_margin(p.status, mass)
        sure = any(x.overridden for x in links if x.version == last)
        conf = 1.0 if sure else confidence(kind, margin, maps)
        proposals.append(replace(p, links=links, margin=round(margin, 4), confidence=conf))
        if sure or conf >= REVIEW_BELOW:
            continue
        what = f"{source}:{p.id} {p.status}"
        weakest = min((x for x in links if x.version == last), key=lambda x: x.score,
                      default=None)
        if near and (p.status.startswith("dropped") or weakest is None
                     or near[1] > weakest.score):
            alternative = f"{last}:{near[0]} ({near[1]:.2f})"
            command = f"orvers link {source}:{p.id} {last}:{near[0]}"
        elif weakest is not None:
            alternative = f"without {last}:{weakest.id}"
            command = f"orvers unlink {source}:{p.id} {last}:{weakest.id}"
        else:
            continue
        review.append(ReviewItem(what, conf, alternative, command))
    review.sort(key=lambda r: (r.confidence, r.what))
    return replace(t, proposals=tuple(proposals), review=tuple(review))
