"""Redline noise and speed on the draft → board pair (utkast → styret).

Noise: the share of characters marked as changed (inserted + deleted) by the measure-aware redline,
against the --plain redline of the same two versions rendered as board-like DOCX files, and (when
installed: pip install 'python-redlines[docxodus]', the `bench` extra) against docxodus, a .NET
document comparer, on the same two files.
Speed: seconds to write the draft → board redline.

    .venv/bin/python benchmarks/bench_redline.py

The numbers depend on what the board's OCR text layer is repaired to, which depends on the word
list (/usr/share/dict/bokmaal, Debian wnorwegian) and the other versions in the corpus: the first
line says which inputs were used and gives a digest of the links, so two runs can be compared.

Uses orvers.api.load + orvers.match.compare when they exist; until then a small outline reader
for the draft, the table parser for the board, and the hand-made gold links (marked "fallback").

Fidelity (`--fidelity`, or after the above): the in-place redline (`redline --plain`) against
docxodus on the same fixture pairs in the same run (tests/fixtures/redline: 16 real pairs, 11
edited copies, one per row): for each row of the table, whether accepting all gives the new
file and rejecting all the old one (text, paragraph properties, run formatting, pictures, links,
content controls, nested tables, fields: orvers.redline.fidelity), and seconds per pair.

    .venv/bin/python benchmarks/bench_redline.py --fidelity
"""

from __future__ import annotations

import csv
import hashlib
import re
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path

import docx

from orvers.model import Comparison, Link, Measure, Programme, Section
from orvers.redline import ooxml, write_plain_redline, write_redline
from orvers.text import join_lines

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT.parent / "shared" / "gold" / "draft2026_to_board2026.csv"


def corpus_file(label: str) -> Path:
    manifest = tomllib.loads((ROOT / "corpus" / "corpus.toml").read_text(encoding="utf-8"))
    return ROOT / "corpus" / next(v["file"] for v in manifest["version"] if v["label"] == label)


def _draft_outline(path: Path) -> Programme:
    """Fallback: numbered outline `3.2.4. text` under `3.2. Section`, lines until a blank."""
    sections, measures, current, lines = [], [], None, []
    number = re.compile(r"^\s*(\d+(?:\.\d+)*)\.\s+(\S.*)$")

    def close():
        if current is not None:
            sid = current.rsplit(".", 1)[0]
            measures.append(Measure(current, join_lines(lines), sid))

    for raw in path.read_text(encoding="utf-8").splitlines() + [""]:
        m = number.match(raw)
        if m and m.group(1).count(".") >= 1 and m.group(1).count(".") <= 2:
            close()
            current, lines = None, []
            if m.group(1).count(".") == 2 or m.group(1).startswith(("1.", "2.")):
                current, lines = m.group(1), [m.group(2)]
            else:
                sections.append(Section(m.group(1), m.group(2).strip()))
        elif not raw.strip():
            close()
            current, lines = None, []
        elif current is not None:
            lines.append(raw)
    return Programme(str(path), "txt", "outline", "Utkast", tuple(sections), tuple(measures),
                     label="utkast")


def comparison() -> tuple[Comparison, str]:
    """The draft → board comparison, and where it came from."""
    try:
        from orvers.api import load
        from orvers.match import compare
    except ImportError:
        pass
    else:
        return compare(load(corpus_file("utkast"), label="utkast"),
                       load(corpus_file("styret"), label="styret")), "orvers.match.compare"
    from orvers.parse.table import parse_table
    from orvers.read import read

    old = _draft_outline(corpus_file("utkast"))
    new = parse_table(read(corpus_file("styret")))
    new = Programme(**{**new.__dict__, "label": "styret"})
    old_ids, new_ids = {m.id for m in old.measures}, {m.id for m in new.measures}
    links = []
    with GOLD.open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            o, n = row["old_id"] or None, row["new_id"] or None
            if (o is None or o in old_ids) and (n is None or n in new_ids):
                links.append(Link(o, n, row["relation"], renumbered=o != n))
    linked_old = {lk.old for lk in links}
    linked_new = {lk.new for lk in links}
    links += [Link(m.id, None, "removed") for m in old.measures if m.id not in linked_old]
    links += [Link(None, m.id, "added") for m in new.measures if m.id not in linked_new]
    return Comparison(old, new, tuple(links)), "fallback: outline reader + table parser + gold"


def render(programme: Programme, path: Path) -> int:
    """A board-like DOCX of a programme; returns the index of its tables' Tiltak column."""
    try:
        from orvers.render.programme_docx import write_programme_docx
    except ImportError:
        pass
    else:
        write_programme_docx(programme, path, layout="table")
        return 0  # Tiltak (number and title) | Resultat- og effektmål | Partnere
    document = docx.Document()
    document.add_heading(programme.title, 1)
    for section in programme.sections:
        measures = [m for m in programme.measures if m.section == section.id]
        if not measures:
            continue
        document.add_heading(f"{section.id} {section.title}", 2)
        table = document.add_table(rows=1, cols=4)
        for cell, text in zip(table.rows[0].cells, ("Nr", "Tiltak", "Resultat- og effektmål",
                                                    "Partnere"), strict=True):
            cell.text = text
        for m in measures:
            cells = table.add_row().cells
            cells[0].text, cells[1].text = m.id, "\n".join((m.title, *m.children))
            targets = ((["Resultatmål:", *m.result_targets] if m.result_targets else [])
                       + (["Effektmål:", *m.effect_targets] if m.effect_targets else []))
            cells[2].text, cells[3].text = "\n".join(targets), "\n".join(m.partners)
    document.save(str(path))
    return 1


def share(path: Path, last_table: bool, column: int | None = None) -> tuple[float, int, int]:
    """Share of characters inside tracked changes, changed characters and all characters."""
    document = docx.Document(str(path))
    counts = ooxml.count_revisions(document, last_table=last_table, column=column)
    changed = counts["ins_chars"] + counts["del_chars"] + counts["move_chars"]
    total = ooxml.text_length(document, last_table=last_table, column=column)
    return changed / total, changed, total


def inputs(comp: Comparison) -> str:
    """What the numbers depend on besides the code: word list, OCR repair, the links."""
    try:
        from orvers.ocr.wordlist import WORDLIST
    except ImportError:
        wordlist = "no OCR repair in this version"
    else:
        wordlist = f"word list {WORDLIST} {'present' if WORDLIST.exists() else 'MISSING'}"
    ocr = [w for w in comp.new.warnings + comp.old.warnings if "OCR" in w]
    links = sorted((lk.old or "", lk.new or "", lk.kind) for lk in comp.links)
    digest = hashlib.sha256(repr(links).encode()).hexdigest()[:12]
    return f"{wordlist}; {'; '.join(ocr) or 'no OCR repair'}; links {digest}"


def docxodus(old_doc: Path, new_doc: Path, out: Path) -> float | str:
    """Seconds docxodus (python-redlines) takes to redline the two files, or why it did not run."""
    try:
        from python_redlines.engines import DocxodusEngine
    except ImportError:
        return "not installed (pip install 'python-redlines[docxodus]')"
    try:
        engine = DocxodusEngine()
        start = time.perf_counter()
        data, _, _ = engine.run_redline("docxodus", old_doc, new_doc)
        elapsed = time.perf_counter() - start
    except (ImportError, OSError, subprocess.CalledProcessError) as exc:
        return f"did not run: {str(exc).splitlines()[0]}"
    out.write_bytes(data)
    return elapsed


FIXTURES = ROOT / "tests" / "fixtures" / "redline"
# rows of the fidelity table: what is checked, on which pairs
ROWS = [
    ("pictures in an edited paragraph", "objects",
     ["pictures", "WC013-Image-Before", "WC016-Para-Image-Para",
      "WC023-Table-4-Row-Image-Before"]),
    ("nested table, hyperlinks, content controls in an edited paragraph", "objects",
     ["nested-table", "hyperlinks", "content-controls", "WC019-Hyperlink-Before",
      "WC043-Nested-Table"]),
    ("fields (a date, a page number) in edited paragraphs", "objects",
     ["fields", "WC018-Field-Simple-Before"]),
    ("run formatting (bold Arial 8 clause number) in an edited paragraph", "formatting",
     ["run-formatting"]),
    ("deleted paragraph's own numbering, indent, bold", "formatting", ["deleted-paragraph"]),
    ("formatting-only edits (bold, font, size, alignment)", "tracked formatting",
     ["formatting-only"]),
    ("header/footer edits", "tracked header", ["headers-footers"]),
    ("footnote edits", "text", ["footnotes"]),
    ("w:documentProtection of the new file", "protection", ["protection"]),
]


def _check(old: Path, new: Path, redline: Path) -> dict:
    """What a redline keeps: accept/reject against new/old as text, formatting and counts."""
    from orvers.redline import fidelity

    out = {"text": True, "formatting": True, "objects": True}
    for mode, expected in (("accept", new), ("reject", old)):
        got, want = fidelity.resolved(redline, mode), docx.Document(str(expected))
        out["text"] &= fidelity.snapshot(got, False) == fidelity.snapshot(want, False)
        out["formatting"] &= fidelity.snapshot(got) == fidelity.snapshot(want)
        out["objects"] &= out["text"] and fidelity.counts(got) == fidelity.counts(want)
    document = docx.Document(str(redline))
    body = document.element.body
    out["tracked formatting"] = out["formatting"] and bool(
        body.xpath(".//w:rPrChange | .//w:pPrChange"))
    headers = [s.header._element for s in document.sections] + [
        s.footer._element for s in document.sections]
    out["tracked header"] = out["text"] and any(h.xpath(".//w:ins | .//w:del") for h in headers)
    out["protection"] = not document.settings.element.xpath("./w:documentProtection")
    counts = ooxml.count_revisions(document)
    changed = counts["ins_chars"] + counts["del_chars"] + counts["move_chars"]
    out["share"] = changed / max(1, ooxml.text_length(document))
    return out


def fidelity_table() -> None:
    """The fidelity table: orvers' in-place redline against docxodus on the fixture pairs."""
    sys.path.insert(0, str(FIXTURES))
    from pairs import REAL, pairs

    results: dict[str, dict[str, dict]] = {"orvers": {}, "docxodus": {}}
    times: dict[str, list[float]] = {"orvers": [], "docxodus": []}
    missing = None
    with tempfile.TemporaryDirectory() as tmp:
        for name, (old, new) in pairs().items():
            path = Path(tmp) / f"{name}-orvers.docx"
            start = time.perf_counter()
            write_plain_redline(old, new, path)
            times["orvers"].append(time.perf_counter() - start)
            results["orvers"][name] = _check(old, new, path)
            peer = docxodus(old, new, Path(tmp) / f"{name}-docxodus.docx")
            if isinstance(peer, str):
                missing = peer
                continue
            times["docxodus"].append(peer)
            results["docxodus"][name] = _check(old, new, Path(tmp) / f"{name}-docxodus.docx")
    engines = ["orvers"] + ([] if missing else ["docxodus"])
    print(f"\nfidelity on {len(results['orvers'])} fixture pairs (tests/fixtures/redline)"
          + (f"; docxodus {missing}" if missing else ""))
    print("| what | " + " | ".join(engines) + " |")
    print("|---|" + "---|" * len(engines))
    for label, check, names in ROWS:
        cells = []
        for engine in engines:
            failed = [n for n in names if not results[engine][n][check]]
            word = {"protection": ("dropped", "copied"),
                    "tracked formatting": ("tracked", "not tracked"),
                    "tracked header": ("tracked", "not tracked")}.get(check, ("kept", "lost"))
            cells.append(f"{word[0]} ({len(names)}/{len(names)})" if not failed else
                         f"{word[1]} in {', '.join(failed)}")
        print(f"| {label} | " + " | ".join(cells) + " |")
    for check in ("text", "formatting"):
        cells = []
        for engine in engines:
            ok = sum(results[engine][old][check] for old, _ in REAL)
            cells.append(f"{ok}/{len(REAL)}")
        print(f"| real pairs: accept = new, reject = old ({check}) | " + " | ".join(cells) + " |")
    print("| share of text marked (median over pairs) | " + " | ".join(
        f"{statistics.median(r['share'] for r in results[e].values()):.3f}" for e in engines)
        + " |")
    print("| seconds per pair (median; min–max) | " + " | ".join(
        f"{statistics.median(times[e]):.3f}; {min(times[e]):.3f}–{max(times[e]):.2f}"
        for e in engines) + " |")
    if not missing:
        print(f"docxodus / orvers, median seconds per pair: "
              f"{statistics.median(times['docxodus']) / statistics.median(times['orvers']):.0f}×"
              " (docxodus runs as its own .NET process per pair, as python-redlines calls it)")


def main() -> None:
    if "--fidelity" in sys.argv[1:]:
        return fidelity_table()
    comp, source = comparison()
    print(f"pair: utkast → styret ({source}); {len(comp.old.measures)} → "
          f"{len(comp.new.measures)} measures, {len(comp.links)} links")
    print(f"inputs: {inputs(comp)}")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        times = []
        for _ in range(5):
            start = time.perf_counter()
            write_redline(comp, work / "redline.docx")
            times.append(time.perf_counter() - start)
        old_doc, new_doc = work / "old.docx", work / "new.docx"
        render(comp.old, old_doc)
        title_column = render(comp.new, new_doc)
        start = time.perf_counter()
        write_plain_redline(old_doc, new_doc, work / "plain.docx")
        plain_time = time.perf_counter() - start
        peer = docxodus(old_doc, new_doc, work / "docxodus.docx")
        rows = {"whole text": [share(work / "redline.docx", last_table=True),
                               share(work / "plain.docx", last_table=False)],
                "Tiltak column (titles)": [share(work / "redline.docx", True, column=1),
                                           share(work / "plain.docx", False,
                                                 column=title_column)]}
        if not isinstance(peer, str):
            rows["whole text"].append(share(work / "docxodus.docx", last_table=False))
            rows["Tiltak column (titles)"].append(
                share(work / "docxodus.docx", False, column=title_column))
    for name, ((m_share, m_changed, m_total), (p_share, p_changed, p_total), *more) in \
            rows.items():
        line = (f"{name}: measure-aware {m_changed}/{m_total} characters marked = {m_share:.3f};"
                f" plain {p_changed}/{p_total} = {p_share:.3f}; ratio {m_share / p_share:.2f}")
        for d_share, d_changed, d_total in more:
            line += (f"; docxodus {d_changed}/{d_total} = {d_share:.3f}, ratio "
                     f"{m_share / d_share:.2f}")
        print(line)
    same = Comparison(comp.new, comp.new, tuple(Link(m.id, m.id, "unchanged", 1.0)
                                                 for m in comp.new.measures))
    with tempfile.TemporaryDirectory() as tmp:
        write_redline(same, Path(tmp) / "same.docx")
        noise = ooxml.count_revisions(docx.Document(str(Path(tmp) / "same.docx")))
    print(f"board version against itself: {noise['ins'] + noise['del']} revisions")
    print(f"time to write the draft → board redline: median {statistics.median(times):.3f} s "
          f"(min {min(times):.3f}); plain redline {plain_time:.3f} s; docxodus "
          + (peer if isinstance(peer, str) else f"{peer:.3f} s (own process, .NET start)"))
    fidelity_table()


if __name__ == "__main__":
    sys.exit(main())
