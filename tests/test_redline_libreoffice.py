"""LibreOffice as the second, independent oracle: it opens the redlines, converts them to PDF,
and its own Accept All / Reject All agree with orvers' projection."""

from __future__ import annotations

import os
import shutil
import subprocess
import textwrap
from pathlib import Path

import docx
import pdfplumber
import pytest
from pdfminer.pdftypes import resolve1
from test_redline import COMPARISON, DATE
from test_redline_plain import two_versions

from orvers.redline import ooxml, write_plain_redline, write_redline
from orvers.redline.project import items, open_docx, project

pytestmark = pytest.mark.libreoffice

SYSTEM_PYTHON = "/usr/bin/python3"

# Run with the system Python (python3-uno): start soffice, accept or reject all tracked changes
# of each document with LibreOffice's own commands, save as DOCX.
UNO_SCRIPT = textwrap.dedent('''
    import os, subprocess, sys, time, uno
    from com.sun.star.beans import PropertyValue

    def prop(name, value):
        p = PropertyValue(); p.Name = name; p.Value = value; return p

    profile, jobs = sys.argv[1], sys.argv[2:]
    pipe = "orvers_lo_%d" % os.getpid()
    office = subprocess.Popen(["soffice", "--headless", "--invisible", "--norestore",
        "-env:UserInstallation=file://" + profile, "--accept=pipe,name=%s;urp;" % pipe],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext(
            "com.sun.star.bridge.UnoUrlResolver", local)
        for _ in range(240):
            try:
                ctx = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
                break
            except Exception:
                time.sleep(0.25)
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        dispatcher = ctx.ServiceManager.createInstanceWithContext(
            "com.sun.star.frame.DispatchHelper", ctx)
        for job in jobs:
            mode, src, dst = job.split("|")
            doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(src), "_blank", 0,
                                               (prop("Hidden", True),))
            command = {"accept": ".uno:AcceptAllTrackedChanges",
                       "reject": ".uno:RejectAllTrackedChanges"}[mode]
            dispatcher.executeDispatch(doc.getCurrentController().getFrame(), command, "", 0, ())
            doc.storeToURL(uno.systemPathToFileUrl(dst),
                           (prop("FilterName", "MS Word 2007 XML"),))
            doc.close(True)
    finally:
        try:
            desktop.terminate()
        except Exception:
            pass
        office.wait(timeout=60)
''')


def _has_uno() -> bool:
    return os.path.exists(SYSTEM_PYTHON) and subprocess.run(
        [SYSTEM_PYTHON, "-c", "import uno"], capture_output=True).returncode == 0


@pytest.fixture(scope="module")
def office(tmp_path_factory):
    """Run LibreOffice Accept All / Reject All on DOCX files: f(path, mode) -> projection."""
    if not _has_uno():
        pytest.skip("python3-uno not installed: apt-get install python3-uno")
    work = tmp_path_factory.mktemp("lo")
    profile = work / "profile"
    # a fresh profile makes soffice restart once; let that happen before the UNO session
    subprocess.run(["soffice", "--headless", "--terminate_after_init",
                    f"-env:UserInstallation=file://{profile}"], capture_output=True, timeout=120)
    script = work / "lo_tracked.py"
    script.write_text(UNO_SCRIPT, encoding="utf-8")

    def run(jobs: list[tuple[Path, str]]) -> list[tuple]:
        args, outs = [], []
        for n, (path, mode) in enumerate(jobs):
            # LibreOffice 7.4 crashes loading comment anchors over UNO; they carry no text
            plain = work / f"{path.stem}-{n}-in.docx"
            document = docx.Document(str(path))
            ooxml.strip_comments(document)
            # page references (the cover's list of changed titles) are filled in by LibreOffice's
            # layout, not by tracked changes: the projections compare without them
            for field in document.element.body.xpath(".//w:fldSimple[contains(@w:instr, "
                                                     "'PAGEREF')]"):
                field.getparent().remove(field)
            document.save(str(plain))
            out = work / f"{path.stem}-{n}-{mode}.docx"
            args.append(f"{mode}|{plain}|{out}")
            outs.append(out)
        subprocess.run([SYSTEM_PYTHON, str(script), str(profile), *args], check=True,
                       capture_output=True, timeout=300)
        return [items(open_docx(out)) for out in outs]

    return run


def test_libreoffice_accept_and_reject_agree_with_the_projection(tmp_path, office):
    path = tmp_path / "redline.docx"
    write_redline(COMPARISON, path, date=DATE)
    accepted, rejected = office([(path, "accept"), (path, "reject")])
    assert accepted == project(path, "accept")
    assert rejected == project(path, "reject")


def test_libreoffice_agrees_on_the_plain_redline(tmp_path, office):
    old, new = two_versions(tmp_path)
    path = tmp_path / "plain.docx"
    write_plain_redline(old, new, path, date=DATE)
    accepted, rejected = office([(path, "accept"), (path, "reject")])
    assert accepted == project(path, "accept") == items(open_docx(new))
    assert rejected == project(path, "reject") == items(open_docx(old))


def _pdf(path: Path, profile: Path) -> Path:
    """LibreOffice's PDF of a DOCX, its comments exported as PDF notes."""
    notes = 'pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"}}'
    run = subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless",
                          "--norestore", "--convert-to", notes, "--outdir", str(path.parent),
                          str(path)], capture_output=True, text=True, timeout=180)
    pdf = path.with_suffix(".pdf")
    assert run.returncode == 0 and pdf.exists() and pdf.stat().st_size > 10_000, run.stderr
    return pdf


def _notes(pdf: pdfplumber.PDF) -> list[str]:
    out = []
    for page in pdf.pages:
        for annot in resolve1(page.page_obj.annots) or []:
            annot = resolve1(annot)
            if getattr(annot.get("Subtype"), "name", None) == "Text":
                text = annot.get("Contents", b"")
                out.append(text.decode("utf-16") if text[:2] == b"\xfe\xff" else
                           text.decode("latin-1"))
    return out


def test_converts_to_pdf_with_the_comments_and_landscape_table_pages(tmp_path):
    path = tmp_path / "redline.docx"
    write_redline(COMPARISON, path, date=DATE)
    pdf_path = _pdf(path, tmp_path / "profile")
    with pdfplumber.open(pdf_path) as pdf:
        first, second = pdf.pages[0], pdf.pages[1]
        assert first.width < first.height and second.width > second.height
        assert "Tiltak" in second.extract_text() and "Partnere" in second.extract_text()
        notes = _notes(pdf)
    assert sorted(notes) == sorted(c.text for c in docx.Document(str(path)).comments)
    assert "Tidligere 3.3.3 og 3.3.4, slått sammen" in notes
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "2", "-l", "2", str(pdf_path),
                        str(tmp_path / "page")], check=True, timeout=60, capture_output=True)
        assert list(tmp_path.glob("page*.png"))


def test_real_redline_keeps_partner_names_whole_in_the_pdf(tmp_path):
    """No word of a partner name is broken across lines in the narrow partner column."""
    from conftest import corpus_file

    try:
        from orvers.api import load
        from orvers.match import compare
    except ImportError:
        pytest.skip("orvers.api.load / orvers.match.compare not written yet")
    comparison = compare(load(corpus_file("utkast"), label="utkast"),
                         load(corpus_file("styret"), label="styret"))
    path = tmp_path / "utkast--styret.docx"
    write_redline(comparison, path, date=DATE)
    with pdfplumber.open(_pdf(path, tmp_path / "profile")) as pdf:
        words = {w["text"].strip(".,;:()") for page in pdf.pages[1:]
                 for w in page.extract_words()}
        assert len(_notes(pdf)) == len(docx.Document(str(path)).comments)
    long = {w.strip(".,;:()") for m in comparison.new.measures for name in m.partners
            for w in name.split() if len(w) >= 14}
    assert long and long <= words, sorted(long - words)


def test_libreoffice_agrees_on_real_board_measures_edited(tmp_path, office):
    from conftest import corpus_file

    from orvers.model import Comparison, Link, Measure
    from orvers.parse.table import parse_table
    from orvers.read import read

    board = parse_table(read(corpus_file("styret")))
    # a later version: every third measure dropped, the others lose their second word and
    # their last partner, and one new measure is added
    kept = [m for i, m in enumerate(board.measures) if i % 3]
    edited = [Measure(m.id, " ".join(w for k, w in enumerate(m.title.split()) if k != 1),
                      m.section, m.result_targets, m.effect_targets, m.partners[:-1])
              for m in kept]
    added = Measure("9.9.9", "Et nytt tiltak om boligutvikling", kept[-1].section,
                    result_targets=("Gjennomført seminar",), partners=("KS",))
    new = type(board)(**{**board.__dict__, "measures": (*edited, added)})
    links = [Link(m.id, m.id, "reworded", 0.8) for m in kept]
    links += [Link(m.id, None, "removed") for i, m in enumerate(board.measures) if not i % 3]
    links.append(Link(None, "9.9.9", "added"))
    path = tmp_path / "board.docx"
    write_redline(Comparison(board, new, tuple(links)), path, date=DATE)
    accepted, rejected = office([(path, "accept"), (path, "reject")])
    assert accepted == project(path, "accept")
    assert rejected == project(path, "reject")
