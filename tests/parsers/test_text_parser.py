"""parsers.text: text reports (what converters make of PDF and DOCX) into the document model.

Small documents are written here for each layout; the expected blocks are read off them.
The last tests read the three real reports in ../shared/corpus/.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import regex

from parsers.errors import ParseError
from parsers.model import Document, Paragraph, Table
from parsers.text import parse_text


def parse(*lines: str) -> Document:
    return parse_text("\n".join(lines).encode("utf-8"))


def grid(table: Table) -> list[list[str]]:
    return [row.texts for row in table.rows]


def only_table(doc: Document) -> Table:
    tables = doc.tables()
    assert len(tables) == 1, f"expected one table, got {len(tables)}"
    return tables[0]


def kinds(doc: Document) -> list[str]:
    return ["table" if isinstance(b, Table) else "paragraph" for b in doc.blocks]


# --- tab-separated rows -------------------------------------------------------


def test_tab_separated_rows_keep_empty_leading_and_trailing_cells() -> None:
    doc = parse(
        "แบบ\tตัวชี้วัด\tผลการประเมิน\tหมายเหตุ",
        "IIT\tการปฏิบัติหน้าที่\t100\t",
        "\tการใช้งบประมาณ\t99.45\t",
    )
    assert grid(only_table(doc)) == [
        ["แบบ", "ตัวชี้วัด", "ผลการประเมิน", "หมายเหตุ"],
        ["IIT", "การปฏิบัติหน้าที่", "100", ""],
        ["", "การใช้งบประมาณ", "99.45", ""],
    ]


def test_tab_separated_table_between_paragraphs() -> None:
    doc = parse(
        "คะแนนภาพรวมของหน่วยงาน 99.24 คะแนน",
        "",
        "ตัวชี้วัด\tคะแนน",
        "การใช้อำนาจ\t99.45",
        "",
        "สรุปผลการประเมิน",
    )
    assert kinds(doc) == ["paragraph", "table", "paragraph"]
    assert [p.text for p in doc.paragraphs()] == [
        "คะแนนภาพรวมของหน่วยงาน 99.24 คะแนน",
        "สรุปผลการประเมิน",
    ]
    assert grid(only_table(doc)) == [["ตัวชี้วัด", "คะแนน"], ["การใช้อำนาจ", "99.45"]]


def test_tab_separated_rows_remember_their_source_line() -> None:
    table = only_table(parse("หัวเรื่อง", "", "ก\tข", "1\t2"))
    assert [(r.span.start, r.span.end) for r in table.rows if r.span] == [(3, 3), (4, 4)]


# --- one cell per line (converted Word tables) --------------------------------


def test_word_table_cells_are_packed_into_rows_of_the_header_width() -> None:
    doc = parse(
        "\tลำดับ",
        "\tมาตรการ/กิจกรรม",
        "\tผู้รับผิดชอบ",
        "",
        "\t1",
        "\tจัดทำคู่มือการปฏิบัติงาน",
        "\tสำนักปลัด",
        "",
        "\t2",
        "\tประชาสัมพันธ์ช่องทางร้องเรียน",
        "\tกองคลัง",
    )
    assert grid(only_table(doc)) == [
        ["ลำดับ", "มาตรการ/กิจกรรม", "ผู้รับผิดชอบ"],
        ["1", "จัดทำคู่มือการปฏิบัติงาน", "สำนักปลัด"],
        ["2", "ประชาสัมพันธ์ช่องทางร้องเรียน", "กองคลัง"],
    ]


def test_lines_without_a_tab_continue_the_cell_above() -> None:
    doc = parse(
        "\tลำดับ",
        "\tวิธีดำเนินการ",
        "",
        "\t1",
        "\t1. จัดทำคู่มือ",
        "2. จัดโครงการอบรม",
    )
    assert grid(only_table(doc))[1] == ["1", "1. จัดทำคู่มือ\n2. จัดโครงการอบรม"]


def test_blank_line_inside_a_row_does_not_split_the_row() -> None:
    doc = parse(
        "\tตัวชี้วัด",
        "\tแนวทาง",
        "\tผู้รับผิดชอบ",
        "\tระยะเวลา",
        "",
        "\tตัวชี้วัดที่ 6",
        "\tกำหนดขั้นตอนการปฏิบัติงาน",
        "\tสำนักปลัด",
        "",
        "\tต.ค. 65 ถึง ก.ย. 66",
        "",
        "\tตัวชี้วัดที่ 7",
        "\tเผยแพร่ข้อมูล",
        "",
        "\tกองคลัง",
        "\tต.ค. 65 ถึง ก.ย. 66",
    )
    assert grid(only_table(doc)) == [
        ["ตัวชี้วัด", "แนวทาง", "ผู้รับผิดชอบ", "ระยะเวลา"],
        ["ตัวชี้วัดที่ 6", "กำหนดขั้นตอนการปฏิบัติงาน", "สำนักปลัด", "ต.ค. 65 ถึง ก.ย. 66"],
        ["ตัวชี้วัดที่ 7", "เผยแพร่ข้อมูล", "กองคลัง", "ต.ค. 65 ถึง ก.ย. 66"],
    ]


def test_text_between_blank_lines_inside_a_cell_stays_in_the_cell() -> None:
    doc = parse(
        "\tลำดับ",
        "\tวิธีดำเนินการ",
        "\tระยะเวลา",
        "",
        "\t3",
        "\tจากผลการประเมิน ITA",
        "ตัวชี้วัดที่ 4 การใช้ทรัพย์สินของราชการ",
        "",
        "ประเด็น การขอยืมทรัพย์สิน",
        "\tตลอดปีงบประมาณ",
    )
    assert grid(only_table(doc))[1] == [
        "3",
        "จากผลการประเมิน ITA\nตัวชี้วัดที่ 4 การใช้ทรัพย์สินของราชการ\nประเด็น การขอยืมทรัพย์สิน",
        "ตลอดปีงบประมาณ",
    ]


def test_a_line_with_only_a_tab_is_an_empty_cell() -> None:
    doc = parse(
        "\tข้อ",
        "\tข้อมูล",
        "\tหมายเหตุ",
        "",
        "\tO1",
        "\t",
        "\tเปิดเผยบนเว็บไซต์",
    )
    assert grid(only_table(doc))[1] == ["O1", "", "เปิดเผยบนเว็บไซต์"]


def test_a_tab_alone_then_text_lines_make_one_cell() -> None:
    doc = parse(
        "\tข้อ",
        "\tผู้รับผิดชอบ",
        "\tระยะเวลา",
        "",
        "\tO1",
        "\t",
        "สำนักปลัด,",
        "กองคลัง",
        "\t",
        "ต.ค. 65  ถึง  ก.ย. 66",
    )
    assert grid(only_table(doc))[1] == ["O1", "สำนักปลัด,\nกองคลัง", "ต.ค. 65  ถึง  ก.ย. 66"]


def test_space_then_tab_starts_a_cell() -> None:
    doc = parse(
        "\tลำดับ",
        "\tมาตรการ",
        "",
        "\t2",
        "\tมาตรการเปิดโอกาสให้ประชาชนมีส่วนร่วม",
        " \t3",
        "\tมาตรการกำกับดูแลการใช้ทรัพย์สินของราชการ",
    )
    assert grid(only_table(doc)) == [
        ["ลำดับ", "มาตรการ"],
        ["2", "มาตรการเปิดโอกาสให้ประชาชนมีส่วนร่วม"],
        ["3", "มาตรการกำกับดูแลการใช้ทรัพย์สินของราชการ"],
    ]


GLUED_HEADER_TABLE = (
    "\tข้อ",
    "\tข้อมูล",
    "\tผู้รับผิดชอบ",
    "\tความก้าวหน้าผลการดำเนินการ",
    "",
    "\tO1",
    "\tโครงสร้าง",
    "\tสำนักปลัด",
    "\t- เปิดเผยข้อมูลบนเว็บไซต์หลัก",
    " ข้อ",
    "",
    "\t",
    "ข้อมูล",
    "\t",
    "ผู้รับผิดชอบ",
    "\t",
    "ความก้าวหน้าผลการดำเนินการ",
    "",
    "\t02",
    "\tข้อมูลผู้บริหาร",
    "\tกองคลัง",
    "\t- จัดทำข้อมูลผู้บริหารสูงสุด",
)
"""A header repeated on the next page whose first cell (` ข้อ`) the converter glued as the
last line of the previous row's last cell (as in 002, lines 275-296)."""


def test_repeated_header_glued_to_the_previous_cell_is_dropped() -> None:
    assert grid(only_table(parse(*GLUED_HEADER_TABLE))) == [
        ["ข้อ", "ข้อมูล", "ผู้รับผิดชอบ", "ความก้าวหน้าผลการดำเนินการ"],
        ["O1", "โครงสร้าง", "สำนักปลัด", "- เปิดเผยข้อมูลบนเว็บไซต์หลัก"],
        ["02", "ข้อมูลผู้บริหาร", "กองคลัง", "- จัดทำข้อมูลผู้บริหารสูงสุด"],
    ]


def test_row_after_a_glued_repeated_header_is_marked_after_break() -> None:
    rows = only_table(parse(*GLUED_HEADER_TABLE)).rows
    assert [r.after_break for r in rows] == [False, False, True]


FOUR_COLUMN_TABLE = (
    "\tข้อ",
    "\tข้อมูล",
    "\tผู้รับผิดชอบ",
    "\tความก้าวหน้าผลการดำเนินการ",
    "",
    "\tO1",
    "\tโครงสร้าง",
    "\tสำนักปลัด",
    "\t- เปิดเผยข้อมูลบนเว็บไซต์หลัก",
    "- ครบตามองค์ประกอบ",
)


def test_next_table_one_column_narrower_is_a_table_of_its_own() -> None:
    doc = parse(
        *FOUR_COLUMN_TABLE,
        "",
        "\tตัวชี้วัด",
        "\tคะแนน",
        "\tระดับ",
        "",
        "\tการใช้อำนาจ",
        "\t99.45",
        "\tAA",
    )
    assert [grid(t) for t in doc.tables()] == [
        [
            ["ข้อ", "ข้อมูล", "ผู้รับผิดชอบ", "ความก้าวหน้าผลการดำเนินการ"],
            ["O1", "โครงสร้าง", "สำนักปลัด", "- เปิดเผยข้อมูลบนเว็บไซต์หลัก\n- ครบตามองค์ประกอบ"],
        ],
        [["ตัวชี้วัด", "คะแนน", "ระดับ"], ["การใช้อำนาจ", "99.45", "AA"]],
    ]


def test_a_row_one_cell_short_does_not_take_a_line_from_the_row_above() -> None:
    doc = parse(*FOUR_COLUMN_TABLE, "", "\tO2", "\tข้อมูลผู้บริหาร", "\tสำนักปลัด")
    first = doc.tables()[0]
    assert first.rows[1].texts == [
        "O1", "โครงสร้าง", "สำนักปลัด", "- เปิดเผยข้อมูลบนเว็บไซต์หลัก\n- ครบตามองค์ประกอบ",
    ]
    assert all(
        row.texts[0] != "- ครบตามองค์ประกอบ" for table in doc.tables() for row in table.rows
    )


def test_repeated_header_after_a_page_number_joins_the_table() -> None:
    doc = parse(
        "\tลำดับ",
        "\tมาตรการ",
        "",
        "\t1",
        "\tมาตรการเสริมสร้างความซื่อสัตย์สุจริต",
        "",
        "-4-",
        "",
        "\tลำดับ",
        "\tมาตรการ",
        "",
        "\t2",
        "\tมาตรการเปิดโอกาสให้ประชาชนมีส่วนร่วม",
    )
    table = only_table(doc)
    assert grid(table) == [
        ["ลำดับ", "มาตรการ"],
        ["1", "มาตรการเสริมสร้างความซื่อสัตย์สุจริต"],
        ["2", "มาตรการเปิดโอกาสให้ประชาชนมีส่วนร่วม"],
    ]
    assert [r.after_break for r in table.rows] == [False, False, True]


WORD_TABLE_HEADER = ("\tลำดับ", "\tมาตรการ", "\tผู้รับผิดชอบ", "")


@pytest.mark.parametrize("gap", [("", ""), ("", "-4-", "")])
def test_a_row_cut_by_a_page_break_in_word_table_cells_is_joined(gap: tuple[str, ...]) -> None:
    table = only_table(parse(
        *WORD_TABLE_HEADER,
        "\t1", "\tจัดทำคู่มือ", "\tสำนักปลัด", "",
        "\t2", "\tประชุมประจำ", "\tกอง", *gap,
        "\t", "\tเดือน", "\tคลัง", "",
        *WORD_TABLE_HEADER,
        "\t3", "\tอบรม", "\tกองช่าง",
    ))
    assert grid(table) == [
        ["ลำดับ", "มาตรการ", "ผู้รับผิดชอบ"], ["1", "จัดทำคู่มือ", "สำนักปลัด"],
        ["2", "ประชุมประจำเดือน", "กองคลัง"], ["3", "อบรม", "กองช่าง"],
    ]
    assert [r.after_break for r in table.rows] == [False, False, False, True]


def test_a_page_break_between_whole_word_table_rows_joins_no_rows() -> None:
    table = only_table(parse(
        *WORD_TABLE_HEADER,
        "\t1", "\tจัดทำคู่มือ", "\tสำนักปลัด", "", "",
        "\t2", "\tประชุม", "\tกองคลัง", "",
        *WORD_TABLE_HEADER,
        "\t3", "\tอบรม", "\tกองช่าง",
    ))
    assert [r.texts[0] for r in table.rows] == ["ลำดับ", "1", "2", "3"]


@pytest.mark.parametrize("gap", [("",), ("", "-๑๐-", "")])
def test_tab_separated_rows_after_a_page_break_without_header_or_numbering_go_on(
    gap: tuple[str, ...]
) -> None:
    doc = parse(
        "แบบ\tตัวชี้วัด\tผลการประเมิน\tหน่วยงานรับผิดชอบ",
        "IIT\tการปฏิบัติหน้าที่\t๑๐๐\tทุกสำนัก/กอง",
        "\tการใช้อำนาจ\t๙๙.๔๕\tสำนักปลัด",
        *gap,
        "\tการแก้ไขปัญหาการทุจริต\t๙๙.๘๔\tสำนักปลัด",
        "EIT\tคุณภาพการดำเนินงาน\t๙๙.๕๘\tทุกสำนัก/กอง",
    )
    assert [row[1] for row in grid(only_table(doc))[1:]] == [
        "การปฏิบัติหน้าที่", "การใช้อำนาจ", "การแก้ไขปัญหาการทุจริต", "คุณภาพการดำเนินงาน",
    ]


def test_lone_tab_indented_paragraph_before_a_table_stays_a_paragraph() -> None:
    doc = parse(
        " \tจากการประเมินผลคุณธรรมและความโปร่งใส ได้คะแนน 85.48",
        "",
        "\tลำดับ",
        "\tมาตรการ/กิจกรรม",
        "",
        "\t1",
        "\tมาตรการเสริมสร้างความซื่อสัตย์สุจริต",
    )
    assert kinds(doc) == ["paragraph", "table"]
    assert doc.paragraphs()[0].text == "จากการประเมินผลคุณธรรมและความโปร่งใส ได้คะแนน 85.48"
    assert grid(only_table(doc)) == [
        ["ลำดับ", "มาตรการ/กิจกรรม"],
        ["1", "มาตรการเสริมสร้างความซื่อสัตย์สุจริต"],
    ]


def test_lone_tab_indented_paragraph_without_a_table_is_a_paragraph() -> None:
    doc = parse("\tตามประกาศสำนักงาน ป.ป.ช.", "", "จึงเรียนมาเพื่อโปรดทราบ")
    assert kinds(doc) == ["paragraph", "paragraph"]
    assert [p.text for p in doc.paragraphs()] == [
        "ตามประกาศสำนักงาน ป.ป.ช.",
        "จึงเรียนมาเพื่อโปรดทราบ",
    ]


# --- markdown pipe tables -----------------------------------------------------


def test_markdown_pipe_table_drops_the_separator_row() -> None:
    doc = parse(
        "| หัวข้อ | ผู้รับผิดชอบ |",
        "|---|---|",
        "| การเปิดเผยข้อมูล | สำนักปลัด |",
    )
    table = only_table(doc)
    assert len(table.rows) == 2
    assert [[t.strip() for t in row] for row in grid(table)] == [
        ["หัวข้อ", "ผู้รับผิดชอบ"],
        ["การเปิดเผยข้อมูล", "สำนักปลัด"],
    ]


def test_markdown_separator_with_alignment_colons_is_dropped() -> None:
    table = only_table(parse("| ก | ข |", "| :--- | ---: |", "| 1 | 2 |"))
    assert [[t.strip() for t in row] for row in grid(table)] == [["ก", "ข"], ["1", "2"]]


def test_markdown_cell_padding_is_not_cell_text() -> None:
    table = only_table(parse("| หัวข้อ | ผู้รับผิดชอบ |", "|---|---|", "| ก | สำนักปลัด |"))
    assert grid(table) == [["หัวข้อ", "ผู้รับผิดชอบ"], ["ก", "สำนักปลัด"]]


# --- converter residue --------------------------------------------------------


def test_paragraph_tags_in_a_cell_become_lines() -> None:
    table = only_table(parse("ก\tข", "<p>a</p> <p>b</p>\t<p>กองคลัง</p>"))
    assert grid(table)[1] == ["a\nb", "กองคลัง"]


def test_list_tags_become_line_breaks() -> None:
    table = only_table(parse(
        "ก\tข",
        '<ol style="list-style-type: none"><li>จัดทำคู่มือ</li><li>จัดประชุม</li></ol>'
        "\t<ul><li>สำนักปลัด</li><li>กองคลัง</li></ul>",
    ))
    assert grid(table)[1] == ["จัดทำคู่มือ\nจัดประชุม", "สำนักปลัด\nกองคลัง"]


def test_list_tag_with_attributes_is_removed_from_text() -> None:
    table = only_table(parse("ก\tข", '<ol style="list-style-type: none"> 1. จัดทำโครงการ\tx'))
    assert "<" not in grid(table)[1][0] and "style" not in grid(table)[1][0]
    assert grid(table)[1][0].strip() == "1. จัดทำโครงการ"


def test_html_entities_are_unescaped() -> None:
    table = only_table(parse("ข้อ\tข้อมูล", "O8\tQ&amp;A"))
    assert grid(table)[1] == ["O8", "Q&A"]


def test_html_in_a_word_table_cell_is_stripped() -> None:
    doc = parse("\tข้อ", "\tผู้รับผิดชอบ", "", "\tO1", "\t<p>สำนักปลัด</p>")
    assert grid(only_table(doc))[1] == ["O1", "สำนักปลัด"]


def test_bookmark_note_is_removed() -> None:
    doc = parse("\t[bookmark: _Hlk158124292]ลำดับ", "\tมาตรการ", "", "\t1", "\tจัดทำคู่มือ")
    assert grid(only_table(doc))[0] == ["ลำดับ", "มาตรการ"]


def test_image_note_on_its_own_line_leaves_no_paragraph() -> None:
    doc = parse("จึงเรียนมาเพื่อโปรดทราบ", "", "[image: D:\\x.jpg]", "", "(นางอรัญญา อุตรวงษ์)")
    assert [p.text for p in doc.paragraphs()] == ["จึงเรียนมาเพื่อโปรดทราบ", "(นางอรัญญา อุตรวงษ์)"]


def test_image_note_inside_text_is_removed() -> None:
    [paragraph] = parse("ลงชื่อ[image: D:\\ลายเซ็น\\228673.jpg]ผู้รายงาน").paragraphs()
    assert paragraph.text == "ลงชื่อผู้รายงาน"


# --- page numbers -------------------------------------------------------------


def test_page_number_lines_are_dropped() -> None:
    doc = parse("ย่อหน้าแรก", "", "-4-", "", "ย่อหน้าที่สอง", "", "- ๑๒ -", "", "ย่อหน้าสุดท้าย")
    assert [p.text for p in doc.paragraphs()] == ["ย่อหน้าแรก", "ย่อหน้าที่สอง", "ย่อหน้าสุดท้าย"]


def test_page_number_glued_to_text_is_removed_from_the_text() -> None:
    [paragraph] = parse("-12-ตัวชี้วัดย่อยที่ 9.5  การส่งเสริมความโปร่งใส").paragraphs()
    assert paragraph.text == "ตัวชี้วัดย่อยที่ 9.5  การส่งเสริมความโปร่งใส"


def test_page_number_glued_to_a_bold_title_is_removed() -> None:
    [paragraph] = parse("-3-**สรุปผลการประเมิน**").paragraphs()
    assert paragraph.text == "สรุปผลการประเมิน"


def test_page_number_between_tab_separated_rows_does_not_split_the_table() -> None:
    doc = parse(
        "ตัวชี้วัด\tคะแนน",
        "การปฏิบัติหน้าที่\t100",
        "-4-",
        "การใช้งบประมาณ\t99.45",
    )
    assert grid(only_table(doc)) == [
        ["ตัวชี้วัด", "คะแนน"], ["การปฏิบัติหน้าที่", "100"], ["การใช้งบประมาณ", "99.45"],
    ]


def test_page_number_between_word_table_cells_does_not_split_the_table() -> None:
    doc = parse("\tตัวชี้วัด", "\tคะแนน", "", "\tการปฏิบัติหน้าที่", "\t100", "-4-",
                "\tการใช้งบประมาณ", "\t99.45")
    assert grid(only_table(doc)) == [
        ["ตัวชี้วัด", "คะแนน"], ["การปฏิบัติหน้าที่", "100"], ["การใช้งบประมาณ", "99.45"],
    ]


def test_numbered_bullet_starting_with_a_dash_is_kept() -> None:
    [paragraph] = parse("-1. จัดทำคู่มือการปฏิบัติงาน").paragraphs()
    assert paragraph.text == "-1. จัดทำคู่มือการปฏิบัติงาน"


# --- bold titles ---------------------------------------------------------------


def test_bold_paragraph_is_marked_and_loses_its_asterisks() -> None:
    [paragraph] = parse("**สรุปผลการประเมินคุณธรรมและความโปร่งใส**").paragraphs()
    assert paragraph.bold is True
    assert paragraph.text == "สรุปผลการประเมินคุณธรรมและความโปร่งใส"


def test_bold_title_over_two_lines_is_one_bold_paragraph() -> None:
    [paragraph] = parse(
        "**รายงานผลการดำเนินการตามมาตรการ",
        "ขององค์การบริหารส่วนตำบลทองเอน ประจำปีงบประมาณ พ.ศ. 2568**",
    ).paragraphs()
    assert paragraph.bold is True
    assert paragraph.text == (
        "รายงานผลการดำเนินการตามมาตรการ\n"
        "ขององค์การบริหารส่วนตำบลทองเอน ประจำปีงบประมาณ พ.ศ. 2568"
    )


def test_plain_paragraph_is_not_bold() -> None:
    [paragraph] = parse("คะแนนภาพรวมของหน่วยงาน 99.24 คะแนน").paragraphs()
    assert paragraph.bold is False


# --- decoding -----------------------------------------------------------------

THAI_REPORT = "ลำดับ\tมาตรการ\n1\tจัดทำคู่มือการปฏิบัติงาน\n"


def test_utf8_with_bom_does_not_leave_the_bom_in_the_first_cell() -> None:
    doc = parse_text(b"\xef\xbb\xbf" + THAI_REPORT.encode("utf-8"))
    assert grid(only_table(doc)) == [["ลำดับ", "มาตรการ"], ["1", "จัดทำคู่มือการปฏิบัติงาน"]]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_bom(encoding: str) -> None:
    data = THAI_REPORT.encode(encoding)
    if encoding != "utf-16":  # utf-16 writes its own BOM; the explicit codecs do not
        data = "\ufeff".encode(encoding) + data
    doc = parse_text(data)
    assert grid(only_table(doc)) == [["ลำดับ", "มาตรการ"], ["1", "จัดทำคู่มือการปฏิบัติงาน"]]


def test_windows_874_thai() -> None:
    doc = parse_text(THAI_REPORT.encode("cp874"))
    assert grid(only_table(doc)) == [["ลำดับ", "มาตรการ"], ["1", "จัดทำคู่มือการปฏิบัติงาน"]]


def test_bytes_that_are_no_known_text_encoding_raise_parse_error() -> None:
    with pytest.raises(ParseError):
        parse_text(b"\xdb\xdc\xfc\xfd")  # invalid UTF-8, and unassigned in Windows-874


def test_document_from_text_is_txt_without_page_count() -> None:
    doc = parse("ย่อหน้า")
    assert (doc.source_format, doc.page_count) == ("txt", None)


# --- the real reports -----------------------------------------------------------

O_CODE = regex.compile(r"^[Oo0][0-9๐-๙]{1,2}$")
O_CODES_IN_002 = ["O1", *(f"0{n}" if n != 31 else "0๓1" for n in range(2, 44))]
"""The first cells of 002's O-item rows as written (lines 246-994): O1, 02 … 030, 0๓1, 032 … 043."""


def parse_file(path: Path) -> Document:
    return parse_text(path.read_bytes())


def o_item_rows(doc: Document) -> list[list[str]]:
    return [
        row.texts
        for table in doc.tables()
        for row in table.rows
        if row.cells and O_CODE.match(row.cells[0].text.strip())
    ]


def all_texts(doc: Document) -> list[str]:
    cells = [c.text for t in doc.tables() for r in t.rows for c in r.cells]
    return cells + [p.text for p in doc.paragraphs()]


def test_002_has_one_row_per_o_item_as_written(corpus: dict[str, Path]) -> None:
    rows = o_item_rows(parse_file(corpus["002"]))
    assert [r[0].strip() for r in rows] == O_CODES_IN_002
    assert len(rows) == 43


def test_002_o_item_rows_have_the_five_columns_of_their_header(corpus: dict[str, Path]) -> None:
    doc = parse_file(corpus["002"])
    o_tables = [t for t in doc.tables() if t.rows[0].texts[0] == "ข้อ"]
    assert o_tables, "no table headed ข้อ"
    for table in o_tables:
        assert table.rows[0].texts == [
            "ข้อ", "ข้อมูล", "องค์ประกอบด้านข้อมูล", "ผู้รับผิดชอบ", "ความก้าวหน้าผลการดำเนินการ",
        ]
    assert all(len(r) == 5 for r in o_item_rows(doc))


def test_002_glued_header_cells_do_not_stay_in_o_item_rows(corpus: dict[str, Path]) -> None:
    for row in o_item_rows(parse_file(corpus["002"])):
        last_line = row[-1].strip().splitlines()[-1].strip()
        assert last_line not in ("ข้อ", "ตัวชี้วัด"), row[0]


def test_002_repeated_headers_are_not_data_rows(corpus: dict[str, Path]) -> None:
    for table in parse_file(corpus["002"]).tables():
        header = ["".join(t.split()) for t in table.rows[0].texts]
        for row in table.rows[1:]:
            assert ["".join(t.split()) for t in row.texts] != header


def test_002_indicator_table_is_one_table_over_three_pages(corpus: dict[str, Path]) -> None:
    doc = parse_file(corpus["002"])
    [table] = [t for t in doc.tables() if t.rows[0].texts[0] == "ตัวชี้วัด"]
    firsts = [r.texts[0].strip() for r in table.rows[1:]]
    assert [regex.match(r"ตัวชี้วัดที่ \d", f).group() for f in firsts] == [
        f"ตัวชี้วัดที่ {n}" for n in range(1, 9)
    ]
    # the header repeats at lines 128 and 167, before indicators 4 and 6
    assert [r.after_break for r in table.rows[1:]] == [
        False, False, False, True, False, True, False, False,
    ]


def test_002_measures_table_has_rows_1_to_3(corpus: dict[str, Path]) -> None:
    doc = parse_file(corpus["002"])
    first = doc.tables()[0]
    assert [r.texts[0] for r in first.rows] == ["ลำดับ", "1", "2", "3"]
    assert first.rows[0].texts[1] == "มาตรการ/กิจกรรม"


def test_002_opening_tab_indented_paragraph_precedes_the_first_table(
    corpus: dict[str, Path],
) -> None:
    doc = parse_file(corpus["002"])
    first_table = next(i for i, b in enumerate(doc.blocks) if isinstance(b, Table))
    before = [b.text.strip() for b in doc.blocks[:first_table] if isinstance(b, Paragraph)]
    assert any(t.startswith("จากการประเมินผลคุณธรรมและความโปร่งใส") for t in before)


def test_002_has_no_markup_or_page_numbers_left(corpus: dict[str, Path]) -> None:
    texts = all_texts(parse_file(corpus["002"]))
    assert not [t for t in texts if "[bookmark:" in t or "[image:" in t]
    assert not [t for t in texts if regex.search(r"^\s*-\s*\d{1,2}\s*-", t, regex.M)]
    assert any(t.startswith("ตัวชี้วัดย่อยที่ 9.5") for t in texts)  # was "-12-ตัวชี้วัดย่อยที่ 9.5"


HEADER_000 = [
    "หัวข้อ", "มาตรการ/โครงการ/กิจกรรม", "ขั้นตอน/วิธีการปฏิบัติ", "ผู้รับผิดชอบ/ ผู้ที่เกี่ยวข้อง",
    "ระยะเวลา", "ผลการดำเนินงาน", "ผลลัพธ์หรือความสำเร็จ ของการดำเนินงาน",
]


def test_000_measures_table_is_one_table_of_eight_rows(corpus: dict[str, Path]) -> None:
    table = only_table(parse_file(corpus["000"]))
    assert table.rows[0].texts == HEADER_000
    assert len(table.rows) == 1 + 8
    assert table.rows[1].texts[0].startswith("1. กระบวนการปฏิบัติงานที่โปร่งใสและมีประสิทธิภาพ")


def test_000_rows_after_each_repeated_header_are_marked(corpus: dict[str, Path]) -> None:
    table = only_table(parse_file(corpus["000"]))
    firsts = [r.texts[0].strip()[:2] for r in table.rows[1:]]
    assert firsts == ["1.", "(ต", "2.", "3.", "4.", "5.", "6.", "7."]
    # headers repeat before lines 12, 16, 19, 22, 25 and 28
    assert [r.after_break for r in table.rows[1:]] == [
        False, True, False, True, True, True, True, True,
    ]


def test_000_html_residue_is_gone(corpus: dict[str, Path]) -> None:
    doc = parse_file(corpus["000"])
    assert not [t for t in all_texts(doc) if regex.search(r"</?(?:p|ol|ul|li)\b", t)]
    row5 = only_table(doc).rows[6]
    assert row5.texts[0] == "5. กระบวนการสร้างความโปร่งใสในการใช้งบประมาณและการจัดซื้อจัดจ้าง"
    assert row5.texts[3] == "กองคลัง"


def test_000_title_is_a_bold_paragraph(corpus: dict[str, Path]) -> None:
    title = parse_file(corpus["000"]).paragraphs()[0]
    assert title.bold is True
    assert "*" not in title.text
    assert title.text.startswith("รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส")


def test_004_plan_table_is_three_pages_stitched(corpus: dict[str, Path]) -> None:
    doc = parse_file(corpus["004"])
    [table] = [t for t in doc.tables() if t.rows[0].texts[0] == "แบบ"]
    assert table.rows[0].texts == [
        "แบบ", "ตัวชี้วัด", "ผลการประเมิน", "ประเด็นที่ต้องพัฒนา", "หน่วยงานรับผิดชอบ",
        "ระยะเวลาดำเนินงาน", "หมายเหตุ",
    ]
    assert [r.texts[0] for r in table.rows[1:]] == [
        "IIT", "", "", "", "", "EIT", "", "", "OIT", "",
    ]
    assert [r.texts[1] for r in table.rows[1:]] == [
        "การปฏิบัติหน้าที่", "การใช้งบประมาณ", "การใช้อำนาจ", "การใช้ทรัพย์สินของราชการ",
        "การแก้ไขปัญหาการทุจริต", "คุณภาพการดำเนินงาน", "ประสิทธิภาพการสื่อสาร",
        "การปรับปรุงการทำงาน", "การเปิดเผยข้อมูล", "การป้องกันการทุจริต",
    ]
    assert all(r.texts[-1] == "" for r in table.rows[1:])


def test_004_indicator_score_tables_are_not_stitched(corpus: dict[str, Path]) -> None:
    doc = parse_file(corpus["004"])
    score_tables = [t for t in doc.tables() if t.rows[0].texts[0].startswith("ตัวชี้วัดที่")]
    assert [len(t.rows) for t in score_tables] == [5, 3, 2]


# --- tables cut by page breaks, made from the corpus's own tables ------------------------

THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")


def squashed(table: Table) -> list[list[str]]:
    """A table's cell texts without whitespace: how a cut and joined cell is compared."""
    return [["".join(text.split()) for text in row.texts] for row in table.rows]


def measures_004(corpus: dict[str, Path]) -> tuple[str, list[str]]:
    """004's measures table (lines 15-29) as one piece: its header and its ten rows."""
    lines = corpus["004"].read_text(encoding="utf-8-sig").splitlines()[14:29]
    header = lines[0]
    return header, [line for line in lines[1:] if line.strip() and line != header]


def scores_004(corpus: dict[str, Path]) -> tuple[str, list[str]]:
    """A score table with 004's ten indicators (numbered `๑.` … `๑๐.`), average and grade."""
    _, rows = measures_004(corpus)
    cells = [row.split("\t") for row in rows]
    numbered = [f"{str(n).translate(THAI_DIGITS)}. {c[1]}\t{c[2]}"
                for n, c in enumerate(cells, start=1)]
    return "ตัวชี้วัด\tคะแนน", [*numbered, "คะแนนเฉลี่ย\t๙๙.๒๔", "ระดับ\tAA"]


def cut(row: str) -> tuple[str, str]:
    """A tab-separated row cut by a page break in its longest cell, at the space nearest the
    middle: the row's first part, and its rest with the other cells empty."""
    cells = row.split("\t")
    longest = max(range(len(cells)), key=lambda i: len(cells[i]))
    text = cells[longest]
    at = min((i for i, ch in enumerate(text) if ch == " "), key=lambda i: abs(i - len(text) // 2))
    first = [*cells[:longest], text[:at], *cells[longest + 1:]]
    rest = [""] * len(cells)
    rest[longest] = text[at + 1:]
    return "\t".join(first), "\t".join(rest)


@pytest.mark.parametrize("k", range(10))
def test_a_row_cut_before_the_repeated_header_is_joined_and_no_row_is_lost(
    corpus: dict[str, Path], k: int
) -> None:
    header, rows = measures_004(corpus)
    first, rest = cut(rows[k])
    split = parse(header, *rows[:k], first, "", rest, header, *rows[k + 1:])
    assert squashed(only_table(split)) == squashed(only_table(parse(header, *rows)))


def test_the_rest_of_a_cut_row_as_a_text_export_writes_it() -> None:
    header = "ลำดับ\tมาตรการ\tผู้รับผิดชอบ\tระยะเวลา\tปี\tหมายเหตุ"
    doc = parse(
        header,
        "๑.\tจัดทำคู่มือการให้บริการ\tสำนักปลัด\tต.ค. ๖๕\t๒๕๖๖\t",
        "๒.\tเปิดช่องทางรับฟังความคิดเห็น\tสำนักปลัด\tต.ค. ๖๕\t๒๕๖",
        "",
        "\tของประชาชนโดยตรง\t\t\t๖\t",
        header,
        "๓.\tประกาศเจตนารมณ์ต่อต้านการทุจริต\tสำนักปลัด\tต.ค. ๖๕\t๒๕๖๖\t",
    )
    assert squashed(only_table(doc))[1:] == [
        ["๑.", "จัดทำคู่มือการให้บริการ", "สำนักปลัด", "ต.ค.๖๕", "๒๕๖๖", ""],
        ["๒.", "เปิดช่องทางรับฟังความคิดเห็นของประชาชนโดยตรง", "สำนักปลัด", "ต.ค.๖๕", "๒๕๖๖", ""],
        ["๓.", "ประกาศเจตนารมณ์ต่อต้านการทุจริต", "สำนักปลัด", "ต.ค.๖๕", "๒๕๖๖", ""],
    ]
    assert [r.after_break for r in only_table(doc).rows] == [False, False, False, True]


@pytest.mark.parametrize("k", range(1, 10))
@pytest.mark.parametrize("between", [("",), ("", "-๔-", ""), ("-๑๒-",)])
def test_a_table_going_on_without_its_header_joins_by_its_numbering(
    corpus: dict[str, Path], k: int, between: tuple[str, ...]
) -> None:
    header, rows = scores_004(corpus)
    split = parse(header, *rows[:k], *between, *rows[k:])
    assert squashed(only_table(split)) == squashed(only_table(parse(header, *rows)))


@pytest.mark.parametrize("k", range(1, 9))
def test_a_row_cut_without_a_repeated_header_is_joined(
    corpus: dict[str, Path], k: int
) -> None:
    header, rows = scores_004(corpus)
    first, rest = cut(rows[k])
    split = parse(header, *rows[:k], first, "", rest, *rows[k + 1:])
    assert squashed(only_table(split)) == squashed(only_table(parse(header, *rows)))


def test_a_table_after_a_break_that_does_not_go_on_stays_apart(
    corpus: dict[str, Path]
) -> None:
    header, rows = scores_004(corpus)
    doc = parse(header, *rows[:3], "", "ปี\tคะแนน", "๒๕๖๕\t๙๙.๒๔", "๒๕๖๖\t๙๘.๑๐")
    assert [len(t.rows) for t in doc.tables()] == [4, 3]
