"""The audit as matrices, one per assessment year: organisations as rows, items as columns."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from normalise.codes import item_number
from normalise.org import ORG_TYPES
from pipeline.audit.states import MISSING, NotAudited
from pipeline.ita.catalogue import Item
from pipeline.ita.vocabulary import DONE, DONE_LABEL, NOT_DONE, NOT_DONE_LABEL, UNKNOWN
from pipeline.output.schema import Row

STATE_LABELS = {
    DONE: DONE_LABEL,
    NOT_DONE: NOT_DONE_LABEL,
    UNKNOWN: "ไม่ระบุผล",
    MISSING: "ไม่พบในรายงาน",
}
"""What a clerk reads in a cell, by state."""
STATE_COLOURS = {  # (fill, text): green, amber, grey, red
    DONE: ("#C6EFCE", "#006100"),
    NOT_DONE: ("#FFEB9C", "#9C5700"),
    UNKNOWN: ("#E7E6E6", "#404040"),
    MISSING: ("#FFC7CE", "#9C0006"),
}
ORG_TYPE_LABELS = {code: full for code, full, _ in ORG_TYPES}
_ABBREVIATIONS = [(full, abbreviations[0]) for _, full, abbreviations in ORG_TYPES]


@dataclass(frozen=True)
class Organisation:
    org_id: str
    name: str
    org_type: str | None
    province: str | None

    @property
    def short_name(self) -> str:
        """The name with its type abbreviated: องค์การบริหารส่วนตำบลพันชนะ → อบต.พันชนะ."""
        for full, abbreviation in _ABBREVIATIONS:
            if self.name.startswith(full):
                return abbreviation + self.name.removeprefix(full)
        return self.name

    @property
    def type_label(self) -> str:
        return ORG_TYPE_LABELS.get(self.org_type or "", self.org_type or "")


@dataclass
class YearMatrix:
    year: int
    columns: list[Item] = field(default_factory=list)
    """The items of the year, titled as the catalogue titles them."""
    organisations: list[Organisation] = field(default_factory=list)
    cells: dict[tuple[str, str], Row] = field(default_factory=dict)
    """(org_id, code) → the audit row."""

    def state(self, org_id: str, code: str) -> str:
        return self.cells[org_id, code]["state"]

    def org_counts(self, org_id: str) -> Counter[str]:
        return Counter(self.state(org_id, c.code) for c in self.columns)

    def item_counts(self, code: str) -> Counter[str]:
        return Counter(self.state(o.org_id, code) for o in self.organisations)


def matrices(rows: list[Row]) -> list[YearMatrix]:
    """The audit rows as one matrix per year, years ascending; organisations by province and
    name, items by number."""
    by_year: dict[int, YearMatrix] = {}
    orgs: dict[int, dict[str, Organisation]] = {}
    columns: dict[int, dict[str, Item]] = {}
    for row in rows:
        year = row["assessment_year"]
        matrix = by_year.setdefault(year, YearMatrix(year))
        orgs.setdefault(year, {}).setdefault(row["org_id"], Organisation(
            row["org_id"], row["org_name"] or row["org_id"], row["org_type"], row["province"]))
        columns.setdefault(year, {}).setdefault(
            row["code"], Item(row["code"], row["subindicator"], row["catalogue_title"]))
        matrix.cells[row["org_id"], row["code"]] = row
    for year, matrix in by_year.items():
        matrix.columns = sorted(columns[year].values(), key=lambda c: item_number(c.code))
        matrix.organisations = sorted(orgs[year].values(),
                                      key=lambda o: (o.province or "", o.name, o.org_id))
    return [by_year[y] for y in sorted(by_year)]


def not_audited_notes(left: NotAudited) -> list[str]:
    """What the audit left out, in Thai, for the reports a person reads; none when nothing."""
    notes = []
    if left.org_years:
        years = ", ".join(f"ITA {y} ({n} องค์กร)" for y, n in sorted(left.org_years.items()))
        notes.append("ไม่ได้ตรวจ: ปี ITA ที่ไม่มีบัญชีรายการ O-items และรายงานไม่ได้ระบุรายการ "
                     f"O-items — {years}; ระบุบัญชีรายการได้ด้วย ita audit --catalogue")
    if left.documents:
        notes.append(f"ไม่ได้ตรวจ: เอกสาร {left.documents} ฉบับไม่ระบุชื่อองค์กรหรือปี ITA")
    return notes
