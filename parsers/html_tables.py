"""An HTML table's cells laid out on its grid, as the document model's rows.

The HTML table model, for what reports use of it: a cell takes the first grid column its row
leaves free, `colspan` widens it (`Cell.col_span`), and `rowspan` carries it down through the
rows below, within its row group (`<thead>`, a `<tbody>`, `<tfoot>`), where it stands as a
`merged_from_above` cell: the convention of Word's merged cells. A cell that would overlap
another keeps its place and the other gives way.

A header of several rows (the rows of `<thead>`, or else the table's first rows of `<th>`
cells only that reach as wide as its first, not a row heading's lone `<th>`; at most
`MAX_HEADER_ROWS`, else the table is written all in header cells) is folded into one
row, because the model's first row names the columns: each column's header is the texts above
it, top to bottom, on lines of their own. A first header row that is one cell across the whole
table (of two columns or more) is the table's title, not a column's name: it is returned
apart, for the reader to put before the table. A table wider than `MAX_COLUMNS` or of more than
`MAX_CELLS` is refused, as a zip bomb is.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections import deque
from dataclasses import dataclass, field
from itertools import pairwise

from parsers.errors import ParseError
from parsers.model import Cell, Row

MAX_COLSPAN = 1000
"""The HTML standard's limit on `colspan` (browsers clamp larger values to it)."""
MAX_COLUMNS = 1000
"""The widest table read: a report's tables have tens of columns."""
MAX_HEADER_ROWS = 6
"""The most rows a header is folded from: a `<thead>` of more holds the table's rows."""
MAX_CELLS = 1_000_000
"""The most cells a table may lay out, counting those its `rowspan`s carry down (each row
under a cell spanning the table's rows holds one more): a report's tables have thousands."""


@dataclass(frozen=True, eq=False)
class SourceCell:
    """A `<td>` or `<th>` as written."""

    text: str
    col_span: int = 1
    row_span: int = 1
    """Rows the cell covers; 0 means to the end of its row group."""
    header: bool = False
    """A `<th>`."""


@dataclass(frozen=True)
class _Placed:
    """A cell on one row of the grid: where it starts, how wide it is, and whether the row is
    its first one (else it continues from above)."""

    cell: SourceCell
    col: int
    span: int
    first: bool


@dataclass(frozen=True)
class _Carry:
    cell: SourceCell
    col: int
    span: int
    rows_left: int


Group = list[list[SourceCell]]
"""A row group: its rows, each the cells it writes."""


@dataclass
class _GridRow:
    """One row being laid out: its cells so far, the cursor, the rowspans from above."""

    pending: deque[_Carry]
    """Cells carried down from the rows above, by column, not yet placed."""
    placed: list[_Placed] = field(default_factory=list)
    onward: list[_Carry] = field(default_factory=list)
    """Cells that go on into the next row."""
    pos: int = 0

    def carry_up_to(self, limit: float | None = None) -> None:
        """Place the cells carried from above that start at or before `limit` (None: the
        cursor, as it moves past them)."""
        while self.pending and self.pending[0].col <= (self.pos if limit is None else limit):
            carry = self.pending.popleft()
            if carry.col >= self.pos:  # else a wider cell of this row covers it
                self.placed.append(_Placed(carry.cell, carry.col, carry.span, first=False))
                self.pos = carry.col + carry.span
            if carry.rows_left > 1:
                self.onward.append(
                    _Carry(carry.cell, carry.col, carry.span, carry.rows_left - 1))

    def place(self, cell: SourceCell, rows_down: int) -> None:
        """A cell of this row, at the first column left free; it goes down `rows_down` more."""
        self.carry_up_to()
        self.placed.append(_Placed(cell, self.pos, cell.col_span, first=True))
        if rows_down > 0:
            self.onward.append(_Carry(cell, self.pos, cell.col_span, rows_down))
        self.pos += cell.col_span


def _lay_out(groups: list[Group]) -> list[list[_Placed]]:
    """Each row as the cells on it, in grid order, rowspans carried down within their group.
    A table past `MAX_COLUMNS` or `MAX_CELLS` is refused."""
    laid: list[list[_Placed]] = []
    count = 0
    for group in groups:
        carries: list[_Carry] = []
        for index, cells in enumerate(group):
            below = len(group) - index - 1
            row = _GridRow(deque(sorted(carries, key=lambda c: c.col)))
            for cell in cells:
                row.place(cell, below if cell.row_span == 0 else min(cell.row_span - 1, below))
            row.carry_up_to(math.inf)
            count += len(row.placed)
            if count > MAX_CELLS or _width([row.placed]) > MAX_COLUMNS:
                raise ParseError(
                    f"The web page has a table of more than {MAX_COLUMNS:,} columns or "
                    f"{MAX_CELLS:,} cells (counting those its merged cells carry down), far "
                    "past any report's; it was not read, as it may be made to exhaust readers.")
            laid.append(row.placed)
            carries = row.onward
    return laid


def _model_row(placed: list[_Placed]) -> Row:
    """A grid row as model cells; a column no cell covers before the last is an empty cell."""
    cells: list[Cell] = []
    pos = 0
    for p in placed:
        if p.col > pos:
            cells.append(Cell("", col_span=p.col - pos))
        cells.append(Cell(p.cell.text if p.first else "", col_span=p.span,
                          merged_from_above=not p.first))
        pos = p.col + p.span
    return Row(cells)


def _covering(placed: list[_Placed], starts: list[int], col: int) -> _Placed | None:
    """The cell of a grid row (its cells and their first columns) that covers a column."""
    k = bisect_right(starts, col) - 1
    return placed[k] if k >= 0 and col < placed[k].col + placed[k].span else None


def _folded(header: list[list[_Placed]]) -> Row:
    """Header rows as one: per column, the distinct texts above it, top to bottom."""
    edges = sorted({e for row in header for p in row for e in (p.col, p.col + p.span)})
    starts = [[p.col for p in row] for row in header]
    cells: list[Cell] = []
    pos = 0
    for start, end in pairwise(edges):
        stack = [p.cell for row, cols in zip(header, starts, strict=True)
                 if (p := _covering(row, cols, start)) is not None]
        if not stack:
            continue
        if start > pos:
            cells.append(Cell("", col_span=start - pos))
        texts = [c.text for c in dict.fromkeys(stack) if c.text.strip()]
        cells.append(Cell("\n".join(texts), col_span=end - start))
        pos = end
    return Row(cells)


def _header_rows(laid: list[list[_Placed]], thead_rows: int) -> int:
    """How many of the first rows are the header: those of `<thead>`, else the first rows
    whose own cells are all `<th>` and that are as wide as the first (with the cells carried
    down into them), not a row heading's `<th>` alone; at most `MAX_HEADER_ROWS`, and the
    first row alone when that would leave no other."""
    count = thead_rows
    if not count:
        width = _width(laid[:1])
        for row in laid[:MAX_HEADER_ROWS + 1]:
            own = [p.cell for p in row if p.first]
            if not own or not all(c.header for c in own) or _width([row]) < width:
                break
            count += 1
    return count if count <= MAX_HEADER_ROWS and count < len(laid) else min(1, len(laid))


def _width(rows: list[list[_Placed]]) -> int:
    """The grid columns the rows reach."""
    return max((p.col + p.span for row in rows for p in row), default=0)


def table_rows(groups: list[Group], thead_rows: int = 0) -> tuple[str | None, list[Row]]:
    """The table's title (a first header row that is one cell across the table) and its rows
    as the model's, a header of several rows folded into one. `thead_rows`: how many of the
    first group's rows a `<thead>` holds."""
    laid = _lay_out(groups)
    count = _header_rows(laid, thead_rows)
    header, body = laid[:count], laid[count:]
    width = _width(laid)
    title = None
    first = header[0] if header else []
    if len(header) > 1 and len(first) == 1 and first[0].col == 0 and first[0].span == width > 1:
        title, header = first[0].cell.text, header[1:]
    rows = [_folded(header)] if len(header) > 1 else [_model_row(r) for r in header]
    rows += [_model_row(r) for r in body if r]
    return title, [r for r in rows if r.cells]
