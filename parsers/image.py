"""Scans and photos: PNG, JPEG (turned as its EXIF says) and multi-page TIFF, read by OCR.

Each frame of the image is a page; `read_pages` is also how the PDF reader reads pages
rendered from a scan.
"""

from __future__ import annotations

import io
from collections.abc import Iterable

import numpy as np
from PIL import Image, ImageSequence, UnidentifiedImageError

from parsers.errors import ParseError
from parsers.model import Block, Document
from parsers.ocr import check_tesseract
from parsers.ocr_image import grey
from parsers.ocr_page import read_page
from parsers.ocr_settings import OFF, OcrSettings
from parsers.tables import assemble_tables

IMAGE = "image"
Image.MAX_IMAGE_PIXELS = 200_000_000
"""Pillow refuses images larger than this (decompression bombs); a 600 dpi A3 scan is 70 M."""


def read_pages(pages: Iterable[tuple[int, np.ndarray]], document: Document,
               settings: OcrSettings) -> list[Block]:
    """Blocks of page images (page number, greyscale pixels), read by OCR; the pages OCR
    read text on are added to `document.ocr_pages`, their numbers to `document.ocr_numbers`."""
    blocks: list[Block] = []
    for number, pixels in pages:
        found = read_page(pixels, number, settings, document.ocr_numbers)
        if found:
            document.ocr_pages.append(number)
        blocks += found
    return blocks


def parse_image(data: bytes, settings: OcrSettings, max_pages: int) -> Document:
    """A PNG, JPEG or TIFF file read by OCR, one page per frame."""
    if settings.mode == OFF:
        raise ParseError("The file is an image (a scan or photo) and OCR is turned off "
                         "(--ocr off); convert it with --ocr auto to read it.")
    try:
        picture = Image.open(io.BytesIO(data))
        frames = [grey(frame.copy()) for frame in ImageSequence.Iterator(picture)]
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError) as exc:
        raise ParseError(f"The image is damaged and cannot be read: {exc}.") from exc
    if len(frames) > max_pages:
        raise ParseError(f"The image has {len(frames):,} pages, more than the limit of "
                         f"{max_pages:,} (--max-pages).")
    check_tesseract(settings)
    document = Document(IMAGE, page_count=len(frames))
    document.blocks = assemble_tables(read_pages(enumerate(frames, 1), document, settings))
    if not document.blocks:
        kind = (picture.format or "an").upper()
        raise ParseError(f"The file is a {kind} image, not a document: OCR found no text in "
                         "it. If it is a scanned report, scan it again (300 dpi, upright).")
    return document
