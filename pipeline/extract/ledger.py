"""Where every table row of a document went: the invariant of issue 15, no row lost unnamed.

Each row of `Document.tables()` is given a fate as the extractors read it: read into output
tables (`scores`, `measures`, `o_items`) or into a finding that holds its value (`findings`),
or left out as not data, for one of the reasons of `NOT_DATA`. `unread()` gives the rows with
no fate; `document.extract` names them in UNREAD_ROWS findings.
"""

from __future__ import annotations

from dataclasses import dataclass

from parsers.model import Row, Table

SCORES, MEASURES, O_ITEMS, FINDINGS = "scores", "measures", "o_items", "findings"
READ_INTO = (SCORES, MEASURES, O_ITEMS, FINDINGS)
"""Where a read row's values went: an output table, or a finding that names the value."""

HEADER, REPEATED_HEADER, BLANK, PAGE_NUMBER = (
    "header", "repeated header", "blank", "page number"
)
GRADING_BANDS, WEIGHTS, NOT_ITA_TABLE = "grading bands", "weights", "not an ITA table"
NOT_DATA: dict[str, str] = {
    HEADER: "the row that names a table's columns (or a lone header with no rows under it)",
    REPEATED_HEADER: "the header again, as Word repeats it on each page",
    BLANK: "no text in any cell",
    PAGE_NUMBER: "only a page number (`-๔-`, `หน้า 3`) that a page break left in the table",
    GRADING_BANDS: "a grade and its score range (`95.00 - 100 | AA`), not a score",
    WEIGHTS: "a tool and its weight (`IIT | ร้อยละ 30`), not a score",
    NOT_ITA_TABLE: "a table that names nothing of the assessment and states no score "
                   "(a memo's letterhead, a recipe), or any table of a document that is not "
                   "an ITA report",
}
"""Why a row is not data, reason → what such a row is."""


@dataclass(frozen=True)
class RowRef:
    """A table row of the document, numbered as a person counts: table and row from 1."""

    table: int
    row: int
    source: Row


class Ledger:
    """Every table row of a document and the fates the extractors gave it."""

    def __init__(self, tables: list[Table]) -> None:
        self._refs = {id(row): RowRef(t, r, row) for t, table in enumerate(tables, start=1)
                      for r, row in enumerate(table.rows, start=1)}
        self._fates: dict[int, set[str]] = {key: set() for key in self._refs}

    def read(self, row: Row, into: str) -> None:
        """The row's values went into `into` (one of READ_INTO)."""
        assert into in READ_INTO, into
        self._fates[id(row)].add(into)

    def skip(self, row: Row, reason: str) -> None:
        """The row is not data, for `reason` (one of NOT_DATA)."""
        assert reason in NOT_DATA, reason
        self._fates[id(row)].add(reason)

    def fates(self, row: Row) -> frozenset[str]:
        return frozenset(self._fates[id(row)])

    def rows(self) -> list[RowRef]:
        """Every table row of the document, in reading order."""
        return list(self._refs.values())

    def unread(self) -> list[RowRef]:
        """The rows no extractor placed and no reason left out."""
        return [ref for key, ref in self._refs.items() if not self._fates[key]]

    def clashes(self) -> list[RowRef]:
        """Rows with more than one fate: read and also left out, or left out for two reasons."""
        return [ref for key, ref in self._refs.items()
                if (reasons := self._fates[key] - set(READ_INTO))
                and (len(reasons) > 1 or reasons != self._fates[key])]
