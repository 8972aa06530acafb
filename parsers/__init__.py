"""Format backends: bytes on disk into one document model (`parsers.model`)."""

from __future__ import annotations

from parsers.detect import DOC, DOCX, PDF, TXT, detect_format
from parsers.doc import doc_to_docx
from parsers.docx import parse_docx
from parsers.errors import ParseError
from parsers.model import Document
from parsers.pdf import parse_pdf
from parsers.text import parse_text

__all__ = ["Document", "ParseError", "detect_format", "parse_bytes"]



def parse_bytes(data: bytes, fmt: str | None = None) -> Document:
    """Parse a file's bytes into a Document, detecting the format from content."""
    fmt = fmt or detect_format(data)
    if not data:
        raise ParseError("The file is empty (0 bytes); nothing to read.")
    if fmt == TXT:
        return parse_text(data)
    if fmt == DOCX:
        return parse_docx(data)
    if fmt == PDF:
        return parse_pdf(data)
    if fmt == DOC:
        document = parse_docx(doc_to_docx(data))
        document.source_format = DOC
        return document
    raise ParseError(
        "The file is not a PDF, Word or text document (its content matches none of them)."
    )
