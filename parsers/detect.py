"""Recognise a file's format from its bytes, never from its name."""

from __future__ import annotations

import io
import zipfile

PDF, DOCX, DOC, TXT, UNKNOWN = "pdf", "docx", "doc", "txt", "unknown"

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _is_docx(data: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            return "word/document.xml" in zf.namelist()
    except zipfile.BadZipFile:
        return False


def _looks_like_text(data: bytes) -> bool:
    sample = data[:65536]
    if sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    if b"\x00" in sample:
        return False
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return controls <= len(sample) // 100


def detect_format(data: bytes) -> str:
    """One of pdf, docx, doc, txt or unknown."""
    head = data[:1024]
    if b"%PDF-" in head:
        return PDF
    if head.startswith(b"PK\x03\x04"):
        return DOCX if _is_docx(data) else UNKNOWN
    if head.startswith(_OLE_MAGIC):
        return DOC
    if data and _looks_like_text(data):
        return TXT
    return UNKNOWN
