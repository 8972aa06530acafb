"""Recognise a file's format from its bytes, never from its name."""

from __future__ import annotations

import io
import re
import zipfile

PDF, DOCX, DOC, TXT, UNKNOWN = "pdf", "docx", "doc", "txt", "unknown"
HTML = "html"
IMAGE = "image"
_SCAN_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*")
"""PNG, JPEG and TIFF: the images scanners and phones make, read by OCR."""

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_HTML_START = re.compile(rb"(?:\s|<!--.*?-->)*(<!doctype\s+html|<html\b|<\?xml)", re.I | re.S)
"""A page's start, after white space and comments (`<!-- saved from url=… -->`, which browsers
write before the doctype of a page they save); an XML declaration only before `<html`."""


def _is_docx(data: bytes) -> bool:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return "word/document.xml" in zf.namelist()


_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13))
"""Control bytes text does not hold (tab, line feed, form feed and carriage return aside)."""


def _looks_like_text(data: bytes) -> bool:
    sample = data[:65536]
    if sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    if b"\x00" in sample:
        return False
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return controls <= len(sample) // 100


def _is_html(data: bytes) -> bool:
    head = data[:4096]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        head = head.decode("utf-16", "ignore").encode("ascii", "ignore")
    start = _HTML_START.match(head.removeprefix(b"\xef\xbb\xbf"))
    return start is not None and (start.group(1) != b"<?xml" or b"<html" in head.lower())


def detect_format(data: bytes) -> str:
    """One of pdf, docx, doc, html, image, txt or unknown."""
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
    if head.startswith(_SCAN_MAGIC):
        return IMAGE
    if _is_html(data):
        return HTML
    if data and _looks_like_text(data):
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
            return (f"{name}, not a document; if it is a scanned report, save it as PNG, "
                    "JPEG, TIFF or PDF and convert that")
    if data.startswith(b"PK\x03\x04"):
        return "a zip archive without a Word document in it; unpack it and convert its files"
    return "not a PDF, Word or text document (its content matches none of them)"
