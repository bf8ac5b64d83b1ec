"""A corpus read, compared and traced: what `orvers report`, `export` and `batch` are made from.

Which pairs are compared: the versions whose stage lists measures (programme, draft, board,
adopted) in lineage order, each with the next, plus the first with the last. The strategy only
frames the programme, and the workshop notes are proposals rather than a programme: they are
traced through the later versions instead of compared.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from . import corpus as corpus_mod
from .cache import load as cached_load
from .cache import locate, memo
from .errors import OrversError
from .model import Comparison, Override, Programme

if TYPE_CHECKING:
    from .trace import Trace


@dataclass(frozen=True)
class Analysis:
    """Every version of a corpus parsed, the chosen pairs compared, the workshop traced.

    programmes holds the versions that could be read (by label); problems says, one line each,
    what could not be made (an unreadable version, a pair without measures).
    """

    root: Path
    versions: tuple[corpus_mod.Version, ...]
    programmes: dict[str, Programme]
    comparisons: dict[tuple[str, str], Comparison]
    trace: Trace | None
    problems: tuple[str, ...]
    digests: dict[str, str]
    overrides: tuple[Override, ...]
    cache_dir: Path | None

    @property
    def consecutive(self) -> list[Comparison]:
        """The comparisons of each measure version with the next (not the first with the last)."""
        listed = pairs([(v.label, v.stage) for v in self.versions])
        chain = listed[:-1] if len(listed) > 2 else listed
        return [self.comparisons[pair] for pair in chain if pair in self.comparisons]


def warn_stderr(note: str) -> None:
    """Print a note for the user on stderr, as 'warning: …'."""
    print(f"warning: {note}", file=sys.stderr)


def pairs(labels_stages: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Pairs of labels to compare: consecutive measure versions, then the first with the last."""
    listed = [label for label, stage in labels_stages if stage in corpus_mod.MEASURE_STAGES]
    out = list(zip(listed, listed[1:], strict=False))
    if len(listed) > 2:
        out.append((listed[0], listed[-1]))
    return out


def analyse(corpus: str | Path, use_cache: bool = True,
            step: Callable[[str], None] = lambda what: None,
            warn: Callable[[str], None] | None = None) -> Analysis:
    """Read, compare and trace CORPUS (cached in its .orvers-cache unless use_cache is False;
    WARN gets notes such as where the cache went).

    A version that cannot be read becomes a problem, not an error: the rest is still analysed.
    """
    root = Path(corpus)
    versions = corpus_mod.versions(root)
    overrides = corpus_mod.load_overrides(root)
    cache_dir, note = locate(root, use_cache)
    if note:
        (warn or warn_stderr)(note)
    digests = {v.label: corpus_mod.verified_sha256(v) for v in versions if v.path.exists()}
    problems: list[str] = []
    programmes: dict[str, Programme] = {}
    for v in versions:
        step(f"{v.label}: read")
        try:
            if v.label not in digests:
                raise OrversError(f"{v.path}: no such file")
            p = cached_load(v.path, digests[v.label], label=v.label, cache_dir=cache_dir,
                            date=v.date, layout=v.layout)
            programmes[v.label] = replace(p, title=v.title or p.title)  # not an OCR'd title
        except OrversError as exc:
            problems.append(f"{v.label}: {exc}")
    for note in corpus_mod.unknown_ids(overrides, programmes):
        (warn or warn_stderr)(note)
    comparisons: dict[tuple[str, str], Comparison] = {}
    for a, b in pairs([(v.label, v.stage) for v in versions]):
        step(f"{a} → {b}: compare")
        if a in programmes and b in programmes and programmes[a].measures \
                and programmes[b].measures:
            c = memo(cache_dir, "compare", (programmes[a], programmes[b], overrides),
                     partial(_compare, programmes[a], programmes[b], overrides), Comparison)
            comparisons[(a, b)] = replace(c, old=programmes[a], new=programmes[b])
        else:
            problems.append(f"{a} → {b}: a version has no measures")
    step("trace")
    traced = None
    workshop = [v for v in versions if v.stage == "workshop"]
    if workshop and workshop[0].label in programmes:
        src = workshop[0]
        later = [programmes[v.label] for v in versions[versions.index(src) + 1:]
                 if v.label in programmes and v.stage in corpus_mod.MEASURE_STAGES]
        if later:  # the consecutive comparisons above give the trace its lineages
            from .trace import Trace, trace

            traced = memo(cache_dir, "trace", (programmes[src.label], later, overrides,
                                               list(comparisons.items())),
                          partial(trace, programmes[src.label], later, overrides=overrides,
                                  comparisons=comparisons), Trace)
    return Analysis(root, versions, programmes, comparisons, traced, tuple(problems), digests,
                    overrides, cache_dir)


def _compare(old: Programme, new: Programme, overrides) -> Comparison:
    from .match import compare

    return compare(old, new, overrides=overrides)
