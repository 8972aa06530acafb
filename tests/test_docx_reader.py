"""The DOCX reader on small Word documents made in the test."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from parsers import parse_bytes
from parsers.docx import parse_docx
from parsers.errors import ParseError
from parsers.model import CHECKED, UNCHECKED, Paragraph, Table
from pipeline.extract import extract
from pipeline.headers import view
from tests.docx_build import make_docx, p, tbl, tc, tr

SYM = "<w:r><w:sym w:font='{font}' w:char='{char}'/></w:r>"
CONTENT_CONTROL = (
    "<w:sdt><w:sdtPr><w14:checkbox><w14:checked w14:val='{on}'/></w14:checkbox></w:sdtPr>"
    "<w:sdtContent><w:r><w:t>{glyph}</w:t></w:r></w:sdtContent></w:sdt>"
)
LEGACY = (
    "<w:r><w:fldChar w:fldCharType='begin'><w:ffData><w:checkBox><w:sizeAuto/>"
    "<w:default w:val='{on}'/></w:checkBox></w:ffData></w:fldChar></w:r>"
    "<w:r><w:instrText> FORMCHECKBOX </w:instrText></w:r>"
    "<w:r><w:fldChar w:fldCharType='end'/></w:r>"
)


def only_paragraph_text(body: str) -> str:
    [block] = parse_docx(make_docx(body)).blocks
    assert isinstance(block, Paragraph)
    return block.text


def test_paragraphs_and_tables_keep_their_reading_order() -> None:
    doc = parse_docx(make_docx(
        p("ก่อนตาราง") + tbl(tr(tc(p("ก")), tc(p("ข")))) + p("หลังตาราง")
    ))
    assert [type(b).__name__ for b in doc.blocks] == ["Paragraph", "Table", "Paragraph"]
    assert doc.source_format == "docx"


def test_cell_paragraphs_are_lines_and_nested_tables_are_kept() -> None:
    nested = tbl(tr(tc(p("ใน 1")), tc(p("ใน 2"))))
    outer = tbl(tr(tc(p("บรรทัด 1"), p("บรรทัด 2")), tc(p("x"), nested)))
    [table] = parse_docx(make_docx(outer)).blocks
    assert isinstance(table, Table)
    assert [c.text for c in table.rows[0].cells] == ["บรรทัด 1\nบรรทัด 2", "x\nใน 1  ใน 2"]


def test_horizontal_merge_is_one_cell_whose_text_is_not_repeated() -> None:
    header = tr(tc(p("มาตรการ")), tc(p("ผู้รับผิดชอบ")), tc(p("ระยะเวลา")))
    row = tr(tc(p("จัดอบรม")), tc(p("กองคลัง ตลอดปีงบประมาณ"), props="<w:gridSpan w:val='2'/>"))
    [table] = parse_docx(make_docx(tbl(header, row))).blocks
    cells = table.rows[1].cells
    assert [(c.text, c.col_span) for c in cells] == [("จัดอบรม", 1), ("กองคลัง ตลอดปีงบประมาณ", 2)]
    tv = view(table)
    assert tv is not None
    assert tv.cell(tv.rows[0], "responsible") == "กองคลัง ตลอดปีงบประมาณ"
    assert tv.cell(tv.rows[0], "period") == ""


def test_vertical_merge_is_a_continuation_that_views_inherit() -> None:
    header = tr(tc(p("มาตรการ")), tc(p("ผู้รับผิดชอบ")))
    first = tr(tc(p("จัดอบรม")), tc(p("สำนักปลัด"), props="<w:vMerge w:val='restart'/>"))
    second = tr(tc(p("เผยแพร่คู่มือ")), tc(props="<w:vMerge/>"))
    [table] = parse_docx(make_docx(tbl(header, first, second))).blocks
    merged = table.rows[2].cells[1]
    assert (merged.text, merged.merged_from_above) == ("", True)
    tv = view(table)
    assert tv is not None
    assert [tv.cell(r, "responsible") for r in tv.rows] == ["สำนักปลัด", "สำนักปลัด"]


NUMBERING = """
<w:abstractNum w:abstractNumId="0">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>
    <w:lvlText w:val="%1."/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="thaiNumbers"/>
    <w:lvlText w:val="%2)"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="1">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
"""


def numbered(text: str, num_id: int, level: int = 0) -> str:
    ids = f"<w:ilvl w:val='{level}'/><w:numId w:val='{num_id}'/>"
    return f"<w:p><w:pPr><w:numPr>{ids}</w:numPr></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"


def test_automatic_list_numbers_are_rendered() -> None:
    body = (numbered("จัดทำคู่มือ", 1) + numbered("ย่อยแรก", 1, 1) + numbered("ย่อยสอง", 1, 1)
            + numbered("เผยแพร่", 1) + numbered("ย่อยใหม่", 1, 1) + numbered("จุด", 2))
    doc = parse_docx(make_docx(body, numbering=NUMBERING))
    assert [b.text for b in doc.blocks] == [
        "1. จัดทำคู่มือ", "๑) ย่อยแรก", "๒) ย่อยสอง", "2. เผยแพร่", "๑) ย่อยใหม่", "จุด",
    ]


@pytest.mark.parametrize(("inline", "glyph"), [
    (p("☒ ดำเนินการ"), CHECKED),
    (p("✔ ดำเนินการ"), CHECKED),
    (p("□ ดำเนินการ"), UNCHECKED),
    (SYM.format(font="Wingdings 2", char="F052"), CHECKED),
    (SYM.format(font="Wingdings 2", char="F054"), CHECKED),
    (SYM.format(font="Wingdings 2", char="F0A3"), UNCHECKED),
    (SYM.format(font="Wingdings", char="F0FE"), CHECKED),
    (SYM.format(font="Wingdings", char="F0FD"), CHECKED),
    (SYM.format(font="Wingdings", char="F0A8"), UNCHECKED),
    (SYM.format(font="Wingdings", char="F06F"), UNCHECKED),
    (SYM.format(font="Webdings", char="F061"), CHECKED),
    (SYM.format(font="Webdings", char="F063"), UNCHECKED),
    (CONTENT_CONTROL.format(on="1", glyph="☒"), CHECKED),
    (CONTENT_CONTROL.format(on="0", glyph="☐"), UNCHECKED),
    (LEGACY.format(on="1"), CHECKED),
    (LEGACY.format(on="0"), UNCHECKED),
    ("<w:r><w:rPr><w:rFonts w:ascii='Wingdings' w:hAnsi='Wingdings'/></w:rPr><w:t>þ</w:t></w:r>",
     CHECKED),
    ("<w:r><w:rPr><w:rFonts w:ascii='Wingdings' w:hAnsi='Wingdings'/></w:rPr><w:t>¨</w:t></w:r>",
     UNCHECKED),
])
def test_every_check_box_form_becomes_a_model_glyph(inline: str, glyph: str) -> None:
    label = "<w:r><w:t xml:space='preserve'> ดำเนินการ</w:t></w:r>"
    body = inline if inline.startswith("<w:p>") else f"<w:p>{inline}{label}</w:p>"
    assert only_paragraph_text(body) == f"{glyph} ดำเนินการ"


def test_page_number_paragraphs_are_dropped() -> None:
    doc = parse_docx(make_docx(p("- ๒ -") + p("-3-") + p("12") + p("ข้อความ 12 ข้อ")))
    assert [b.text for b in doc.blocks] == ["ข้อความ 12 ข้อ"]


def test_page_count_comes_from_app_xml() -> None:
    assert parse_docx(make_docx(p("ก"), pages=7)).page_count == 7


def test_pages_follow_word_rendered_page_breaks() -> None:
    brk = "<w:r><w:lastRenderedPageBreak/><w:t>หน้าสอง</w:t></w:r>"
    doc = parse_docx(make_docx(p("หน้าแรก") + f"<w:p>{brk}</w:p>" + p("ต่อ")))
    assert [(b.text, b.page) for b in doc.blocks] == [("หน้าแรก", 1), ("หน้าสอง", 2), ("ต่อ", 2)]


def test_without_rendered_breaks_pages_are_unknown() -> None:
    assert [b.page for b in parse_docx(make_docx(p("ก") + p("ข"))).blocks] == [None, None]


def test_a_damaged_docx_is_a_clear_parse_error() -> None:
    data = make_docx(p("ก"))
    with pytest.raises(ParseError, match="damaged"):
        parse_bytes(data[: len(data) // 2], "docx")


def test_o_item_status_from_each_check_box_form() -> None:
    def status_cell(done: str, not_done: str) -> str:
        return tc(f"<w:p>{not_done}<w:r><w:t> ยังไม่ได้ดำเนินการ</w:t></w:r></w:p>",
                  f"<w:p>{done}<w:r><w:t> ดำเนินการ</w:t></w:r></w:p>", p("- เผยแพร่แล้ว"))

    def row(code: str, done: str, not_done: str) -> str:
        return tr(tc(p(code)), tc(p("ข้อมูล")), status_cell(done, not_done))

    sym_on, sym_off = (SYM.format(font="Wingdings 2", char=c) for c in ("F052", "F0A3"))
    cc_on, cc_off = (CONTENT_CONTROL.format(on=v, glyph=g) for v, g in (("1", "☒"), ("0", "☐")))
    glyph_on, glyph_off = "<w:r><w:t>☑</w:t></w:r>", "<w:r><w:t>☐</w:t></w:r>"
    body = p("รายงาน องค์การบริหารส่วนตำบลหนองบัว ประจำปีงบประมาณ พ.ศ. 2567") + tbl(
        tr(tc(p("ข้อ")), tc(p("ข้อมูล")), tc(p("ความก้าวหน้าผลการดำเนินการ"))),
        row("O1", glyph_on, glyph_off), row("O2", glyph_off, glyph_on),
        row("O16", sym_on, sym_off), row("O17", sym_off, sym_on),
        row("O31", cc_on, cc_off), row("O32", cc_off, cc_on),
    )
    items = extract(parse_docx(make_docx(body)), "d").o_items
    assert [(i["code"], i["status"]) for i in items] == [
        ("O1", "done"), ("O2", "not_done"), ("O16", "done"), ("O17", "not_done"),
        ("O31", "done"), ("O32", "not_done"),
    ]
    assert {i["evidence"] for i in items} == {"- เผยแพร่แล้ว"}


@pytest.mark.skipif(shutil.which("soffice") is None and not os.environ.get("CI"),
                    reason="LibreOffice is not installed here (CI installs it)")
def test_a_legacy_doc_file_converts(tmp_path: Path) -> None:
    source = tmp_path / "report.docx"
    table = tbl(tr(tc(p("ข้อ")), tc(p("ข้อมูล"))), tr(tc(p("O1")), tc(p("โครงสร้าง"))))
    source.write_bytes(make_docx(p("รายงานผล องค์การบริหารส่วนตำบลหนองบัว") + table + p("จบ")))
    subprocess.run(
        ["soffice", f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
         "--convert-to", "doc", "--outdir", str(tmp_path), str(source)],
        check=True, capture_output=True, timeout=120,
    )
    doc = parse_bytes((tmp_path / "report.doc").read_bytes())
    assert doc.source_format == "doc"
    assert doc.blocks[0].text == "รายงานผล องค์การบริหารส่วนตำบลหนองบัว"
    table = doc.blocks[1]
    assert isinstance(table, Table)
    assert [[c.text for c in r.cells] for r in table.rows] == [["ข้อ", "ข้อมูล"], ["O1", "โครงสร้าง"]]
