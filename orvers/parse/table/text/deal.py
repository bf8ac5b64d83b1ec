"""Deal the lines of one measure, as OCR printed them, to the table's three columns.

The Tiltak column is about 25 characters wide, the Resultat-/Effektmål column about 40, the
Partnere column about 25. Where OCR ran columns together on one line, the cues are the
column rules (`|`), runs of spaces, bullet glyphs and labels inside the line, and these
widths; where a line stands alone, glyphs, widths and what came before decide its column.
"""

from __future__ import annotations

from ....model import Block
from ..columns import Columns, clean, starts_open
from ..cues import (
    NARROW,
    PARTNER_WIDTH,
    TITLE_WIDTH,
    is_bullet,
    label_kind,
    segments,
    split_title,
    strip_bullet,
)
from .cut import (
    MIDDLE_EMS,
    Cut,
    Pairs,
    Progress,
    best_cut,
    fits_after,
    name_tail,
    overflow,
    text_width,
)

SHORT_ITEM = 20  # a target's first line is longer: the middle column is ~40 characters wide


class ColumnReader:
    """Deals the lines of one measure to its three columns, line by line."""

    def __init__(self, cols: Columns, pairs: Pairs | None = None) -> None:
        self.cols = cols
        self.pairs = pairs  # word pairs of the document's lines, to judge a cut by its words
        self.col = 0
        self.mixed = False  # the last line spanned columns: content decides the next column
        self.tail = False  # the lines are the bottom of the row: unfinished columns end here
        self.blank = False
        self.prev_col: int | None = None  # column of the previous line, when it was whole
        self.bulleted = False  # the partner list uses bullets
        self.last_partner_bullet: int | None = None
        self.spanned = False  # the last line, though without cues, was split across columns
        self.lines: list[Block] = []
        self.at = 0  # index of the line being read

    def feed(self, lines: list[Block], detect_displaced: bool) -> int | None:
        """Read lines; with detect_displaced, return where text of the next measure begins."""
        self.lines = lines
        for i, block in enumerate(lines):
            self.at = i
            if not block.text.strip():
                self.blank = True
                continue
            segs = segments(block.text)
            if not segs:
                continue
            if detect_displaced and any(label_kind(s) in self.cols.seen for s in segs):
                return self._displaced_start(lines, i)
            if detect_displaced and self.blank and self.foreign_title(lines, i):
                return i
            if len(segs) == 1:
                self.single(segs[0], _item_width(lines, i))
            else:
                self.spanning(segs)
                self.prev_col = None
            if self.col == 2 and len(segs) == 1 and is_bullet(segs[0]):
                self.last_partner_bullet = i
            self.cols.line_end = max(self.cols.line_end, block.line)
            self.blank = False
        return None

    def foreign_title(self, lines: list[Block], i: int) -> bool:
        """Whether the paragraph at line i can only be the next measure's title: two or more
        short lines without bullets (a target wraps at twice their width, a bulleted partner
        list has bullets), after this measure's title ended with its full stop."""
        if not (self.mixed and self.cols.title and not self.title_open() and self.bulleted):
            return False
        para = []
        for block in lines[i:]:
            if not block.text.strip():
                break
            para.append(segments(block.text))
        return (len(para) > 1 and all(len(p) == 1 for p in para)
                and all(len(p[0]) <= NARROW and not is_bullet(p[0]) and not label_kind(p[0])
                        for p in para)
                and para[0][0][:1].isupper())

    def _displaced_start(self, lines: list[Block], i: int) -> int:
        """The first line of the displaced text: after the partner list, else the label."""
        if self.last_partner_bullet is None:
            return i
        j = self.last_partner_bullet + 1
        while j < i and lines[j].text.strip():
            j += 1  # lines wrapped onto the last partner
        while j < i and not lines[j].text.strip():
            j += 1
        return j

    def put(self, col: int, text: str, bullet: bool) -> None:
        """Add text to a column and make it the current one."""
        cols = self.cols
        if col == 0:
            cols.add_title(text)
        elif col == 1:
            cols.add_middle(text, bullet)
        else:
            self.bulleted = self.bulleted or bullet
            cols.add_partner(text, bullet or not cols.partner_continues(text, self.bulleted))
        self.col = col

    def title_open(self) -> bool:
        """Whether the title has not yet reached its full stop."""
        return not self.cols.title or not self.cols.title[-1].endswith(".")

    def single(self, seg: str, width: int) -> None:
        """A line that stands in one column (width: of its widest line, if a bullet item)."""
        bullet = is_bullet(seg)
        if label_kind(seg):
            self.put(1, seg, True)
            self.mixed = False
        elif (self.tail and self.col == 1 and not bullet and self.cols.title_unfinished()
              and split_title(seg)[1][:1].isupper()):
            # the row's bottom: the title cannot end on "… i de", its words come first
            head, rest = split_title(seg)
            self.put(0, head, False)
            self.put(1, rest, False)
            self.spanned = True
        elif self.mixed:
            self.single_after_spanning(seg, bullet, width)
        else:
            self.single_in_sequence(seg, bullet, width)
        if bullet and self.col == 1:
            self.mixed = False  # a target item alone on its line: columns read in sequence again
        self.prev_col = None if self.spanned else self.col
        self.spanned = False

    def single_after_spanning(self, seg: str, bullet: bool, width: int) -> None:
        """After lines spanning columns, width and glyphs decide the column."""
        wide = len(seg) > TITLE_WIDTH  # too wide for the title: it may go on the target alone
        if not self.blank and self.prev_col == 0 and not bullet:
            self.split(seg, wide)  # the title goes on, and the target when too wide
        elif not self.blank and self.prev_col == 2 and not bullet and len(seg) > NARROW:
            self.put(1, seg, False)  # too wide to go on a name: the target column goes on
        elif not self.blank and self.prev_col is not None and not (bullet and self.prev_col == 0):
            self.put(self.prev_col, seg, bullet)
        elif bullet:
            if self.col == 2:
                width = len(strip_bullet(seg))
            self.put(2 if width <= PARTNER_WIDTH else 1, seg, True)
            self.mixed = self.col != 1
        elif not self.blank and self.prev_col is None and self.title_open():
            self.split(seg, wide)  # right under a spanning line: one without a visible cue
        elif self.blank and self.cols.partner_continues(seg, bulleted=False):
            self.put(2, seg, False)
        elif self.blank and self.prev_col == 2 and len(seg) <= NARROW and not starts_open(seg):
            self.put(2, seg, True)  # in a list of names: the next name, its bullet lost
        elif self.title_open() and len(seg) <= NARROW:
            self.split(seg, wide)
        elif self.title_open() and text_width(clean(seg)) > MIDDLE_EMS[1]:
            # too wide for the target column alone: the title's words come first
            self.split(seg, True)
        else:
            self.target_and_name(seg)

    def target_and_name(self, seg: str) -> None:
        """A line of the target column, its last words perhaps going on the name the line
        above left open in the Partnere column (see table_cut.name_tail)."""
        partners = self.cols.partners
        body, tail = seg, ""
        if self.col == 2 and partners and self.pairs and not partners[-1].lines[-1].endswith(","):
            body, tail = name_tail(clean(seg), partners[-1].lines[-1], self.pairs)
        self.put(1, body, False)
        if tail:
            self.cols.add_partner(tail, False)
            self.col = 2

    def single_in_sequence(self, seg: str, bullet: bool, width: int) -> None:
        """Columns read one after the other: title, targets, partners."""
        cols = self.cols
        in_effect = cols.kind == "effect" and bool(cols.effect)
        # a short item ending in a comma is one name of a list: the partner list has begun;
        # so is a short item without a full stop once a row has shown the Partnere column
        listed = seg.endswith(",") or (bool(cols.partners) and not seg.endswith("."))
        if self.col == 0:
            closed = self.blank and not self.title_open()
            first = (self.at == 0 and self.lines[0].line == cols.line_start and not cols.title
                     and not bullet)  # the rest of the measure number's line: its title
            self.put(1 if bullet or closed or (len(seg) > NARROW and not first) else 0, seg,
                     bullet)
        elif self.col == 1:
            if bullet:
                partner = (in_effect or listed) and width <= PARTNER_WIDTH
                self.put(2 if partner else 1, seg, True)
            else:
                ended = cols.effect[-1].lines[-1].endswith(".") if in_effect else False
                starts_list = (in_effect and self.blank and ended and len(seg) <= NARROW
                               and not seg.startswith("("))  # a note in brackets is no name
                self.put(2 if starts_list else 1, seg, False)
        elif bullet:  # in a list of names, a short first line is the next name
            self.put(2 if len(strip_bullet(seg)) <= PARTNER_WIDTH else 1, seg, True)
        else:
            self.put(1 if len(seg) > NARROW else 2, seg, False)

    def spanning(self, segs: list[str]) -> None:
        """A line whose pieces stand in two or three columns, left to right."""
        col = -1
        for k, seg in enumerate(segs):
            bullet = is_bullet(seg)
            if label_kind(seg):
                label, _, rest = seg.partition(":") if ":" in seg else seg.partition(";")
                self.put(1, label + ":", True)
                col = 1
                if rest.strip():  # beside a label (alone in its cell line): the next column
                    self.put(2, rest, is_bullet(rest))
                    col = 2
                continue
            target = (1 if bullet else 0) if k == 0 else min(col + 1, 2)
            short = len(strip_bullet(seg)) <= SHORT_ITEM
            if target == 1 and bullet and k == len(segs) - 1 and short:
                target = 2  # a short last bullet: a name in the Partnere column
            if target == 0:
                self.split_first(seg, segs[k + 1] if k + 1 < len(segs) else "", len(segs))
            elif target == 1:
                body, name = overflow(seg, last=k == len(segs) - 1)
                self.put(1, body, bullet)
                if name:
                    self.put(2, name, False)
            else:
                self.put(target, seg, bullet)
            col = self.col
        self.mixed = True

    def split_first(self, seg: str, nxt: str, count: int) -> None:
        """The first piece of a line that spans columns, nxt the piece printed after it."""
        if label_kind(nxt) or not is_bullet(nxt):
            # a label or a continued target beside it: the rule between them cuts the columns
            self.put_cut(self.usual_cut(seg))
            return
        partner = count == 2 and len(strip_bullet(nxt)) <= SHORT_ITEM
        self.split(seg, allow_empty=partner, then_middle="" if partner else strip_bullet(nxt))

    def split(self, seg: str, allow_empty: bool = False, then_middle: str = "") -> None:
        """Title words, then target words, cut where both columns go on best (see table_cut);
        with allow_empty the whole piece may continue the target. then_middle: a target item
        the same line prints after the piece."""
        usual = self.usual_cut(seg)
        cut = usual
        if allow_empty or usual.middle:
            cut = best_cut(clean(seg), self.progress(), self.ahead(), allow_empty, usual,
                           then_middle, self.pairs)
        self.put_cut(cut)

    @staticmethod
    def usual_cut(seg: str) -> Cut:
        """Title words up to the Tiltak column's width or a capitalised word, then the rest."""
        seg = clean(seg)
        return Cut(*split_title(seg)) if len(seg) > TITLE_WIDTH else Cut(seg, "")

    def put_cut(self, cut: Cut) -> None:
        """Add a cut's title words to the title and its target words to the target."""
        if cut.title:
            self.put(0, cut.title, False)
        if cut.middle:
            self.put(1, cut.middle, False)
            self.spanned = bool(cut.title)

    def progress(self) -> Progress:
        """The title and target lines so far, for judging a cut."""
        cols = self.cols
        middle = tuple(line for item in cols.result + cols.effect for line in item.lines)
        target = cols.targets()
        open_line = target[-1].lines[-1] if target else None
        if open_line is not None and open_line.endswith("."):
            open_line = None
        return Progress(tuple(cols.title), middle, open_line)

    def ahead(self) -> str | None:
        """The first piece of the next line with text, when it may hold title or target
        words (not a bullet item or a label)."""
        for block in self.lines[self.at + 1:]:
            segs = segments(block.text)
            if not segs:
                continue
            first = segs[0]
            if len(segs) == 1 and is_bullet(first) and len(strip_bullet(first)) <= SHORT_ITEM:
                continue  # a name in the Partnere column between two lines of the others
            return None if is_bullet(first) or label_kind(first) else first
        return None


def _item_width(lines: list[Block], i: int) -> int:
    """The widest line of the bullet item starting at line i (its wrapped lines included)."""
    first = strip_bullet(segments(lines[i].text)[0])
    width = len(first)
    for block in lines[i + 1:]:
        segs = segments(block.text)
        if len(segs) != 1 or is_bullet(segs[0]) or label_kind(segs[0]):
            break
        if block.page != lines[i].page:
            break  # the page ends the cell; the next page goes on with another column
        if fits_after(first, segs[0]):
            break  # its first word would have stood on the item's line: another column
        width = max(width, len(segs[0]))
    return width
