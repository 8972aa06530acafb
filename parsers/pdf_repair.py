"""PDFs whose structure pdfminer cannot follow, rebuilt with qpdf before they are read.

pdfminer trusts a PDF's cross-reference table: when its offsets are wrong (bytes lost,
added or altered in a download) it finds no page, or only some, and says nothing. pdfium
repairs as it reads and counts pages in well under a millisecond, so a file is rebuilt
only when pdfminer cannot open it, finds no page, finds fewer pages than pdfium, or had
to scan the file for its objects because the table could not be found. qpdf then
rebuilds the table (and mends a page tree, such as pages without their /Type) and writes
a clean file for pdfminer to read.
"""

from __future__ import annotations

import io
import threading
from dataclasses import dataclass

import pikepdf
import pypdfium2 as pdfium

XREF_REBUILT = (
    "The PDF's cross-reference table was damaged (an interrupted or altered download?) and "
    "was rebuilt with qpdf; check the pages against the original.")
"""The repair reported when qpdf had to reconstruct the cross-reference table."""
REWRITTEN = (
    "The PDF's structure could not be read as written (a faulty page tree?) and the file was "
    "rewritten with qpdf; check the pages against the original.")
"""The repair reported otherwise (a page tree qpdf mended, say)."""
XREF_WARNING = "cross-reference table"
"""Words of qpdf's warning when it reconstructs the table."""

_PDFIUM = threading.Lock()
"""pdfium is not thread-safe: one call at a time in a process."""


@dataclass
class Rebuilt:
    data: bytes
    repair: str
    """The sentence saying what was repaired."""


def pdfium_pages(data: bytes) -> int | None:
    """The pages pdfium finds (repairing as it reads); None if it cannot open the file."""
    with _PDFIUM:
        try:
            document = pdfium.PdfDocument(data)
        except pdfium.PdfiumError:
            return None
        try:
            return len(document)
        finally:
            document.close()


def needs_repair(data: bytes, pages: int, xref_lost: bool) -> bool:
    """Whether pdfminer's reading (`pages` found; `xref_lost` when it found no cross-reference
    table and scanned the file for objects) is worse than what the file holds."""
    if pages == 0 or xref_lost:
        return True
    return pages < (pdfium_pages(data) or 0)


def rebuild(data: bytes) -> Rebuilt | None:
    """The file as qpdf rewrites it, with what it repaired; None if qpdf cannot open it either."""
    try:
        with pikepdf.open(io.BytesIO(data)) as pdf:
            warnings = [str(w) for w in pdf.get_warnings()]
            out = io.BytesIO()
            pdf.save(out)
    except pikepdf.PikepdfError:
        return None
    xref = any(XREF_WARNING in w for w in warnings)
    return Rebuilt(out.getvalue(), XREF_REBUILT if xref else REWRITTEN)
