"""Format backends: bytes on disk into one document model (`parsers.model`)."""

from __future__ import annotations

from parsers.detect import DOC, DOCX, HTML, IMAGE, PDF, TXT, detect_format, what_it_is
from parsers.errors import ParseError
from parsers.limits import DEFAULT_LIMITS, Limits
from parsers.model import Document
from parsers.ocr_settings import DEFAULT_OCR, OcrSettings

__all__ = ["Document", "Limits", "ParseError", "detect_format", "parse_bytes"]


def parse_bytes(data: bytes, fmt: str | None = None, limits: Limits = DEFAULT_LIMITS,
                ocr: OcrSettings = DEFAULT_OCR) -> Document:
    """Parse a file's bytes into a Document, detecting the format from content; scans and
    images are read by OCR as `ocr` says. (The file's size, `limits.max_file_bytes`, is for
    the caller to check before reading it.)"""
    fmt = fmt or detect_format(data)
    if not data:
        raise ParseError("The file is empty (0 bytes); nothing to read.")
    # Each backend is imported when a file of its format comes: a run of text files never
    # loads the PDF or Word libraries.
    if fmt == TXT:
        from parsers.text import parse_text

        return parse_text(data)
    if fmt == DOCX:
        from parsers.docx import parse_docx

        return parse_docx(data, limits.max_unpacked_bytes)
    if fmt == PDF:
        from parsers.pdf import parse_pdf

        return parse_pdf(data, limits.max_pages, ocr=ocr)
    if fmt == DOC:
        from parsers.doc import doc_to_docx
        from parsers.docx import parse_docx

        document = parse_docx(doc_to_docx(data), limits.max_unpacked_bytes)
        document.source_format = DOC
        return document
    if fmt == IMAGE:
        from parsers.image import parse_image

        return parse_image(data, ocr, limits.max_pages)
    if fmt == HTML:
        from parsers.html import parse_html

        return parse_html(data)
    raise ParseError(f"The file is {what_it_is(data)}.")
