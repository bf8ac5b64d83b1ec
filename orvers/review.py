"""The review queue of a corpus: the doubtful links of every comparison the report makes and
the doubtful statuses of its trace, each with the command that would settle it."""

from __future__ import annotations

import json
from pathlib import Path

from . import corpus as corpus_mod
from .cache import load as cached_load
from .cache import locate
from .model import Comparison, ReviewItem


def corpus_review(corpus: str | Path) -> list[tuple[str, tuple[ReviewItem, ...]]]:
    """(title, queue) per comparison of `orvers report` ("utkast → styret") and for the
    trace of the workshop proposals, honouring the corpus's overrides."""
    from .analysis import pairs
    from .match import compare
    from .trace import trace

    root = Path(corpus)
    versions = corpus_mod.versions(root)
    overrides = corpus_mod.load_overrides(root)
    programmes = {v.label: cached_load(v.path, corpus_mod.verified_sha256(v), label=v.label,
                                       cache_dir=locate(root)[0], date=v.date,
                                       layout=v.layout)
                  for v in versions}
    out: list[tuple[str, tuple[ReviewItem, ...]]] = []
    comparisons: dict[tuple[str, str], Comparison] = {}
    for a, b in pairs([(v.label, v.stage) for v in versions]):
        if programmes[a].measures and programmes[b].measures:
            comparisons[(a, b)] = compare(programmes[a], programmes[b], overrides=overrides)
            out.append((f"{a} → {b}", comparisons[(a, b)].review))
    workshop = next((v for v in versions if v.stage == "workshop"), None)
    if workshop is not None:
        later = [programmes[v.label] for v in versions[versions.index(workshop) + 1:]
                 if v.stage in corpus_mod.MEASURE_STAGES and programmes[v.label].measures]
        if later:
            t = trace(programmes[workshop.label], later, overrides=overrides,
                      comparisons=comparisons)
            out.append((" → ".join(label for _, label in t.versions), t.review))
    return out


def render_review(queues: list[tuple[str, tuple[ReviewItem, ...]]], fmt: str = "md",
                  lang: str = "nb") -> str:
    """The queues as Markdown (a section per comparison and trace) or JSON."""
    if fmt == "json":
        from .render.compare_json import review_to_list

        return json.dumps({"review": [{"what": title, "items": review_to_list(items)}
                                      for title, items in queues]},
                          ensure_ascii=False, indent=2) + "\n"
    from .render.review_md import review_markdown

    lines = ["# orvers review", ""]
    for title, items in queues:
        lines += review_markdown(items, lang, of=title)
    return "\n".join(lines).rstrip() + "\n"
