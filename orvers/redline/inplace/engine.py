"""In-place redlining of a story (body, cell, header, footer): the new story is the canvas.

Blocks are aligned (difflib anchors, rapidfuzz pairs the rest); a paired paragraph is diffed
word by word and only the pieces that changed are marked, so everything else in it (run
formatting, pictures, links, fields, content controls, bookmarks, note references) stays as it
is in the new document. Deleted text comes back with its old run properties; a deleted paragraph
comes back whole, with its own paragraph properties. Paired tables are aligned row by row and
their cells redlined as stories.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field

import fast_diff_match_patch as dmp

from ...model import Op
from .. import ooxml
from ..align import align
from . import markup
from .markup import Piece

# an object (coded as one private-use character, see _coded), a tab or a break is a word
_OBJECTS = "\ue000-\uf8ff\ufffc"
_TOKEN_RE = re.compile(rf"[{_OBJECTS}]|[\t\n]|[^\s{_OBJECTS}]+[^\S\t\n]*|[^\S\t\n]+")


@dataclass(frozen=True)
class Context:
    """Where marks get their ids, author and date, how old content enters the new part, and
    the footnotes and endnotes found in the same place in both versions ((old id, new id) by
    "footnote" | "endnote"), to be redlined after the story."""

    rev: ooxml.Revisions
    porter: markup.Porter
    notes: dict[str, list[tuple[str, str]]] = field(default_factory=dict)

    def note(self, old: Piece, new: Piece) -> None:
        """Remember a note reference kept in place."""
        found = markup.note_reference(old), markup.note_reference(new)
        if found[0] is not None and found[1] is not None and found[0][0] == found[1][0]:
            self.notes.setdefault(found[0][0], []).append((found[0][1], found[1][1]))


def diff(old: str, new: str) -> list[Op]:
    """Word-level diff ops whose texts rebuild `old` ("=" and "-") and `new` ("=" and "+");
    an object, tab or break is a word of its own."""
    codes: dict[str, str] = {}
    words: list[str] = []

    def encode(text: str) -> str:
        out = []
        for token in _TOKEN_RE.findall(text):
            if token not in codes:
                codes[token] = chr(0xF0000 + len(words))
                words.append(token)
            out.append(codes[token])
        return "".join(out)

    ops: list[Op] = []
    for op, chars in dmp.diff(encode(old), encode(new), timelimit=0, cleanup="Semantic",
                              counts_only=False):
        piece = "".join(words[ord(c) - 0xF0000] for c in chars)
        if ops and ops[-1][0] == op:
            ops[-1] = (op, ops[-1][1] + piece)
        elif piece:
            ops.append((op, piece))
    return ops


def redline_story(old_root, new_root, ctx: Context) -> None:
    """Track in `new_root` the differences from `old_root` (both: body, cell, header, footer,
    or content-control content)."""
    old_blocks, new_blocks = markup.blocks(old_root), markup.blocks(new_root)
    pairs: list[tuple] = []
    for i, j in _align(old_blocks, new_blocks, markup.text):
        a = old_blocks[i] if i is not None else None
        b = new_blocks[j] if j is not None else None
        if a is not None and b is not None and markup.kind(a) != markup.kind(b):
            pairs += [(a, None), (None, b)]
        else:
            pairs.append((a, b))
    anchor, run = None, []
    for a, b in pairs:
        if all(x is None or markup.kind(x) == "p" for x in (a, b)):
            run.append((a, b))
            continue
        anchor = _paragraphs(run, new_root, anchor, ctx)
        run = []
        if b is None:
            anchor = _place(ctx.porter.deleted_block(a, ctx.rev), anchor, new_root)
            continue
        if a is None:
            _mark_block_inserted(b, ctx)
        elif markup.kind(b) == "tbl":
            _table(a, b, ctx)
        elif markup.sdt_content(a) is not None and markup.sdt_content(b) is not None:
            redline_story(markup.sdt_content(a), markup.sdt_content(b), ctx)
        anchor = b
    _paragraphs(run, new_root, anchor, ctx)


def _align(old: list, new: list, key) -> list[tuple[int | None, int | None]]:
    """Pairs of blocks or rows: by their pairing marks when the old story is the new one
    rewritten (markup.tag_pairs), else by their texts."""
    found = markup.paired(old, new)
    return found if found is not None else align([key(e) for e in old], [key(e) for e in new])


def _place(element, anchor, container):
    markup.insert_after(anchor, container, element)
    return element


def _mark_block_inserted(block, ctx: Context) -> None:
    if markup.kind(block) == "tbl":
        for tr in markup.rows(block):
            markup.mark_row(tr, "+", ctx.rev)
        return
    for p in markup.paragraphs_in(block):
        markup.mark_all(p, "+", ctx.rev)
        markup.mark_paragraph(p, "+", ctx.rev)


def _row_text(tr) -> str:
    return " | ".join(markup.text_of_cell(tc) for tc in markup.cells(tr))


def _table(old, new, ctx: Context) -> None:
    """Rows aligned; a paired row's cells redlined as stories, the others marked whole."""
    old_rows, new_rows = markup.rows(old), markup.rows(new)
    anchor = None
    for i, j in _align(old_rows, new_rows, _row_text):
        a = old_rows[i] if i is not None else None
        b = new_rows[j] if j is not None else None
        if a is not None and b is not None and len(markup.cells(a)) == len(markup.cells(b)):
            for old_tc, new_tc in zip(markup.cells(a), markup.cells(b), strict=True):
                redline_story(old_tc, new_tc, ctx)
            anchor = b
            continue
        if a is not None:
            copied = ctx.porter.deleted_block(a, ctx.rev)
            if anchor is not None:
                anchor.addnext(copied)
            elif b is not None or new_rows:
                (b if b is not None else new_rows[0]).addprevious(copied)
            else:
                new.append(copied)
            anchor = copied
        if b is not None:
            markup.mark_row(b, "+", ctx.rev)
            anchor = b


def _paragraphs(slots: list[tuple], container, anchor, ctx: Context):
    """Redline a stretch of paragraphs between two other blocks; returns the last one placed.

    A paragraph only one version has gets its ¶ marked, so that accepting or rejecting all
    merges it into the next; the stretch's last ¶ has no next paragraph to merge into, so for
    trailing one-sided paragraphs the marks shift one paragraph back (as Word does), and each
    surviving paragraph is given the properties of the paragraph whose text ends up in it. A
    cell's last ¶ is marked too when its paragraph is one-sided or filled/emptied in place (it
    stays, emptied, and the merge ends in it), so that its bullet shows as inserted/deleted
    like its text.
    """
    if not slots:
        return anchor
    slots = list(slots)
    kinds = ["=" if a is not None and b is not None else "-" if b is None else "+"
             for a, b in slots]
    if "=" not in kinds:
        if "-" in kinds and "+" in kinds:  # the first old and new paragraph share one
            first_old, first_new = kinds.index("-"), kinds.index("+")
            lo, hi = sorted((first_old, first_new))
            slots[lo] = (slots[first_old][0], slots[first_new][1])
            del slots[hi], kinds[hi]
        kinds[0] = "="
    status: list[str | None] = [None if k == "=" else k for k in kinds]
    last_kept = max(i for i, k in enumerate(kinds) if k == "=")
    for j in range(last_kept + 1, len(kinds)):
        status[j - 1] = kinds[j]
    status[-1] = None

    old_props = [_props_copy(a) for a, _ in slots]
    new_props = [_props_copy(b) for _, b in slots]
    elements = []
    for a, b in slots:
        if a is not None and b is not None:
            _paragraph(a, b, ctx)
            element = b
        elif b is None:
            element = ctx.porter.deleted_block(a, ctx.rev)
            markup.insert_after(anchor, container, element)
        else:
            markup.mark_all(b, "+", ctx.rev)
            element = b
        elements.append(element)
        anchor = element
    if elements[-1].getnext() is None:  # a cell's last ¶: it stays, so mark it too
        said = [bool(x is not None and markup.text(x).strip()) for x in slots[-1]]
        if kinds[-1] != "=":
            status[-1] = kinds[-1]
        elif said[0] != said[1]:  # filled (or emptied) in place
            status[-1] = "+" if said[1] else "-"
    accept = _landing(status, [b is not None for _, b in slots], "-")
    reject = _landing(status, [a is not None for a, _ in slots], "+")
    for k, element in enumerate(elements):
        markup.mark_paragraph(element, status[k], ctx.rev)
        own = new_props[k] if slots[k][1] is not None else old_props[k]
        from_old, from_new = reject.get(k), accept.get(k)
        before = old_props[from_old] if from_old is not None else None
        now = (new_props[from_new] if from_new is not None
               else before if from_old is not None else own)
        markup.set_paragraph_properties(element, now, before if from_old is not None else now,
                                        ctx.rev)
    return anchor


def _props_copy(p):
    if p is None:
        return None
    props = markup.paragraph_properties(p)
    return copy.deepcopy(props) if props is not None else None


def _landing(status: list[str | None], has: list[bool], removed: str) -> dict[int, int | None]:
    """For each paragraph whose ¶ survives accepting (removed="-") or rejecting (removed="+")
    all: the paragraph of that version whose text lands in it (None: none does)."""
    out: dict[int, int | None] = {}
    pending = None
    for k, mark in enumerate(status):
        if has[k]:
            pending = k
        if mark != removed or k == len(status) - 1:  # the last ¶ always stays
            out[k], pending = pending, None
    return out


def _formatting(pieces: list[Piece]) -> list[tuple[str, tuple]]:
    out: list[tuple[str, tuple]] = []
    for piece in pieces:
        key = markup.properties_key(markup.run_properties(piece))
        if out and out[-1][1] == key:
            out[-1] = (out[-1][0] + piece.text, key)
        else:
            out.append((piece.text, key))
    return out


def _coded(pieces: list[Piece], part, codes: dict[str, str]) -> str:
    """A paragraph's text with each object as a private-use character standing for what it
    shows, so that a replaced picture differs and the same picture does not."""
    out = []
    for piece in pieces:
        key = markup.object_key(piece, part)
        if key is None:
            out.append(piece.text)
        else:
            out.append(codes.setdefault(key, chr(0xE000 + len(codes) % 0x1900)))
    return "".join(out)


def _paragraph(old_p, new_p, ctx: Context) -> None:
    """Mark in `new_p` the words and formatting that differ from `old_p`."""
    old_pieces = markup.pieces(old_p)
    new_pieces = markup.pieces(new_p)
    codes: dict[str, str] = {}
    old_text = _coded(old_pieces, ctx.porter.old_part, codes)
    new_text = _coded(new_pieces, ctx.porter.new_part, codes)
    if old_text == new_text:
        at_old = dict(zip(_bounds(old_pieces), old_pieces, strict=False))
        for start, piece in zip(_bounds(new_pieces), new_pieces, strict=False):
            if markup.note_reference(piece) is not None and start in at_old:
                ctx.note(at_old[start], piece)
        if _formatting(old_pieces) == _formatting(new_pieces):
            return
    markup.normalise(new_p)
    ops = diff(old_text, new_text)
    old_bounds = _bounds(old_pieces)
    cuts: set[int] = set()
    i = j = 0
    for op, chunk in ops:
        n = len(chunk)
        if op == "=":
            cuts |= {j, j + n} | {j + b - i for b in old_bounds if i < b < i + n}
            i, j = i + n, j + n
        elif op == "+":
            cuts |= {j, j + n}
            j += n
        else:
            i += n
    pieces = _cut(markup.pieces(new_p), cuts)
    starts = _bounds(pieces)[:-1]
    old_starts = _bounds(old_pieces)[:-1]
    i = j = 0
    for op, chunk in ops:
        n = len(chunk)
        if op == "=":
            for piece, start in zip(pieces, starts, strict=True):
                if j <= start < j + n:
                    source = old_pieces[_index_at(old_starts, i + start - j)]
                    if old_text != new_text:
                        ctx.note(source, piece)
                    before = markup.run_properties(source)
                    if markup.properties_key(before) != markup.properties_key(
                            markup.run_properties(piece)):
                        markup.track_run_properties(piece, before, ctx.rev)
            i, j = i + n, j + n
        elif op == "+":
            for piece, start in zip(pieces, starts, strict=True):
                if j <= start < j + n:
                    markup.mark_inserted(piece, ctx.rev)
            j += n
        else:
            deleted = markup.deleted_runs(old_pieces, i, i + n, ctx.porter, ctx.rev)
            if deleted is not None:
                _put_deleted(deleted, pieces, starts, j, new_p)
            i += n


def _put_deleted(deleted, pieces: list[Piece], starts: list[int], at: int, p) -> None:
    before = [piece for piece, start in zip(pieces, starts, strict=True)
              if start + len(piece.text) <= at]
    if before:
        markup.outer(before[-1]).addnext(deleted)
    elif pieces:
        markup.outer(pieces[0], last=False).addprevious(deleted)
    else:
        p.append(deleted)


def _bounds(pieces: list[Piece]) -> list[int]:
    out, at = [0], 0
    for piece in pieces:
        at += len(piece.text)
        out.append(at)
    return out


def _index_at(starts: list[int], position: int) -> int:
    """The index of the piece holding character `position`."""
    lo, hi = 0, len(starts) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if starts[mid] <= position:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _cut(pieces: list[Piece], cuts: set[int]) -> list[Piece]:
    out, at = [], 0
    for piece in pieces:
        start, end = at, at + len(piece.text)
        at = end
        inside = sorted(c for c in cuts if start < c < end)
        offset = start
        for c in inside:
            left, piece = markup.split(piece, c - offset)
            out.append(left)
            offset = c
        out.append(piece)
    return out
