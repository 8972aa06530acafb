"""Other projects' test documents (../shared/peer-suites/): every one converts without an
internal error, and each has the outcome that what it is calls for.

The expected outcomes were read off the files themselves: the Word files with no body text
by their `word/document.xml`, the PDFs without a text layer by pdfium's text of each page,
the web pages and images by their first bytes, blank pages by their empty content streams.
"""

from __future__ import annotations

import shutil
from collections import defaultdict

import pyarrow.parquet as pq
import pytest

from parsers import parse_bytes
from pipeline.cli import main
from tests.support.paths import PEERS

pytestmark = pytest.mark.skipif(not PEERS.is_dir(), reason=f"{PEERS} is not there")

BLANK = {  # no text: blank documents, or only pictures, headers or properties
    f"python-docx/{name}.docx" for name in (
        "doc-coreprops", "doc-default", "doc-no-coreprops", "doc-word-default-blank",
        "having-images", "set-no-settings-part", "shp-inline-shape-access",
        "src_docx_templates_default", "sty-behav-props", "sty-having-no-styles-part",
        "sty-having-styles-part")
} | {"pdfplumber/issue-297-example.pdf"}  # its one page has no content stream at all
SCANS = {  # every page an image, no text layer: read by OCR (`ocr_pages`)
    "docling/ocr/nemotron_multipage.pdf": 4, "docling/ocr/ocr_test.pdf": 1,
    "docling/ocr/ocr_test_rotated_90.pdf": 1, "docling/ocr/ocr_test_rotated_180.pdf": 1,
    "docling/ocr/ocr_test_rotated_270.pdf": 1, "docling/ocr/sample_with_rotation_mismatch.pdf": 1,
    "pdfplumber/issue-203-decimalize.pdf": 3, "docling/ocr/2206.01062.tif": 2,
    "docling/ocr/qr_bill_example.jpg": 1,
}
FAILED = {
    "pdfplumber/empty.pdf": "The file is empty (0 bytes)",
    "pdfplumber/password-example.pdf": "The PDF is protected by a password",
    # nothing but a site menu (<ul class="nav navbar-nav">, role="menu"): no text of its own
    "docling/html/hyperlink_03.html": "The file is a saved web page (HTML) with no text "
                                      "outside its menus and scripts",
}
PARTIAL: dict[str, str] = {}  # chelsea_pdta.pdf's page 4 draws nothing: blank, not lost
HTML_READ_AS_TEXT = {"docling/html/example_05.html"}  # a fragment: no <html>, starts <h1>
# Docling's 32 web pages are read (until the HTML reader they failed as "a saved web page"):
# none is an ITA report, so each is ok with a NOT_ITA_REPORT note, but hyperlink_03 (FAILED).
DUPLICATES = {"pdfplumber/mcid_example.pdf"}  # the same bytes as figure_structure.pdf
REPAIRED = {"pdfplumber/issue-297-example.pdf", "pdfplumber/issue-848.pdf"}


def _expected(path: str) -> tuple[str, str | None]:
    """(status, words of the error) for a file of the suites."""
    if path in FAILED:
        return "failed", FAILED[path]
    if path in PARTIAL:
        return "partial", PARTIAL[path]
    return "ok", None


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    out = tmp_path_factory.mktemp("peers") / "out"
    code = main(["convert", str(PEERS), "--out", str(out), "--workers", "2", "--timeout", "120",
                 "--quiet"])
    documents = {d["source_path"]: d for d in pq.read_table(out / "documents.parquet")
                 .to_pylist()}
    codes: dict[str, set[str]] = defaultdict(set)
    for finding in pq.read_table(out / "findings.parquet").to_pylist():
        codes[finding["doc_id"]].add(finding["code"])
    return {"exit": code, "documents": documents,
            "codes": {path: codes[d["doc_id"]] for path, d in documents.items()}}


def test_no_file_ends_in_an_internal_error(converted: dict) -> None:
    assert converted["exit"] == 1  # some files are failed rows, by what they are
    errors = {p: d["error"] for p, d in converted["documents"].items()
              if "Internal error" in (d["error"] or "")}
    assert errors == {}


def test_every_file_has_a_row(converted: dict) -> None:
    files = {p.relative_to(PEERS).as_posix() for p in PEERS.rglob("*") if p.is_file()}
    assert set(converted["documents"]) == files - DUPLICATES


def test_every_file_has_the_outcome_of_what_it_is(converted: dict) -> None:
    for path, doc in converted["documents"].items():
        status, words = _expected(path)
        assert doc["status"] == status, (path, doc["error"])
        if words is not None:
            assert words in doc["error"], (path, doc["error"])


def test_findings_say_what_each_readable_file_is(converted: dict) -> None:
    for path, doc in converted["documents"].items():
        codes = converted["codes"][path]
        if path in BLANK:
            assert "EMPTY_DOCUMENT" in codes, path
        elif doc["status"] == "ok" and path != "README.md":  # the README names ITA reports
            assert "NOT_ITA_REPORT" in codes, (path, codes)
        assert ("FILE_REPAIRED" in codes) == (path in REPAIRED), (path, codes)
    assert "DUPLICATE_FILE" in converted["codes"]["pdfplumber/figure_structure.pdf"]


def test_scans_and_images_are_read_by_ocr(converted: dict) -> None:
    if shutil.which("tesseract") is None:
        pytest.skip("Tesseract is not installed")
    pages = {p: converted["documents"][p]["ocr_pages"] for p in SCANS}
    assert pages == SCANS


@pytest.mark.parametrize("name", ["ocr_test.pdf", "ocr_test_rotated_90.pdf",
                                  "ocr_test_rotated_180.pdf", "ocr_test_rotated_270.pdf"])
def test_a_scan_turned_any_way_reads_its_words(name: str) -> None:
    """The page says `Docling bundles PDF document conversion to JSON and Markdown in an easy
    self contained package`, upright or turned a quarter, half or three quarters."""
    if shutil.which("tesseract") is None:
        pytest.skip("Tesseract is not installed")
    document = parse_bytes((PEERS / "docling" / "ocr" / name).read_bytes())
    text = " ".join(b.text for b in document.paragraphs())
    for word in ("Docling", "PDF", "JSON", "Markdown", "package"):
        assert word in text, (name, text)


def test_word_files_are_all_read(converted: dict) -> None:
    word = {p: d for p, d in converted["documents"].items() if p.endswith(".docx")}
    assert len(word) == 45 + 33
    assert {d["status"] for d in word.values()} == {"ok"}


def test_web_pages_are_read_as_web_pages(converted: dict) -> None:
    pages = {p: d for p, d in converted["documents"].items() if p.endswith(".html")}
    assert len(pages) == 32
    assert {p for p, d in pages.items() if d["source_format"] != "html"} == HTML_READ_AS_TEXT
    assert {p for p, d in pages.items() if d["status"] != "ok"} == {
        "docling/html/hyperlink_03.html"}


def test_web_pages_read_as_they_show() -> None:
    """What two pages show, read off them: example_04's merged cells, and Wikipedia's article
    without its site menus and footer."""
    merged = parse_bytes((PEERS / "docling/html/example_04.html").read_bytes())
    assert [b.text for b in merged.paragraphs()] == ["Data Table with Rowspan and Colspan"]
    [table] = merged.tables()
    assert [[(c.text, c.col_span, c.merged_from_above) for c in r.cells]
            for r in table.rows] == [
        [("Header 1", 1, False), ("Header 2 & 3 (colspan)", 2, False)],
        [("Row 1 & 2, Col 1 (rowspan)", 1, False), ("Row 1, Col 2", 1, False),
         ("Row 1, Col 3", 1, False)],
        [("", 1, True), ("Row 2, Col 2 & 3 (colspan)", 2, False)],
        [("Row 3, Col 1", 1, False), ("Row 3, Col 2", 1, False), ("Row 3, Col 3", 1, False)]]
    duck = parse_bytes((PEERS / "docling/html/wiki_duck.html").read_bytes())
    texts = [b.text for b in duck.paragraphs()]
    assert [b.text for b in duck.paragraphs() if b.bold][:4] == [
        "Duck", "Etymology", "Taxonomy", "Morphology"]
    assert not {"Main page", "Random article", "Privacy policy"} & set(texts)
    assert not any("This page was last edited" in t for t in texts)
    infobox = duck.tables()[0]
    assert [c.text for c in infobox.rows[4].cells] == ["Domain:", "Eukaryota"]
