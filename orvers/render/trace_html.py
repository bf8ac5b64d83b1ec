"""`orvers trace --format html`: one self-contained page (no network), its review queue first,
filterable by status."""

from __future__ import annotations

from jinja2 import Environment, PackageLoader, select_autoescape

from ..trace import Trace
from .queue import TEXT as QUEUE_TEXTS
from .queue import queue
from .terms import status_name
from .trace_md import TEXT


def render_trace_html(tr: Trace, lang: str = "nb") -> str:
    """The trace as a standalone HTML page."""
    env = Environment(loader=PackageLoader("orvers", "render/templates"),
                      autoescape=select_autoescape(["html", "j2"]))
    summary = [(k, status_name(k, lang), n) for k, n in tr.summary().items()]
    rows, marks = queue(tr.review, lang, {(p.id,): p.text for p in tr.proposals})
    return env.get_template("trace.html.j2").render(
        tr=tr, t=TEXT[lang], lang=lang, summary=summary, queue=rows, marks=marks,
        qt=QUEUE_TEXTS[lang],
        labels=[label for _, label in tr.versions],
        status=lambda s: status_name(s, lang))
