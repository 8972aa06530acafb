"""Measures tables: one output row per logical row, continuations joined, blanks inherited."""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from normalise.codes import find_indicator_refs, find_item_codes
from normalise.dates import parse_period
from normalise.text import clean_text
from normalise.units import looks_like_unit, split_units
from normalise.vocabulary import LEADING_SEQ_NUMBER
from parsers.model import Row
from pipeline.extract import subjects
from pipeline.extract.column_roles import TableView
from pipeline.extract.item_status import read_status
from pipeline.extract.ledger import MEASURES, Ledger
from pipeline.extract.non_data import is_page_number, row_text
from pipeline.extract.score_prose import named_indicators
from pipeline.extract.section_headings import split_glued_heading
from pipeline.ita.findings import INFO, Finding
from pipeline.output.schema import Row as OutRow

TEXT_ROLES = ("topic", "measure", "method", "responsible", "period", "result", "outcome",
              "suggestion")
_SWAPPABLE = ("method", "result", "outcome", "suggestion")
_CONTINUED = regex.compile(r"^\s*\(?ต่อ\)?\s*$|^\s*\(ต่อ\)")
_NUMBERING = regex.compile(LEADING_SEQ_NUMBER)


def is_measures_table(tv: TableView) -> bool:
    return tv.has("measure") and tv.any_of("responsible", "period", "method", "result", "outcome")


@dataclass
class _Draft:
    fields: dict[str, str]
    page_start: int | None
    page_end: int | None
    rows: list[Row] = field(default_factory=list)

    def join(self, other: dict[str, str], row: Row) -> None:
        """Append a continuation row's text; a cell repeated as-is is not repeated."""
        for role, text in other.items():
            old = self.fields.get(role, "")
            if text and clean_text(text) != clean_text(old):
                self.fields[role] = f"{old}\n{text}" if old else text
        self.page_end = row.page_end or self.page_end
        self.rows.append(row)


def _fields(tv: TableView, row: Row) -> dict[str, str]:
    texts = {role: tv.cell(row, role) for role in TEXT_ROLES}
    if not texts["topic"]:
        texts["topic"] = tv.cell(row, "indicator")
    texts = {role: split_glued_heading(text)[0] for role, text in texts.items()}
    seq = tv.cell(row, "seq")
    texts["seq"] = seq
    return texts


def _is_continuation(fields: dict[str, str], row: Row, has_previous: bool) -> bool:
    if not has_previous:
        return False
    if any(_CONTINUED.match(fields[r]) for r in ("seq", "topic", "measure") if fields[r]):
        return True
    keys_blank = not any(fields[r].strip() for r in ("seq", "topic", "measure"))
    return row.after_break and keys_blank


def _swap_misplaced_units(fields: dict[str, str], seq: int, findings: list[Finding]) -> None:
    """When the responsible cell holds no unit and another cell holds only units, swap them."""
    units = split_units(fields["responsible"])
    if not units or any(looks_like_unit(u) for u in units):
        return
    for role in _SWAPPABLE:
        candidate = split_units(fields[role])
        if candidate and all(looks_like_unit(u) for u in candidate):
            fields["responsible"], fields[role] = fields[role], fields["responsible"]
            findings.append(Finding(
                INFO, "COLUMN_MISMATCH",
                f"Measure {seq} has its responsible units in the {role} column and other text "
                f"under the responsible column; the two were read the other way round.",
                evidence=clean_text(fields["responsible"])))
            return


def _indicators(fields: dict[str, str]) -> list[str]:
    text = "\n".join(fields[r] for r in TEXT_ROLES if r != "responsible")
    found = find_indicator_refs(text) + named_indicators(text) + find_item_codes(text)
    if fields["topic"]:
        topic = subjects.named(_NUMBERING.sub("", clean_text(fields["topic"])))
        if topic.scope != subjects.QUESTION and topic.code:
            found.insert(0, topic.code)
    return list(dict.fromkeys(found))


def _optional(text: str) -> str | None:
    return clean_text(text) or None


def extract_measures(
    tables: list[TableView], doc_id: str, org_id: str | None, fiscal_year: int | None,
    findings: list[Finding], ledger: Ledger,
) -> list[OutRow]:
    """One row per logical row of the tables; the table rows each was read from go into the
    ledger."""
    drafts: list[tuple[_Draft, str]] = []
    for tv in tables:
        stage = "report" if tv.any_of("result", "outcome") else "plan"
        previous: _Draft | None = None
        for row in tv.rows:
            fields = _fields(tv, row)
            if not any(v.strip() for v in fields.values()) or is_page_number(row_text(row)):
                continue
            if previous is not None and _is_continuation(fields, row, True):
                fields = {k: ("" if _CONTINUED.match(v) else v) for k, v in fields.items()}
                previous.join(fields, row)
                continue
            if previous is not None:
                for role in ("topic", "measure"):
                    if not fields[role].strip():
                        fields[role] = previous.fields[role]
            previous = _Draft(fields, row.page_start, row.page_end, [row])
            drafts.append((previous, stage))

    out: list[OutRow] = []
    for seq, (draft, stage) in enumerate(drafts, start=1):
        f = draft.fields
        for row in draft.rows:
            ledger.read(row, MEASURES)
        _swap_misplaced_units(f, seq, findings)
        status, result = read_status(f["result"])
        period_text = _optional(f["period"])
        start, end = parse_period(period_text, fiscal_year) if period_text else (None, None)
        out.append({
            "doc_id": doc_id, "org_id": org_id, "fiscal_year": fiscal_year, "stage": stage,
            "seq": seq, "topic": _optional(f["topic"]),
            "measure": clean_text(f["measure"]) or clean_text(f["topic"]),
            "method": _optional(f["method"]), "responsible": split_units(f["responsible"]),
            "period_text": period_text, "period_start": start, "period_end": end,
            "result": result or None, "outcome": _optional(f["outcome"]),
            "suggestion": _optional(f["suggestion"]), "indicators": _indicators(f),
            "page_start": draft.page_start, "page_end": draft.page_end, "status": status,
            "inherited": [],
        })
    return out
