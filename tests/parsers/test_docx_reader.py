"""The DOCX reader on small Word documents made in the test."""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from parsers import parse_bytes
from parsers.docx import parse_docx
from parsers.errors import ParseError
from parsers.model import CHECKED, UNCHECKED, Paragraph, Table
from pipeline.extract.column_roles import view
from pipeline.extract.document import extract
from tests.support.docx_build import NS, make_docx, p, tbl, tc, tr

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


def edit_parts(data: bytes, edit: Callable[[str, bytes], bytes | None]) -> bytes:
    """The package with each part replaced by `edit(name, content)`, left out where None."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            content = edit(info.filename, source.read(info))
            if content is not None:
                target.writestr(info, content)
    return out.getvalue()


def part(data: bytes, name: str) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return package.read(name)


def test_a_document_without_a_numbering_part_has_no_list_numbers() -> None:
    def drop_numbering(name: str, content: bytes) -> bytes | None:
        if name == "word/numbering.xml":
            return None
        return re.sub(rb"<Relationship [^>]*numbering[^>]*/>", b"", content)

    data = edit_parts(make_docx(numbered("จัดทำคู่มือ", 1), numbering=NUMBERING), drop_numbering)
    assert b"numbering" not in part(data, "word/_rels/document.xml.rels")
    assert [b.text for b in parse_docx(data).blocks] == ["จัดทำคู่มือ"]


STRICT_URIS = {  # the Transitional URIs make_docx writes in the parts read, and ISO Strict's
    b"http://schemas.openxmlformats.org/wordprocessingml/2006/main":
        b"http://purl.oclc.org/ooxml/wordprocessingml/main",
    b"http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties":
        b"http://purl.oclc.org/ooxml/officeDocument/relationships/extendedProperties",
    b"http://schemas.openxmlformats.org/officeDocument/2006/relationships":
        b"http://purl.oclc.org/ooxml/officeDocument/relationships",
}


def test_an_iso_strict_document_reads_as_its_transitional_form() -> None:
    body = (p("รายงานผล") + numbered("จัดทำคู่มือ", 1) + numbered("ย่อย", 1, 1)
            + tbl(tr(tc(p("ข้อ")), tc(p("ข้อมูล"))), tr(tc(p("O1")), tc(p("โครงสร้าง")))))
    transitional = make_docx(body, numbering=NUMBERING)

    def to_strict(name: str, content: bytes) -> bytes:
        for uri, strict in STRICT_URIS.items():
            content = content.replace(uri, strict)
        return content

    strict = edit_parts(transitional, to_strict)
    assert b"purl.oclc.org/ooxml/wordprocessingml/main" in part(strict, "word/document.xml")
    assert b"schemas.openxmlformats.org/wordprocessingml" not in part(strict, "word/document.xml")
    read = parse_docx(strict).blocks
    assert [b.text for b in read[:3] if isinstance(b, Paragraph)] == [
        "รายงานผล", "1. จัดทำคู่มือ", "๑) ย่อย"]
    assert read == parse_docx(transitional).blocks


def minimal_docx(document_xml: bytes) -> bytes:
    """A Word package of nothing but its content types, its relationship and `document_xml`."""
    types = ('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
             '<Default Extension="rels" '
             'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
             '<Override PartName="/word/document.xml" ContentType="application/'
             'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
    rels = ('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Target="word/document.xml" Type="http://schemas.'
            'openxmlformats.org/officeDocument/2006/relationships/officeDocument"/>'
            '</Relationships>')
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", types)
        package.writestr("_rels/.rels", rels)
        package.writestr("word/document.xml", document_xml)
    return out.getvalue()


def test_the_minimal_package_is_read() -> None:
    xml = f"<w:document {NS}><w:body>{p('ก')}</w:body></w:document>".encode()
    assert [b.text for b in parse_bytes(minimal_docx(xml)).blocks] == ["ก"]


def test_a_document_nested_past_the_xml_depth_limit_says_what_it_is(tmp_path: Path) -> None:
    depth = 300_000
    xml = (f"<w:document {NS}><w:body><w:p>".encode() + b"<w:hyperlink>" * depth
           + b"<w:r><w:t>x</w:t></w:r>" + b"</w:hyperlink>" * depth
           + b"</w:p></w:body></w:document>")
    path = tmp_path / "deep.docx"
    path.write_bytes(minimal_docx(xml))
    with pytest.raises(ParseError) as raised:
        parse_bytes(path.read_bytes())
    assert str(raised.value).startswith(
        "The Word file's content is nested deeper than a reader can follow (more than 256 "
        "levels of elements); it is not a normal report, probably made by a program to break "
        "readers.")


@pytest.mark.parametrize("content_type", [
    b"application/vnd.ms-word.document.macroEnabled.main+xml",
    b"application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
])
def test_macro_enabled_documents_and_templates_are_read(content_type: bytes) -> None:
    document = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"

    def retype(name: str, content: bytes) -> bytes:
        return content.replace(document, content_type) if name == "[Content_Types].xml" else content

    data = edit_parts(make_docx(p("ก") + numbered("ข", 1), numbering=NUMBERING), retype)
    assert [b.text for b in parse_docx(data).blocks] == ["ก", "1. ข"]


def test_a_main_part_that_is_no_word_document_is_a_clear_parse_error() -> None:
    with pytest.raises(ParseError, match="main part is not a Word document"):
        parse_docx(minimal_docx(b"<html><body>report</body></html>"))


def test_rows_and_cells_inside_content_controls_are_kept() -> None:
    def control(content: str) -> str:
        return f"<w:sdt><w:sdtPr/><w:sdtContent>{content}</w:sdtContent></w:sdt>"

    table = tbl(tr(tc(p("ข้อ")), tc(p("ข้อมูล"))),
                control(tr(tc(p("O1")), control(tc(p("โครงสร้าง"))))),
                tr(tc(p("O2")), tc(p("ข้อมูลผู้บริหาร"))))
    [read] = parse_docx(make_docx(table)).blocks
    assert isinstance(read, Table)
    assert [r.texts for r in read.rows] == [
        ["ข้อ", "ข้อมูล"], ["O1", "โครงสร้าง"], ["O2", "ข้อมูลผู้บริหาร"]]


def test_moved_text_is_read_where_it_went() -> None:
    moved = ("<w:p><w:moveFrom w:id='1' w:author='a'><w:r><w:t>ย้าย</w:t></w:r></w:moveFrom>"
             "<w:r><w:t>คงที่ </w:t></w:r>"
             "<w:moveTo w:id='2' w:author='a'><w:r><w:t>ย้าย</w:t></w:r></w:moveTo></w:p>")
    assert only_paragraph_text(moved) == "คงที่ ย้าย"


def test_numbers_no_report_has_are_kept_within_words_limits() -> None:
    row = tr(tc(p("ก"), props="<w:gridSpan w:val='999999999'/>"))
    levels = ("<w:abstractNum w:abstractNumId='0'><w:lvl w:ilvl='0'>"
              "<w:start w:val='999999999'/><w:numFmt w:val='upperLetter'/>"
              "<w:lvlText w:val='%1.'/></w:lvl></w:abstractNum>"
              "<w:num w:numId='1'><w:abstractNumId w:val='0'/></w:num>")
    bad_level = "<w:p><w:pPr><w:numPr><w:ilvl w:val='x'/><w:numId w:val='1'/></w:numPr></w:pPr>"
    body = tbl(row) + numbered("ข", 1) + bad_level + "<w:r><w:t>ค</w:t></w:r></w:p>"
    table, listed, unnumbered = parse_docx(make_docx(body, numbering=levels)).blocks
    assert isinstance(table, Table)
    assert table.rows[0].cells[0].col_span == 63
    # Word starts a list at 32767 at most; its 32767th letter label is the 7th letter (G)
    # written 1261 times (A-Z, AA-ZZ, …: 32767 = 26 × 1260 + 7); a level that is no number
    # is level 0, so the next item is the 8th letter (H) 1261 times.
    assert listed.text == f"{'G' * 1261}. ข"
    assert unnumbered.text == f"{'H' * 1261}. ค"


def encrypted(data: bytes, name: bytes) -> bytes:
    """The zip with part `name` flagged as encrypted in its central directory (offset 8 of an
    entry holds the flags, bit 0 encryption; offset 46 the name)."""
    out = bytearray(data)
    for entry in re.finditer(rb"PK\x01\x02", data):
        at = entry.start()
        if data[at + 46:at + 46 + len(name)] == name:
            out[at + 8] |= 0x1
    return bytes(out)


def test_a_part_encrypted_inside_the_zip_is_a_clear_parse_error() -> None:
    data = encrypted(make_docx(p("ก")), b"word/document.xml")
    with pytest.raises(ParseError, match="its part word/document.xml is encrypted inside the zip"):
        parse_bytes(data)


def test_a_strict_document_that_cannot_be_read_says_it_is_strict() -> None:
    def broken_strict(name: str, content: bytes) -> bytes:
        if name == "word/document.xml":
            return b"<w:document xmlns:w='http://purl.oclc.org/ooxml/wordprocessingml/main'>"
        return content.replace(b"http://schemas.openxmlformats.org/officeDocument/2006/",
                               b"http://purl.oclc.org/ooxml/officeDocument/")

    with pytest.raises(ParseError, match='ISO Strict Open XML .* "Word Document \\(.docx\\)"'):
        parse_docx(edit_parts(make_docx(p("ก")), broken_strict))


# --- a table split into two Word tables (one per page) --------------------------------------

SCORE_HEADER = ("ตัวชี้วัด", "คะแนน")
SCORE_ROWS = [
    ("๑. การปฏิบัติหน้าที่", "๑๐๐"), ("๒. การใช้งบประมาณ", "๑๐๐"), ("๓. การใช้อำนาจ", "๙๙.๔๕"),
    ("๔. การใช้ทรัพย์สินของราชการ", "๙๘.๗๘"), ("๕. การแก้ไขปัญหาการทุจริต", "๙๙.๘๔"),
    ("๖. คุณภาพการดำเนินงาน", "๙๙.๕๘"), ("๗. ประสิทธิภาพการสื่อสาร", "๙๗.๕๑"),
    ("๘. การปรับปรุงการทำงาน", "๙๖.๕๓"), ("๙. การเปิดเผยข้อมูล", "๑๐๐"),
    ("๑๐. การป้องกันการทุจริต", "๑๐๐"), ("คะแนนเฉลี่ย", "๙๙.๒๔"), ("ระดับ", "AA"),
]
"""004's indicators and scores (line 11 and lines 15-29 of the report) as a score table."""


def word_row(*texts: str) -> str:
    return tr(*(tc(p(t)) for t in texts))


def squashed_rows(body: str) -> list[list[str]]:
    [table] = [b for b in parse_docx(make_docx(body)).blocks if isinstance(b, Table)]
    return [["".join(c.text.split()) for c in row.cells] for row in table.rows]


WHOLE = tbl(word_row(*SCORE_HEADER), *(word_row(*r) for r in SCORE_ROWS))


@pytest.mark.parametrize("between", ["", "<w:p/>"])
@pytest.mark.parametrize("header", [True, False])
@pytest.mark.parametrize("k", [1, 4, 9])
def test_a_table_split_into_two_word_tables_is_one(between: str, header: bool, k: int) -> None:
    repeat = [word_row(*SCORE_HEADER)] if header else []
    split = (tbl(word_row(*SCORE_HEADER), *(word_row(*r) for r in SCORE_ROWS[:k])) + between
             + tbl(*repeat, *(word_row(*r) for r in SCORE_ROWS[k:])))
    assert squashed_rows(p("ผลคะแนน") + split + p("จบ")) == squashed_rows(p("ผลคะแนน") + WHOLE)


@pytest.mark.parametrize("k", [1, 4, 8])
def test_the_rest_of_a_cut_row_before_the_repeated_header_finishes_that_row(k: int) -> None:
    name, score = SCORE_ROWS[k]
    head, tail = name[:len(name) // 2], name[len(name) // 2:]
    split = (tbl(word_row(*SCORE_HEADER), *(word_row(*r) for r in SCORE_ROWS[:k]),
                 word_row(head, score)) + "<w:p/>"
             + tbl(word_row(tail, ""), word_row(*SCORE_HEADER),
                   *(word_row(*r) for r in SCORE_ROWS[k + 1:])))
    assert squashed_rows(split) == squashed_rows(WHOLE)


def test_a_word_table_after_an_empty_paragraph_that_does_not_go_on_stays_apart() -> None:
    body = (tbl(word_row(*SCORE_HEADER), *(word_row(*r) for r in SCORE_ROWS[:3])) + "<w:p/>"
            + tbl(word_row("ปี", "คะแนน"), word_row("๒๕๖๕", "๙๙.๒๔")))
    assert [len(t.rows) for t in parse_docx(make_docx(body)).tables()] == [4, 2]
