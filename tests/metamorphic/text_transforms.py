"""Meaning-preserving transformations of a text export, as its page breaks could have fallen.

Each transformation takes the report's lines and a seeded `random.Random` and returns new
lines; what it does follows DOMAIN.md, "Tables that go on over a page break":

- `split_repeat_header`: a table piece split before a random data row, blank line(s) between
  the pieces, the header repeated on the second piece;
- `split_no_header`: the same without the header;
- `cut_row`: a data row cut by the break: the row keeps the first part of its cut cells, and
  the piece after the break starts with a row holding the rest of the cut cells (the other
  cells empty), then the header again, then the following rows;
- `header_fragment`: the header alone at the foot of a page: header, blank line, then the
  header again and every row;
- `page_number`: a split with a page-number line (`-๔-` or `- 4 -`) between the pieces;
- `swap_digits`: Thai and Arabic digits exchanged in the whole document.

A cell is cut where a line of it ends, else at a space (never inside a word, markup such as
`<p>` or `[bookmark: …]`, or a number), so that joining the two parts again, with any
whitespace, gives the cell's text back.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from tests.metamorphic.text_layout import CELLS, TSV, TextRow, TextTable, text_tables

Lines = list[str]
Transform = Callable[[Sequence[str], random.Random], Lines]

THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
SWAP_DIGITS = str.maketrans(THAI_DIGITS + "0123456789", "0123456789" + THAI_DIGITS)
MARKUP = re.compile(r"<[^>]*>|\[(?:bookmark|image):[^\]\n]*\]", re.IGNORECASE)
MIN_PART = 2
"""Fewest letters either part of a cut cell keeps."""


class NotApplicable(Exception):
    """The report has no table this transformation can act on."""


# --- blocks of lines --------------------------------------------------------------------

def row_lines(layout: str, cells: Sequence[str]) -> Lines:
    """A row written in its layout: one tab-separated line, or one cell per line."""
    if layout == TSV:
        return ["\t".join(cells)]
    out: Lines = []
    for cell in cells:
        first, *rest = cell.split("\n")
        out += [f"\t{first}", *rest]
    return out


def blanks(table: TextTable, rng: random.Random) -> Lines:
    """Blank lines where a page broke: in one-cell-per-line text one blank line already
    separates rows, so a break there shows as several."""
    return [""] * (rng.randint(1, 2) if table.layout == TSV else rng.randint(2, 4))


def header_lines(table: TextTable, lines: Sequence[str]) -> Lines:
    """The header row's lines as the text has them."""
    assert table.header is not None
    return list(lines[table.header.start:table.header.end])


def page_number_line(rng: random.Random) -> str:
    """A page number as text exports keep it: `-๔-` or `- 4 -`."""
    number = rng.randint(2, 30)
    if rng.random() < 0.5:
        return f"-{str(number).translate(SWAP_DIGITS)}-"
    return f"- {number} -"


def with_break(lines: Sequence[str], at: int, inserted: Lines) -> Lines:
    """The lines with `inserted` before line `at`."""
    return [*lines[:at], *inserted, *lines[at:]]


def header_block(table: TextTable, lines: Sequence[str]) -> Lines:
    """The header again, closed by a blank line in one-cell-per-line text."""
    return header_lines(table, lines) + ([""] if table.layout == CELLS else [])


# --- choosing where ---------------------------------------------------------------------

@dataclass(frozen=True)
class SplitPoint:
    """Before data row `index` of `table` (at least one data row on each side)."""

    table: TextTable
    index: int

    @property
    def row(self) -> TextRow:
        return self.table.data[self.index]


def split_points(lines: Sequence[str], need_header: bool) -> list[SplitPoint]:
    """Every place a table piece can be split between two of its data rows."""
    return [SplitPoint(t, k) for t in text_tables(lines) if t.header or not need_header
            for k in range(1, len(t.data))]


def choose(points: Sequence[SplitPoint], rng: random.Random) -> SplitPoint:
    if not points:
        raise NotApplicable("no table piece with two data rows")
    return points[rng.randrange(len(points))]


# --- transformations ----------------------------------------------------------------------

def split_repeat_header(lines: Sequence[str], rng: random.Random) -> Lines:
    point = choose(split_points(lines, need_header=True), rng)
    inserted = [*blanks(point.table, rng), *header_block(point.table, lines)]
    return with_break(lines, point.row.start, inserted)


def split_no_header(lines: Sequence[str], rng: random.Random) -> Lines:
    point = choose(split_points(lines, need_header=False), rng)
    return with_break(lines, point.row.start, blanks(point.table, rng))


def page_number(lines: Sequence[str], rng: random.Random) -> Lines:
    point = choose(split_points(lines, need_header=False), rng)
    table = point.table
    inserted = [*blanks(table, rng), page_number_line(rng), ""]
    if table.header is not None and rng.random() < 0.5:
        inserted += header_block(table, lines)
    return with_break(lines, point.row.start, inserted)


def header_fragment(lines: Sequence[str], rng: random.Random) -> Lines:
    tables = [t for t in text_tables(lines) if t.header is not None]
    if not tables:
        raise NotApplicable("no table with a header")
    table = tables[rng.randrange(len(tables))]
    inserted = [*header_lines(table, lines), *blanks(table, rng)]
    return with_break(lines, table.rows[0].start, inserted)


def swap_digits(lines: Sequence[str], rng: random.Random) -> Lines:
    del rng  # the same for every seed
    return [line.translate(SWAP_DIGITS) for line in lines]


# --- cutting a row ------------------------------------------------------------------------

def _protected(text: str) -> set[int]:
    """Positions a cut must not fall on: inside markup, or between two digits or a digit and
    its point."""
    out = {i for m in MARKUP.finditer(text) for i in range(m.start() + 1, m.end())}
    for i in range(1, len(text)):
        pair = text[i - 1:i + 1]
        if re.fullmatch(r"[0-9๐-๙][0-9๐-๙.,]|[.,][0-9๐-๙]", pair):
            out.add(i)
    return out


def _letters(text: str) -> int:
    return len(re.findall(r"\w", MARKUP.sub("", text)))


def cut_positions(text: str) -> list[int]:
    """Where a cell may be cut: at its line ends, else at its spaces (Word wraps Thai at word
    boundaries, so a page never breaks inside a word)."""
    protected = _protected(text)

    def fair(i: int) -> bool:
        return i not in protected and min(_letters(text[:i]), _letters(text[i:])) >= MIN_PART

    kinds = (
        [i for i, ch in enumerate(text) if ch == "\n"],
        [i for i, ch in enumerate(text) if ch == " "],
    )
    for positions in kinds:
        if good := [i for i in positions if fair(i)]:
            return good
    return []


def cut_cells(cells: Sequence[str], rng: random.Random) -> tuple[list[str], list[str]]:
    """The parts of a row's cells before and after the break: the first cell that can be cut
    is, and each other one with even odds; cells not cut stay whole above the break."""
    above, below = list(cells), [""] * len(cells)
    cuttable = [k for k, cell in enumerate(cells) if cut_positions(cell)]
    if not cuttable:
        raise NotApplicable("no cell long enough to cut")
    chosen = [cuttable[0], *(k for k in cuttable[1:] if rng.random() < 0.5)]
    for k in chosen:
        positions = cut_positions(cells[k])
        at = positions[rng.randrange(len(positions))]
        rest = re.sub(r"\n\s*\n", "\n", cells[k][at:]).strip("\n ")  # no blank line inside
        above[k], below[k] = cells[k][:at].rstrip(" "), rest
    return above, below


def cut_row(lines: Sequence[str], rng: random.Random) -> Lines:
    points = [SplitPoint(p.table, p.index - 1) for p in split_points(lines, need_header=True)]
    points = [p for p in points if any(cut_positions(c) for c in p.row.cells)]
    point = choose(points, rng)
    table, row = point.table, point.row
    above, below = cut_cells(row.cells, rng)
    after = [*blanks(table, rng), *row_lines(table.layout, below)]
    if table.layout == CELLS:
        after.append("")
    after += header_block(table, lines)
    return [*lines[:row.start], *row_lines(table.layout, above), *after, *lines[row.end:]]


TRANSFORMS: dict[str, Transform] = {
    "split_repeat_header": split_repeat_header,
    "split_no_header": split_no_header,
    "cut_row": cut_row,
    "header_fragment": header_fragment,
    "page_number": page_number,
    "swap_digits": swap_digits,
}
SEEDLESS = frozenset({"swap_digits"})
"""Transformations that do the same for every seed: one case each."""
