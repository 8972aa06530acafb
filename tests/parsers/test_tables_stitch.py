"""parsers.tables: one logical table from the pieces a page break cuts it into.

Expected blocks are whole `Table`s, so cell texts and `after_break` marks are both compared.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from parsers.model import Paragraph, Row, Span, Table
from parsers.tables import assemble_tables, drop_repeated_headers

MakeRow = Callable[..., Row]
MakeTable = Callable[..., Table]

HEADER = ("มาตรการ", "ผู้รับผิดชอบ", "ระยะเวลาดำเนินการ")


def test_tables_with_the_same_header_become_one_without_the_repeat(
    row: MakeRow, table: MakeTable
) -> None:
    blocks = assemble_tables([
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
    blocks = assemble_tables([
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
    blocks = assemble_tables([table(row(*HEADER), row(f"มาตรการ {n}", "", "")) for n in (1, 2, 3)])
    assert blocks == [table(
        row(*HEADER),
        row("มาตรการ 1", "", ""),
        row("มาตรการ 2", "", "", after_break=True),
        row("มาตรการ 3", "", "", after_break=True),
    )]


def test_a_different_header_is_not_stitched(row: MakeRow, table: MakeTable) -> None:
    blocks = assemble_tables([
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
    blocks = assemble_tables([
        table(first_header, row("ก", "ข", "ค")),
        table(row(" มาตรการ ", "ผู้รับผิดชอบ/\nผู้ที่เกี่ยวข้อง", "ระยะเวลา ดำเนินการ"), row("ง", "จ", "ฉ")),
    ])
    assert blocks == [table(first_header, row("ก", "ข", "ค"), row("ง", "จ", "ฉ", after_break=True))]


def test_a_paragraph_between_tables_keeps_them_apart(row: MakeRow, table: MakeTable) -> None:
    heading = Paragraph("ตัวชี้วัดย่อยที่ 9.2 การบริหารงาน")
    blocks = assemble_tables([
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
    [stitched] = assemble_tables([
        table(row(*HEADER), row("ก", "ข", "ค"), span=Span(10, 20)),
        table(row(*HEADER), row("ง", "จ", "ฉ"), span=Span(23, 31)),
    ])
    assert isinstance(stitched, Table)
    assert stitched.span == Span(10, 31)


def test_a_continuation_with_only_the_header_adds_nothing(
    row: MakeRow, table: MakeTable
) -> None:
    blocks = assemble_tables([table(row(*HEADER), row("ก", "ข", "ค")), table(row(*HEADER))])
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


# --- break evidence from the layout (what the PDF reader hands over) -----------------------

MEASURE_HEADER = ("ลำดับ", "มาตรการ", "ผู้รับผิดชอบ")


def _page(*rows: Row, break_before: bool | None = True) -> Table:
    return Table(rows=list(rows), break_before=break_before)


def _cut(made: Row, cut: bool | None = True) -> Row:
    made.cut = cut
    return made


def test_a_header_alone_at_the_foot_of_a_page_takes_nothing_into_it(row: MakeRow) -> None:
    [table] = assemble_tables([
        _page(_cut(row(*MEASURE_HEADER)), break_before=None),
        _page(row("", "จัดทำคู่มือ", ""), row("๒.", "ประชุม", "กองคลัง")),
    ])
    assert [r.texts for r in table.rows] == [
        list(MEASURE_HEADER), ["", "จัดทำคู่มือ", ""], ["๒.", "ประชุม", "กองคลัง"],
    ]
    assert table.rows[1].after_break


def test_a_row_that_starts_the_next_item_is_not_the_rest_of_a_cut_row(row: MakeRow) -> None:
    [table] = assemble_tables([
        _page(row(*MEASURE_HEADER), row("๑.", "จัดทำคู่มือ", "สำนักปลัด"),
              _cut(row("๒.", "ประชุมประจำเดือน", "กองคลัง")), break_before=None),
        _page(row("๓.", "", "กองช่าง")),
    ])
    assert [r.texts[0] for r in table.rows] == ["ลำดับ", "๑.", "๒.", "๓."]


@pytest.mark.parametrize("repeat", [True, False])
def test_the_rest_of_a_cut_row_is_joined_cell_by_cell(row: MakeRow, repeat: bool) -> None:
    header = [row(*MEASURE_HEADER)] if repeat else []
    [table] = assemble_tables([
        _page(row(*MEASURE_HEADER), row("๑.", "จัดทำคู่มือ", "สำนักปลัด"),
              _cut(row("๒.", "ประชุมประจำ", "กองคลัง")), break_before=None),
        _page(*header, row("", "เดือน", ""), row("๓.", "อบรม", "กองช่าง")),
    ])
    assert [r.texts for r in table.rows[2:]] == [
        ["๒.", "ประชุมประจำเดือน", "กองคลัง"], ["๓.", "อบรม", "กองช่าง"],
    ]
    assert [r.after_break for r in table.rows[2:]] == [False, True]


def test_a_rest_filling_every_cell_after_a_repeated_header_finishes_the_cut_row(
        row: MakeRow) -> None:
    [table] = assemble_tables([
        _page(row(*MEASURE_HEADER), row("๑.", "จัดทำคู่มือ", "สำนักปลัด"),
              _cut(row("๒. การใช้", "ประชุม", "สำนักปลัด")), break_before=None),
        _page(row(*MEASURE_HEADER), _cut(row("งบประมาณ", "ประจำ", "และกองคลัง"))),
        _page(row(*MEASURE_HEADER), row("", "เดือน", ""), row("๓.", "อบรม", "กองช่าง")),
    ])
    assert [r.texts for r in table.rows[2:]] == [
        ["๒. การใช้งบประมาณ", "ประชุมประจำเดือน", "สำนักปลัดและกองคลัง"],
        ["๓.", "อบรม", "กองช่าง"],
    ]
    assert [r.after_break for r in table.rows[2:]] == [False, True]


def test_after_a_repeated_header_a_cut_row_takes_no_row_that_starts_the_next_item(
        row: MakeRow) -> None:
    [table] = assemble_tables([
        _page(row(*MEASURE_HEADER), row("๑.", "จัดทำคู่มือ", "สำนักปลัด"),
              _cut(row("๒.", "ประชุม", "กองคลัง")), break_before=None),
        _page(row(*MEASURE_HEADER), row("๓.", "อบรม", "กองช่าง")),
    ])
    assert [r.texts[0] for r in table.rows] == ["ลำดับ", "๑.", "๒.", "๓."]


def test_after_a_repeated_header_an_unnumbered_whole_row_is_not_taken_for_a_rest(
        row: MakeRow) -> None:
    header = ("ตัวชี้วัด", "มาตรการ", "ผู้รับผิดชอบ")
    [table] = assemble_tables([
        _page(row(*header), _cut(row("การใช้งบประมาณ", "สร้างการรับรู้", "กองคลัง")),
              break_before=None),
        _page(row(*header), row("การใช้อำนาจ", "ประกาศเจตจำนง", "สำนักปลัด")),
    ])
    assert [r.texts[0] for r in table.rows] == ["ตัวชี้วัด", "การใช้งบประมาณ", "การใช้อำนาจ"]


@pytest.mark.parametrize("repeat", [True, False])
def test_a_row_that_says_it_continues_the_item_is_a_row_of_its_own(
        row: MakeRow, repeat: bool) -> None:
    header = [row(*MEASURE_HEADER)] if repeat else []
    [table] = assemble_tables([
        _page(row(*MEASURE_HEADER), _cut(row("๑.", "จัดทำคู่มือ", "สำนักปลัด")),
              break_before=None),
        _page(*header, row("(ต่อ)", "ประชุมประจำเดือน", "")),
    ])
    assert [r.texts[0] for r in table.rows] == ["ลำดับ", "๑.", "(ต่อ)"]


def test_a_row_the_layout_says_was_not_cut_takes_nothing(row: MakeRow) -> None:
    [table] = assemble_tables([
        _page(row(*MEASURE_HEADER), _cut(row("๑.", "จัดทำคู่มือ", "สำนักปลัด"), False),
              break_before=None),
        _page(row("", "ประชุมประจำเดือน", "")),
    ])
    assert [r.texts[1] for r in table.rows] == ["มาตรการ", "จัดทำคู่มือ", "ประชุมประจำเดือน"]


def test_a_table_the_layout_says_does_not_go_on_stays_apart(row: MakeRow) -> None:
    blocks = assemble_tables([
        _page(row(*MEASURE_HEADER), row("๑.", "จัดทำคู่มือ", "สำนักปลัด"), break_before=None),
        _page(row("", "เดือน", ""), row(*MEASURE_HEADER), row("๒.", "อบรม", "กองช่าง"),
              break_before=False),
    ])
    assert len(blocks) == 2


def test_without_layout_a_piece_joins_by_numbering_not_by_width_alone(row: MakeRow) -> None:
    first = _page(row(*MEASURE_HEADER), row("๑.", "ก", "ข"), row("๒.", "ค", "ง"),
                  break_before=None)
    assert len(assemble_tables([first, _page(row("๓.", "จ", "ฉ"), break_before=None)])) == 1
    again = _page(row(*MEASURE_HEADER), row("๑.", "ก", "ข"), break_before=None)
    assert len(assemble_tables([again, _page(row("๑.", "จ", "ฉ"), break_before=None)])) == 2


def test_lists_inside_cells_are_not_the_numbering(row: MakeRow) -> None:
    [table] = assemble_tables([
        _page(row(*MEASURE_HEADER), row("๑.", "1. ก\n2. ข", "สำนักปลัด"),
              _cut(row("๒.", "1. ค", "กองคลัง")), break_before=None),
        _page(row("", "2. ง", ""), break_before=True),
    ])
    assert [r.texts[1] for r in table.rows[1:]] == ["1. ก\n2. ข", "1. ค\n2. ง"]


@pytest.mark.parametrize(("before", "after", "joined"), [
    ("ต.ค. 67 -", "ก.ย. 68", "ต.ค. 67 - ก.ย. 68"),
    ("บ้านใหม่-", "หนองบัว", "บ้านใหม่-หนองบัว"),
])
def test_a_standing_dash_keeps_the_space_the_break_fell_on(
    row: MakeRow, before: str, after: str, joined: str
) -> None:
    [table] = assemble_tables([
        _page(row(*MEASURE_HEADER), _cut(row("๑.", "จัดทำคู่มือ", before)), break_before=None),
        _page(row("", "", after)),
    ])
    assert table.rows[1].texts == ["๑.", "จัดทำคู่มือ", joined]


def test_rows_that_carry_on_the_numbering_above_a_repeated_header_are_new_rows(
    row: MakeRow
) -> None:
    [table] = assemble_tables([
        _page(row(*MEASURE_HEADER), row("๑.", "จัดทำคู่มือ", "สำนักปลัด"), break_before=None),
        _page(row("๒.", "ประชุม", "กองคลัง"), row(*MEASURE_HEADER), row("๓.", "อบรม", "กองช่าง")),
    ])
    assert [r.texts[0] for r in table.rows] == ["ลำดับ", "๑.", "๒.", "๓."]
    assert [r.after_break for r in table.rows] == [False, False, True, True]


SCORE_HEADER = ("แบบ", "ตัวชี้วัด", "ผลการประเมิน", "หน่วยงานรับผิดชอบ")


def _scores(*rows: Row) -> Table:
    return _page(*rows, break_before=None)


def test_a_piece_whose_first_row_is_like_the_tables_data_rows_goes_on(row: MakeRow) -> None:
    [table] = assemble_tables([
        _scores(row(*SCORE_HEADER), row("IIT", "การปฏิบัติหน้าที่", "๑๐๐", "ทุกสำนัก/กอง"),
                row("", "การใช้อำนาจ", "๙๙.๔๕", "สำนักปลัด")),
        _scores(row("", "การแก้ไขปัญหาการทุจริต", "๙๙.๘๔", ""),
                row("EIT", "คุณภาพการดำเนินงาน", "๙๙.๕๘", "ทุกสำนัก/กอง")),
    ])
    assert [r.texts[1] for r in table.rows[1:]] == [
        "การปฏิบัติหน้าที่", "การใช้อำนาจ", "การแก้ไขปัญหาการทุจริต", "คุณภาพการดำเนินงาน",
    ]
    assert [r.after_break for r in table.rows] == [False, False, False, True, False]


@pytest.mark.parametrize("first", [
    ("ตัวชี้วัด", "คะแนน", "ร้อยละ", "หมายเหตุ"),  # the next table's own header
    ("", "การใช้อำนาจ", "สูง", "สำนักปลัด"),  # text where the scores are
    ("", "การใช้อำนาจ", "๙๙.๔๕", "๒๕๖๕"),  # a number where the table has none
])
def test_a_piece_whose_first_row_is_not_like_the_tables_data_rows_stays_apart(
    row: MakeRow, first: tuple[str, ...]
) -> None:
    blocks = assemble_tables([
        _scores(row(*SCORE_HEADER), row("IIT", "การปฏิบัติหน้าที่", "๑๐๐", "ทุกสำนัก/กอง")),
        _scores(row(*first), row("", "การใช้งบประมาณ", "๑๐๐", "กองคลัง")),
    ])
    assert len(blocks) == 2


def test_without_a_header_or_numeric_columns_kinds_join_nothing(row: MakeRow) -> None:
    no_header = _scores(row("IIT", "การปฏิบัติหน้าที่", "๑๐๐", "ทุกสำนัก/กอง"),
                        row("", "การใช้อำนาจ", "๙๙.๔๕", "สำนักปลัด"))
    more = _scores(row("", "การใช้งบประมาณ", "๑๐๐", "กองคลัง"))
    assert len(assemble_tables([no_header, more])) == 2
    words = _scores(row(*MEASURE_HEADER), row("ก", "จัดทำคู่มือ", "สำนักปลัด"))
    assert len(assemble_tables([words, _scores(row("ข", "ประชุม", "กองคลัง"))])) == 2


def test_a_header_copy_as_ocr_reads_it_is_a_header(row: MakeRow, table: MakeTable) -> None:
    """Each page's copy of a header read by OCR a little differently (a letter off, cut short,
    noise run on) is still the header; a row of data sharing some cells with the row above is
    not (its numbers differ, or too few cells are alike)."""
    header = row("หัวข้อ", "มาตรการ/โครงการ/กิจกรรม", "ผู้รับผิดชอบ", "ระยะเวลา", "ผลการดำเนินงาน")
    copy = row("หัวข้อawYY", "มาตรการ/โครง", "ผู้รับผิดขอบ", "ระยะเวลา", "ผลการดำเนินง")
    data = row("1. การปฏิบัติงาน", "จัดทำคู่มือ", "สำนักปลัด", "ต.ค. 67", "เผยแพร่แล้ว")
    result = drop_repeated_headers(table(header, data, copy, data))
    assert len(result.rows) == 3
    scores = drop_repeated_headers(table(row("ตัวชี้วัดที่ ๙", "ได้คะแนนเฉลี่ย", "๑๐๐ คะแนน"),
                                         row("ตัวชี้วัดที่ ๑๐", "ได้คะแนนเฉลี่ย", "๑๐๐ คะแนน")))
    assert len(scores.rows) == 2
