"""The document model every parser produces: blocks in reading order.

A parser turns bytes into a `Document`; it knows nothing about ITA. Check boxes
are carried in text as Unicode glyphs (☑ checked, ☐ unchecked) whatever the
source format, so extractors read one convention.
"""

from __future__ import annotations

from dataclasses import dataclass, field

CHECKED = "☑"
UNCHECKED = "☐"


@dataclass
class Span:
    """Where a block came from: source lines (text) or element indexes (DOCX), 1-based."""

    start: int
    end: int


@dataclass
class Cell:
    text: str
    """Cell text; paragraphs inside the cell are kept as lines."""
    col_span: int = 1
    merged_from_above: bool = False
    """A vertically merged continuation cell: extractors inherit the value above."""


@dataclass
class Row:
    cells: list[Cell]
    page_start: int | None = None
    page_end: int | None = None
    span: Span | None = None
    after_break: bool = False
    """First row after a page break or a repeated header inside a stitched table."""
    cut: bool | None = None
    """The parser's evidence that a page break cut this row, its rest on the next page: True
    or False where the layout shows it (PDF: the row reaches the foot of the page with its
    text running down to its edge), None where the format cannot tell (text, Word)."""

    @property
    def texts(self) -> list[str]:
        return [c.text for c in self.cells]


@dataclass
class Paragraph:
    text: str
    page: int | None = None
    span: Span | None = None
    bold: bool = False


@dataclass
class Table:
    rows: list[Row]
    span: Span | None = None
    break_before: bool | None = None
    """The parser's evidence that only a page break parts this table from the table before
    it: True or False where the layout shows it (PDF: the table starts a page, under a table
    that ended the page before with the same column edges), None where the format cannot tell
    (text and Word, whose tables next to each other are parted at most by blank lines, a
    page number or empty paragraphs)."""

    @property
    def page(self) -> int | None:
        return self.rows[0].page_start if self.rows else None


Block = Paragraph | Table


@dataclass(frozen=True)
class OcrNumber:
    """A number read by OCR from an image of a page."""

    page: int
    text: str
    """The number as read, in the digits it is printed in (`๙๙.๒๔`)."""
    confidence: float
    """The reader's confidence (0-1) in its least sure character."""


@dataclass
class Document:
    source_format: str
    """`pdf`, `docx` or `txt`."""
    blocks: list[Block] = field(default_factory=list)
    page_count: int | None = None
    pages_without_text: list[int] = field(default_factory=list)
    """Pages with no text layer (scans), 1-based: their content is not in `blocks`."""
    blank_pages: list[int] = field(default_factory=list)
    """Pages that draw nothing (no text, image or shape), 1-based: nothing on them is lost."""
    damaged_pages: dict[int, str] = field(default_factory=dict)
    """Pages that could not be read, 1-based, with why: their content is not in `blocks`."""
    pages_without_unicode: list[int] = field(default_factory=list)
    """Pages whose text cannot be decoded (fonts without a Unicode map give `(cid:N)`),
    1-based: their content is not in `blocks`."""
    ocr_pages: list[int] = field(default_factory=list)
    """Pages whose text was read by OCR from an image of the page, 1-based."""
    ocr_numbers: list[OcrNumber] = field(default_factory=list)
    """Every number read by OCR, with how sure the reader is of its digits."""
    ocr_unavailable: str | None = None
    """Why pages without a usable text layer were not read by OCR (Tesseract missing,
    OCR turned off), a sentence; None when they were, or there were none."""
    repairs: list[str] = field(default_factory=list)
    """Repairs the parser made to the file itself before it could read it, each a sentence
    (a PDF's cross-reference table rebuilt, say): the content may be incomplete."""

    def paragraphs(self) -> list[Paragraph]:
        return [b for b in self.blocks if isinstance(b, Paragraph)]

    def tables(self) -> list[Table]:
        return [b for b in self.blocks if isinstance(b, Table)]
