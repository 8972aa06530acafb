"""The PDF reader: Thai text repair, line and cell assembly, tables over pages, scans, passwords."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
from pathlib import Path

import pikepdf
import pytest

from normalise.pua import standard_thai
from parsers import parse_bytes
from parsers.errors import ParseError
from parsers.glyphs import symbol_text
from parsers.model import CHECKED, UNCHECKED, Paragraph, Table
from parsers.pdf import parse_pdf
from parsers.pdf_settings import DEFAULT_SETTINGS, PdfSettings
from parsers.pdf_text import clusters, joiner, lines, starts_paragraph
from pipeline.run.one_file import Input, convert_file
from tests.support.docx_build import make_docx, p, tbl, tc, tr
from tests.support.paths import FIXTURES
from tests.support.pdf_build import make_pdf

PDF_004 = FIXTURES / "pdf" / "004_20768b841998a7f2.pdf"


@pytest.mark.parametrize(("drawn", "meant"), [
    ("\u0e19\uf70b\u0e33", "น้ำ"),  # MAI THO shifted down (Windows PUA)
    ("\u0e1b\uf713", "ป่"),  # MAI EK shifted left, on an ascender
    ("\u0e1b\uf701\uf714", "ปิ้"),  # SARA I and MAI THO shifted left
    ("\u0e1b\uf706", "ป้"),  # MAI THO shifted down-left
    ("\uf700\u0e32\u0e19", "ฐาน"),  # THO THAN without its descender
    ("\u0e01\uf70f\u0e39", "กญู"),  # YO YING without its descender
    ("\u0e01\uf88e", "ก้"),  # MAI THO shifted down (Mac PUA)
    ("\u0e14\u0e4d\u0e32", "ดำ"),  # SARA AM drawn as NIKHAHIT + SARA AA
    ("\u0e19\u0e4d\u0e49\u0e32", "น้ำ"),  # ... with the tone mark between
    ("\u0e19\u0e33\u0e49", "น้ำ"),  # tone mark after SARA AM
])
def test_repair_thai_maps_pua_glyphs_and_recomposes_sara_am(drawn: str, meant: str) -> None:
    assert standard_thai(drawn) == meant


def char(text: str, x0: float, x1: float, top: float = 100.0) -> dict:
    return {"text": text, "x0": x0, "x1": x1, "top": top, "bottom": top + 16, "size": 16.0}


def test_zero_width_marks_stay_on_the_base_drawn_before_them() -> None:
    # ข้อมูล as LibreOffice draws it: each mark has no width and stands where the next base starts
    drawn = [char("ข", 10, 20), char("้", 20, 20), char("อ", 20, 29), char("ม", 29, 39),
             char("ู", 39, 39), char("ล", 39, 48)]
    [line] = lines(clusters(drawn))
    assert line.text == "ข้อมูล"


def test_a_decimal_at_a_line_start_continues_the_paragraph() -> None:
    # "... เท่ากับ" then "๙๙.๖๑ คะแนน": the number would not fit, and ๙๙. is no list mark
    prev, line = lines(clusters(
        [char("ก", 10, 190), char("๙", 10, 19, 120), char("๙", 19, 28, 120),
         char(".", 28, 31, 120), char("๖", 31, 40, 120), char("๑", 40, 49, 120)]))
    assert not starts_paragraph(prev, line, 200)


def test_spaces_only_where_the_page_shows_them() -> None:
    drawn = [char("ก", 10, 19), char("า", 19.5, 26), char("ร", 26, 33),  # justified: small gaps
             char("ร", 40, 47), char("ั", 47, 47), char("บ", 47, 56)]  # a word gap of 7 pt
    [line] = lines(clusters(drawn))
    assert line.text == "การ รับ"


@pytest.mark.parametrize(("before", "after", "between"), [
    ("ทุก", "สำนัก/", ""),  # inside Thai text
    ("สำนัก/", "กอง", ""),  # after a slash
    ("๑๐๐", "คะแนน", " "),  # a digit and a letter were apart
    ("โครงการต่างๆ", "การสรุปผลงาน", " "),  # MAIYAMOK is followed by a space
    ("Facebook", "Line", " "),
])
def test_joiner(before: str, after: str, between: str) -> None:
    assert joiner(before, after) == between


@pytest.mark.parametrize(("text", "font", "read"), [
    ("\uf052", "EAAAAA+OpenSymbol", CHECKED),  # LibreOffice keeps Wingdings 2's code
    ("\uf0a3", "EAAAAA+OpenSymbol", UNCHECKED),
    ("\uf0fe", "ABCDEF+Wingdings-Regular", CHECKED),  # Word names the font
    ("\uf0a8", "ABCDEF+Wingdings-Regular", UNCHECKED),
    ("ก", "BAAAAA+Laksaman", "ก"),
])
def test_symbol_font_check_boxes_in_text_layers(text: str, font: str, read: str) -> None:
    assert symbol_text(text, font) == read


@pytest.fixture(scope="module")
def report_004() -> list:
    return parse_bytes(PDF_004.read_bytes()).blocks


def test_thai_text_reads_as_a_person_reads_it(report_004: list) -> None:
    text = "\n".join(b.text for b in report_004 if isinstance(b, Paragraph))
    assert "เทศบาลตำบลลำน้ำพอง" in text
    assert "ตามที่ได้ดำเนินการวิเคราะห์ผลการประเมิน ITA" in text
    assert "ดังต่อไปนี้" in text
    for damage in ("ดำา", "ำา", "!", "\ufffd"):
        assert damage not in text


def test_a_table_over_seven_pages_is_one_table_with_cut_rows_joined(report_004: list) -> None:
    table = next(b for b in report_004 if isinstance(b, Table))
    assert len(table.rows) == 11  # the header and the ten indicators, header repeats dropped
    assert [r.cells[1].text for r in table.rows[1:3]] == ["การปฏิบัติหน้าที่", "การใช้งบประมาณ"]
    cut = table.rows[4]  # starts at the foot of page 2, goes on at the top of page 3
    assert (cut.cells[1].text, cut.cells[2].text) == ("การใช้ทรัพย์สินของราชการ", "๙๘.๗๘")
    assert (cut.page_start, cut.page_end) == (2, 3)
    assert cut.cells[4].text == "สำนักปลัด"


def test_vertically_merged_cells_are_reported_as_merged(report_004: list) -> None:
    table = next(b for b in report_004 if isinstance(b, Table))
    tool_column = [(r.cells[0].text, r.cells[0].merged_from_above) for r in table.rows[1:4]]
    assert tool_column == [("IIT", False), ("", True), ("", True)]


def test_default_settings_are_what_the_reader_uses(report_004: list) -> None:
    assert PdfSettings() == DEFAULT_SETTINGS
    assert parse_pdf(PDF_004.read_bytes(), settings=PdfSettings()).blocks == report_004


def test_settings_reach_the_reader() -> None:
    # no gap below a row's text counts as cut: the rows cut by page breaks stay apart
    blocks = parse_pdf(PDF_004.read_bytes(), settings=PdfSettings(cut_text_gap=0.001)).blocks
    assert len(next(b for b in blocks if isinstance(b, Table)).rows) > 11


@pytest.mark.parametrize("bad", [
    {"unruled_filled": 1.5},
    {"undecodable_share": -0.1},
    {"undecodable_share": float("nan")},
    {"same_column": 0},
    {"cut_lines": -1.0},
    {"ruled_tables": {"vertical_strategy": "guess"}},
    {"ruled_tables": {"snap_tolerance": -1}},
    {"unruled_tables": {"no_such_setting": 1}},
])
def test_bad_settings_are_refused(bad: dict) -> None:
    with pytest.raises(ValueError, match="PdfSettings"):
        PdfSettings(**bad)


def test_table_settings_cannot_be_changed_after_the_check() -> None:
    tables = {"vertical_strategy": "lines", "horizontal_strategy": "lines"}
    settings = PdfSettings(ruled_tables=tables)
    tables["snap_tolerance"] = -1
    assert "snap_tolerance" not in settings.ruled_tables
    with pytest.raises(TypeError):
        settings.ruled_tables["snap_tolerance"] = -1  # type: ignore[index]


def test_scanned_pages_make_a_partial_document_with_a_finding(tmp_path: Path) -> None:
    path = tmp_path / "mixed.pdf"
    path.write_bytes(make_pdf(["Report page one", None, None]))
    result = convert_file(Input(path, path.name))
    doc = result.document
    assert (doc["status"], doc["source_format"], doc["page_count"]) == ("partial", "pdf", 3)
    assert "Pages 2-3 of 3" in doc["error"]
    [finding] = [f for f in result.tables["findings"] if f["code"] == "NO_TEXT_LAYER"]
    assert (finding["severity"], finding["page"]) == ("warning", 2)


def test_a_blank_page_is_not_a_lost_page(tmp_path: Path) -> None:
    with pikepdf.open(io.BytesIO(make_pdf(["Report page one"]))) as pdf:
        pdf.add_blank_page(page_size=(595, 842))
        out = io.BytesIO()
        pdf.save(out)
    document = parse_bytes(out.getvalue())
    assert (document.blank_pages, document.pages_without_text) == ([2], [])
    path = tmp_path / "blank_end.pdf"
    path.write_bytes(out.getvalue())
    result = convert_file(Input(path, path.name))
    assert result.document["status"] == "ok"
    assert "NO_TEXT_LAYER" not in [f["code"] for f in result.tables["findings"]]


def test_a_pdf_of_scans_only_fails_with_a_finding(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    path.write_bytes(make_pdf([None]))
    result = convert_file(Input(path, path.name))
    assert result.document["status"] == "failed"
    assert "no text layer" in result.document["error"]
    assert [f["code"] for f in result.tables["findings"]] == ["NO_TEXT_LAYER"]


def _encrypted(user: str) -> bytes:
    out = io.BytesIO()
    with pikepdf.open(PDF_004) as pdf:
        pdf.save(out, encryption=pikepdf.Encryption(user=user, owner="owner-secret"))
    return out.getvalue()


def test_a_pdf_encrypted_with_an_empty_user_password_is_read(tmp_path: Path) -> None:
    path = tmp_path / "locked.pdf"
    path.write_bytes(_encrypted(""))
    plain = convert_file(Input(PDF_004, PDF_004.name)).tables["scores"]
    locked = convert_file(Input(path, path.name)).tables["scores"]
    assert [(r["code"], r["score"]) for r in locked] == [(r["code"], r["score"]) for r in plain]


def test_a_pdf_with_a_user_password_fails_clearly() -> None:
    with pytest.raises(ParseError, match="password"):
        parse_bytes(_encrypted("secret"))


def test_a_damaged_pdf_fails_clearly() -> None:
    with pytest.raises(ParseError):
        parse_bytes(b"%PDF-1.4\n" + b"\x00garbage" * 50)


NEEDS_LIBREOFFICE = pytest.mark.skipif(
    shutil.which("soffice") is None and not os.environ.get("CI"),
    reason="LibreOffice is not installed here (CI installs it)",
)


def _rendered(tmp_path: Path, body: str) -> bytes:
    source = tmp_path / "report.docx"
    source.write_bytes(make_docx(body))
    subprocess.run(
        ["soffice", f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
         "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
        check=True, capture_output=True, timeout=120,
    )
    return (tmp_path / "report.pdf").read_bytes()


@NEEDS_LIBREOFFICE
def test_an_unruled_table_is_found_from_aligned_text(tmp_path: Path) -> None:
    rows = [tr(tc(p(a)), tc(p(b)), tc(p(c))) for a, b, c in [
        ("ตัวชี้วัด", "ปี 2565", "ปี 2566"),
        ("การปฏิบัติหน้าที่", "95.50", "97.25"),
        ("การใช้งบประมาณ", "90.10", "92.00"),
        ("การใช้อำนาจ", "88.40", "91.30"),
    ]]
    doc = parse_bytes(_rendered(tmp_path, p("ผลการประเมิน") + tbl(*rows, ruled=False) + p("จบ")))
    [table] = [b for b in doc.blocks if isinstance(b, Table)]
    assert [[c.text for c in r.cells] for r in table.rows][1] == ["การปฏิบัติหน้าที่", "95.50", "97.25"]
    assert len(table.rows) == 4


@NEEDS_LIBREOFFICE
def test_a_table_going_on_without_its_header_is_one_table(tmp_path: Path) -> None:
    rows = [tr(tc(p("ข้อ")), tc(p("ข้อมูล")))] + [
        tr(tc(p(f"O{n}")), tc(*[p(f"รายการที่ {n} บรรทัด {k}") for k in range(1, 4)]))
        for n in range(1, 31)
    ]
    doc = parse_bytes(_rendered(tmp_path, p("ตาราง") + tbl(*rows) + p("จบ")))
    assert doc.page_count is not None and doc.page_count >= 2
    [table] = [b for b in doc.blocks if isinstance(b, Table)]
    assert [r.cells[0].text for r in table.rows] == ["ข้อ"] + [f"O{n}" for n in range(1, 31)]
    assert table.rows[-1].cells[1].text.split("\n") == [f"รายการที่ 30 บรรทัด {k}" for k in (1, 2, 3)]


def _measures_004_rows(corpus: dict[str, Path]) -> list[str]:
    """004's measures table (lines 15-29) made a numbered four-column table: seq, indicator,
    issue to improve, unit; the ten rows twice so that it runs over pages."""
    lines = corpus["004"].read_text(encoding="utf-8-sig").splitlines()[15:29]
    cells = [line.split("\t") for line in lines if line.strip() and not line.startswith("แบบ")]
    return [tr(tc(p(f"{n}.")), tc(p(c[1])), tc(*(p(f"- {part}") for part in c[3].split("- ")
                                                 if part.strip())), tc(p(c[4])))
            for n, c in enumerate(cells * 2, start=1)]


@NEEDS_LIBREOFFICE
@pytest.mark.parametrize("repeat", [True, False])
def test_moving_the_page_break_gives_the_same_rows(
    tmp_path: Path, corpus: dict[str, Path], repeat: bool
) -> None:
    header_props = "<w:trPr><w:tblHeader/></w:trPr>" if repeat else ""
    header = tr(*(tc(p(t)) for t in ("ลำดับ", "ตัวชี้วัด", "ประเด็นที่ต้องพัฒนา", "หน่วยงาน")))
    table = tbl(header.replace("<w:tr>", f"<w:tr>{header_props}", 1), *_measures_004_rows(corpus))
    found = []
    for pad in (0, 5, 11):
        out = tmp_path / str(pad)
        out.mkdir()
        doc = parse_bytes(_rendered(out, p("แผน") + "<w:p/>" * pad + table + p("จบ")))
        assert doc.page_count is not None and doc.page_count >= 3
        [read] = [b for b in doc.blocks if isinstance(b, Table)]
        found.append([["".join(c.text.split()) for c in r.cells] for r in read.rows])
    assert [row[0] for row in found[0]] == ["ลำดับ"] + [f"{n}." for n in range(1, 21)]
    assert found[1] == found[0] and found[2] == found[0]
