"""The properties the Word reader looks up only in the elements marked as having them: where
Word keeps each one, and where a look-alike elsewhere does not count."""

from __future__ import annotations

import pytest

from parsers.docx import parse_docx
from parsers.model import CHECKED, Paragraph, Table
from tests.support.docx_build import make_docx, p, tbl, tc, tr

BOLD = "<w:rPr><w:b/></w:rPr>"


def only_paragraph(body: str) -> Paragraph:
    [block] = parse_docx(make_docx(body)).blocks
    assert isinstance(block, Paragraph)
    return block


@pytest.mark.parametrize(("body", "bold"), [
    (f"<w:p><w:r>{BOLD}<w:t>หัวข้อ</w:t></w:r></w:p>", True),
    (f"<w:p><w:r><w:t>ปกติ </w:t></w:r><w:r>{BOLD}<w:t>หนา</w:t></w:r></w:p>", True),
    (f"<w:p><w:pPr>{BOLD}</w:pPr><w:r><w:t>เครื่องหมายย่อหน้า</w:t></w:r></w:p>", False),
    (f"<w:p><w:hyperlink><w:r>{BOLD}<w:t>ลิงก์</w:t></w:r></w:hyperlink></w:p>", False),
    (p("ปกติ"), False),
])
def test_a_paragraph_is_bold_by_a_bold_run_of_its_own(body: str, bold: bool) -> None:
    assert only_paragraph(body).bold is bold


@pytest.mark.parametrize(("run", "text"), [
    ("<w:r><w:rPr><w:rFonts w:ascii='WINGDINGS'/></w:rPr><w:t>þ</w:t></w:r>", CHECKED),
    ("<w:r><w:rPr><w:rFonts w:ascii='' w:hAnsi='Wingdings'/></w:rPr><w:t>þ</w:t></w:r>", CHECKED),
    ("<w:r><w:rPr><w:rFonts w:ascii='Tahoma' w:hAnsi='Wingdings'/></w:rPr><w:t>þ</w:t></w:r>", "þ"),
    ("<w:r><w:rPr><w:b/></w:rPr><w:rPr><w:rFonts w:ascii='Wingdings'/></w:rPr><w:t>þ</w:t></w:r>",
     CHECKED),
])
def test_a_run_is_in_a_symbol_font_by_its_first_fonts(run: str, text: str) -> None:
    assert only_paragraph(f"<w:p>{run}</w:p>").text == text


def test_a_symbol_font_of_the_paragraph_mark_is_not_the_runs() -> None:
    mark = "<w:pPr><w:rPr><w:rFonts w:ascii='Wingdings'/></w:rPr></w:pPr>"
    assert only_paragraph(f"<w:p>{mark}<w:r><w:t>þ</w:t></w:r></w:p>").text == "þ"


def test_a_list_number_is_read_only_from_the_paragraph_properties() -> None:
    ids = "<w:numPr><w:ilvl w:val='0'/><w:numId w:val='1'/></w:numPr>"
    body = f"<w:p><w:r><w:rPr>{ids}</w:rPr><w:t>ไม่ใช่รายการ</w:t></w:r></w:p>"
    assert only_paragraph(body).text == "ไม่ใช่รายการ"


def test_a_row_after_empty_grid_columns_starts_with_empty_cells() -> None:
    indented = "<w:tr><w:trPr><w:gridBefore w:val='2'/></w:trPr>" + tc(p("ค")) + "</w:tr>"
    [table] = parse_docx(make_docx(tbl(tr(tc(p("ก")), tc(p("ข")), tc(p("ค"))), indented))).blocks
    assert isinstance(table, Table)
    assert [c.text for c in table.rows[1].cells] == ["", "", "ค"]


def test_spans_and_merges_are_read_from_the_cells_first_properties() -> None:
    second = "<w:tcPr><w:gridSpan w:val='3'/></w:tcPr>"
    cell = f"<w:tc><w:tcPr><w:vMerge/></w:tcPr>{second}{p('ข')}</w:tc>"
    [table] = parse_docx(make_docx(tbl(tr(tc(p("ก")), cell)))).blocks
    assert isinstance(table, Table)
    merged = table.rows[0].cells[1]
    assert (merged.col_span, merged.merged_from_above, merged.text) == (1, True, "")
