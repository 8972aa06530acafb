"""Where the tables of a text export are, line by line, read independently of `parsers.text`.

Two layouts occur in the fixtures:
- tab-separated: one row per line, cells split at tabs;
- one cell per line (Word tables): a line that starts with a tab (after optional spaces)
  starts a cell, lines without a tab continue it, blank lines separate groups of cells; a blank
  line followed by text and then a new cell stays inside the cell.

A `TextTable` is one piece of a table as the text has it: a run of rows of one width whose
first row may be a header (no digits in it). Its rows are line ranges, so transformations can
cut and insert whole lines without reparsing. Pieces that do not pack cleanly into rows (a
header glued onto the row above, as the corpus has at some page breaks) end a piece: the
transformations only ever split a piece between two of its own rows.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

CELL_START = re.compile(r"^ *\t([^\t]*)$")
DIGIT = re.compile(r"[0-9๐-๙]")
NOTE = re.compile(r"\[(?:bookmark|image):[^\]\n]*\]", re.IGNORECASE)
TSV, CELLS = "tsv", "cells"


@dataclass(frozen=True)
class TextRow:
    """A row: lines [start, end) of the text, and its cells' texts (each maybe multi-line)."""

    start: int
    end: int
    cells: tuple[str, ...]


@dataclass(frozen=True)
class TextTable:
    """One piece of a table: its layout, width and rows, the first a header when `has_header`."""

    layout: str
    width: int
    rows: tuple[TextRow, ...]
    has_header: bool

    @property
    def header(self) -> TextRow | None:
        return self.rows[0] if self.has_header else None

    @property
    def data(self) -> tuple[TextRow, ...]:
        return self.rows[1:] if self.has_header else self.rows


def is_cell_start(line: str) -> bool:
    return bool(CELL_START.match(line))


def is_blank(line: str) -> bool:
    return not line.strip() and not is_cell_start(line)


def is_tsv(line: str) -> bool:
    return "\t" in line and not is_cell_start(line)


def looks_like_header(cells: Sequence[str]) -> bool:
    """A header row: some text and no digits (data rows of the fixtures all carry a number)."""
    texts = [NOTE.sub("", c) for c in cells]
    return any(t.strip() for t in texts) and not any(DIGIT.search(t) for t in texts)



# --- tab-separated ------------------------------------------------------------------------

def _tsv_piece(lines: Sequence[str], start: int, end: int) -> TextTable | None:
    rows = tuple(TextRow(i, i + 1, tuple(lines[i].split("\t"))) for i in range(start, end))
    if len(rows) < 2 or len({len(r.cells) for r in rows}) != 1:
        return None
    return TextTable(TSV, len(rows[0].cells), rows, looks_like_header(rows[0].cells))


def tsv_tables(lines: Sequence[str]) -> list[TextTable]:
    """Runs of consecutive tab-separated lines of one width, at least two rows each."""
    out: list[TextTable] = []
    i = 0
    while i < len(lines):
        if not is_tsv(lines[i]):
            i += 1
            continue
        j = i
        while j < len(lines) and is_tsv(lines[j]):
            j += 1
        if piece := _tsv_piece(lines, i, j):
            out.append(piece)
        i = j
    return out


# --- one cell per line --------------------------------------------------------------------

@dataclass
class _Cell:
    start: int
    end: int
    text: str


def _cell_end(lines: Sequence[str], i: int) -> int:
    """The line after the cell starting at line i (blank lines inside it included)."""
    j = i + 1
    while j < len(lines):
        if is_cell_start(lines[j]) or is_tsv(lines[j]):
            return j
        if is_blank(lines[j]):
            k = j
            while k < len(lines) and is_blank(lines[k]):
                k += 1
            m = k
            while m < len(lines) and not is_blank(lines[m]) and not is_cell_start(lines[m]) \
                    and not is_tsv(lines[m]):
                m += 1
            if k < len(lines) and m > k and m < len(lines) and is_cell_start(lines[m]):
                j = m  # text between blank lines, then a new cell: still this cell
                continue
            return j
        j += 1
    return j


def _cell_groups(lines: Sequence[str], i: int) -> tuple[list[list[_Cell]], int]:
    """Groups of cells from line i (split where blank lines are followed by a cell)."""
    groups: list[list[_Cell]] = [[]]
    j = i
    while j < len(lines):
        if is_cell_start(lines[j]):
            end = _cell_end(lines, j)
            text = "\n".join([CELL_START.match(lines[j]).group(1), *lines[j + 1:end]])
            groups[-1].append(_Cell(j, end, text))
            j = end
            continue
        k = j
        while k < len(lines) and is_blank(lines[k]):
            k += 1
        if k > j and k < len(lines) and is_cell_start(lines[k]):
            groups.append([])
            j = k
            continue
        break
    return [g for g in groups if g], j


def _cells_row(cells: Sequence[_Cell]) -> TextRow:
    return TextRow(cells[0].start, cells[-1].end, tuple(c.text for c in cells))


def _pack(groups: list[list[_Cell]], width: int) -> tuple[list[TextRow], int]:
    """Rows of `width` from the groups' start; how many groups they used."""
    rows: list[TextRow] = []
    acc: list[_Cell] = []
    used = 0
    for k, group in enumerate(groups):
        acc += group
        if len(acc) % width:
            if len(acc) > width:
                break
            continue
        rows += [_cells_row(acc[n:n + width]) for n in range(0, len(acc), width)]
        acc, used = [], k + 1
    return rows, used


def _best_pack(groups: list[list[_Cell]], g: int) -> tuple[list[TextRow], int]:
    """The rows packed from group g at the width that packs the most, and groups used."""
    widths = {len(group) for group in groups[g:g + 6]}
    if g + 1 < len(groups) and 1 in (len(groups[g]), len(groups[g + 1])):
        widths.add(len(groups[g]) + len(groups[g + 1]))  # a cell cut off by a blank line
    best: tuple[list[TextRow], int] = ([], 0)
    for width in sorted(w for w in widths if w >= 2):
        rows, used = _pack(groups[g:], width)
        if len(rows) > len(best[0]):
            best = (rows, used)
    return best


def _split_at_headers(rows: list[TextRow]) -> list[TextTable]:
    """Pieces of packed rows: a row that looks like a header starts a new piece."""
    starts = [0] + [k for k in range(1, len(rows)) if looks_like_header(rows[k].cells)]
    bounds = zip(starts, [*starts[1:], len(rows)], strict=True)
    width = len(rows[0].cells)
    return [TextTable(CELLS, width, tuple(rows[a:b]), looks_like_header(rows[a].cells))
            for a, b in bounds if b - a >= 2]


def _cell_pieces(groups: list[list[_Cell]]) -> list[TextTable]:
    """Pieces of a run of cell groups. A start whose next group packs more rows (a lone
    paragraph cell, a header fragment glued to the row above) is skipped."""
    out: list[TextTable] = []
    g = 0
    while g < len(groups):
        rows, used = _best_pack(groups, g)
        if g + 1 < len(groups) and len(_best_pack(groups, g + 1)[0]) > len(rows):
            g += 1
            continue
        if len(rows) >= 2:
            out += _split_at_headers(rows)
        g += max(used, 1)
    return out


def cell_tables(lines: Sequence[str]) -> list[TextTable]:
    """Pieces of one-cell-per-line tables."""
    out: list[TextTable] = []
    i = 0
    while i < len(lines):
        if not is_cell_start(lines[i]):
            i += 1
            continue
        groups, i = _cell_groups(lines, i)
        out += _cell_pieces(groups)
    return out


def text_tables(lines: Sequence[str]) -> list[TextTable]:
    """Every table piece of a text export, in order."""
    return sorted(tsv_tables(lines) + cell_tables(lines), key=lambda t: t.rows[0].start)
