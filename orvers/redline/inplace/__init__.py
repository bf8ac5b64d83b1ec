"""In-place redline of two DOCX files: the new file is the canvas, the old one's differences are
tracked inside it (body, tables, headers, footers, footnotes and endnotes), everything else is
left as it is."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from docx.document import Document as DocxDocument

from ...read.docx import open_docx
from .. import ooxml
from . import markup, parts
from .engine import Context, redline_story


def open_input(path: str | Path, warnings: list[str]) -> DocxDocument:
    """Open a DOCX; tracked changes already in it (body, headers, footers) are accepted first,
    with a warning."""
    document = open_docx(path)
    stories = [document.element.body, *(part.element for part in parts.stories(document).values())]
    if any(ooxml.has_tracked_changes(story) for story in stories):
        for story in stories:
            ooxml.resolve_element(story, "accept")
        warnings.append(f"{path} already had tracked changes; they were accepted before comparing")
    return document


def build(old_path: str | Path, new_path: str | Path, author: str = "orvers",
          date: dt.datetime | None = None) -> tuple[DocxDocument, list[str]]:
    """The in-place redline of two DOCX files (the new one, with tracked changes), and warnings."""
    warnings: list[str] = []
    old, new = open_input(old_path, warnings), open_input(new_path, warnings)
    if parts.drop_protection(new):
        warnings.append(f"{new_path} was protected against editing; the redline is not, so that "
                        "its changes can be accepted or rejected")
    rev = ooxml.Revisions(new, author, date, also=(old,))
    body = Context(rev, markup.Porter(old.part, new.part))
    redline_story(old.element.body, new.element.body, body)
    old_notes, new_notes = parts.notes(old), parts.notes(new)
    for kind, pairs in body.notes.items():
        if kind in old_notes and kind in new_notes:
            (old_part, old_root), (new_part, new_root) = old_notes[kind], new_notes[kind]
            olds, news = markup.notes_by_id(old_root), markup.notes_by_id(new_root)
            ctx = Context(rev, markup.Porter(old_part, new_part, new_root))
            for old_id, new_id in pairs:
                if old_id in olds and new_id in news:
                    redline_story(olds[old_id], news[new_id], ctx)
            parts.store(new_part, new_root)
    old_stories = parts.stories(old)
    done = set()
    for key, part in parts.stories(new).items():
        if key in old_stories and id(part) not in done:
            done.add(id(part))
            redline_story(old_stories[key].element, part.element,
                          Context(rev, markup.Porter(old_stories[key], part)))
    return new, warnings
