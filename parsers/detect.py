"""Recognise a file's format from its bytes, never from its name."""

from __future__ import annotations

import io
import re
import zipfile

PDF, DOCX, DOC, TXT, UNKNOWN = "pdf", "docx", "doc", "txt", "unknown"

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ERROR_PAGE = re.compile(
    rb"<title>[^<]*(\b[45]\d\d\b|not found|error|forbidden|unavailable)", re.IGNORECASE)
"""A web page whose title names an HTTP error: a server's answer saved in place of a file."""


def _is_docx(data: bytes) -> bool:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return "word/document.xml" in zf.namelist()


def _looks_like_text(data: bytes) -> bool:
    sample = data[:65536]
    if sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    if b"\x00" in sample:
        return False
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return controls <= len(sample) // 100


def _is_html(data: bytes) -> bool:
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<!doctype html", b"<html", b"<?xml")) and b"<html" in head


def detect_format(data: bytes) -> str:
    """One of pdf, docx, doc, txt or unknown."""
    head = data[:1024]
    if b"%PDF-" in head:
        return PDF
    if head.startswith(b"PK\x03\x04"):
        try:
            return DOCX if _is_docx(data) else UNKNOWN
        except zipfile.BadZipFile:
            return DOCX  # a Word file cut short; the reader says so
    if head.startswith(_OLE_MAGIC):
        return DOC
    if data and _looks_like_text(data) and not _is_html(data):
        return TXT
    return UNKNOWN


_IMAGES = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"), (b"II*\x00", "a TIFF image"), (b"MM\x00*", "a TIFF image"),
    (b"BM", "a BMP image"),
)


def what_it_is(data: bytes) -> str:
    """For a file of unknown format: what it seems to be, as the end of a sentence."""
    for magic, name in _IMAGES:
        if data.startswith(magic):
            return (f"{name}, not a document; if it is a scanned report, convert it to a PDF "
                    "(reading scans is not supported yet)")
    if _is_html(data):
        if _ERROR_PAGE.search(data[:8192]):
            return ("a web page (HTML) reporting an error, saved in place of the report; "
                    "download the report again")
        return ("a saved web page (HTML); reading web pages is not supported yet: open it in "
                "a browser, print it to PDF and convert the PDF")
    if data.startswith(b"PK\x03\x04"):
        return "a zip archive without a Word document in it; unpack it and convert its files"
    return "not a PDF, Word or text document (its content matches none of them)"
