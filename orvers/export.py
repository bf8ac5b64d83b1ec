"""Corpora as one SQLite database (sqlite-utils) to query across versions, e.g. with Datasette.

Tables (keys are text, unique across corpora, so the databases of many corpora combine):
  corpora      name; versions `corpus/label`; sections `corpus/label/number`;
  measures     `corpus/label:number` (as on the command line), with their targets and partners
               (`organisation`: the partner named in full, SVV → Statens vegvesen) in own tables;
  comparisons  `corpus/old--new`, and their links (old_measure, new_measure, kind, score);
  proposals    the workshop's measures (same key) with area, status and path (a JSON list, one
               entry per later version), and their trace_links.
Views: measure_history (every measure in every version with its partners and its numbers in the
version before and after) and proposal_outcome (every proposal, whether it survived, and the
measures that took it up). Full-text search (FTS5) on measures and proposals.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .analysis import Analysis
from .corpus import MEASURE_STAGES
from .diff import partner_name
from .model import Programme

DATABASE = "orvers.db"

# Column types per table, in column order; the first column (or the listed columns) is the key.
SCHEMA: dict[str, dict[str, type]] = {
    "corpora": {"name": str, "programme": str, "problems": str},
    "versions": {"id": str, "corpus": str, "position": int, "label": str, "stage": str,
                 "date": str, "title": str, "file": str, "sha256": str, "format": str,
                 "layout": str, "pages": int, "measures": int, "lists_measures": bool},
    "sections": {"id": str, "version": str, "position": int, "number": str, "title": str,
                 "parent": str, "raw_title": str},
    "measures": {"id": str, "version": str, "section": str, "position": int, "number": str,
                 "title": str, "id_source": str, "page": int, "line_start": int,
                 "line_end": int, "raw_title": str, "text": str},
    "targets": {"measure": str, "kind": str, "position": int, "text": str},
    "partners": {"measure": str, "position": int, "name": str, "organisation": str},
    "comparisons": {"id": str, "corpus": str, "old_version": str, "new_version": str,
                    "consecutive": bool, "unchanged": int, "reworded": int, "split": int,
                    "merged": int, "added": int, "removed": int},
    "links": {"comparison": str, "position": int, "old_measure": str, "new_measure": str,
              "kind": str, "score": float, "confidence": float, "renumbered": bool, "moved": bool,
              "overridden": bool},
    "proposals": {"id": str, "version": str, "position": int, "number": str, "area": str,
                  "status": str, "confidence": float, "path": str, "text": str},
    "trace_links": {"proposal": str, "position": int, "version": str, "measure": str,
                    "score": float, "confidence": float, "evidence": str,
                    "overridden": bool},
}
KEYS = {"targets": ("measure", "kind", "position"), "partners": ("measure", "position"),
        "links": ("comparison", "position"), "trace_links": ("proposal", "position")}
FOREIGN_KEYS = {
    "versions": [("corpus", "corpora", "name")],
    "sections": [("version", "versions", "id")],
    "measures": [("version", "versions", "id"), ("section", "sections", "id")],
    "targets": [("measure", "measures", "id")],
    "partners": [("measure", "measures", "id")],
    "comparisons": [("corpus", "corpora", "name"), ("old_version", "versions", "id"),
                    ("new_version", "versions", "id")],
    "links": [("comparison", "comparisons", "id"), ("old_measure", "measures", "id"),
              ("new_measure", "measures", "id")],
    "proposals": [("id", "measures", "id"), ("version", "versions", "id")],
    "trace_links": [("proposal", "proposals", "id"), ("version", "versions", "id"),
                    ("measure", "measures", "id")],
}
SEARCH = {"measures": ["title", "text"], "proposals": ["text"]}
# unicode61 without folding diacritics: å and a, ø and o stay different letters in Norwegian.
TOKENIZE = "unicode61 remove_diacritics 0"

VIEWS = {
    "measure_history": """
select v.corpus, v.label as version, v.stage, v.date, m.number, m.title, s.title as section,
  (select json_group_array(organisation) from
     (select organisation from partners where measure = m.id order by position)) as partners,
  (select group_concat(l.kind, ', ') from links l join comparisons c on c.id = l.comparison
     where c.consecutive and l.new_measure = m.id) as change,
  (select group_concat(ov.label || ' ' || om.number, ', ') from links l
     join comparisons c on c.id = l.comparison join measures om on om.id = l.old_measure
     join versions ov on ov.id = om.version
     where c.consecutive and l.new_measure = m.id) as before,
  (select group_concat(nv.label || ' ' || nm.number || ' (' || l.kind || ')', ', ') from links l
     join comparisons c on c.id = l.comparison join measures nm on nm.id = l.new_measure
     join versions nv on nv.id = nm.version
     where c.consecutive and l.old_measure = m.id) as after,
  m.id as measure
from measures m join versions v on v.id = m.version left join sections s on s.id = m.section
where v.lists_measures
order by v.corpus, v.position, m.position""",
    "proposal_outcome": """
select v.corpus, v.label as workshop, p.number, p.area, p.status,
  cast(p.status in ('adopted', 'partial') as integer) as survived, p.text,
  (select group_concat(tv.label || ' ' || tm.number, ', ') from trace_links t
     join versions tv on tv.id = t.version join measures tm on tm.id = t.measure
     where t.proposal = p.id) as taken_up_by,
  p.id as proposal
from proposals p join versions v on v.id = p.version
order by v.corpus, p.position""",
}


@dataclass(frozen=True)
class Rows:
    """One corpus as database rows: table name → rows (dicts in the SCHEMA's columns)."""

    corpus: str
    tables: dict[str, list[dict]]


def rows(analysis: Analysis, name: str = "") -> Rows:
    """The rows of an analysed corpus; NAME (default: its directory's name) keys it."""
    corpus = name or analysis.root.resolve().name
    tables: dict[str, list[dict]] = {table: [] for table in SCHEMA}
    tables["corpora"].append({"name": corpus, "programme": _programme_name(analysis),
                              "problems": "\n".join(analysis.problems)})
    measure_keys: dict[tuple[str, str], str] = {}
    for position, v in enumerate(analysis.versions):
        vid = f"{corpus}/{v.label}"
        p = analysis.programmes.get(v.label)
        tables["versions"].append({
            "id": vid, "corpus": corpus, "position": position, "label": v.label,
            "stage": v.stage, "date": v.date, "title": v.title, "file": v.file,
            "sha256": analysis.digests.get(v.label, v.sha256),
            "format": p and p.format, "layout": p and p.layout, "pages": p and p.pages,
            "measures": p and len(p.measures), "lists_measures": v.stage in MEASURE_STAGES})
        if p is not None:
            measure_keys |= _programme_rows(tables, vid, p)
    consecutive = analysis.consecutive
    for (old, new), c in analysis.comparisons.items():
        cid = f"{corpus}/{old}--{new}"
        tables["comparisons"].append({
            "id": cid, "corpus": corpus, "old_version": f"{corpus}/{old}",
            "new_version": f"{corpus}/{new}",
            "consecutive": any(c is x for x in consecutive), **c.summary()})
        tables["links"] += [{
            "comparison": cid, "position": i,
            "old_measure": measure_keys.get((old, link.old)) if link.old else None,
            "new_measure": measure_keys.get((new, link.new)) if link.new else None,
            "kind": link.kind, "score": link.score, "confidence": link.confidence,
            "renumbered": link.renumbered,
            "moved": link.moved, "overridden": link.overridden}
            for i, link in enumerate(c.links)]
    if analysis.trace is not None:
        source = analysis.trace.versions[0][1]
        for position, proposal in enumerate(analysis.trace.proposals):
            pid = measure_keys[(source, proposal.id)]
            tables["proposals"].append({
                "id": pid, "version": f"{corpus}/{source}", "position": position,
                "number": proposal.id, "area": proposal.section, "status": proposal.status,
                "confidence": proposal.confidence, "path": json.dumps(proposal.path),
                "text": proposal.text})
            tables["trace_links"] += [{
                "proposal": pid, "position": i, "version": f"{corpus}/{x.version}",
                "measure": measure_keys.get((x.version, x.id)), "score": x.score,
                "confidence": x.confidence, "evidence": x.evidence, "overridden": x.overridden}
                for i, x in enumerate(proposal.links)]
    return Rows(corpus, tables)


def _programme_rows(tables: dict[str, list[dict]], vid: str, p: Programme
                    ) -> dict[tuple[str, str], str]:
    """Add P's sections, measures, targets and partners; return (label, number) → measure key."""
    taken: set[str] = set()
    section_keys: dict[str, str] = {}
    for position, s in enumerate(p.sections):
        key = _unique(f"{vid}/{s.id}", taken)
        section_keys.setdefault(s.id, key)
        tables["sections"].append({"id": key, "version": vid, "position": position,
                                   "number": s.id, "title": s.title, "parent": s.parent,
                                   "raw_title": s.raw_title})
    keys: dict[tuple[str, str], str] = {}
    for position, m in enumerate(p.measures):
        key = _unique(f"{vid}:{m.id}", taken)
        keys.setdefault((p.label, m.id), key)
        tables["measures"].append({
            "id": key, "version": vid, "section": section_keys.get(m.section or ""),
            "position": position, "number": m.id, "title": m.title, "id_source": m.id_source,
            "page": m.source.page, "line_start": m.source.line_start,
            "line_end": m.source.line_end, "raw_title": m.raw_title, "text": m.text})
        tables["targets"] += [{"measure": key, "kind": kind, "position": i, "text": text}
                              for kind, texts in (("result", m.result_targets),
                                                  ("effect", m.effect_targets))
                              for i, text in enumerate(texts)]
        tables["partners"] += [{"measure": key, "position": i, "name": name,
                                "organisation": partner_name(name)}
                               for i, name in enumerate(m.partners)]
    return keys


def _unique(key: str, taken: set[str]) -> str:
    """KEY, or KEY#2, #3 … when a document prints the same number twice (now TAKEN)."""
    out, n = key, 1
    while out in taken:
        n += 1
        out = f"{key}#{n}"
    taken.add(out)
    return out


def _programme_name(analysis: Analysis) -> str:
    import tomllib

    from .corpus import MANIFEST

    data = tomllib.loads((analysis.root / MANIFEST).read_text(encoding="utf-8"))
    return str(data.get("programme", ""))


def write_sqlite(path: str | Path, corpora: list[Rows]) -> Path:
    """Write CORPORA into a new SQLite database at PATH, replacing it atomically.

    The same rows give the same bytes: tables are filled in order, search indexes built last.
    """
    import sqlite_utils

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(handle)
    try:
        db = sqlite_utils.Database(tmp, recreate=True)
        # a private file until it is renamed: no journal, no sync per statement, one at the end
        db.execute("PRAGMA journal_mode = OFF")
        db.execute("PRAGMA synchronous = OFF")
        for table, columns in SCHEMA.items():
            db[table].create(columns, pk=KEYS.get(table, next(iter(columns))),
                             foreign_keys=FOREIGN_KEYS.get(table, []))
            for corpus in corpora:
                db[table].insert_all(corpus.tables[table], batch_size=1000)
        for table, columns in SEARCH.items():
            db[table].enable_fts(columns, fts_version="FTS5", tokenize=TOKENIZE)
        for view, sql in VIEWS.items():
            db.create_view(view, sql.strip())
        db.close()
        _sync(tmp)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return path


def _sync(path: str) -> None:
    """Flush PATH's bytes to disk, so that a crash after the rename leaves a whole database."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
