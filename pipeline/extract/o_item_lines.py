"""O-items listed as lines outside progress tables: `O1 โครงสร้าง`, `O1โครงสร้าง`, `OIT1`,
`☑ O2 ข้อมูลผู้บริหาร`, `02 ข้อมูลผู้บริหาร`, or a code on one line and its title on the next.

A line that opens with an item code and goes on with a title (or with nothing, the title
then on the next line) is a candidate. Paragraph lines run on while they are candidates, their
titles, their status labels, detail bullets or sub-indicator headings; any other line ends the
run, and so does a table; the rows of a table without an O-item header are a run of their own.
The candidates of a run are judged together:
- a code written with the letter O (or OIT) before Thai text, a check box or a status label,
  and any code whose title is the catalogue's title for it, is an item;
- the run is then a list of items, as it is when it holds two or more letter-O codes: in a
  list, a code typed with a zero (`02`, which numbers also look like) is an item when a title
  follows it, and a letter-O code even without one.
So numbers, dates and phone numbers at the start of a line are not items, and neither is an
English line such as `O2 levels`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

import regex

from normalise.codes import LeadingCode, leading_item_code, may_open_with_code
from normalise.dates import MONTHS
from normalise.text import clean_text, join_wrapped
from parsers.model import Paragraph, Row, Table
from pipeline.extract.item_status import read_line_status, read_status
from pipeline.extract.ledger import FINDINGS, O_ITEMS, Ledger
from pipeline.extract.non_data import is_page_number
from pipeline.extract.section_headings import last_subindicator
from pipeline.ita.catalogue import MATCH, Catalogue, catalogues, similarity
from pipeline.ita.vocabulary import UNKNOWN
from pipeline.output.schema import Row as OutRow

_THAI_WORD = regex.compile(r"[ก-ฮ].*[ก-ฮ]")
_LETTERS = regex.compile(r"[ก-ฮ].*[ก-ฮ]|[A-Za-z].*[A-Za-z]")
_DETAIL = regex.compile(r"^[-–•*]")
_DATE_START = regex.compile(
    "^(?:" + "|".join(map(regex.escape, sorted(MONTHS, key=len, reverse=True))) + r")(?=[\s\d]|$)"
)


@cache
def _bundled() -> dict[int, Catalogue]:
    return catalogues()


def in_catalogue(code: str, title: str, year: int | None) -> bool:
    """Whether the title is the bundled catalogue's title of the code: in the year's catalogue
    where there is one, else in any year's."""
    known = _bundled()
    books = [known[year]] if year in known else list(known.values())
    return any((item := book.item(code)) is not None and item.title is not None
               and similarity(title, item.title) >= MATCH for book in books)


def is_title(text: str) -> bool:
    """Whether text after a code reads as an item's title: words, not a number or a date."""
    return (bool(_LETTERS.search(text)) and not text[:1].isdigit()
            and not _DATE_START.match(text))


@dataclass
class _Candidate:
    code: str
    zero_typed: bool
    title: str | None
    status: str | None
    subindicator: str | None
    page: int | None
    lines: list[str]
    rows: list[Row]

    def add(self, line: str, row: Row | None) -> None:
        self.lines.append(line)
        if row is not None and all(r is not row for r in self.rows):
            self.rows.append(row)


@dataclass
class ItemLines:
    """Reads O-items from lines in reading order; `rows` are the items read so far."""

    doc_id: str
    org_id: str | None
    year: int | None
    """The document's item year; None: items are read, for a finding, with no year."""
    ledger: Ledger
    rows: list[OutRow] = field(default_factory=list, init=False)
    _run: list[_Candidate] = field(default_factory=list, init=False)
    """The candidates of the run being read."""
    _awaiting_title: bool = field(default=False, init=False)
    """Whether the last candidate's code stood alone, its title maybe on the next line."""
    _subindicator: str | None = field(default=None, init=False)

    def paragraph(self, paragraph: Paragraph, subindicator: str | None) -> None:
        """Read a paragraph's lines; a run goes on from the paragraph before."""
        self._subindicator = subindicator
        for line in paragraph.text.splitlines():
            self._line(line, paragraph.page, None)

    def table(self, table: Table, subindicator: str | None) -> bool:
        """Read the rows of a table no extractor mapped, as a run of their own; whether any
        row held an item."""
        self.end()
        self._subindicator = subindicator
        before = len(self.rows)
        for row in table.rows:
            if not self._row_item(row):
                for cell in row.cells:
                    for line in cell.text.splitlines():
                        self._line(line, row.page_start, row)
        self.end()
        return len(self.rows) > before

    def end(self) -> None:
        """End the run: its candidates are judged together."""
        listed = (any(self._is_item(c) for c in self._run)
                  or len({c.code for c in self._run if not c.zero_typed}) >= 2)
        for c in self._run:
            if self._is_item(c) or (listed and (c.title or not c.zero_typed)):
                self._accept(c)
        self._run.clear()
        self._awaiting_title = False

    def _is_item(self, c: _Candidate) -> bool:
        if c.title and in_catalogue(c.code, c.title, self.year):
            return True
        return not c.zero_typed and (c.status is not None
                                     or bool(c.title and _THAI_WORD.search(c.title)))

    def _accept(self, c: _Candidate) -> None:
        self.rows.append({
            "doc_id": self.doc_id, "org_id": self.org_id, "assessment_year": self.year,
            "code": c.code, "subindicator": c.subindicator, "title": c.title,
            "catalogue_title": None, "responsible": [], "status": c.status or UNKNOWN,
            "evidence": "\n".join(c.lines), "page": c.page,
        })
        for row in c.rows:
            self.ledger.read(row, O_ITEMS if self.year is not None else FINDINGS)

    def _open(self, lead: LeadingCode, title: str | None, status: str | None,
              page: int | None, evidence: str, row: Row | None) -> None:
        """Add a candidate to the run; a code with no title waits for it on the next line."""
        self._run.append(_Candidate(lead.code, lead.zero_typed, title, status,
                                    self._subindicator, page, [], []))
        self._run[-1].add(evidence, row)
        self._awaiting_title = title is None

    def _start(self, line: str, page: int | None, row: Row | None) -> bool:
        """Open a candidate if the line opens with an item code and a title (or nothing)."""
        if not may_open_with_code(line):
            return False
        status, text = read_line_status(line)
        lead = leading_item_code(text)
        if lead is None or (lead.rest and not is_title(lead.rest)):
            return False
        self._open(lead, lead.rest or None, status, page, line, row)
        return True

    def _line(self, raw: str, page: int | None, row: Row | None) -> None:
        line = clean_text(raw)
        if not line or is_page_number(line):  # a page break inside a list goes on with it
            return
        if self._start(line, page, row):
            return
        if heading := last_subindicator(line):
            self._subindicator = heading
            return
        last = self._run[-1] if self._run else None
        if last is None:
            return
        status, rest = read_status(line)
        if status is not None and not rest:
            last.status = last.status or status
        elif self._awaiting_title and is_title(line) and not _DETAIL.match(line):
            last.title = line
        elif not _DETAIL.match(line):
            self.end()
            return
        last.add(line, row)
        self._awaiting_title = False

    def _row_item(self, row: Row) -> bool:
        """A row whose first cell is a code alone: its title is the next cell, its status in
        the cells after."""
        cells = [c.text for c in row.cells if clean_text(c.text)]
        status, code_cell = read_line_status(cells[0]) if cells else (None, "")
        lead = leading_item_code(code_cell)
        if len(cells) < 2 or lead is None or lead.rest or not is_title(join_wrapped(cells[1])):
            return False
        after = "\n".join(cells[2:])
        label, _ = read_status(after)
        mark, _ = read_line_status(clean_text(after))
        self._open(lead, join_wrapped(cells[1]), label or mark or status, row.page_start,
                   " | ".join(clean_text(c) for c in cells), row)
        return True
