"""Score rows: from score tables (by column meaning) and from prose, one row per score."""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from normalise.digits import parse_number, to_arabic_digits
from normalise.text import clean_text
from parsers.model import Row
from pipeline.extract import score_rows, subjects
from pipeline.extract.column_roles import TableView
from pipeline.extract.ledger import FINDINGS, SCORES, Ledger
from pipeline.extract.non_data import row_text
from pipeline.extract.score_prose import Mention
from pipeline.extract.score_rows import SCORE_ROLES
from pipeline.extract.subjects import Subject
from pipeline.ita.findings import INFO, WARNING, Finding
from pipeline.ita.framework import framework
from pipeline.ita.vocabulary import GRADE_LETTERS, PASS_FAIL
from pipeline.output.schema import Row as OutRow

TABLE, TEXT = "table", "text"
_GRADE_VALUES = {*GRADE_LETTERS, *PASS_FAIL}


@dataclass
class ScoreSheet:
    """Collects a document's scores: one row per (year, scope, code/name), conflicts reported."""

    doc_id: str
    org_id: str | None
    findings: list[Finding]
    rows: list[OutRow] = field(default_factory=list)
    _index: dict[tuple[int, str, str | None], OutRow] = field(default_factory=dict)

    def add(self, subject: Subject, year: int, score: float, *, source: str, evidence: str,
            page: int | None = None, grade: str | None = None,
            respondents: int | None = None) -> str:
        """Record a score; where it went: SCORES (kept, or already there), or FINDINGS."""
        evidence = clean_text(evidence)
        if not 0 <= score <= 100:
            self.findings.append(Finding(
                WARNING, "SCORE_OUT_OF_RANGE",
                f"A score of {score:g} is outside 0-100; it was not recorded.", page, evidence))
            return FINDINGS
        key = (year, subject.scope, subject.key)
        if (old := self._index.get(key)) is not None:
            if old["score"] != score:
                what = subject.key or subject.scope
                self.findings.append(Finding(
                    WARNING, "CONFLICTING_SCORE",
                    f"The {subject.scope} score {what} for {year} is given as {old['score']:g} "
                    f"and as {score:g}; the first is kept.", page, evidence))
                return FINDINGS
            if grade:
                self._set_grade(old, grade, page, evidence)
            old["respondents"] = old["respondents"] or respondents
            return SCORES
        row = {
            "doc_id": self.doc_id, "org_id": self.org_id, "assessment_year": year,
            "scope": subject.scope, "tool": subject.tool, "code": subject.code,
            "name": clean_text(subject.name) if subject.name else None, "score": score,
            "grade": grade, "respondents": respondents, "source": source, "page": page,
            "evidence": evidence,
        }
        self._index[key] = row
        self.rows.append(row)
        return SCORES

    def grade(self, subject: Subject, year: int, grade: str, *, page: int | None,
              evidence: str) -> str | None:
        """Give a recorded score the grade a row of its own states; where the grade went
        (SCORES, or FINDINGS when the score has another grade), None when no such score."""
        if (row := self._index.get((year, subject.scope, subject.key))) is None:
            return None
        return self._set_grade(row, grade, page, clean_text(evidence))

    def _set_grade(self, row: OutRow, grade: str, page: int | None, evidence: str) -> str:
        """Set a score's grade, its evidence joined on; a second, different grade: a finding."""
        if row["grade"] in (None, grade):
            if row["grade"] is None and evidence not in row["evidence"]:
                row["evidence"] = f"{row['evidence']}; {evidence}"
            row["grade"] = grade
            return SCORES
        what = row["code"] or row["name"]
        self.findings.append(Finding(
            WARNING, "CONFLICTING_SCORE",
            f"The {row['scope']} score {what} for {row['assessment_year']} is graded "
            f"{row['grade']} and {grade}; the first is kept.", page, evidence))
        return FINDINGS

    def not_attributed(self, score: float, missing: str, page: int | None, evidence: str) -> str:
        """A score whose text does not say `missing` (what it scores, its ITA year): a finding."""
        self.findings.append(Finding(
            INFO, "SCORE_NOT_ATTRIBUTED",
            f"A score of {score:g} was not recorded: the text does not say {missing}.",
            page, clean_text(evidence)))
        return FINDINGS

    def add_mention(self, mention: Mention, year: int, page: int | None) -> str:
        assert mention.subject is not None
        return self.add(mention.subject, year, mention.score, source=TEXT,
                        evidence=mention.evidence, page=page, grade=mention.grade,
                        respondents=mention.respondents)


def is_score_table(tv: TableView) -> bool:
    return tv.any_of(*SCORE_ROLES)


def _label(tv: TableView, row: Row) -> str:
    for role in ("indicator", "topic", "item_title", "measure", "tool"):
        if text := tv.cell(row, role):
            return text
    unlabelled = [i for i in range(len(tv.grids[id(row)])) if i not in tv.roles]
    return tv.text(row, unlabelled[0]) if unlabelled else ""


def _grade(text: str) -> str | None:
    value = clean_text(text)
    return PASS_FAIL.get(value, value) if value in _GRADE_VALUES else None


_UP, _DOWN, _SAME = "เพิ่มขึ้น", "ลดลง", ("คงที่", "เท่าเดิม", "ไม่เปลี่ยนแปลง")
_SIGNED = regex.compile(r"^\s*[+-]\d")


def _is_change(text: str) -> bool:
    """A score cell that states a change (`+2.41`, `เพิ่มขึ้น 1.52`), never a score."""
    text = to_arabic_digits(text)
    return bool(_SIGNED.match(text)) or any(word in text for word in (_UP, _DOWN, *_SAME))


def _contradicts(text: str, delta: float) -> bool | None:
    """Whether a stated change (a number, up, down, the same) contradicts a change of `delta`;
    None when the text states no change."""
    text = clean_text(text)
    tolerance = framework().total_tolerance
    if (stated := parse_number(text)) is not None:
        wrong_sign = (stated < 0 < delta) or (text.startswith("+") and delta < 0)
        return abs(abs(stated) - abs(delta)) > tolerance or wrong_sign
    if _UP in text:
        return delta <= 0
    if _DOWN in text:
        return delta >= 0
    if any(word in text for word in _SAME):
        return abs(delta) > tolerance
    return None


@dataclass
class _TableRead:
    """A score table read row by row, with what its total, grade and change rows refer to."""

    tv: TableView
    sheet: ScoreSheet
    year: int | None
    ledger: Ledger
    tool_hint: str | None = None
    group: list[Subject] = field(default_factory=list)
    """What the rows since the last total row score: what the next total row totals."""
    total: Subject | None = field(default_factory=subjects.overall)
    """What the last total row scores, whose grades a grade row gives (None: not named)."""
    last_by_year: dict[int, float] = field(default_factory=dict)
    """The scores by year of the last row read, whose change a change row states."""

    def row(self, row: Row) -> None:
        if tool_cell := self.tv.cell(row, "tool"):
            self.tool_hint = framework().find_tool(tool_cell) or self.tool_hint
        label = score_rows.row_label(self.tv, row)
        if label is not None and label.kind == score_rows.GRADE:
            self._grades(row)
        elif label is not None and label.kind == score_rows.CHANGE:
            self._change_row(row)
        elif label is not None:
            self.total, self.group = score_rows.total_of(label, self.group), []
            self._scores(row, self.total)
        elif (subject := subjects.from_label(_label(self.tv, row), self.tool_hint)) is not None:
            if subject.scope == subjects.OVERALL:
                self.total, self.group = subject, []
            else:
                self.group.append(subject)
            self._scores(row, subject)

    def _scores(self, row: Row, subject: Subject | None) -> None:
        """Read the row's score cells as `subject`'s (None: a total the table does not name);
        changes stated in the row are checked against its scores."""
        evidence = row_text(row)
        respondents = parse_number(self.tv.cell(row, "respondents"))
        grade = _grade(self.tv.cell(row, "grade"))
        changes = [self.tv.text(row, col) for col in self.tv.columns("change")]
        by_year: dict[int, float] = {}
        for col, role in self.tv.roles.items():
            text = self.tv.text(row, col)
            if role.role not in SCORE_ROLES:
                continue
            if _is_change(text):
                changes.append(text)
                continue
            if (score := parse_number(text)) is None:
                continue
            col_year = role.year or self.year
            if subject is None or col_year is None:
                missing = "what it scores" if subject is None else "its ITA year"
                self.ledger.read(row, self.sheet.not_attributed(score, missing, row.page_start,
                                                                evidence))
                continue
            if role.year:
                by_year[role.year] = score
            self.ledger.read(row, self.sheet.add(
                subject, col_year, score, source=TABLE, evidence=evidence, page=row.page_start,
                grade=grade, respondents=int(respondents) if respondents is not None else None))
        if by_year:
            self.last_by_year = by_year
        self._check_changes(row, by_year, changes)

    def _grades(self, row: Row) -> None:
        """A grade row: each score column's grade goes to the total's score of that column's
        year; the row is placed only when every cell found its score, else UNREAD_ROWS names it."""
        places: list[str | None] = []
        for col, role in self.tv.roles.items():
            if role.role not in SCORE_ROLES or not (text := self.tv.text(row, col).strip()):
                continue
            grade, year = _grade(text), role.year or self.year
            places.append(self.sheet.grade(self.total, year, grade, page=row.page_start,
                                           evidence=row_text(row))
                          if grade and year and self.total else None)
        if places and None not in places:
            for place in places:
                self.ledger.read(row, place)

    def _change_row(self, row: Row) -> None:
        """A change row, checked against the scores of the row above it; with nothing there to
        check it against, it is left for UNREAD_ROWS."""
        stated = [self.tv.text(row, col) for col, role in self.tv.roles.items()
                  if role.role in (*SCORE_ROLES, "change")]
        if (wrong := self._check_changes(row, self.last_by_year, stated)) is not None:
            self.ledger.read(row, FINDINGS if wrong else SCORES)

    def _check_changes(self, row: Row, by_year: dict[int, float], stated: list[str]) -> bool | None:
        """Whether a stated change contradicts the first and last years' scores (then a
        CHANGE_LABEL_MISMATCH finding); None when no change could be checked."""
        if len(by_year) < 2:
            return None
        (y0, s0), (y1, s1) = min(by_year.items()), max(by_year.items())
        verdicts = [(text, wrong) for text in stated
                    if (wrong := _contradicts(text, s1 - s0)) is not None]
        if not verdicts:
            return None
        if (text := next((t for t, wrong in verdicts if wrong), None)) is None:
            return False
        self.sheet.findings.append(Finding(
            WARNING, "CHANGE_LABEL_MISMATCH",
            f"The change is given as '{clean_text(text)}' but the score went from {s0:g} ({y0}) "
            f"to {s1:g} ({y1}), a change of {s1 - s0:+.2f}.", row.page_start, row_text(row)))
        return True


def table_scores(tv: TableView, sheet: ScoreSheet, year: int | None, ledger: Ledger) -> None:
    """Read every score cell of a score table; `year` applies to columns not headed by a year.
    Total, grade and change rows are read as `score_rows` tells them apart; each row a value
    was read from goes into the ledger."""
    reading = _TableRead(tv, sheet, year, ledger)
    for row in tv.rows:
        reading.row(row)
