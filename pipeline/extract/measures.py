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
from pipeline.extract.o_items import is_oitem_table
from pipeline.extract.score_prose import named_indicators
from pipeline.extract.section_headings import split_glued_heading
from pipeline.ita.findings import INFO, Finding
from pipeline.output.schema import Row as OutRow

TEXT_ROLES = ("topic", "measure", "method", "responsible", "period", "result", "outcome",
              "suggestion")
_SWAPPABLE = ("method", "result", "outcome", "suggestion")
_ALWAYS_INHERITED = ("topic", "measure")
"""Fields a blank cell inherits from the row above in any case."""
_GROUP_FIELDS = ("responsible", "period")
"""Fields a blank cell inherits from the row above within one measure group only."""
INHERITED_NAMES = {"measure": "measure", "topic": "topic", "responsible": "responsible",
                   "period": "period_text"}
"""Fields that may be filled from the row above, in the order `inherited` lists them, and the
output column each fills."""
_CONTINUED = regex.compile(r"^\s*\(?ต่อ\)?\s*$|^\s*\(ต่อ\)")
_NUMBERING = regex.compile(LEADING_SEQ_NUMBER)
_DETAILS = ("method", "responsible", "period", "result", "outcome")
"""Columns beside a measure column that make its table a measures table."""
_PLAN_DETAILS = ("method", "responsible", "period")
"""Columns beside a topic column that make it the measures of a measures table (a topic with
only a result beside it is an analysis, not a plan of measures)."""


def _measure_role(tv: TableView) -> str:
    """The column of the measures: the measure column, else (`ประเด็นที่ต้องพัฒนา` beside a
    responsible unit and a period) the topic column, which then gives no topic."""
    return "measure" if tv.has("measure") else "topic"


def is_measures_table(tv: TableView) -> bool:
    """A measure column beside a method, responsible, period, result or outcome column; or,
    with no measure column, a topic column beside a method, responsible or period column (a
    topic column of an O-item table is not a measure)."""
    if tv.has("measure"):
        return tv.any_of(*_DETAILS)
    return tv.has("topic") and tv.any_of(*_PLAN_DETAILS) and not is_oitem_table(tv)


def _sources(tv: TableView) -> dict[str, tuple[str, ...]]:
    """The column roles each field is read from, the first with text winning."""
    measure = _measure_role(tv)
    topic = ("topic", "indicator") if measure == "measure" else ("indicator",)
    return {"topic": topic, "measure": (measure,)} | {
        r: (r,) for r in TEXT_ROLES if r not in ("topic", "measure")}


@dataclass
class _Draft:
    fields: dict[str, str]
    page_start: int | None
    page_end: int | None
    rows: list[Row] = field(default_factory=list)
    inherited: set[str] = field(default_factory=set)
    """Fields filled from the row above: by a cell merged down, or a blank one inheriting."""

    def join(self, other: dict[str, str], row: Row) -> None:
        """Append a continuation row's text; a cell repeated as-is is not repeated."""
        for role, text in other.items():
            old = self.fields.get(role, "")
            if text and clean_text(text) != clean_text(old):
                self.fields[role] = f"{old}\n{text}" if old else text
        self.page_end = row.page_end or self.page_end
        self.rows.append(row)


def _fields(tv: TableView, sources: dict[str, tuple[str, ...]],
            row: Row) -> tuple[dict[str, str], set[str]]:
    """The row's text per field (read from the table's `sources`), and the fields whose cells
    Word merged down from the row above. A merged cell of a field that is never inherited
    (method, result …) reads as blank: its text belongs to the row the merge starts in."""
    texts: dict[str, str] = {}
    merged: set[str] = set()
    for name, roles in sources.items():
        cells = ((r, text) for r in roles if (text := tv.cell(row, r)))
        role, text = next(cells, (roles[0], ""))
        texts[name] = split_glued_heading(text)[0]
        if text and tv.from_above(row, role):
            if name in INHERITED_NAMES:
                merged.add(name)
            else:
                texts[name] = ""
    texts["seq"] = tv.cell(row, "seq")
    return texts, merged


def _inherit(fields: dict[str, str], above: dict[str, str], merged: set[str]) -> set[str]:
    """Fill the row's blank cells from the row above: topic and measure always, responsible
    and period within one measure group (the row's measure came from above). The fields filled,
    with those merged down."""
    filled = set(merged)
    for name in _ALWAYS_INHERITED:
        if not fields[name].strip() and above[name].strip():
            fields[name] = above[name]
            filled.add(name)
    if "measure" in filled:
        for name in _GROUP_FIELDS:
            if not fields[name].strip() and above[name].strip():
                fields[name] = above[name]
                filled.add(name)
    return filled


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
        sources = _sources(tv)
        for row in tv.rows:
            fields, merged = _fields(tv, sources, row)
            own = [v for k, v in fields.items() if k not in merged]
            if not any(v.strip() for v in own) or is_page_number(row_text(row)):
                continue
            if previous is not None and _is_continuation(fields, row, True):
                fields = {k: ("" if _CONTINUED.match(v) else v) for k, v in fields.items()}
                previous.join(fields, row)
                continue
            inherited = merged if previous is None else _inherit(fields, previous.fields, merged)
            previous = _Draft(fields, row.page_start, row.page_end, [row], inherited)
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
            "inherited": [out for name, out in INHERITED_NAMES.items()
                          if name in draft.inherited],
        })
    return out
