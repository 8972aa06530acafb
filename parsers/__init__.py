"""Format backends: bytes on disk into one document model (`parsers.model`)."""

from __future__ import annotations

from parsers.detect import DOC, DOCX, PDF, TXT, detect_format, what_it_is
from parsers.doc import doc_to_docx
from parsers.docx import parse_docx
from parsers.errors import ParseError
from parsers.limits import DEFAULT_LIMITS, Limits
from parsers.model import Document
from parsers.pdf import parse_pdf
from parsers.text import parse_text

__all__ = ["Document", "Limits", "ParseError", "detect_format", "parse_bytes"]



def parse_bytes(data: bytes, fmt: str | None = None, limits: Limits = DEFAULT_LIMITS) -> Document:
    """Parse a file's bytes into a Document, detecting the format from content. (The file's
    size, `limits.max_file_bytes`, is for the caller to check before reading it.)"""
    fmt = fmt or detect_format(data)
    if not data:
        raise ParseError("The file is empty (0 bytes); nothing to read.")
    if fmt == TXT:
        return parse_text(data)
    if fmt == DOCX:
        return parse_docx(data, limits.max_unpacked_bytes)
    if fmt == PDF:
        return parse_pdf(data, limits.max_pages)
    if fmt == DOC:
        document = parse_docx(doc_to_docx(data), limits.max_unpacked_bytes)
        document.source_format = DOC
        return document
    raise ParseError(f"The file is {what_it_is(data)}.")
