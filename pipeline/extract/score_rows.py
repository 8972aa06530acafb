"""Rows of a score table that are not indicators: the total (`คะแนนเฉลี่ย`, `ภาพรวม`), the
grades of the total (`ระดับ`), the change between two years (`ผลต่าง`).

A row is one of these when a cell left of the table's value columns is, whole, one of the row
labels of `normalise.vocabulary` (`OVERALL_ROW`, `TOTAL_ROW`, `GRADE_ROW`, `CHANGE_ROW`), with
spaces, brackets, list numbering and typists' doubled vowels (`คะเเนน`) ignored.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex
from pythainlp.util import normalize

from normalise.text import clean_text
from normalise.vocabulary import CHANGE_ROW, GRADE_ROW, LEADING_LIST_MARK, OVERALL_ROW, TOTAL_ROW
from parsers.model import Row
from pipeline.extract import subjects
from pipeline.extract.column_roles import TableView
from pipeline.extract.subjects import INDICATOR, OVERALL, TOOL, Subject

SCORE_ROLES = ("score", "score_year")
"""Columns whose cells are scores."""
VALUE_ROLES = (*SCORE_ROLES, "change", "grade", "respondents")
"""Columns whose cells are values, never a row's label."""

TOTAL, GRADE, CHANGE = "total", "grade", "change"
_LABELS = tuple((kind, regex.compile(pattern, regex.IGNORECASE)) for kind, pattern in (
    (CHANGE, CHANGE_ROW), (GRADE, GRADE_ROW), (OVERALL, OVERALL_ROW), (TOTAL, TOTAL_ROW)))
_NUMBERING = regex.compile(LEADING_LIST_MARK)
_NOISE = regex.compile(r"[\s()\[\]{}:*]+")


@dataclass(frozen=True)
class RowLabel:
    kind: str
    """OVERALL (names the overall score), TOTAL (the table's average or total), GRADE, CHANGE."""
    text: str
    """The label as written, cleaned."""


@lru_cache(maxsize=1 << 10)
def _key(text: str) -> str:
    """A label as compared: doubled vowels and marks repaired, no numbering, spaces, brackets."""
    return _NOISE.sub("", _NUMBERING.sub("", normalize(clean_text(text))))


def row_label(tv: TableView, row: Row) -> RowLabel | None:
    """The row's label when it is a total, grade or change row, else None."""
    texts = tv.grids[id(row)]
    first_value = min(tv.columns("score") + tv.columns("score_year"), default=len(texts))
    for col, text in enumerate(texts[:first_value]):
        role = tv.roles.get(col)
        if (role and role.role in VALUE_ROLES) or not (key := _key(text)):
            continue
        for kind, pattern in _LABELS:
            if pattern.fullmatch(key):
                return RowLabel(kind, clean_text(text))
    return None


def total_of(label: RowLabel, group: list[Subject]) -> Subject | None:
    """What a total row scores, given what the rows since the table's last total score: the
    overall score, or one tool's when those rows are all indicators of that tool; None when
    they are all parts of one tool smaller than an indicator (sub-indicators, O-items)."""
    if label.kind == OVERALL:
        return subjects.overall(label.text)
    tools = {s.tool for s in group}
    if len(tools) != 1 or None in tools or any(s.scope in (OVERALL, TOOL) for s in group):
        return subjects.overall(label.text)
    if all(s.scope == INDICATOR for s in group):
        return subjects.tool(tools.pop(), label.text)
    return None
