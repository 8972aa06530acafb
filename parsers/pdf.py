"""PDF reports read with pdfplumber into the document model, with the Thai a person sees.

Per page: characters are laid out with `/ActualText` honoured (`pdf_layer`),
ruled tables are found from their lines (an unruled fallback when a page has
none), the rest of the text becomes paragraphs, and blocks are ordered top to
bottom. A table that goes on over the next page, with its header repeated or
with no header and the same columns, becomes one table. Pages without a text
layer (scans), pages that draw nothing (blank, not lost), and pages whose fonts have
no Unicode map (their text reads `(cid:N)`) are listed for the caller instead. A file
whose structure pdfminer cannot follow (a damaged cross-reference table) is rebuilt
with qpdf first (`pdf_repair`). What the reader tunes (table finding, stitching,
unreadable pages) is a `PdfSettings` (`pdf_settings`).
"""

from __future__ import annotations

import io
import re
import struct
from dataclasses import dataclass

import pdfplumber
from pdfminer.pdfdocument import PDFPasswordIncorrect, PDFXRefFallback
from pdfminer.psexceptions import PSException
from pdfplumber.page import Page
from pdfplumber.table import Table as FoundTable
from pdfplumber.utils.exceptions import PdfminerException

from parsers.errors import ParseError
from parsers.glyphs import normalise_glyphs
from parsers.limits import Limits
from parsers.markup import is_page_number
from parsers.model import Block, Cell, Document, Paragraph, Row, Table
from parsers.ocr_settings import DEFAULT_OCR, FORCE, OcrSettings
from parsers.pdf_chars import Box, CharIndex
from parsers.pdf_layer import read_layout
from parsers.pdf_repair import needs_repair, rebuild
from parsers.pdf_settings import DEFAULT_SETTINGS, PdfSettings
from parsers.pdf_text import Line, clusters, join_lines, lines, starts_paragraph
from parsers.tables import assemble_tables

UNDECODABLE = re.compile(r"\(cid:\d+\)")
"""How pdfminer writes a character its font cannot map to Unicode."""


@dataclass
class _Placed:
    """A block with where it stands on its page, to order blocks and stitch tables."""

    block: Block
    top: float
    columns: tuple[float, ...] = ()
    last_row_bottom: float = 0.0
    last_row_text_gap: float = 0.0
    """Space between the last row's lowest text and its bottom edge, in character heights."""
    last_row_size: float = 0.0
    """Font size of the last row's text."""


def _inside(char: dict, box: tuple[float, float, float, float]) -> bool:
    x = (char["x0"] + char["x1"]) / 2
    y = (char["top"] + char["bottom"]) / 2
    return box[0] <= x <= box[2] and box[1] <= y <= box[3]


def _region_text(chars: CharIndex, box: Box) -> str:
    """The text in a box; spaces the page draws at its very start and end are kept.

    A page break may cut a cell there: the rest of a cut cell that starts indented
    starts a paragraph, and a trailing space means the cut fell between words.
    """
    found = lines(clusters(chars.inside(box)))
    if not found:
        return ""
    padding = max(min(line.x0 for line in found) - box[0], 1.0)
    text = normalise_glyphs(join_lines(found, box[2] - padding))
    lead = " " if found[0].starts_with_space else ""
    return lead + text + (" " if found[-1].ends_with_space else "")


def _table(found: FoundTable, chars: CharIndex, page: int, settings: PdfSettings) -> _Placed:
    columns = tuple(sorted({cell[0] for cell in found.cells}))
    rows: list[Row] = []
    for row in found.rows:
        cells: list[Cell] = []
        for col, box in enumerate(row.cells):
            if box is not None:
                cells.append(Cell(_region_text(chars, box)))
                continue
            left = next((b for b in reversed(row.cells[:col]) if b is not None), None)
            if left is not None and left[2] > columns[col] + settings.same_column and cells:
                cells[-1].col_span += 1  # covered by the cell on its left
            else:
                cells.append(Cell("", merged_from_above=True))
        rows.append(Row(cells, page, page))
    last = found.rows[-1].bbox if found.rows else found.bbox
    inside = chars.inside(last)
    size = max((c["size"] for c in inside), default=0.0)
    # no text in the row, or text of size 0 (a damaged font matrix): not a cut row
    gap = (last[3] - max(c["bottom"] for c in inside)) / size if size else 99.0
    return _Placed(Table(rows), found.bbox[1], columns, last[3], gap, size)


def _paragraphs(found: list[Line], page: int) -> list[_Placed]:
    if not found:
        return []
    right = max(line.x1 for line in found)
    groups: list[list[Line]] = [[found[0]]]
    for prev, line in zip(found, found[1:], strict=False):
        if starts_paragraph(prev, line, right):
            groups.append([line])
        else:
            groups[-1].append(line)
    out = []
    for group in groups:
        text = normalise_glyphs(join_lines(group, right))
        if text and not is_page_number(text):
            out.append(_Placed(Paragraph(text, page), group[0].top))
    return out


def _cuts_words(found: FoundTable, words: list[dict]) -> bool:
    """A column edge of the candidate runs through a word: it is prose whose lines align."""
    inner = {cell[0] for cell in found.cells} - {found.bbox[0]}
    return any(w["x0"] < edge < w["x1"] for w in words if _inside(w, found.bbox)
               for edge in inner)


def _is_tabular(found: FoundTable, words: list[dict], settings: PdfSettings) -> bool:
    """An unruled candidate is a table only if most rows fill two columns or more, and no
    column edge cuts a word."""
    filled = [n for row in found.extract() if (n := sum(1 for c in row if c and c.strip()))]
    two = sum(1 for n in filled if n >= 2)
    return (len(filled) >= 2 and two >= settings.unruled_filled * len(filled)
            and not _cuts_words(found, words))


def _unruled(page: Page, settings: PdfSettings) -> list[FoundTable]:
    """Tables found from aligned text, for a page with no ruled table."""
    candidates = page.find_tables(dict(settings.unruled_tables))
    words = page.extract_words() if candidates else []
    return [t for t in candidates if _is_tabular(t, words, settings)]


def _page_blocks(page: Page, settings: PdfSettings) -> list[_Placed]:
    chars = page.chars
    found = page.find_tables(dict(settings.ruled_tables)) or _unruled(page, settings)
    index = CharIndex(chars)
    tables = [_table(t, index, page.page_number, settings) for t in found]
    for placed in tables:  # text alignment also yields the empty bands between lines
        table = placed.block
        assert isinstance(table, Table)
        table.rows = [r for r in table.rows if any(c.text.strip() for c in r.cells)]
    boxes = [t.bbox for t in found]  # pdfplumber works a table's box out on every call
    body = [c for c in chars if not any(_inside(c, box) for box in boxes)]
    placed = tables + _paragraphs(lines(clusters(body)), page.page_number)
    return sorted(placed, key=lambda p: p.top)


def _continues(prev: _Placed, nxt: _Placed, settings: PdfSettings) -> bool:
    """A table at the top of a page that goes on with the columns of the one before."""
    if not (isinstance(prev.block, Table) and isinstance(nxt.block, Table)):
        return False
    a, b = prev.columns, nxt.columns
    return len(a) == len(b) and all(
        abs(x - y) <= settings.same_column for x, y in zip(a, b, strict=True))


def _with_break_evidence(pages: list[list[_Placed]], settings: PdfSettings) -> list[Block]:
    """Blocks in order, each table marked with what the page geometry says of breaks.

    `break_before`: the table starts a page under a table that ended the previous page with
    the same column edges. `cut` on a table's last row: True when the row ends within a line
    of the lowest edge any table reaches in the document, with its text running down to its
    own edge, so the page break cut it (Word splits rows by default); else None, as a row
    ending higher may still be cut (a paragraph's last lines kept together go on over), and
    the assembler decides from the rows' text.
    """
    cut_line = max((p.last_row_bottom for page in pages for p in page), default=0.0)
    placed: list[_Placed] = []
    for blocks in pages:
        for i, here in enumerate(blocks):
            if not isinstance(here.block, Table) or not here.block.rows:
                continue
            here.block.break_before = (
                i == 0 and bool(placed) and _continues(placed[-1], here, settings))
            reach = settings.cut_lines * here.last_row_size
            cut = (here.last_row_bottom >= cut_line - reach
                   and here.last_row_text_gap < settings.cut_text_gap)
            here.block.rows[-1].cut = True if cut else None
        placed.extend(blocks)
    return [p.block for p in placed]


_DAMAGE = (PdfminerException, PSException, TypeError, ValueError, IndexError,
           KeyError, AttributeError, AssertionError, ArithmeticError, struct.error)
"""What pdfminer raises on a damaged file: its own errors, and plain ones where it meets
objects of the wrong kind. Caught only around calls into pdfminer and pdfplumber."""


def _detail(exc: BaseException) -> str:
    cause = exc.__cause__ or exc.__context__ or exc
    return str(cause)[:200] or type(cause).__name__


def _damaged(exc: BaseException) -> ParseError:
    cause = exc.__cause__ or exc.__context__ or exc
    if isinstance(cause, PDFPasswordIncorrect) or isinstance(exc, PDFPasswordIncorrect):
        return ParseError(
            "The PDF is protected by a password; save an unprotected copy and convert that.")
    return ParseError(f"The PDF is damaged and cannot be read (an interrupted download?): "
                      f"{_detail(exc)}.")


def _open(data: bytes) -> pdfplumber.PDF:
    try:
        pdf = pdfplumber.open(io.BytesIO(data))
        _ = pdf.pages
        return pdf
    except (PDFPasswordIncorrect, *_DAMAGE) as exc:
        raise _damaged(exc) from exc


def _rebuilt(data: bytes) -> tuple[pdfplumber.PDF, str] | None:
    """The PDF rebuilt by qpdf and opened, with the repair made; None if either fails."""
    rebuilt = rebuild(data)
    if rebuilt is None:
        return None
    try:
        return _open(rebuilt.data), rebuilt.repair
    except ParseError:
        return None


def _open_repaired(data: bytes) -> tuple[pdfplumber.PDF, list[str]]:
    """The PDF opened, rebuilt with qpdf first when pdfminer cannot follow its structure;
    the repairs made."""
    try:
        pdf = _open(data)
    except ParseError:
        if (fixed := _rebuilt(data)) is None:  # nor can qpdf (or it needs a password)
            raise
        return fixed[0], [fixed[1]]
    xref_lost = any(isinstance(x, PDFXRefFallback) for x in pdf.doc.xrefs)
    if not needs_repair(data, len(pdf.pages), xref_lost) or (fixed := _rebuilt(data)) is None:
        return pdf, []
    rebuilt, repair = fixed
    if len(rebuilt.pages) < len(pdf.pages):  # qpdf's reading lost pages pdfminer found
        rebuilt.close()
        return pdf, []
    pdf.close()
    return rebuilt, [repair]


def _undecodable(chars: list[dict], settings: PdfSettings) -> bool:
    """Most of the page's characters read `(cid:N)`: its fonts have no Unicode map."""
    drawn = [c["text"] for c in chars if c["text"].strip()]
    unknown = sum(1 for text in drawn if UNDECODABLE.fullmatch(text))
    return unknown > settings.undecodable_share * len(drawn)


def _blank(page: Page) -> bool:
    """The page draws nothing at all: an empty page, not a scan (which draws an image)."""
    return not (page.images or page.rects or page.lines or page.curves)


def _scans(data: bytes, document: Document, text_pages: list[int],
           ocr: OcrSettings) -> dict[int, list[Block]]:
    """The blocks of the pages OCR reads, by page; OCR's libraries (OpenCV, Tesseract) are
    loaded only for a PDF that has such pages."""
    if ocr.mode != FORCE and not (document.pages_without_text or document.pages_without_unicode):
        return {}
    from parsers.ocr_pdf import pages_to_read, read_scans

    return read_scans(data, document, pages_to_read(document, text_pages, ocr), ocr)


def parse_pdf(data: bytes, max_pages: int = Limits.max_pages,
              settings: PdfSettings = DEFAULT_SETTINGS, ocr: OcrSettings = DEFAULT_OCR
              ) -> Document:
    """Parse a PDF file's bytes as `settings` say; one of more than `max_pages` is refused.
    Pages without a usable text layer are read by OCR as `ocr` says (`ocr_pdf`)."""
    pdf, repairs = _open_repaired(data)
    pages: dict[int, list[_Placed]] = {}
    document = Document("pdf", repairs=repairs)
    with pdf:
        if not pdf.pages:
            raise ParseError(
                "The PDF has no pages that can be read, even after repair; if a PDF viewer "
                "shows pages, print it to a new PDF and convert that.")
        if len(pdf.pages) > max_pages:
            raise ParseError(
                f"The PDF has {len(pdf.pages):,} pages, more than the limit of {max_pages:,} "
                "(--max-pages); split it or raise the limit if it really is one report.")
        for page in pdf.pages:
            try:
                read_layout(pdf, page)
            except _DAMAGE as exc:  # the other pages may still be read
                document.damaged_pages[page.page_number] = _detail(exc)
                continue
            chars = page.chars
            if not any(c["text"].strip() for c in chars):
                lost = document.blank_pages if _blank(page) else document.pages_without_text
                lost.append(page.page_number)
            elif _undecodable(chars, settings):
                document.pages_without_unicode.append(page.page_number)
            else:
                pages[page.page_number] = _page_blocks(page, settings)
        document.page_count = len(pdf.pages)
    scans = _scans(data, document, sorted(pages), ocr)
    pages.update({n: [_Placed(block, 0.0) for block in blocks] for n, blocks in scans.items()})
    ordered = [pages[n] for n in sorted(pages)]
    document.blocks = assemble_tables(_with_break_evidence(ordered, settings))
    return document
