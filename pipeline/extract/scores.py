"""Score rows: from score tables (by column meaning) and from prose, one row per score."""

from __future__ import annotations

from dataclasses import dataclass, field

from normalise.digits import parse_number
from normalise.text import clean_text
from parsers.model import Row
from pipeline.extract import subjects
from pipeline.extract.column_roles import TableView
from pipeline.extract.ledger import FINDINGS, SCORES, Ledger
from pipeline.extract.score_prose import Mention
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
            old["grade"] = old["grade"] or grade
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
    return tv.any_of("score", "score_year")


def _label(tv: TableView, row: Row) -> str:
    for role in ("indicator", "topic", "item_title", "measure"):
        if text := tv.cell(row, role):
            return text
    unlabelled = [i for i in range(len(tv.grids[id(row)])) if i not in tv.roles]
    return tv.text(row, unlabelled[0]) if unlabelled else ""


def _grade(text: str) -> str | None:
    value = clean_text(text)
    return PASS_FAIL.get(value, value) if value in _GRADE_VALUES else None


_UP, _DOWN, _SAME = "เพิ่มขึ้น", "ลดลง", ("คงที่", "เท่าเดิม", "ไม่เปลี่ยนแปลง")


def _change_finding(tv: TableView, row: Row, by_year: dict[int, float]) -> Finding | None:
    """A change column that contradicts the two scores beside it."""
    if len(by_year) < 2:
        return None
    (y0, s0), (y1, s1) = sorted(by_year.items())[0], sorted(by_year.items())[-1]
    delta = s1 - s0
    tolerance = framework().total_tolerance
    for col in tv.columns("change"):
        text = clean_text(tv.text(row, col))
        stated = parse_number(text)
        if stated is not None:
            wrong = abs(abs(stated) - abs(delta)) > tolerance or (stated < 0 < delta)
        elif _UP in text:
            wrong = delta <= 0
        elif _DOWN in text:
            wrong = delta >= 0
        elif any(word in text for word in _SAME):
            wrong = abs(delta) > tolerance
        else:
            continue
        if wrong:
            return Finding(
                WARNING, "CHANGE_LABEL_MISMATCH",
                f"The change is given as '{text}' but the score went from {s0:g} ({y0}) "
                f"to {s1:g} ({y1}), a change of {delta:+.2f}.",
                row.page_start, " | ".join(c.text for c in row.cells if c.text.strip()))
    return None


def table_scores(tv: TableView, sheet: ScoreSheet, year: int | None, ledger: Ledger) -> None:
    """Read every score cell of a score table; `year` applies to columns not headed by a year.
    Each row a score was read from goes into the ledger."""
    tool_hint: str | None = None
    for row in tv.rows:
        if tool_cell := tv.cell(row, "tool"):
            tool_hint = framework().find_tool(tool_cell) or tool_hint
        subject = subjects.from_label(_label(tv, row), tool_hint=tool_hint)
        if subject is None:
            continue
        evidence = " | ".join(c.text for c in row.cells if c.text.strip())
        respondents = parse_number(tv.cell(row, "respondents"))
        by_year: dict[int, float] = {}
        for col, role in tv.roles.items():
            if role.role not in ("score", "score_year"):
                continue
            score = parse_number(tv.text(row, col))
            col_year = role.year or year
            if score is None:
                continue
            if col_year is None:
                ledger.read(row, sheet.not_attributed(score, "its ITA year", row.page_start,
                                                      evidence))
                continue
            if role.year:
                by_year[role.year] = score
            ledger.read(row, sheet.add(
                subject, col_year, score, source=TABLE, evidence=evidence, page=row.page_start,
                grade=_grade(tv.cell(row, "grade")),
                respondents=int(respondents) if respondents is not None else None))
        if finding := _change_finding(tv, row, by_year):
            sheet.findings.append(finding)
