"""What a table's columns mean, read from their headers, never from their position.

`ROLE_PATTERNS` is plain data: (role, pattern) pairs tried in order against a
header with all whitespace removed (headers arrive broken by spaces:
`ระยะเวลา ดำเนินการ`). The first pattern that matches gives the role.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from normalise.digits import to_arabic_digits
from normalise.vocabulary import YEAR_HEADER
from parsers.model import Row, Table

ROLE_PATTERNS: tuple[tuple[str, str], ...] = (
    ("outcome", r"^ผลลัพธ์"),
    ("result", r"^(?:สรุปผล|ผลการดำเนิน|ผลดำเนิน|ผลการปฏิบัติ|การติดตามผล|ติดตามผล|ความก้าวหน้า)"),
    ("score", r"^(?:ผลการประเมิน|ผลคะแนน|คะแนน|ค่าคะแนน)"),
    ("responsible", r"^(?:ผู้รับผิดชอบ|หน่วยงาน(?:ที่)?รับผิดชอบ|ผู้ที่เกี่ยวข้อง|ส่วนราชการ)"),
    ("period", r"^(?:ระยะเวลา|ช่วงเวลา|กำหนดเวลา|ห้วงเวลา|เวลาดำเนินการ)"),
    ("method", r"^(?:วิธีการ|วิธีดำเนินการ|วิธีปฏิบัติ|ขั้นตอน|แนวทางการดำเนินการ)"),
    ("measure", r"^(?:มาตรการ|มาตราการ|แนวทาง|โครงการ|กิจกรรม|ประเด็นที่ต้อง)"),
    ("suggestion", r"^(?:ข้อเสนอแนะ|หมายเหตุ)"),
    ("seq", r"^(?:ลำดับ|ที่$)"),
    ("tool", r"^(?:แบบ$|แบบวัด|แบบตรวจ|เครื่องมือ)"),
    ("item_code", r"^(?:ข้อ$|ข้อที่$|รหัส)"),
    ("item_title", r"^(?:ข้อมูล$|รายการ|ชื่อข้อมูล)"),
    ("item_detail", r"^(?:องค์ประกอบ|รายละเอียด)"),
    ("indicator", r"^(?:ตัวชี้วัด|ประเด็นการประเมิน|หัวข้อการประเมิน)"),
    ("topic", r"^(?:หัวข้อ|ประเด็น)"),
    ("grade", r"^ระดับ"),
    ("respondents", r"^(?:จำนวนผู้ตอบ|ผู้ตอบ|จำนวนผู้)"),
    ("status_not_done", r"^(?:ยังไม่|ไม่ได้ดำเนินการ|ไม่ดำเนินการ)"),
    ("status_done", r"^(?:ดำเนินการแล้ว|ดำเนินการ$)"),
    ("change", r"^(?:ผลต่าง|เพิ่มขึ้น|ลดลง|การเปลี่ยนแปลง|ความแตกต่าง)"),
)
_COMPILED = tuple((role, regex.compile(p)) for role, p in ROLE_PATTERNS)

_YEAR_HEADER = regex.compile(
    rf"^(?:ผล)?(?:คะแนน)?(?:ITA)?(?:ประจำ)?(?:ปี)?(?:งบประมาณ)?(?:พ\.ศ\.?)?({YEAR_HEADER})$"
)
"""A column headed by a year (`ปี 2566`, `พ.ศ.2566`, `คะแนน ITA 2566`): scores of that year."""


@dataclass(frozen=True)
class ColumnRole:
    role: str
    year: int | None = None


def column_role(header: str) -> ColumnRole | None:
    key = "".join(to_arabic_digits(header).split())
    if m := _YEAR_HEADER.match(key):
        return ColumnRole("score_year", int(m.group(1)))
    for role, pattern in _COMPILED:
        if pattern.search(key):
            return ColumnRole(role)
    return None


def grid_texts(table: Table) -> list[list[str]]:
    """Each row's text per grid column: a spanned cell's text once, merged cells inherited."""
    width = max((sum(c.col_span for c in r.cells) for r in table.rows), default=0)
    grids: list[list[str]] = []
    for row in table.rows:
        texts = [""] * width
        pos = 0
        for cell in row.cells:
            if cell.merged_from_above and grids:
                texts[pos] = grids[-1][pos]
            else:
                texts[pos] = cell.text
            pos += cell.col_span
        grids.append(texts)
    return grids


def squashed(row: Row) -> tuple[str, ...]:
    """A row's cell texts without whitespace: what two copies of a header have in common."""
    return tuple("".join(c.text.split()) for c in row.cells)


@dataclass
class TableView:
    """A table seen through its header row: which column plays which role."""

    table: Table
    roles: dict[int, ColumnRole]
    grids: dict[int, list[str]]
    """Grid texts of each row, keyed by `id(row)`."""

    @property
    def rows(self) -> list[Row]:
        """The rows under the header, without rows that repeat it (a header repeated per page)."""
        header = squashed(self.table.rows[0])
        return [row for row in self.table.rows[1:] if squashed(row) != header]

    def text(self, row: Row, col: int) -> str:
        texts = self.grids[id(row)]
        return texts[col] if col < len(texts) else ""

    def has(self, *roles: str) -> bool:
        present = {r.role for r in self.roles.values()}
        return all(r in present for r in roles)

    def any_of(self, *roles: str) -> bool:
        present = {r.role for r in self.roles.values()}
        return any(r in present for r in roles)

    def columns(self, role: str) -> list[int]:
        return [i for i, r in sorted(self.roles.items()) if r.role == role]

    def cell(self, row: Row, role: str) -> str:
        """Text of the row's cells in the role's columns, joined by line breaks."""
        parts = [self.text(row, i) for i in self.columns(role)]
        return "\n".join(p for p in parts if p.strip())


def view(table: Table) -> TableView | None:
    """Read the first row as a header; None when fewer than two of its cells have a role."""
    if len(table.rows) < 2:
        return None
    grids = grid_texts(table)
    roles = {i: r for i, text in enumerate(grids[0]) if (r := column_role(text)) is not None}
    if len(roles) < 2:
        return None
    return TableView(table, roles, {id(row): g for row, g in zip(table.rows, grids, strict=True)})
