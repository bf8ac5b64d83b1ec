"""Lines of descent: the measures of successive versions that are one measure reworded."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ..model import Comparison, Override, Programme

Pairs = list[tuple[str, str]]  # (measure id in a version, measure id in the next version)


def successions(targets: Sequence[Programme], overrides: Sequence[Override] = (),
                comparisons: Mapping[tuple[str, str], Comparison] | None = None
                ) -> list[Pairs]:
    """Per consecutive pair of targets, the measures `orvers compare` links (old, new); a pair
    found in `comparisons` (by old and new label) is not compared again."""
    from ..match import compare

    out: list[Pairs] = []
    for a, b in zip(targets, targets[1:], strict=False):
        if not (a.measures and b.measures):
            out.append([])
            continue
        found = (comparisons or {}).get((a.label, b.label))
        links = (found or compare(a, b, overrides=overrides)).links
        out.append([(x.old, x.new) for x in links if x.old and x.new])
    return out


def lineages(targets: Sequence[Programme], pairs: list[Pairs] | None
             ) -> list[list[tuple[int, int]]]:
    """Measures grouped by descent, as (version index, measure index) lists in document order:
    a measure and everything linked to it in the other versions (splits and merges included);
    without pairs, every measure alone."""
    nodes = [(k, j) for k, t in enumerate(targets) for j in range(len(t.measures))]
    parent = {n: n for n in nodes}

    def root(n: tuple[int, int]) -> tuple[int, int]:
        while parent[n] != n:
            parent[n] = parent[parent[n]]
            n = parent[n]
        return n

    for k, links in enumerate(pairs or []):
        old = {m.id: j for j, m in enumerate(targets[k].measures)}
        new = {m.id: j for j, m in enumerate(targets[k + 1].measures)}
        for a, b in links:
            if a in old and b in new:
                parent[root((k, old[a]))] = root((k + 1, new[b]))
    groups: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for n in nodes:
        groups.setdefault(root(n), []).append(n)
    return list(groups.values())
