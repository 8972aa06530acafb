"""PDF pages read by OCR: the pages without a usable text layer (or every page, forced),
rendered with pdfium and read as images; the rest of the PDF keeps its text layer."""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
import pypdfium2 as pdfium

from parsers.image import read_pages
from parsers.model import Block, Document
from parsers.ocr import OcrUnavailable, check_tesseract
from parsers.ocr_settings import FORCE, OFF, OcrSettings

OFF_SENTENCE = "OCR is turned off (--ocr off); convert with --ocr auto to read them"


def pages_to_read(document: Document, text_pages: list[int], settings: OcrSettings) -> list[int]:
    """The pages OCR reads: those with no text layer or an undecodable one, and with
    `force` the pages whose text layer was read too."""
    if settings.mode == OFF:
        return []
    chosen = set(document.pages_without_text) | set(document.pages_without_unicode)
    if settings.mode == FORCE:
        chosen |= set(text_pages)
    return sorted(chosen)


def _rendered(data: bytes, pages: list[int], dpi: int) -> Iterator[tuple[int, np.ndarray]]:
    pdf = pdfium.PdfDocument(data)
    try:
        for number in pages:
            bitmap = pdf[number - 1].render(scale=dpi / 72, grayscale=True)
            yield number, np.array(bitmap.to_pil().convert("L"))
    finally:
        pdf.close()


def read_scans(data: bytes, document: Document, pages: list[int],
               settings: OcrSettings) -> dict[int, list[Block]]:
    """Blocks of each page read by OCR, by page; the pages leave the lists of pages not read.
    When OCR is off or Tesseract missing, nothing is read and `document.ocr_unavailable`
    says why."""
    if settings.mode == OFF:
        if document.pages_without_text or document.pages_without_unicode:
            document.ocr_unavailable = OFF_SENTENCE
        return {}
    if not pages:
        return {}
    try:
        check_tesseract(settings)
    except OcrUnavailable as exc:
        document.ocr_unavailable = str(exc).rstrip(".")
        return {}
    by_page: dict[int, list[Block]] = {}
    for number, pixels in _rendered(data, pages, settings.dpi):
        if blocks := read_pages([(number, pixels)], document, settings):
            by_page[number] = blocks
    if missed := [p for p in document.pages_without_text if p in pages and p not in by_page]:
        document.ocr_unavailable = f"OCR found no text on {len(missed)} of them"
    document.pages_without_text = [p for p in document.pages_without_text if p not in by_page]
    document.pages_without_unicode = [p for p in document.pages_without_unicode
                                      if p not in by_page]
    return by_page
