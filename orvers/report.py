"""`orvers report`: every version extracted, compared, traced and redlined, with an index page.

Which pairs are compared: the versions whose stage lists measures (programme, draft, board,
adopted) in lineage order, each with the next, plus the first with the last. The strategy only
frames the programme, and the workshop notes are proposals rather than a programme: they are
traced through the later versions instead of compared.
"""

from __future__ import annotations

import datetime as dt
import json
from contextlib import nullcontext
from dataclasses import replace
from functools import partial
from pathlib import Path

from . import corpus as corpus_mod
from .cache import CACHE_DIR, memo
from .cache import load as cached_load
from .errors import OrversError
from .history import history, lineage
from .model import Comparison, Programme
from .render.anchors import version_page
from .render.compare_html import Lineages
from .render.compare_json import render_json
from .render.compare_md import render_markdown
from .render.extract import render_markdown as render_programme_md
from .render.html import (
    render_comparison,
    render_index,
    render_trace,
    render_version,
    status_names,
    texts,
)
from .render.terms import event_counts_text
from .render.trace_json import render_trace_json, trace_dict
from .render.trace_md import render_trace_md
from .render.xlsx import workbook
from .trace import trace


def pairs(labels_stages: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Pairs of labels to compare: consecutive measure versions, then the first with the last."""
    listed = [label for label, stage in labels_stages if stage in corpus_mod.MEASURE_STAGES]
    out = list(zip(listed, listed[1:], strict=False))
    if len(listed) > 2:
        out.append((listed[0], listed[-1]))
    return out


def _programme_json(p: Programme) -> str:
    from .serialize import programme_to_dict

    return json.dumps(programme_to_dict(p), ensure_ascii=False, indent=2) + "\n"


def _lineages(chain: list[Comparison]) -> Lineages:
    """Each measure's numbers across the versions of CHAIN: ((label, ids), …) in order."""
    out: Lineages = {}
    for i, c in enumerate(chain):
        for p in ((c.old,) if i == 0 else ()) + (c.new,):
            for m in p.measures:
                out[(p.label, m.id)] = tuple(lineage(history(chain, m.id, p.label)).items())
    return out


def report(corpus: str | Path, out: str | Path, lang: str = "nb", progress: bool = True,
           use_cache: bool = True, now: dt.datetime | None = None) -> Path:
    """Write every report of CORPUS into OUT and return the index page's path."""
    from rich.console import Console
    from rich.progress import Progress

    root, out = Path(corpus), Path(out)
    versions = corpus_mod.versions(root)
    overrides = corpus_mod.load_overrides(root)
    pair_labels = pairs([(v.label, v.stage) for v in versions])
    workshop = [v for v in versions if v.stage == "workshop"]
    total = len(versions) + 2 * len(pair_labels) + 4
    bar = (Progress(console=Console(stderr=True), transient=False) if progress
           else nullcontext())
    problems: list[str] = []
    groups: list[dict] = []
    with bar:
        task = bar.add_task("orvers report", total=total) if progress else None

        def step(what: str) -> None:
            if progress:
                bar.update(task, advance=1, description=what)

        def write(rel: str, data: str | bytes) -> str:
            path = out / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(data, bytes):
                path.write_bytes(data)
            else:
                path.write_text(data, encoding="utf-8")
            return rel

        cache_dir = root / CACHE_DIR if use_cache else None
        digests = {v.label: corpus_mod.sha256(v.path) for v in versions}

        def key(*labels: str) -> str:
            return repr([(lab, digests[lab]) for lab in labels]) + repr(overrides)

        programmes: dict[str, Programme] = {}
        vrows: list[dict] = []
        for v in versions:
            step(f"{v.label}: read")
            row = {"label": v.label, "stage": v.stage, "date": v.date, "title": v.title,
                   "measures": "–", "files": []}
            try:
                p = cached_load(v.path, digests[v.label], label=v.label, cache_dir=cache_dir,
                                date=v.date)
            except OrversError as exc:
                problems.append(f"{v.label}: {exc}")
                vrows.append(row)
                continue
            p = programmes[v.label] = replace(p, title=v.title or p.title)  # not an OCR'd title
            row["measures"] = len(p.measures)
            row["files"] = [("JSON", write(f"versions/{v.label}.json", _programme_json(p))),
                            ("Markdown", write(f"versions/{v.label}.md",
                                               render_programme_md(p, lang)))]
            vrows.append(row)

        t = texts(lang)
        comparisons: dict[tuple[str, str], Comparison] = {}
        for a, b in pair_labels:
            step(f"{a} → {b}: compare")
            if a in programmes and b in programmes and programmes[a].measures \
                    and programmes[b].measures:
                c = memo(cache_dir, "compare", key(a, b), partial(
                    _compare, programmes[a], programmes[b], overrides))
                comparisons[(a, b)] = replace(c, old=programmes[a], new=programmes[b])
            else:
                problems.append(f"{a} → {b}: a version has no measures")
        consecutive = pair_labels[:-1] if len(pair_labels) > 2 else pair_labels
        chain = [comparisons[pair] for pair in consecutive if pair in comparisons]
        lineages = _lineages(chain) if chain else {}
        entries = []
        for (a, b), c in comparisons.items():
            step(f"{a} → {b}: write")
            stem = f"compare/{a}--{b}"
            entries.append({"title": f"{a} → {b}", "summary": event_counts_text(c.events(), lang),
                            "files": [
                ("HTML", write(f"{stem}.html", render_comparison(c, lang, lineages))),
                ("Markdown", write(f"{stem}.md", render_markdown(c, lang))),
                ("JSON", write(f"{stem}.json", render_json(c)))]})
        groups.append({"title": t["comparisons"], "entries": entries})

        step("trace")
        trace_data = None
        if workshop and workshop[0].label in programmes:
            src = workshop[0]
            later = [programmes[v.label] for v in versions[versions.index(src) + 1:]
                     if v.label in programmes and v.stage in corpus_mod.MEASURE_STAGES]
            if later:  # the consecutive comparisons above give the trace its lineages
                traced = memo(cache_dir, "trace", key(src.label, *(p.label for p in later)),
                              partial(trace, programmes[src.label], later, overrides=overrides,
                                      comparisons=comparisons))
                trace_data = trace_dict(traced)
                labels = [x["label"] for x in trace_data["versions"]]
                stem = "trace/" + "--".join(labels)
                names = status_names(t, trace_data.get("summary", {}))
                summary = ", ".join(f"{names.get(k, k)} {n}"
                                    for k, n in trace_data.get("summary", {}).items())
                groups.append({"title": t["traces"], "entries": [{
                    "title": " → ".join(labels), "summary": summary, "files": [
                        ("HTML", write(f"{stem}.html", render_trace(trace_data, lang))),
                        ("Markdown", write(f"{stem}.md", render_trace_md(traced, lang))),
                        ("JSON", write(f"{stem}.json", render_trace_json(traced)))]}]})

        for row in vrows:  # each version's page, once the lineages and the trace are known
            if row["label"] in programmes:
                rel = version_page(row["label"])
                files = [(name, href.removeprefix("versions/")) for name, href in row["files"]]
                write(rel, render_version(programmes[row["label"]], row["stage"], lineages,
                                          trace_data, files, lang))
                row["files"].insert(0, ("HTML", rel))

        step("redline")
        stages = {x.label: x.stage for x in versions}
        red = [(a, b) for (a, b) in comparisons
               if stages[a] == "draft" and stages[b] in ("board", "adopted")]
        for a, b in red[:1]:
            c = comparisons[(a, b)]
            rel = f"redline/{a}--{b}.docx"
            docx = memo(cache_dir, "redline", key(a, b) + lang + repr((c.old.title, c.new.title)),
                        partial(_redline, c, lang))
            write(rel, docx)
            groups.append({"title": t["redlines"], "entries": [
                {"title": f"{a} → {b}", "summary": "", "files": [("DOCX", rel)]}]})

        step("workbook")
        book = workbook(list(comparisons.values()), trace_data, vrows, lang)
        rel = write("orvers-report.xlsx", book)
        groups.append({"title": t["workbook"], "entries": [
            {"title": "XLSX", "summary": "", "files": [("XLSX", rel)]}]})

        step("index")
        generated = (now or dt.datetime.now(dt.UTC)).strftime("%Y-%m-%d %H:%M UTC")
        title = f"{t['report']} {_programme_name(root)}"
        index = out / write("index.html", render_index(title, vrows, groups, generated,
                                                       problems, lang))
        if progress:
            bar.update(task, completed=total, description="done")
    return index


def _compare(old: Programme, new: Programme, overrides) -> Comparison:
    from .match import compare

    return compare(old, new, overrides=overrides)


def _redline(c: Comparison, lang: str) -> bytes:
    """The Word redline of C as bytes (dated by the new version, so reruns write the same)."""
    import tempfile

    from .redline import write_redline

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "redline.docx"
        when = corpus_mod.version_date(c.new.date)
        write_redline(c, path, date=when and when.replace(tzinfo=dt.UTC), lang=lang)
        return path.read_bytes()


def _programme_name(root: Path) -> str:
    import tomllib

    data = tomllib.loads((root / corpus_mod.MANIFEST).read_text(encoding="utf-8"))
    return data.get("programme", str(root))

