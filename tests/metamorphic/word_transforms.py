"""Meaning-preserving changes to a Word report: tables split in two, other page layouts.

- `split_table`: one table becomes two at a random data row, an empty paragraph between
  them (as staff make one table per page), the second with or without a copy of the header
  row. A cell merged down across the split (`w:vMerge`) restarts its merge in the second
  table, empty, as Word does when a table is split.
- `page_variant`: the same document on another page size (A4, Letter, Legal, A4 landscape),
  other top and bottom margins and another font size, so that LibreOffice's PDF export
  breaks pages, and cuts rows, in other places. The text width never shrinks below the
  tables' fixed width, so nothing is clipped.

Only body-level data tables are touched: every row with the same number of cells, no
horizontal merges (the memo header of report 002 is a layout table).
"""

from __future__ import annotations

import copy
import io
import random
import re
import zipfile
from dataclasses import dataclass

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f"{{{W_NS}}}"
DOCUMENT = "word/document.xml"
STYLES = "word/styles.xml"
DIGIT = re.compile(r"[0-9๐-๙]")

PAGES = {"A4": (11906, 16838), "Letter": (12240, 15840), "Legal": (12240, 20160),
         "A4-landscape": (16838, 11906)}
FONT_HALF_POINTS = (28, 30, 32, 34, 36)
BASE_HALF_POINTS = 32
"""The fixtures' body text: 16 pt."""


class NotApplicable(Exception):
    """The document has no table this change can act on."""


# --- the package ------------------------------------------------------------------------

def read_part(data: bytes, name: str) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return etree.fromstring(z.read(name))


def replace_parts(data: bytes, parts: dict[str, etree._Element]) -> bytes:
    """The Word file with some XML parts replaced, every other entry copied as it was."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename in parts:
                body = etree.tostring(parts[info.filename], xml_declaration=True,
                                      encoding="UTF-8", standalone=True)
            dst.writestr(info, body)
    return out.getvalue()


# --- tables -------------------------------------------------------------------------------

def cell_text(tc: etree._Element) -> str:
    return "".join(tc.itertext())


def rows_of(tbl: etree._Element) -> list[etree._Element]:
    return tbl.findall(f"{W}tr")


def is_data_grid(tbl: etree._Element) -> bool:
    """Every row the same number of cells, none spanning columns."""
    rows = rows_of(tbl)
    widths = {len(tr.findall(f"{W}tc")) for tr in rows}
    spans = tbl.findall(f".//{W}gridSpan") + tbl.findall(f".//{W}gridAfter")
    return len(widths) == 1 and not spans


def has_header(tbl: etree._Element) -> bool:
    """The first row is a header: text and no digits (every data row has a number)."""
    texts = [cell_text(tc) for tc in rows_of(tbl)[0].findall(f"{W}tc")]
    return any(t.strip() for t in texts) and not any(DIGIT.search(t) for t in texts)


@dataclass(frozen=True)
class TableSplit:
    """Table number `table` (among the body's tables) split before its row `row`."""

    table: int
    row: int


def split_choices(body: etree._Element, repeat_header: bool) -> list[TableSplit]:
    """Every split leaving at least one data row on each side."""
    out = []
    for n, tbl in enumerate(body.findall(f"{W}tbl")):
        if not is_data_grid(tbl):
            continue
        header = has_header(tbl)
        if repeat_header and not header:
            continue
        first = 2 if header else 1
        out += [TableSplit(n, k) for k in range(first, len(rows_of(tbl)))]
    return out


def restart_merges(tr: etree._Element) -> None:
    """A row that now starts a table: cells continuing a merge from above start their own."""
    for merge in tr.findall(f"{W}tc/{W}tcPr/{W}vMerge"):
        if merge.get(f"{W}val") != "restart":
            merge.set(f"{W}val", "restart")


def split_at(tbl: etree._Element, row: int, repeat_header: bool) -> list[etree._Element]:
    """The table cut before `row`: itself shortened, an empty paragraph, the new table."""
    second = etree.Element(f"{W}tbl")
    for part in (f"{W}tblPr", f"{W}tblGrid"):
        if (found := tbl.find(part)) is not None:
            second.append(copy.deepcopy(found))
    rows = rows_of(tbl)
    if repeat_header:
        second.append(copy.deepcopy(rows[0]))
    moved = rows[row:]
    restart_merges(moved[0])
    for tr in moved:
        second.append(tr)  # moves it out of the first table
    return [etree.Element(f"{W}p"), second]


def split_table(data: bytes, rng: random.Random, repeat_header: bool) -> bytes:
    """A Word file with one table split in two at a random data row."""
    root = read_part(data, DOCUMENT)
    body = root.find(f"{W}body")
    choices = split_choices(body, repeat_header)
    if not choices:
        raise NotApplicable("no table with two data rows" + (" and a header" * repeat_header))
    choice = choices[rng.randrange(len(choices))]
    tbl = body.findall(f"{W}tbl")[choice.table]
    at = body.index(tbl) + 1
    for offset, element in enumerate(split_at(tbl, choice.row, repeat_header)):
        body.insert(at + offset, element)
    return replace_parts(data, {DOCUMENT: root})


# --- page layout --------------------------------------------------------------------------

@dataclass(frozen=True)
class PageVariant:
    """A page size, top and bottom margins (twips) and body font size (half-points)."""

    page: str
    top: int
    bottom: int
    half_points: int

    def describe(self) -> str:
        return (f"{self.page}, margins top {self.top} bottom {self.bottom} twips, "
                f"{self.half_points / 2:g} pt")


def choose_variant(rng: random.Random) -> PageVariant:
    return PageVariant(rng.choice(sorted(PAGES)), rng.randint(567, 2268), rng.randint(567, 2268),
                       rng.choice(FONT_HALF_POINTS))


def _set_page(root: etree._Element, variant: PageVariant) -> None:
    width, height = PAGES[variant.page]
    for sect in root.iter(f"{W}sectPr"):
        size = sect.find(f"{W}pgSz")
        size.set(f"{W}w", str(width))
        size.set(f"{W}h", str(height))
        if width > height:
            size.set(f"{W}orient", "landscape")
        margins = sect.find(f"{W}pgMar")
        margins.set(f"{W}top", str(variant.top))
        margins.set(f"{W}bottom", str(variant.bottom))


def _scale_fonts(root: etree._Element, factor: float) -> None:
    for tag in ("sz", "szCs"):
        for size in root.iter(f"{W}{tag}"):
            if size.getparent().tag == f"{W}rPr" and (value := size.get(f"{W}val")):
                size.set(f"{W}val", str(max(2, round(int(value) * factor))))


def page_variant(data: bytes, variant: PageVariant) -> bytes:
    """The Word file laid out on another page and in another font size."""
    document, styles = read_part(data, DOCUMENT), read_part(data, STYLES)
    _set_page(document, variant)
    factor = variant.half_points / BASE_HALF_POINTS
    _scale_fonts(document, factor)
    _scale_fonts(styles, factor)
    return replace_parts(data, {DOCUMENT: document, STYLES: styles})


# --- legacy glyphs ------------------------------------------------------------------------

def pua_in_word(data: bytes, rng: random.Random) -> bytes:
    """The Word file with Thai marks in legacy PUA glyphs in every text run, as text pasted
    from a PDF made with an old Thai font carries them (`wording_transforms.PUA_FORMS`)."""
    from tests.metamorphic.wording_transforms import pua_text

    root = read_part(data, DOCUMENT)
    salt = rng.randrange(1 << 16)
    for t in root.iter(f"{W}t"):
        if t.text:
            t.text = pua_text(t.text, salt)
    return replace_parts(data, {DOCUMENT: root})
