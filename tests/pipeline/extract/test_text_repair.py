"""Thai mended between parsing and extraction, whatever the format: legacy font glyphs in Word
and text files become standard Thai before any matching, and the dictionary repairs of PDF
damage run only on documents whose text shows it."""

from __future__ import annotations

import copy
import re
from pathlib import Path

import pytest

from parsers import parse_bytes
from parsers.model import Cell, Document, Paragraph, Row, Table
from pipeline.extract.text_repair import repair_document
from pipeline.run.one_file import Converted, Input, convert_file
from tests.support.docx_build import make_docx, p, tbl, tc, tr
from tests.support.paths import CORPUS

TITLE = "มาตรการส่งเสริมคุณธรรมและความโปร่งใส เทศบาลตำบลหนองบัว ประจำปีงบประมาณ พ.ศ. 2567"
# As Word + TH SarabunPSK draws them: tone marks with no vowel above shifted down (U+F70A,
# U+F70B, U+F70E), SARA II on the tall ป shifted left (U+F702).
PUA_RESPONSIBLE = ["ผู\uf70bดำเนินการ", "หน\uf70aวยงานผู\uf70bรับผิดชอบ"]
PUA_WEBSITE = "ประชาสัมพันธ\uf70eทางเว็บไซต\uf70e"
PUA_FISCAL_YEAR = "ประจำป\uf702งบประมาณ"


def convert(path: Path, data: bytes) -> Converted:
    path.write_bytes(data)
    return convert_file(Input(path, path.name))


def word_table(*rows: tuple[str, ...]) -> str:
    return tbl(*(tr(*(tc(p(cell)) for cell in row)) for row in rows))


@pytest.mark.parametrize("responsible", PUA_RESPONSIBLE)
def test_a_word_table_headed_in_pua_glyphs_names_its_responsible_units(
    tmp_path: Path, responsible: str
) -> None:
    body = p(TITLE) + word_table(
        ("ลำดับ", "มาตรการ", "วิธีการดำเนินการ", "ห\uf70bวงเวลา", responsible),
        ("1", "จัดทำคู่มือการปฏิบัติงาน", "ประชุมชี้แจงบุคลากร", "ไตรมาสที่ 2", "กองคลัง"),
        ("2", "เปิดช่องทางร้องเรียนออนไลน์", PUA_WEBSITE, "ตลอดป\uf702งบประมาณ", "สำนักปลัด"),
    )
    converted = convert(tmp_path / "measures.docx", make_docx(body))
    measures = converted.tables["measures"]
    assert [m["responsible"] for m in measures] == [["กองคลัง"], ["สำนักปลัด"]]
    assert "UNKNOWN_COLUMN" not in [f["code"] for f in converted.tables["findings"]]
    assert [m["method"] for m in measures] == ["ประชุมชี้แจงบุคลากร", "ประชาสัมพันธ์ทางเว็บไซต์"]
    assert [m["period_text"] for m in measures] == ["ไตรมาสที่ 2", "ตลอดปีงบประมาณ"]


def test_a_text_title_in_pua_glyphs_gives_the_fiscal_year(tmp_path: Path) -> None:
    text = (f"รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส\n"
            f"องค์การบริหารส่วนตำบลหนองบัว {PUA_FISCAL_YEAR} พ.ศ. ๒๕๖๖\n\n"
            "องค์การบริหารส่วนตำบลหนองบัวได้ดำเนินการตามมาตรการครบทุกข้อ\n")
    document = convert(tmp_path / "report.txt", text.encode("utf-8")).document
    assert (document["fiscal_year"], document["org_name"]) == (2566, "องค์การบริหารส่วนตำบลหนองบัว")


def mended(text: str) -> tuple[str, int]:
    """A one-paragraph text report's paragraph after repair, and the repairs counted."""
    document = parse_bytes(text.encode("utf-8"), "txt")
    count = repair_document(document)
    return document.blocks[0].text, count


def test_correct_text_is_left_as_written() -> None:
    assert mended("เจ้าหน้าที่มีการออกประกาศเจตจำนงสุจริต") == (
        "เจ้าหน้าที่มีการออกประกาศเจตจำนงสุจริต", 0)


def test_text_copied_from_a_pdf_has_its_lost_sara_am_restored() -> None:
    # คำ in two glyphs (NIKHAHIT + SARA AA) shows the text came from a PDF's text layer;
    # putting it back in one is a change of encoding, not a repair
    assert mended("ผู้รับผิดชอบดาเนินการตามแผนประจาปี ตามค\u0e4d\u0e32สั่ง") == (
        "ผู้รับผิดชอบดำเนินการตามแผนประจำปี ตามคำสั่ง", 2)


def test_legacy_glyphs_alone_are_no_sign_of_lost_letters() -> None:
    # PUA glyphs are another encoding of the same letters: mapped back, nothing guessed
    assert mended("ผู\uf70bรับผิดชอบดาเนินการตามแผนประจาปี") == (
        "ผู้รับผิดชอบดาเนินการตามแผนประจาปี", 0)


def test_text_without_pdf_damage_keeps_what_only_a_pdf_would_lose() -> None:
    # ดา|เนินการ and ประ|จา|ปี read as words: with no sign of a PDF, nothing is guessed
    assert mended("ผู้รับผิดชอบดาเนินการตามแผนประจาปี") == (
        "ผู้รับผิดชอบดาเนินการตามแผนประจาปี", 0)


def test_typing_slips_are_mended_in_any_text() -> None:
    assert mended("ได้คะเเนนอยู่่ในระดับ A") == ("ได้คะแนนอยู่ในระดับ A", 2)


def test_each_text_is_mended_on_its_own_however_few_need_it() -> None:
    # a typing slip in one cell of a table, and legacy glyphs in one paragraph: the document's
    # text as a whole needs mending, and only those two texts change
    document = Document("txt", blocks=[
        Paragraph("มาตรการส่งเสริมคุณธรรม ประจำปี 2567"),
        Table(rows=[Row(cells=[Cell("ลำดับ"), Cell("ผู้รับผิดชอบ")]),
                    Row(cells=[Cell("1"), Cell("กองคลังได้คะเเนน")])]),
        Paragraph("หน\uf70aวยงานผู\uf70bรับผิดชอบ"),
    ])
    assert repair_document(document) == 1
    assert texts(document) == ["มาตรการส่งเสริมคุณธรรม ประจำปี 2567", "ลำดับ", "ผู้รับผิดชอบ",
                               "1", "กองคลังได้คะแนน", "หน่วยงานผู้รับผิดชอบ"]


def texts(document: Document) -> list[str]:
    """Every paragraph's and cell's text, in order."""
    return [text for block in document.blocks for text in (
        [block.text] if isinstance(block, Paragraph) else
        [cell.text for row in block.rows for cell in row.cells])]


@pytest.mark.parametrize("stem", ["000", "002", "004"])
def test_no_letter_of_the_corpus_reports_changes(stem: str) -> None:
    """The real reports are correct Thai but for spaces a PDF put inside words (000's เพื่ อ):
    repair may remove spaces, never change a letter."""
    path = next(CORPUS.glob(f"{stem}_*.txt"))
    written = parse_bytes(path.read_bytes())
    document = copy.deepcopy(written)
    repair_document(document)
    assert [re.sub(" ", "", t) for t in texts(document)] == [
        re.sub(" ", "", t) for t in texts(written)]


@pytest.mark.parametrize("stem", ["002", "004"])
def test_reports_without_pdf_damage_come_through_unrepaired(stem: str) -> None:
    path = next(CORPUS.glob(f"{stem}_*.txt"))
    written = parse_bytes(path.read_bytes())
    document = copy.deepcopy(written)
    assert (repair_document(document), texts(document)) == (0, texts(written))
