"""Table rows that are not data: why a row no extractor read may be left out of the output.

A row gets a reason only when its text shows what it is (a header, a page number, a grading
band, a weight) or when its whole table names nothing of the assessment. Any other row that
no extractor read is data missed, and is named in an UNREAD_ROWS finding.
"""

from __future__ import annotations

import regex

from normalise.text import clean_text
from normalise.vocabulary import SCORED_ITEM
from parsers.model import Row, Table
from pipeline.extract.column_roles import column_role, squashed
from pipeline.extract.ledger import (
    BLANK,
    GRADING_BANDS,
    HEADER,
    NOT_ITA_TABLE,
    PAGE_NUMBER,
    REPEATED_HEADER,
    WEIGHTS,
)
from pipeline.ita.vocabulary import GRADE_LETTERS, TOOLS

_NUM = r"\d{1,3}(?:\.\d+)?"
_RANGE = regex.compile(rf"{_NUM}\s*(?:คะแนน)?\s*(?:[-–]|ถึง)\s*{_NUM}\s*(?:คะแนน)?")
_GRADE = regex.compile(rf"(?<![A-Za-z])(?:{'|'.join(GRADE_LETTERS)})(?![A-Za-z])")
_WEIGHT = regex.compile(rf"ร้อยละ\s*{_NUM}|{_NUM}\s*%")
_DIGIT = regex.compile(r"\d")
_PAGE_NUMBER = regex.compile(r"^(?:หน้า\s*)?[-–]\s*\d{1,3}\s*[-–]$|^หน้า\s*\d{1,3}$")
_ITA_WORDS = regex.compile(
    rf"\bITA\b|\b(?:{'|'.join(TOOLS)})\b|คุณธรรมและความโปร่งใส|คะแนน|ตัวชี้วัด|มาตรการ"
    rf"|{SCORED_ITEM}"
)
"""Words of the assessment: a table holding none of them is not an ITA table."""


def row_text(row: Row) -> str:
    """The row's non-empty cells, normalised, joined by ` | `."""
    return " | ".join(t for c in row.cells if (t := clean_text(c.text)))


def is_page_number(text: str) -> bool:
    """A row's text that is only a page number: `- 4 -`, `-๑๒-`, `หน้า 3` (a bare number may be
    a cell of a row cut by a page break, so it is not one)."""
    return bool(_PAGE_NUMBER.match(text))


def speaks_of_ita(table: Table) -> bool:
    """Whether any cell of the table names the assessment, a tool, a score, an indicator,
    a measure or an O-item."""
    return any(_ITA_WORDS.search(clean_text(c.text)) for row in table.rows for c in row.cells)


def _reads_as_header(row: Row) -> bool:
    return sum(1 for c in row.cells if column_role(c.text) is not None) >= 2


def _only(pattern: regex.Pattern[str], text: str) -> bool:
    """Whether `pattern` is in the text and no other digit is."""
    return bool(pattern.search(text)) and not _DIGIT.search(pattern.sub("", text))


def _is_grading_band(text: str) -> bool:
    return bool(_GRADE.search(text)) and _only(_RANGE, text)


def reason(row: Row, header: Row | None, ita_table: bool) -> str | None:
    """Why a row that no extractor read is not data, or None when it may be.

    `header` is the row its table was read through (None: the table has no header the
    pipeline knows); `ita_table` whether the table is one the pipeline maps or that names
    the assessment.
    """
    text = row_text(row)
    if row is header:
        return HEADER
    if not text:
        return BLANK
    if is_page_number(text):
        return PAGE_NUMBER
    if header is not None and squashed(row) == squashed(header):
        return REPEATED_HEADER
    if header is None and _reads_as_header(row):
        return HEADER
    if _is_grading_band(text):
        return GRADING_BANDS
    if _only(_WEIGHT, text):
        return WEIGHTS
    return None if ita_table else NOT_ITA_TABLE
