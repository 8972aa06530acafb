"""The table assembler: one logical table from the pieces page breaks cut it into, any format.

Each parser hands over its blocks in reading order with what its layout tells of the breaks
(`Table.break_before`, `Row.cut`; None where the format cannot tell) and the assembler decides
the rest once for every format:
- a piece goes on from the table just before it when both have as many columns and the piece
  repeats the table's header in its first rows, or carries on its numbering (`๕.` after `๔.`,
  indicator `๑๐` after `๙`, `O5` after `O4`), or the layout says only a page break parts them,
  or (the layout cannot tell, nothing stands between them and the table numbers no rows) the
  piece's first row is like the table's data rows by its cells' kinds: a number in each column
  whose data cells are numbers under a header cell that is not (see `_row_like`);
- rows before the repeated header finish the row the break cut, cell by cell; rows after it
  are new rows, except that when the layout says the last row was cut (`Row.cut`) and none
  came before the header, the first row after it is that row's rest if it reads as one
  (see `_rest_after_header`); without a repeated header the piece's first row finishes the
  cut row when it reads as a rest (see `_is_rest`);
- nothing is ever joined into a header row: a header alone at the foot of a page just
  precedes the rows of the next;
- headers repeated inside a table are dropped, and the row after each break is marked
  `after_break`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

import regex

from normalise.digits import to_arabic_digits
from normalise.text import copies_header
from normalise.vocabulary import INDICATOR_WORD, ITEM_CODE
from parsers.model import Block, Row, Table
from parsers.pdf_text import join_across

_ITEM_NUMBER = regex.compile(
    rf"\s*(?:{INDICATOR_WORD}\s*)?(?:{ITEM_CODE}|\(?(?P<m>\d{{1,2}})[.)]?)(?!\d|\.\d)"
)
"""A cell that starts an item: `๓.`, `3)`, `(3)`, a bare `3`, `ตัวชี้วัดที่ ๑๐`, `O5`, `05`."""
_MID_WORD = regex.compile(r"\s*[\p{Mn}ะาำๅๆ]")
"""Text that opens with a mark or vowel no Thai word starts with: the end of a cut word."""
_NUMBER = regex.compile(r"[+-]?\d+(?:[.,]\d+)*%?")
"""A cell that is a number and nothing else (a score, a count): `๙๙.๔๕`, `100`, `12.5%`."""
_CONTINUED = regex.compile(r"\s*\(ต่อ\)")
"""A cell that opens with `(ต่อ)`: its row goes on with the item above as a row of its own."""
_SPACED_DASH = regex.compile(r"\s[-–]$")
"""A dash standing between words (`ต.ค. 67 - ก.ย. 68`), not a hyphen inside a name."""


@dataclass(frozen=True)
class AssemblySettings:
    """How far into a piece the assembler looks for a repeated header and for numbering."""

    header_rows: int = 3
    """A piece's repeated header may come this many rows in (after the rest of a cut row)."""
    numbering_rows: int = 3
    """A piece carries on the numbering when one of its first this many rows does."""


DEFAULT_ASSEMBLY = AssemblySettings()


def _signature(row: Row) -> tuple[str, ...]:
    return tuple("".join(c.text.split()) for c in row.cells)


def is_repeat_of(row: Row, header: Row) -> bool:
    """Whether a row repeats the header row (whitespace aside; as OCR reads a copy, alike)."""
    return _repeats(row, _signature(header))


def _repeats(row: Row, header: tuple[str, ...]) -> bool:
    """is_repeat_of for a header given by its signature, worked out once for many rows."""
    return any(c.text.strip() for c in row.cells) and copies_header(_signature(row), header)


def drop_repeated_headers(table: Table) -> Table:
    """Drop rows that repeat the first row (a header repeated per page); mark the row after."""
    if not table.rows:
        return table
    header, kept, mark = _signature(table.rows[0]), [table.rows[0]], False
    for row in table.rows[1:]:
        if _repeats(row, header):
            mark = True
            continue
        if mark:
            row.after_break, mark = True, False
        kept.append(row)
    table.rows = kept
    return table


def _width(rows: Sequence[Row]) -> int:
    """A piece's number of grid columns: its widest row's."""
    return max((sum(c.col_span for c in row.cells) for row in rows), default=0)


def _item_number(text: str) -> int | None:
    """The number of the item a cell starts (`๓.` → 3), None if it starts none."""
    match = _ITEM_NUMBER.match(to_arabic_digits(text))
    return int(match["n"] or match["m"]) if match else None


def _column_numbers(rows: Sequence[Row], column: int) -> list[int]:
    """The item numbers the cells of a column start, top to bottom."""
    cells = (row.cells[column].text for row in rows if column < len(row.cells))
    return [n for n in map(_item_number, cells) if n is not None]


def _numbers_rows(numbers: list[int]) -> bool:
    """Whether a column's numbers count its rows (one number, or a step of one somewhere),
    not lists that each cell starts again (`1.` in every row)."""
    return len(numbers) == 1 or any(b == a + 1 for a, b in pairwise(numbers))


def _numbering(rows: Sequence[Row]) -> tuple[int, int] | None:
    """The column that numbers the rows, the leftmost whose numbers count them, and its last
    number; None if no column does. Lists inside cells (`1. … 2. …`) are not the numbering."""
    for column in range(_width(rows)):
        numbers = _column_numbers(rows, column)
        if numbers and _numbers_rows(numbers):
            return column, numbers[-1]
    return None


def _starts_row(rows: Sequence[Row], row: Row) -> bool:
    """Whether a row opens a row of its own: it starts the item after the last one `rows`
    number, or says `(ต่อ)` (continued) in its first cell."""
    return _next_item(rows, row) or bool(row.cells and _CONTINUED.match(row.cells[0].text))


def _next_item(rows: Sequence[Row], row: Row) -> bool:
    """Whether a row starts the item after the last one `rows` number."""
    numbering = _numbering(rows)
    if numbering is None or numbering[0] >= len(row.cells):
        return False
    column, last = numbering
    return _item_number(row.cells[column].text) == last + 1


def _kind(text: str) -> str:
    """A cell's kind: empty, number or text."""
    text = to_arabic_digits(text).strip()
    return "empty" if not text else "number" if _NUMBER.fullmatch(text) else "text"


def _column_kinds(rows: Sequence[Row], column: int) -> set[str]:
    """The kinds of a column's cells, empty ones aside."""
    return {_kind(row.cells[column].text) for row in rows if column < len(row.cells)} - {"empty"}


def _numeric_columns(header: Row, body: Sequence[Row]) -> set[int]:
    """Columns whose data cells are all numbers under a header cell that is not: what tells a
    table's data rows from its header."""
    signature = _signature(header)
    rows = [row for row in body if not _repeats(row, signature)]
    return {c for c in range(min(_width(rows), len(header.cells)))
            if _column_kinds(rows, c) == {"number"} and _kind(header.cells[c].text) == "text"}


def _row_like(table: Table, row: Row) -> bool:
    """Whether a row is a whole data row by its cells' kinds: a number in every numeric
    column of the table, and no number in a column the table's data rows never have one."""
    header, body = table.rows[0], table.rows[1:]
    numeric = _numeric_columns(header, body)
    kinds = [_kind(c.text) for c in row.cells]
    if not numeric or any(c >= len(kinds) or kinds[c] != "number" for c in numeric):
        return False
    return all(k != "number" or "number" in _column_kinds(body, c) for c, k in enumerate(kinds))


def _is_header(table: Table, row: Row) -> bool:
    return row is table.rows[0] or is_repeat_of(row, table.rows[0])


def _leaves_empty(row: Row, rest: Row) -> bool:
    """A row's rest leaves empty some cell the row's first part filled (it fitted)."""
    return any(a.text.strip() and not b.text.strip()
               for a, b in zip(row.cells, rest.cells, strict=False))


def _reads_as_rest(rows: Sequence[Row], row: Row) -> bool:
    """A row whose text reads as the end of the row above: its first cell is empty, its text
    opens inside a word, or it has no number where the rows above are numbered."""
    texts = [c.text for c in row.cells if c.text.strip()]
    return (not row.cells[0].text.strip() or bool(texts and _MID_WORD.match(texts[0]))
            or _unnumbered(rows, row))


def _unnumbered(rows: Sequence[Row], row: Row) -> bool:
    """Whether a row has no number in the column that numbers `rows` (if one does)."""
    numbering = _numbering(rows)
    return numbering is not None and numbering[0] < len(row.cells) and _item_number(
        row.cells[numbering[0]].text) is None


def _is_rest(table: Table, row: Row) -> bool:
    """Whether a row first after a break finishes the table's last row rather than starting
    one: never into a header, never when the layout says the row was not cut or the row
    starts a row of its own (see `_starts_row`); it leaves empty a cell the last row filled,
    and either the layout says the last row was cut or the row reads as a rest and is not a
    whole data row."""
    last, body = table.rows[-1], table.rows[1:]
    if _is_header(table, last) or last.cut is False or _starts_row(body, row):
        return False
    return _leaves_empty(last, row) and (last.cut is True or (
        _reads_as_rest(body, row) and not _row_like(table, row)))


def _rest_after_header(table: Table, row: Row) -> bool:
    """Whether the first row after a repeated header finishes the table's last row (Word
    repeats the header above the rest): the layout says that row was cut, this one does not
    start a row of its own (see `_starts_row`), and it leaves empty a cell the last row
    filled or, where the rows are numbered, has no number (a rest may fill every cell)."""
    last, body = table.rows[-1], table.rows[1:]
    return last.cut is True and not _starts_row(body, row) and (
        _leaves_empty(last, row) or _unnumbered(body, row))


def _join_cell(before: str, after: str) -> str:
    """A cell's text and its rest; a page broke at the space after a standing dash."""
    if _SPACED_DASH.search(before) and after[:1].strip():
        return f"{before} {after}"
    return join_across(before, after)


def _join_rest(row: Row, rest: Row) -> None:
    """Append the rest of a row that a page break carried over, cell by cell."""
    for cell, more in zip(row.cells, rest.cells, strict=False):
        if more.text.strip():
            cell.text = _join_cell(cell.text, more.text)
    row.cells.extend(rest.cells[len(row.cells):])
    row.page_end = rest.page_end or row.page_end
    row.cut = rest.cut
    if row.span and rest.span:
        row.span.end = rest.span.end


def _header_at(table: Table, piece: Table, settings: AssemblySettings) -> int | None:
    """Where in its first rows a piece repeats the table's header (at its top only when the
    layout says no page break comes before it)."""
    reach = 1 if piece.break_before is False else settings.header_rows
    header = _signature(table.rows[0])
    return next((i for i, row in enumerate(piece.rows[:reach]) if _repeats(row, header)), None)


def _goes_on(table: Table, piece: Table, settings: AssemblySettings) -> bool:
    """Without a repeated header: the layout says only a break parts them, or (where it
    cannot tell) the piece carries on the table's numbering, or, the table numbering no rows,
    starts with a row like its data rows (see `_row_like`)."""
    if piece.break_before is not None:
        return piece.break_before
    body = table.rows[1:]
    if any(_next_item(body, row) for row in piece.rows[:settings.numbering_rows]):
        return True
    return _numbering(body) is None and _row_like(table, piece.rows[0])


def _split(table: Table, piece: Table, settings: AssemblySettings) -> tuple[
        list[Row], list[Row]] | None:
    """The piece's rows that finish the table's cut row and its new rows; None if the piece
    is not part of the table."""
    if _width(piece.rows) != _width(table.rows):
        return None
    at = _header_at(table, piece, settings)
    if at is None and not _goes_on(table, piece, settings):
        return None
    rest, new = ([], piece.rows) if at is None else (piece.rows[:at], piece.rows[at + 1:])
    if rest and _next_item(table.rows[1:], rest[0]):  # new rows above a header repeated later
        rest, new = [], piece.rows
    if _is_header(table, table.rows[-1]):  # a header alone: what comes is all new rows
        return [], rest + new
    if not rest and new and (_is_rest(table, new[0]) if at is None
                             else _rest_after_header(table, new[0])):
        rest, new = new[:1], new[1:]
    return rest, new


def _attach(table: Table, piece: Table, settings: AssemblySettings) -> bool:
    """Add a piece to the table if it goes on from it; whether it did."""
    parts = _split(table, piece, settings)
    if parts is None:
        return False
    rest, new = parts
    for row in rest:
        _join_rest(table.rows[-1], row)
    if new:
        new[0].after_break = True
    table.rows.extend(new)
    if table.span and piece.span:
        table.span.end = piece.span.end
    return True


def assemble_tables(blocks: list[Block],
                    settings: AssemblySettings = DEFAULT_ASSEMBLY) -> list[Block]:
    """Blocks in order with each table's pieces made one table (see the module's rules)."""
    out: list[Block] = []
    for block in blocks:
        prev = out[-1] if out else None
        if (isinstance(block, Table) and isinstance(prev, Table) and prev.rows and block.rows
                and _attach(prev, block, settings)):
            continue
        out.append(block)
    return [drop_repeated_headers(b) if isinstance(b, Table) else b for b in out]

