"""parsers.tables: one logical table from the pieces a page break cuts it into.

Expected blocks are whole `Table`s, so cell texts and `after_break` marks are both compared.
"""

from __future__ import annotations

from collections.abc import Callable

from parsers.model import Paragraph, Row, Span, Table
from parsers.tables import drop_repeated_headers, stitch_tables

MakeRow = Callable[..., Row]
MakeTable = Callable[..., Table]

HEADER = ("มาตรการ", "ผู้รับผิดชอบ", "ระยะเวลาดำเนินการ")


def test_tables_with_the_same_header_become_one_without_the_repeat(
    row: MakeRow, table: MakeTable
) -> None:
    blocks = stitch_tables([
        table(row(*HEADER), row("จัดทำคู่มือ", "สำนักปลัด", "ต.ค. 65")),
        table(row(*HEADER), row("ประชุมประจำเดือน", "กองคลัง", "ทุกเดือน")),
    ])
    assert blocks == [table(
        row(*HEADER),
        row("จัดทำคู่มือ", "สำนักปลัด", "ต.ค. 65"),
        row("ประชุมประจำเดือน", "กองคลัง", "ทุกเดือน", after_break=True),
    )]


def test_only_the_first_continued_row_is_marked_after_break(
    row: MakeRow, table: MakeTable
) -> None:
    blocks = stitch_tables([
        table(row(*HEADER), row("ก", "สำนักปลัด", "ต.ค. 65"), row("ข", "กองช่าง", "พ.ย. 65")),
        table(row(*HEADER), row("ค", "กองคลัง", "ธ.ค. 65"), row("ง", "กองคลัง", "ม.ค. 66")),
    ])
    assert blocks == [table(
        row(*HEADER),
        row("ก", "สำนักปลัด", "ต.ค. 65"),
        row("ข", "กองช่าง", "พ.ย. 65"),
        row("ค", "กองคลัง", "ธ.ค. 65", after_break=True),
        row("ง", "กองคลัง", "ม.ค. 66"),
    )]


def test_three_pieces_become_one_table_with_each_continuation_marked(
    row: MakeRow, table: MakeTable
) -> None:
    blocks = stitch_tables([table(row(*HEADER), row(f"มาตรการ {n}", "", "")) for n in (1, 2, 3)])
    assert blocks == [table(
        row(*HEADER),
        row("มาตรการ 1", "", ""),
        row("มาตรการ 2", "", "", after_break=True),
        row("มาตรการ 3", "", "", after_break=True),
    )]


def test_a_different_header_is_not_stitched(row: MakeRow, table: MakeTable) -> None:
    blocks = stitch_tables([
        table(row(*HEADER), row("ก", "สำนักปลัด", "ต.ค. 65")),
        table(row("ตัวชี้วัด", "คะแนน"), row("การใช้อำนาจ", "99.45")),
    ])
    assert blocks == [
        table(row(*HEADER), row("ก", "สำนักปลัด", "ต.ค. 65")),
        table(row("ตัวชี้วัด", "คะแนน"), row("การใช้อำนาจ", "99.45")),
    ]


def test_whitespace_differences_in_the_header_are_ignored(
    row: MakeRow, table: MakeTable
) -> None:
    first_header = row("มาตรการ", "ผู้รับผิดชอบ/ ผู้ที่เกี่ยวข้อง", "ระยะเวลาดำเนินการ")
    blocks = stitch_tables([
        table(first_header, row("ก", "ข", "ค")),
        table(row(" มาตรการ ", "ผู้รับผิดชอบ/\nผู้ที่เกี่ยวข้อง", "ระยะเวลา ดำเนินการ"), row("ง", "จ", "ฉ")),
    ])
    assert blocks == [table(first_header, row("ก", "ข", "ค"), row("ง", "จ", "ฉ", after_break=True))]


def test_a_paragraph_between_tables_keeps_them_apart(row: MakeRow, table: MakeTable) -> None:
    heading = Paragraph("ตัวชี้วัดย่อยที่ 9.2 การบริหารงาน")
    blocks = stitch_tables([
        table(row(*HEADER), row("ก", "สำนักปลัด", "ต.ค. 65")),
        heading,
        table(row(*HEADER), row("ข", "กองคลัง", "ต.ค. 65")),
    ])
    assert blocks == [
        table(row(*HEADER), row("ก", "สำนักปลัด", "ต.ค. 65")),
        heading,
        table(row(*HEADER), row("ข", "กองคลัง", "ต.ค. 65")),
    ]


def test_stitched_table_spans_to_the_end_of_its_last_piece(
    row: MakeRow, table: MakeTable
) -> None:
    [stitched] = stitch_tables([
        table(row(*HEADER), row("ก", "ข", "ค"), span=Span(10, 20)),
        table(row(*HEADER), row("ง", "จ", "ฉ"), span=Span(23, 31)),
    ])
    assert isinstance(stitched, Table)
    assert stitched.span == Span(10, 31)


def test_a_continuation_with_only_the_header_adds_nothing(
    row: MakeRow, table: MakeTable
) -> None:
    blocks = stitch_tables([table(row(*HEADER), row("ก", "ข", "ค")), table(row(*HEADER))])
    assert blocks == [table(row(*HEADER), row("ก", "ข", "ค"))]


def test_header_repeated_inside_one_table_is_dropped_and_the_next_row_marked(
    row: MakeRow, table: MakeTable
) -> None:
    result = drop_repeated_headers(table(
        row(*HEADER),
        row("ก", "สำนักปลัด", "ต.ค. 65"),
        row(*HEADER),
        row("ข", "กองคลัง", "พ.ย. 65"),
        row("ค", "กองช่าง", "ธ.ค. 65"),
    ))
    assert result == table(
        row(*HEADER),
        row("ก", "สำนักปลัด", "ต.ค. 65"),
        row("ข", "กองคลัง", "พ.ย. 65", after_break=True),
        row("ค", "กองช่าง", "ธ.ค. 65"),
    )


def test_a_repeat_with_different_whitespace_inside_one_table_is_dropped(
    row: MakeRow, table: MakeTable
) -> None:
    result = drop_repeated_headers(table(
        row("ข้อ", "ข้อมูล"), row("O1", "โครงสร้าง"), row(" ข้อ", "ข้อ มูล"), row("02", "ผู้บริหาร"),
    ))
    assert result == table(
        row("ข้อ", "ข้อมูล"), row("O1", "โครงสร้าง"), row("02", "ผู้บริหาร", after_break=True),
    )


def test_empty_rows_are_not_taken_for_a_repeat_of_an_empty_header(
    row: MakeRow, table: MakeTable
) -> None:
    result = drop_repeated_headers(table(row("", ""), row("", ""), row("ก", "ข")))
    assert result == table(row("", ""), row("", ""), row("ก", "ข"))


def test_a_row_that_only_starts_like_the_header_is_kept(row: MakeRow, table: MakeTable) -> None:
    result = drop_repeated_headers(table(row("ข้อ", "ข้อมูล"), row("ข้อ", "ข้อมูลผู้บริหาร")))
    assert result == table(row("ข้อ", "ข้อมูล"), row("ข้อ", "ข้อมูลผู้บริหาร"))
