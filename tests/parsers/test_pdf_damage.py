"""Damaged PDFs: a cross-reference table rebuilt with qpdf, pages in fonts without a Unicode
map, text drawn at size 0.

The damaged files are made at test time from report 004's PDF (10 pages, a trailer of
/Size 46: 45 objects in its cross-reference table).
"""

from __future__ import annotations

import io
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pdfplumber
import pikepdf
import pypdfium2 as pdfium
import pytest
from pdfplumber.utils.exceptions import PdfminerException

from fixtures.bad_inputs import offsets_shifted, without_unicode_maps
from parsers import parse_bytes
from parsers.errors import ParseError
from parsers.model import Document
from parsers.ocr_settings import OFF, OcrSettings
from parsers.pdf_repair import REWRITTEN, XREF_REBUILT
from pipeline.output.schema import Row
from pipeline.run.one_file import Converted, Input, convert_file
from tests.support.paths import FIXTURES

NO_OCR = OcrSettings(mode=OFF)
"""`--ocr off`: pages whose text cannot be decoded are reported, not read."""

PDF_004 = FIXTURES / "pdf" / "004_20768b841998a7f2.pdf"
PAGES_004 = 10
_XREF_ENTRY = re.compile(rb"(?m)^(\d{10}) (\d{5}) n")


def _bytes_inserted(pdf: bytes) -> bytes:
    """500 bytes put in after the header: every offset in the table now points too early."""
    header = pdf.index(b"\n", pdf.index(b"\n") + 1) + 1  # `%PDF-1.6` and the binary marker
    return pdf[:header] + b"%" + b"x" * 500 + b"\n" + pdf[header:]


def _trailer_lost(pdf: bytes) -> bytes:
    """The download stopped before the trailer: pdfminer finds no /Root and gives up."""
    return pdf[:pdf.rindex(b"trailer")]


def _saved(pdf: pikepdf.Pdf) -> bytes:
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


def _content(rows: list[Row]) -> list[Row]:
    """Rows without the id of the file they came from (the hash of its bytes)."""
    return [{k: v for k, v in r.items() if k != "doc_id"} for r in rows]


@pytest.fixture(scope="module")
def intact() -> Document:
    return parse_bytes(PDF_004.read_bytes())


@pytest.fixture(scope="module")
def plain() -> Converted:
    """The intact report's rows."""
    return convert_file(Input(PDF_004, PDF_004.name))


def _written(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_shifted_offsets_hide_every_page_from_pdfminer_but_not_from_pdfium_or_qpdf() -> None:
    damaged = offsets_shifted(PDF_004.read_bytes())
    with pdfplumber.open(io.BytesIO(damaged)) as pdf:
        assert len(pdf.pages) == 0
    document = pdfium.PdfDocument(damaged)
    assert len(document) == PAGES_004
    document.close()
    with pikepdf.open(io.BytesIO(damaged)) as pdf:
        assert len(pdf.pages) == PAGES_004


DAMAGES = [offsets_shifted, _bytes_inserted, _trailer_lost]


@pytest.mark.parametrize("damage", DAMAGES)
def test_a_damaged_cross_reference_table_is_rebuilt_and_every_block_read(
        damage: Callable[[bytes], bytes], intact: Document) -> None:
    document = parse_bytes(damage(PDF_004.read_bytes()))
    assert document.page_count == PAGES_004
    assert document.blocks == intact.blocks
    assert document.repairs == [XREF_REBUILT]


@pytest.mark.parametrize("damage", DAMAGES)
def test_a_rebuilt_pdf_gives_the_scores_of_the_intact_one_and_says_it_was_repaired(
        tmp_path: Path, damage: Callable[[bytes], bytes], plain: Converted) -> None:
    path = _written(tmp_path, "damaged.pdf", damage(PDF_004.read_bytes()))
    result = convert_file(Input(path, path.name))
    assert len(plain.tables["scores"]) == 14  # the report's scores (tests/test_golden_004.py)
    assert result.document["status"] == "ok"
    assert _content(result.tables["scores"]) == _content(plain.tables["scores"])
    assert _content(result.tables["findings"]) == _content(plain.tables["findings"]) + [
        {"severity": "warning", "code": "FILE_REPAIRED", "message": XREF_REBUILT, "page": None,
         "evidence": None}]


def test_a_pdf_pdfminer_cannot_open_is_rebuilt_when_qpdf_can() -> None:
    damaged = _trailer_lost(PDF_004.read_bytes())
    with pytest.raises(PdfminerException, match="No /Root object"):
        pdfplumber.open(io.BytesIO(damaged))
    assert parse_bytes(damaged).page_count == PAGES_004


def test_a_pdf_cut_where_qpdf_finds_no_page_tree_still_fails_as_damaged() -> None:
    data = PDF_004.read_bytes()
    with pytest.raises(ParseError, match="The PDF is damaged"):
        parse_bytes(data[:len(data) // 2])  # the page tree is written at the end


def test_pages_left_out_of_the_page_tree_are_found_after_repair(intact: Document) -> None:
    with pikepdf.open(PDF_004) as pdf:
        for page in pdf.pages[3:5]:  # pages 4 and 5 lose /Type /Page; pdfminer skips them
            del page.obj.Type
        data = _saved(pdf)
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        assert len(pdf.pages) == PAGES_004 - 2
    document = parse_bytes(data)
    assert (document.page_count, document.repairs) == (PAGES_004, [REWRITTEN])
    assert document.blocks == intact.blocks


def test_a_good_pdf_is_read_as_it_is(intact: Document) -> None:
    assert intact.repairs == []
    assert intact.pages_without_unicode == []


def test_a_pdf_with_no_page_even_after_repair_fails_clearly() -> None:
    with pikepdf.new() as pdf:
        data = _saved(pdf)
    with pytest.raises(ParseError, match="The PDF has no pages"):
        parse_bytes(data)


def test_pages_in_fonts_without_a_unicode_map_are_listed_and_not_read() -> None:
    """With OCR off: such pages are not read, and are named."""
    data = without_unicode_maps(PDF_004, [2, 3])
    with pdfplumber.open(io.BytesIO(data)) as pdf:  # what pdfminer makes of those pages
        texts = [page.extract_text() for page in pdf.pages[:4]]
    assert ["(cid:" in text for text in texts] == [False, True, True, False]
    document = parse_bytes(data, ocr=NO_OCR)
    assert document.pages_without_unicode == [2, 3]
    assert document.page_count == PAGES_004
    written = [b.text for b in document.paragraphs()] + [
        c.text for t in document.tables() for r in t.rows for c in r.cells]
    assert written and not [text for text in written if "(cid:" in text]
    read = {b.page for b in document.paragraphs()} | {
        p for t in document.tables() for r in t.rows for p in (r.page_start, r.page_end)}
    assert read.isdisjoint({2, 3})


def test_some_pages_without_a_unicode_map_make_a_partial_document(tmp_path: Path) -> None:
    path = _written(tmp_path, "no-unicode.pdf", without_unicode_maps(PDF_004, [2, 3]))
    result = convert_file(Input(path, path.name, ocr=NO_OCR))
    assert result.document["status"] == "partial"
    assert "Pages 2-3 of 10" in result.document["error"]
    [finding] = [f for f in result.tables["findings"] if f["code"] == "UNREADABLE_TEXT"]
    assert (finding["severity"], finding["page"]) == ("warning", 2)


def test_a_pdf_without_any_unicode_map_fails(tmp_path: Path) -> None:
    path = _written(tmp_path, "no-unicode.pdf", without_unicode_maps(PDF_004, list(range(1, 11))))
    result = convert_file(Input(path, path.name, ocr=NO_OCR))
    assert result.document["status"] == "failed"
    assert "Pages 1-10 of 10" in result.document["error"]
    assert "nothing could be read" in result.document["error"]
    [finding] = [f for f in result.tables["findings"] if f["code"] == "UNREADABLE_TEXT"]
    assert (finding["severity"], finding["page"]) == ("error", 1)


@pytest.mark.skipif(shutil.which("tesseract") is None, reason="Tesseract is not installed")
def test_pages_in_fonts_without_a_unicode_map_are_read_by_ocr() -> None:
    """With OCR (the default), the pages whose text cannot be decoded are read from their
    image; the others keep their text layer."""
    document = parse_bytes(without_unicode_maps(PDF_004, [2, 3]))
    assert document.ocr_pages == [2, 3]
    assert document.pages_without_unicode == []
    read = {b.page for b in document.paragraphs()} | {
        r.page_start for t in document.tables() for r in t.rows}
    assert {2, 3} <= read


def test_text_drawn_at_size_0_in_a_table_is_read() -> None:
    with pikepdf.new() as pdf:  # a 2 x 2 ruled table; the second row's text at size 0
        page = pdf.add_blank_page(page_size=(595, 842))
        helvetica = pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1,
                                       BaseFont=pikepdf.Name.Helvetica)
        page.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=helvetica))
        rules = b"".join(b"72 %d m 372 %d l S " % (y, y) for y in (700, 650, 600)) + b"".join(
            b"%d 600 m %d 700 l S " % (x, x) for x in (72, 222, 372))
        text = b"".join(b"BT /F1 %d Tf %d %d Td (%s) Tj ET " % cell for cell in [
            (12, 80, 670, b"Score"), (12, 230, 670, b"99.5"), (0, 80, 620, b"Hidden"),
            (0, 230, 620, b"1")])
        page.Contents = pdf.make_stream(rules + text)
        data = _saved(pdf)
    [table] = parse_bytes(data).tables()
    assert [r.texts for r in table.rows] == [["Score", "99.5"], ["Hidden", "1"]]
