"""pipeline.extract.column_roles: what a column means, read from the wording of its header."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from parsers.model import Row, Table
from pipeline.extract.column_roles import ColumnRole, column_role, view

MakeRow = Callable[..., Row]
MakeTable = Callable[..., Table]

HEADER_ROLES: list[tuple[str, str]] = [
    ("มาตรการ/แนวทาง", "measure"),
    ("มาตรการ/โครงการ/กิจกรรม", "measure"),
    ("มาตรการ/กิจกรรม", "measure"),
    ("แนวทางในการยกระดับการประเมิน", "measure"),
    ("ประเด็นที่ต้องพัฒนา", "topic"),
    ("ผู้รับผิดชอบ", "responsible"),
    ("ผู้รับผิดชอบ/ ผู้ที่เกี่ยวข้อง", "responsible"),
    ("หน่วยงานรับผิดชอบ", "responsible"),
    ("ระยะเวลา", "period"),
    ("ระยะเวลาดำเนินการ", "period"),
    ("ระยะเวลา ดำเนินการ", "period"),
    ("ระยะเวลาในการดำเนินการ", "period"),
    ("ผลการดำเนินงาน", "result"),
    ("ผลการดำเนินการ", "result"),
    ("การติดตามผล", "result"),
    ("สรุปผลการดำเนินการตามมาตรการหรือกิจกรรม", "result"),
    ("ความก้าวหน้าผลการดำเนินการ", "result"),
    ("ผลลัพธ์หรือความสำเร็จ", "outcome"),
    ("ผลลัพธ์หรือความสำเร็จ ของการดำเนินงาน", "outcome"),
    ("ข้อเสนอแนะ", "suggestion"),
    ("หมายเหตุ", "suggestion"),
    ("ขั้นตอน/วิธีการปฏิบัติ", "method"),
    ("วิธีดำเนินการ", "method"),
    ("ผลการประเมิน", "score"),
    ("หัวข้อ", "topic"),
    ("ข้อ", "item_code"),
    ("ข้อมูล", "item_title"),
    ("องค์ประกอบด้านข้อมูล", "item_detail"),
    ("แบบ", "tool"),
    ("ลำดับ", "seq"),
]


@pytest.mark.parametrize(("header", "role"), HEADER_ROLES)
def test_column_role_of_header_wording(header: str, role: str) -> None:
    assert column_role(header) == ColumnRole(role)


@pytest.mark.parametrize(("header", "year"), [
    ("ปี 2566", 2566),
    ("พ.ศ. ๒๕๖๗", 2567),
    ("คะแนน ITA 2565", 2565),
])
def test_year_header_is_a_score_column_of_that_year(header: str, year: int) -> None:
    assert column_role(header) == ColumnRole("score_year", year)


@pytest.mark.parametrize("header", ["ระยะเวลา\nดำเนินการ", " ผู้รับผิดชอบ ", "ข้อ มูล"])
def test_line_breaks_and_spaces_inside_a_header_do_not_change_its_role(header: str) -> None:
    assert column_role(header) == column_role("".join(header.split()))
    assert column_role(header) is not None


@pytest.mark.parametrize("header", ["", "อื่นๆ", "รวม"])
def test_header_without_a_known_meaning_has_no_role(header: str) -> None:
    assert column_role(header) is None


def test_view_reads_the_role_of_each_header_cell(row: MakeRow, table: MakeTable) -> None:
    tv = view(table(
        row("ลำดับ", "มาตรการ/กิจกรรม", "อื่นๆ", "ผู้รับผิดชอบ"),
        row("1", "จัดทำคู่มือ", "-", "สำนักปลัด"),
    ))
    assert tv is not None
    assert tv.roles == {
        0: ColumnRole("seq"), 1: ColumnRole("measure"), 3: ColumnRole("responsible"),
    }
    assert [r.texts for r in tv.rows] == [["1", "จัดทำคู่มือ", "-", "สำนักปลัด"]]
    assert tv.cell(tv.rows[0], "responsible") == "สำนักปลัด"


def test_view_is_none_when_only_one_header_cell_has_a_role(
    row: MakeRow, table: MakeTable
) -> None:
    assert view(table(row("มาตรการ", "อื่นๆ", "รวม"), row("จัดทำคู่มือ", "-", "1"))) is None


def test_view_is_none_when_no_header_cell_has_a_role(row: MakeRow, table: MakeTable) -> None:
    assert view(table(row("อื่นๆ", "รวม"), row("ก", "1"))) is None


def test_view_with_two_year_columns_keeps_both_years(row: MakeRow, table: MakeTable) -> None:
    tv = view(table(
        row("ตัวชี้วัด", "ปี 2565", "ปี 2566"), row("การใช้อำนาจ", "95.50", "97.25"),
    ))
    assert tv is not None
    assert [tv.roles[i] for i in tv.columns("score_year")] == [
        ColumnRole("score_year", 2565), ColumnRole("score_year", 2566),
    ]
