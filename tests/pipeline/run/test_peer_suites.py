"""Other projects' test documents (../shared/peer-suites/): every one converts without an
internal error, and each has the outcome that what it is calls for.

The expected outcomes were read off the files themselves: the Word files with no body text
by their `word/document.xml`, the PDFs without a text layer by pdfium's text of each page,
the web pages and images by their first bytes, blank pages by their empty content streams.
"""

from __future__ import annotations

from collections import defaultdict

import pyarrow.parquet as pq
import pytest

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
SCANS = {  # every page an image, no text layer
    "docling/ocr/nemotron_multipage.pdf": "Pages 1-4 of 4 have no text layer",
    "docling/ocr/ocr_test.pdf": "Page 1 of 1 has no text layer",
    "docling/ocr/ocr_test_rotated_90.pdf": "Page 1 of 1 has no text layer",
    "docling/ocr/ocr_test_rotated_180.pdf": "Page 1 of 1 has no text layer",
    "docling/ocr/ocr_test_rotated_270.pdf": "Page 1 of 1 has no text layer",
    "docling/ocr/sample_with_rotation_mismatch.pdf": "Page 1 of 1 has no text layer",
    "pdfplumber/issue-203-decimalize.pdf": "Pages 1-3 of 3 have no text layer",
}
FAILED = SCANS | {
    "docling/ocr/2206.01062.tif": "The file is a TIFF image, not a document",
    "docling/ocr/qr_bill_example.jpg": "The file is a JPEG image, not a document",
    "pdfplumber/empty.pdf": "The file is empty (0 bytes)",
    "pdfplumber/password-example.pdf": "The PDF is protected by a password",
}
PARTIAL: dict[str, str] = {}  # chelsea_pdta.pdf's page 4 draws nothing: blank, not lost
HTML_READ_AS_TEXT = {"docling/html/example_05.html"}  # a fragment: no <html>, starts <h1>
DUPLICATES = {"pdfplumber/mcid_example.pdf"}  # the same bytes as figure_structure.pdf
REPAIRED = {"pdfplumber/issue-297-example.pdf", "pdfplumber/issue-848.pdf"}


def _expected(path: str) -> tuple[str, str | None]:
    """(status, words of the error) for a file of the suites."""
    if path in FAILED:
        return "failed", FAILED[path]
    if path in PARTIAL:
        return "partial", PARTIAL[path]
    if path.endswith(".html") and path not in HTML_READ_AS_TEXT:
        return "failed", "The file is a saved web page (HTML); reading web pages is not supported"
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


def test_word_files_are_all_read(converted: dict) -> None:
    word = {p: d for p, d in converted["documents"].items() if p.endswith(".docx")}
    assert len(word) == 45 + 33
    assert {d["status"] for d in word.values()} == {"ok"}
