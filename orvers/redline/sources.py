"""Where a redline's measures came from in the workshop: the proposals the trace links to each
measure of the new version, and the comment that names them."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..trace import Trace

QUOTE_WORDS = 60  # characters of a proposal's text quoted in a comment (cut at a word)


@dataclass(frozen=True)
class Source:
    """A workshop proposal a measure carries (partly: only some of it, per the trace)."""

    id: str
    text: str
    partly: bool = False


Sources = Mapping[str, Sequence[Source]]  # new measure id -> proposals


def workshop_sources(trace: Trace, label: str) -> dict[str, tuple[Source, ...]]:
    """Measure id of version LABEL -> the proposals traced to it, in the proposals' order."""
    targets = [v[1] for v in trace.versions[1:]]
    at = targets.index(label) if label in targets else None
    out: dict[str, list[Source]] = {}
    for p in trace.proposals:
        partly = at is not None and len(p.path) > at and p.path[at] == "partial"
        for link in p.links:
            if link.version == label:
                out.setdefault(link.id, []).append(Source(p.id, p.text, partly))
    return {mid: tuple(items) for mid, items in out.items()}


def shorten(text: str, limit: int = QUOTE_WORDS) -> str:
    """TEXT on one line, cut at a word before LIMIT characters (then ending in " …")."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0] or text[:limit]
    return cut.rstrip(" ,.;:–-") + " …"


def source_note(sources: Sequence[Source], texts: dict) -> str:
    """'Fra verkstedet: W17 «Arrangere felles ryddedag …»; W22 «…» (delvis)', or ''."""
    if not sources:
        return ""
    quoted = "; ".join(f"{s.id} «{shorten(s.text)}»" + (f" ({texts['partly']})" if s.partly else "")
                       for s in sources)
    return f"{texts['from_workshop']}: {quoted}"
