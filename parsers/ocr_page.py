"""One page image into blocks of the document model: paragraphs and ruled tables with cells.

The page is prepared (`ocr_image`) and its ruled tables found (`ocr_tables`). Each table's
cells are cut out, stacked one under another and read by Tesseract in one call; the rest of
the page is read in another, its paragraphs as Tesseract groups them. Every word holding a
digit is read again glyph by glyph (`ocr_digits`) and its number recorded with its
confidence. Blocks are ordered top to bottom.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import regex

from normalise.pua import standard_thai
from parsers.markup import is_page_number
from parsers.model import Block, Cell, OcrNumber, Paragraph, Row, Table
from parsers.ocr import OcrSettings, Word, read_words
from parsers.ocr_digits import read_number
from parsers.ocr_image import prepare
from parsers.ocr_tables import FoundTable, erase_rules, find_tables
from parsers.pdf_text import join_across

_DIGIT = regex.compile(r"[0-9๐-๙]")
_NUMBER_WORD = regex.compile(r"^(?P<pre>.*?)(?P<num>[(\[]?[0-9๐-๙](?:[0-9๐-๙.,/\-]*[0-9๐-๙])?"
                             r"\.?[)\]]?)(?P<post>[^0-9๐-๙]*)$")
"""A word's number: its digits with the signs inside and around them, and what is glued
before and after (`พ.ศ.๒๕๖๖`, `๙๙.๒๔คะแนน`)."""
_WELL_FORMED = regex.compile(r"^\(?[0-9๐-๙]+(?:[.,/\-][0-9๐-๙]+)*\.?\)?$")
"""How a number is printed: no doubled or dangling signs (which only damage makes)."""
MISFORMED_CONFIDENCE = 0.5
"""A number whose glyphs do not make a well-formed number is at most this sure."""


@dataclass
class _Placed:
    block: Block
    top: int


_NO_THAI = regex.compile(r"^[^\u0e00-\u0e7f]{1,8}$")
UNSURE_WORD = 0.6
"""Tesseract's confidence below which a short word without Thai letters may be a number it
misread as Latin letters (`ad.` for ๙๘.๗๘, `OOO` for ๑๐๐)."""


def _misread_number(word: Word, binary: np.ndarray, page: int,
                    numbers: list[OcrNumber]) -> Word:
    """A short non-Thai word Tesseract is unsure of, taken as a number only if every glyph
    reads as a digit or sign with full confidence and they make a well-formed number."""
    reading = read_number(binary, (word.left, word.top, word.right, word.bottom))
    if (reading is None or reading.confidence < 1.0 or not _DIGIT.search(reading.text)
            or not _WELL_FORMED.match(reading.text)):
        return word
    numbers.append(OcrNumber(page, reading.text, reading.confidence))
    return Word(reading.text, word.left, word.top, word.width, word.height,
                reading.confidence, word.block, word.paragraph, word.line)


def _reread(word: Word, binary: np.ndarray, page: int, numbers: list[OcrNumber]) -> Word:
    """A word with its number read glyph by glyph (Tesseract's Thai digits are not to be
    trusted), the number recorded; where the glyphs and Tesseract disagree on how many
    characters the number has, Tesseract's text is kept and the number marked unsure."""
    found = _NUMBER_WORD.match(word.text)
    if not _DIGIT.search(word.text) and _NO_THAI.match(word.text) and (
            word.confidence < UNSURE_WORD):
        return _misread_number(word, binary, page, numbers)
    if not _DIGIT.search(word.text) or found is None:
        return word
    reading = read_number(binary, (word.left, word.top, word.right, word.bottom))
    pre, num, post = found.group("pre", "num", "post")
    if reading is None:
        text, confidence = num, 0.0
    elif not pre and not post:
        text, confidence = reading.text, reading.confidence
    elif len(reading.text) >= len(num) and not post:  # letters glued before: its last glyphs
        text, confidence = reading.text[-len(num):], reading.confidence
    elif len(reading.text) >= len(num) and not pre:
        text, confidence = reading.text[:len(num)], reading.confidence
    else:
        text, confidence = num, 0.0
    if not _WELL_FORMED.match(text):
        confidence = min(confidence, MISFORMED_CONFIDENCE)
    numbers.append(OcrNumber(page, text, confidence))
    return Word(pre + text + post, word.left, word.top, word.width, word.height, confidence,
                word.block, word.paragraph, word.line)


def _lines(words: Iterable[Word]) -> list[str]:
    """Words grouped into lines by height on the page, each line's words left to right."""
    rows: list[list[Word]] = []
    for word in sorted(words, key=lambda w: w.centre[1]):
        if rows and abs(word.centre[1] - rows[-1][-1].centre[1]) < 0.5 * max(
                word.height, rows[-1][-1].height):
            rows[-1].append(word)
        else:
            rows.append([word])
    return [" ".join(w.text for w in sorted(row, key=lambda w: w.left)) for row in rows]


def _text(lines: list[str]) -> str:
    """Lines of one paragraph or cell joined as the PDF reader joins wrapped lines."""
    text = ""
    for line in lines:
        text = join_across(text, line) if text else line
    return standard_thai(text)


CELL_INSET = 4
"""Pixels cut off each side of a cell's box, so that no trace of its rules is read."""
CELL_GAP = 40
"""Blank pixels between cells stacked for reading."""


def _stacked(found: FoundTable, grey: np.ndarray, binary: np.ndarray
             ) -> tuple[np.ndarray, np.ndarray, list[tuple[int, int]]]:
    """The table's cells stacked one under another on white (Tesseract reads a stack of
    lone cells better than a grid whose lines run on across columns), from the greyscale
    and the binarised page, and each cell's rows in the stack."""
    boxes = []
    for cell in found.cells:
        box = cell.box
        rows = slice(box.top + CELL_INSET, box.bottom - CELL_INSET)
        cols = slice(box.left + CELL_INSET, box.right - CELL_INSET)
        inked = binary[rows, cols].size and binary[rows, cols].min() < 128
        boxes.append((rows, cols) if inked else None)
    sizes = [(b[0].stop - b[0].start, b[1].stop - b[1].start) for b in boxes if b]
    width = max((w for _, w in sizes), default=1) + 2 * CELL_GAP
    height = sum(h + CELL_GAP for h, _ in sizes) + CELL_GAP
    stacks = [np.full((height, width), 255, np.uint8) for _ in (grey, binary)]
    spans, y = [], CELL_GAP
    for box in boxes:
        if box is None:
            spans.append((0, 0))
            continue
        h, w = box[0].stop - box[0].start, box[1].stop - box[1].start
        for stack, page in zip(stacks, (grey, binary), strict=True):
            stack[y:y + h, CELL_GAP:CELL_GAP + w] = page[box]
        spans.append((y, y + h))
        y += h + CELL_GAP
    return stacks[0], stacks[1], spans


def _cell_texts(found: FoundTable, grey: np.ndarray, binary: np.ndarray, page: int,
                settings: OcrSettings, numbers: list[OcrNumber]) -> dict[tuple[int, int], str]:
    """Each cell's text, by its first row and column, read from the stack of cells."""
    stack, stack_binary, spans = _stacked(found, grey, binary)
    words = [_reread(w, stack_binary, page, numbers)
             for w in read_words(stack, settings, psm=6)]
    texts = {}
    for cell, (top, bottom) in zip(found.cells, spans, strict=True):
        inside = [w for w in words if top <= w.centre[1] < bottom]
        texts[(cell.row, cell.col)] = _text(_lines(inside))
    return texts


def _table(found: FoundTable, texts: dict[tuple[int, int], str], page: int) -> Table:
    """A found table as the model's rows: a merged cell's text in its first row, and in the
    rows below a cell marked as merged from above (as the PDF reader gives them)."""
    covering = {(r, cell.col + i): cell for cell in found.cells
                for r in range(cell.row, cell.row + cell.rows) for i in range(cell.cols)}
    rows = []
    for r in range(found.n_rows):
        cells, col = [], 0
        while col < found.n_cols:
            cell = covering[(r, col)]
            if (r, col) == (cell.row, cell.col):
                cells.append(Cell(texts[(r, col)], col_span=cell.cols))
                col += cell.cols
            else:
                cells.append(Cell("", merged_from_above=True))
                col += 1
        rows.append(Row(cells, page, page))
    return Table([row for row in rows if any(c.text.strip() for c in row.cells)])


def _paragraphs(words: list[Word], page: int) -> list[_Placed]:
    groups: dict[tuple[int, int], list[Word]] = {}
    for word in words:
        groups.setdefault((word.block, word.paragraph), []).append(word)
    out = []
    for group in groups.values():
        lines: dict[int, list[Word]] = {}
        for word in group:
            lines.setdefault(word.line, []).append(word)
        text = _text([" ".join(w.text for w in sorted(ws, key=lambda w: w.left))
                      for _, ws in sorted(lines.items())])
        if text.strip() and not is_page_number(text):
            out.append(_Placed(Paragraph(text, page), min(w.top for w in group)))
    return out


FOOT = 0.85
"""A table whose last rule lies below this share of the page's height reaches its foot."""
CUT_GAP = 1.0
"""At most this many line heights of paper under a row's lowest ink if a page cut the row."""


def _cut_at_foot(found: FoundTable, clean: np.ndarray) -> bool:
    """The layout's evidence that the page cut the table's last row: the table reaches the
    foot of the page and the row's text runs down to its bottom rule (as `pdf` judges it)."""
    box = found.box
    if box.bottom < FOOT * clean.shape[0]:
        return False
    last = [c.box for c in found.cells if c.row + c.rows == found.n_rows]
    top = min(b.top for b in last)
    band = clean[top + CELL_INSET:box.bottom - CELL_INSET,
                 box.left + CELL_INSET:box.right - CELL_INSET]
    inked = np.flatnonzero((band < 128).any(axis=1))
    if not len(inked):
        return False
    runs = np.split(inked, np.flatnonzero(np.diff(inked) > 1) + 1)
    line = float(np.median([len(r) for r in runs]))  # the height of a line of its text
    return band.shape[0] - inked[-1] < CUT_GAP * line


def read_page(pixels: np.ndarray, page: int, settings: OcrSettings,
              numbers: list[OcrNumber]) -> list[Block]:
    """The blocks of a greyscale page image, top to bottom; numbers read go to `numbers`."""
    grey, binary = prepare(pixels, settings)
    tables = find_tables(binary)
    if tables:
        binary, grey = erase_rules(binary, grey)
    placed = []
    prose, prose_binary = grey.copy(), binary.copy()
    for found in tables:
        texts = _cell_texts(found, grey, binary, page, settings, numbers)
        table = _table(found, texts, page)
        if table.rows:
            table.rows[-1].cut = True if _cut_at_foot(found, binary) else None
            placed.append(_Placed(table, found.box.top))
        box = found.box
        prose[box.top:box.bottom, box.left:box.right] = 255
        prose_binary[box.top:box.bottom, box.left:box.right] = 255
    words = [_reread(w, prose_binary, page, numbers) for w in read_words(prose, settings)]
    placed += _paragraphs(words, page)
    return [p.block for p in sorted(placed, key=lambda p: p.top)]
