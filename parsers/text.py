"""Text reports (what converters make of PDF/DOCX) into the document model.

Three table layouts are read:
- tab-separated rows, one row per line (a line with content before a tab, or
  several tabs);
- markdown pipe tables (`| a | b |`, separator rows dropped);
- one cell per line, as converters write Word tables: a line that begins with a
  tab starts a cell, lines without a tab continue it, blank lines separate
  groups of cells. Groups are packed into rows of the table's width, which is
  inferred from the groups themselves because blank lines also occur inside rows. A page
  number or more than one blank line between two rows is a page break: the table is handed
  to the assembler in pieces there, so that it can finish a row the break cut.
Page-number lines (`-4-`, `-๑๒-`) are dropped. Text exports keep only some of
them, so they cannot tell the page of what follows: text blocks have no page.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise

import regex

from parsers.errors import ParseError
from parsers.markup import (
    DASHED_PAGE_NUMBER,
    is_bold,
    may_open_with_page_number,
    strip_markup,
)
from parsers.model import Block, Cell, Document, Paragraph, Row, Span, Table
from parsers.tables import assemble_tables

BLANK, PAGE, SEPARATOR, PIPE, TSV, CELL, TEXT = (
    "blank", "page", "separator", "pipe", "tsv", "cell", "text"
)

_PAGE_LINE = regex.compile(rf"{DASHED_PAGE_NUMBER}\s*$")
_PAGE_PREFIX = regex.compile(rf"{DASHED_PAGE_NUMBER}(?=\s*(?:\*\*|<[^>]+>)*\s*\p{{Thai}})")
_MD_SEPARATOR = regex.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")


@dataclass(slots=True)
class _Line:
    no: int
    kind: str
    text: str


@dataclass
class _CellDraft:
    lines: list[str]
    line_nos: list[int] = field(default_factory=list)
    after_break: bool = False
    """The cell opens a group that a page break comes before."""

    def add(self, line: _Line) -> None:
        self.lines.append(line.text)
        self.line_nos.append(line.no)


def decode_text(data: bytes) -> str:
    """Decode a text report: UTF-8 (BOM optional), UTF-16 with BOM, else Thai Windows-874."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise ParseError("The file starts like UTF-16 text but is not valid UTF-16 "
                             f"(damaged at byte {exc.start}).") from exc
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp874")
    except UnicodeDecodeError as exc:
        raise ParseError(
            "The file is not readable text (not UTF-8, UTF-16 or Thai Windows-874)."
        ) from exc


def _cell_text(line: str) -> str | None:
    """A one-cell-per-line cell's text (spaces, one tab, then no tab), None if the line
    starts none."""
    rest = line.lstrip(" ")
    return rest[1:] if rest.startswith("\t") and rest.count("\t") == 1 else None


def _classify(raw_lines: Sequence[str]) -> list[_Line]:
    """Each line's kind; a pattern is tried only where a cheap test says it can match."""
    out: list[_Line] = []
    for no, raw in enumerate(raw_lines, start=1):
        line = raw.rstrip("\r\n")
        if may_open_with_page_number(line):
            if _PAGE_LINE.match(line):
                out.append(_Line(no, PAGE, ""))
                continue
            if m := _PAGE_PREFIX.match(line):
                line = line[m.end():]
        stripped = line.strip()
        cell = _cell_text(line) if "\t" in line else None
        if not stripped and cell is None:
            out.append(_Line(no, BLANK, ""))
        elif "---" in line and _MD_SEPARATOR.match(line):
            out.append(_Line(no, SEPARATOR, ""))
        elif stripped.startswith("|") and stripped.count("|") >= 2:
            out.append(_Line(no, PIPE, stripped))
        elif cell is not None:
            out.append(_Line(no, CELL, cell))
        elif "\t" in line:
            out.append(_Line(no, TSV, line))
        else:
            out.append(_Line(no, TEXT, line))
    return out


def _row(drafts: list[_CellDraft]) -> Row:
    nos = [n for d in drafts for n in d.line_nos]
    return Row(
        cells=[Cell(strip_markup("\n".join(d.lines))) for d in drafts],
        span=Span(min(nos), max(nos)) if nos else None,
    )


def _table(rows: list[Row], break_before: bool | None = None) -> Table:
    spans = [r.span for r in rows if r.span]
    span = Span(spans[0].start, spans[-1].end) if spans else None
    return Table(rows=rows, span=span, break_before=break_before)


def _paragraph(lines: list[_Line]) -> Paragraph | None:
    raw = "\n".join(line.text for line in lines)
    text = strip_markup(raw)
    if not text:
        return None
    return Paragraph(
        text=text,
        span=Span(lines[0].no, lines[-1].no),
        bold=is_bold(raw),
    )


# --- one-cell-per-line layout -------------------------------------------------

def _is_page_break(gap: Sequence[_Line]) -> bool:
    """Whether the lines between two groups of cells mark a page break: a page number, or more
    than the one blank line that parts rows."""
    return len(gap) > 1 or any(line.kind == PAGE for line in gap)


def _collect_cell_run(lines: list[_Line], i: int) -> tuple[list[list[_CellDraft]], int]:
    """Read cells from line i; returns groups of cells (split at blank lines) and the next line."""
    groups: list[list[_CellDraft]] = [[]]
    cur: _CellDraft | None = None
    broke = False
    j, n = i, len(lines)
    while j < n:
        kind = lines[j].kind
        if kind == CELL:
            cur = _CellDraft([], after_break=broke)
            cur.add(lines[j])
            broke = False
            groups[-1].append(cur)
            j += 1
        elif kind == TEXT and cur is not None:
            cur.add(lines[j])
            j += 1
        elif kind in (BLANK, PAGE):
            m = j
            while m < n and lines[m].kind in (BLANK, PAGE):
                m += 1
            if m < n and lines[m].kind == CELL:
                groups.append([])
                broke = _is_page_break(lines[j:m])
                j = m
                continue
            if m < n and lines[m].kind == TEXT and cur is not None:
                q = m
                while q < n and lines[q].kind == TEXT:
                    q += 1
                if q < n and lines[q].kind == CELL:
                    for line in lines[m:q]:  # text between blank lines inside a cell
                        cur.add(line)
                    j = q
                    continue
            break
        else:
            break
    return [g for g in groups if g], j


def _pack_count(groups: Sequence[Sequence[object]], width: int) -> int:
    """How many groups pack exactly into rows of `width` before the first misfit."""
    used, acc = 0, 0
    for k, g in enumerate(groups):
        if acc == 0 and len(g) % width == 0:
            used = k + 1
            continue
        acc += len(g)
        if acc == width:
            acc, used = 0, k + 1
        elif acc > width:
            break
    return used


def _best_width(groups: Sequence[Sequence[object]]) -> int | None:
    candidates = {len(g) for g in groups[:6] if len(g) >= 2}
    if not candidates:
        return None

    def score(w: int) -> tuple[int, int, int]:
        """Groups packed; then how many groups are one whole row of that width (two copies of
        a header one after the other pack as rows of twice the width just as well)."""
        skip_lead = _pack_count(groups[1:], w) if len(groups[0]) == 1 else 0
        whole = sum(1 for g in groups[:6] if len(g) == w)
        return max(_pack_count(groups, w), skip_lead), whole, w

    return max(candidates, key=score)


def _squash(draft: _CellDraft | str) -> str:
    text = draft if isinstance(draft, str) else "\n".join(draft.lines)
    return "".join(strip_markup(text).split())


def _glued_header(rows: list[list[_CellDraft]], acc: list[_CellDraft]) -> bool:
    """Whether the last line of the row above plus `acc` repeat the table's header row."""
    last, header = rows[-1][-1], rows[0]
    if len(rows) < 2 or len(last.lines) < 2 or len(header) != len(acc) + 1:
        return False
    cells = [last.lines[-1], *acc]
    return all(_squash(a) == _squash(h) for a, h in zip(cells, header, strict=True))


def _unglue(cell: _CellDraft) -> _CellDraft:
    """Take back a cell's last line: the converter glued the next row's first cell onto it."""
    return _CellDraft([cell.lines.pop()], [cell.line_nos.pop()])


def _pack_rows(groups: list[list[_CellDraft]]) -> list[Block]:
    """Pack groups of cells into rows and tables; lone cells become paragraphs. A page break
    between two rows ends a table piece, for the assembler to join (and finish a cut row)."""
    out: list[Block] = []
    rows: list[list[_CellDraft]] = []
    queue = [list(g) for g in groups]
    width = _best_width(queue)
    breaks: list[int] = []
    """Where in `rows` a row after a page break starts."""

    def close() -> None:
        for start, end in pairwise([0, *breaks, len(rows)]):
            if start < end:
                piece = [_row(r) for r in rows[start:end]]
                out.append(_table(piece, break_before=True if start else None))
        rows.clear()
        breaks.clear()

    def as_paragraph(cell: _CellDraft) -> None:
        lines = [_Line(n, TEXT, t) for t, n in zip(cell.lines, cell.line_nos, strict=True)]
        if para := _paragraph(lines):
            out.append(para)

    while queue:
        if width is None:
            for g in queue:
                for cell in g:
                    as_paragraph(cell)
            break
        group = queue.pop(0)
        if rows and group[0].after_break:
            breaks.append(len(rows))
        if len(group) >= width:
            rows.append(group[:width])
            if group[width:]:
                queue.insert(0, group[width:])
            continue
        acc = list(group)
        while queue and len(acc) + len(queue[0]) <= width and len(acc) < width:
            acc += queue.pop(0)
        if len(acc) == width:
            rows.append(acc)
        elif len(acc) == width - 1 and rows and _glued_header(rows, acc):
            rows.append([_unglue(rows[-1][-1]), *acc])
        elif len(acc) == 1 and not rows:
            as_paragraph(acc[0])
        else:
            new_width = _best_width([acc, *queue])
            if rows and new_width not in (None, width):
                close()
                queue.insert(0, acc)
                width = new_width
                continue
            rows.append(acc)  # a short row: keep its text rather than lose it
    close()
    return out


# --- document -----------------------------------------------------------------

def _split_cells(line: _Line) -> list[str]:
    text = line.text
    if line.kind == PIPE:
        return [cell.strip() for cell in text.strip().strip("|").split("|")]
    return text.split("\t")


def _simple_table(lines: list[_Line], i: int, kinds: tuple[str, ...]) -> tuple[Table, int]:
    rows: list[Row] = []
    j = i
    while j < len(lines) and lines[j].kind in kinds + (PAGE,):
        line = lines[j]
        if line.kind == PAGE:  # a page number between two rows does not end the table
            if j + 1 < len(lines) and lines[j + 1].kind in kinds:
                j += 1
                continue
            break
        if line.kind != SEPARATOR:
            cells = [Cell(strip_markup(t)) for t in _split_cells(line)]
            rows.append(Row(cells=cells, span=Span(line.no, line.no)))
        j += 1
    return _table(rows), j


def parse_text(data: bytes) -> Document:
    """Parse a text report's bytes."""
    text = decode_text(data)
    lines = _classify(text.splitlines())
    blocks: list[Block] = []
    i = 0
    while i < len(lines):
        kind = lines[i].kind
        if kind in (BLANK, PAGE, SEPARATOR):
            i += 1
        elif kind in (TSV, PIPE):
            table, i = _simple_table(lines, i, (kind, SEPARATOR) if kind == PIPE else (TSV,))
            if table.rows:
                blocks.append(table)
        elif kind == CELL:
            groups, i = _collect_cell_run(lines, i)
            blocks.extend(_pack_rows(groups))
        else:
            j = i
            while j < len(lines) and lines[j].kind == TEXT:
                j += 1
            if para := _paragraph(lines[i:j]):
                blocks.append(para)
            i = j
    return Document(source_format="txt", blocks=assemble_tables(blocks))
