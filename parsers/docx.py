"""DOCX reports read with python-docx into the document model, in true reading order.

Paragraphs and tables are taken from the body in the order Word stores them
(`Document.paragraphs` alone skips tables). What `.text` hides is kept: check
boxes (Unicode glyphs, symbol-font runs, `w14:checkbox` content controls and
legacy form fields, all as ☑ / ☐), list numbers, merged cells.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from dataclasses import dataclass

import docx
from docx.opc.exceptions import PackageNotFoundError
from lxml import etree

from parsers.docx_numbering import Numbering
from parsers.docx_xml import MC, W14, W, attr
from parsers.errors import ParseError
from parsers.glyphs import normalise_glyphs, symbol_box
from parsers.limits import MB, Limits
from parsers.markup import is_page_number
from parsers.model import CHECKED, UNCHECKED, Block, Cell, Document, Paragraph, Row, Span, Table
from parsers.tables import stitch_tables

_SKIPPED = {f"{W}{t}" for t in ("rPr", "pPr", "del", "instrText", "delText", "drawing", "pict",
                                "footnoteReference", "endnoteReference", "commentReference")}
_SKIPPED.add(f"{MC}AlternateContent")
_SYMBOL_FONTS = ("wingdings", "wingdings 2", "webdings")


@dataclass
class _Reader:
    numbering: Numbering
    track_pages: bool
    page: int = 1

    # --- inline content -----------------------------------------------------------
    def _run_font(self, run: etree._Element) -> str | None:
        fonts = run.find(f"{W}rPr/{W}rFonts")
        font = attr(fonts, "ascii") or attr(fonts, "hAnsi")
        return font if font and font.lower() in _SYMBOL_FONTS else None

    def _text(self, el: etree._Element, out: list[str], symbol_font: str | None = None) -> None:
        for child in el:
            tag = child.tag
            if tag in _SKIPPED:
                continue
            if tag == f"{W}t":
                text = child.text or ""
                if symbol_font:  # text typed in a symbol font: þ in Wingdings is ☑
                    text = "".join(symbol_box(symbol_font, ord(c)) or "" for c in text)
                out.append(normalise_glyphs(text))
            elif tag in (f"{W}tab", f"{W}ptab"):
                out.append("\t")
            elif tag in (f"{W}br", f"{W}cr"):
                out.append("\n")
            elif tag == f"{W}noBreakHyphen":
                out.append("-")
            elif tag == f"{W}lastRenderedPageBreak" and self.track_pages:
                self.page += 1
            elif tag == f"{W}sym":
                code = int(attr(child, "char") or "0", 16)
                out.append(symbol_box(attr(child, "font"), code) or "")
            elif tag == f"{W}fldChar":
                box = child.find(f"{W}ffData/{W}checkBox")
                if box is not None:
                    state = box.find(f"{W}checked")
                    if state is None:
                        state = box.find(f"{W}default")
                    on = state is not None and attr(state, "val") not in ("0", "false")
                    out.append(CHECKED if on else UNCHECKED)
            elif tag == f"{W}sdt":
                box = child.find(f"{W}sdtPr/{W14}checkbox")
                if box is not None:
                    state = box.find(f"{W14}checked")
                    on = state is not None and state.get(f"{W14}val") in ("1", "true")
                    out.append(CHECKED if on else UNCHECKED)
                else:
                    self._text(child, out)
            elif tag == f"{W}r":
                self._text(child, out, self._run_font(child))
            else:  # hyperlink, ins, smartTag, fldSimple, sdtContent …
                self._text(child, out, symbol_font)

    def paragraph_text(self, p: etree._Element) -> str:
        out: list[str] = []
        num = p.find(f"{W}pPr/{W}numPr")
        if num is not None:
            label = self.numbering.label(attr(num.find(f"{W}numId"), "val") or "",
                                         int(attr(num.find(f"{W}ilvl"), "val") or 0))
            if label:
                out.append(label + " ")
        self._text(p, out)
        return "".join(out).replace("\t", " ").strip()

    # --- blocks -------------------------------------------------------------------
    def start_page(self, el: etree._Element) -> int | None:
        """The page an element starts on: the next one when a rendered break precedes its text."""
        if not self.track_pages:
            return None
        for node in el.iter(f"{W}lastRenderedPageBreak", f"{W}t"):
            if node.tag == f"{W}t" and (node.text or "").strip():
                return self.page
            if node.tag == f"{W}lastRenderedPageBreak":
                return self.page + 1
        return self.page

    def cell_text(self, tc: etree._Element) -> str:
        lines: list[str] = []
        for child in tc:
            if child.tag == f"{W}p":
                lines.append(self.paragraph_text(child))
            elif child.tag == f"{W}tbl":  # a nested table: one line per row
                for row in self.table(child).rows:
                    lines.append("  ".join(c.text.replace("\n", " ") for c in row.cells))
            elif child.tag == f"{W}sdt":
                content = child.find(f"{W}sdtContent")
                if content is not None:
                    lines.append(self.cell_text(content))
        return "\n".join(line for line in lines if line)

    def table(self, tbl: etree._Element) -> Table:
        rows: list[Row] = []
        for tr in tbl.iterfind(f"{W}tr"):
            start = self.start_page(tr)
            cells: list[Cell] = []
            before = tr.find(f"{W}trPr/{W}gridBefore")
            for _ in range(int(attr(before, "val") or 0)):
                cells.append(Cell(""))
            for tc in tr.iterfind(f"{W}tc"):
                pr = tc.find(f"{W}tcPr")
                span = int(attr(pr.find(f"{W}gridSpan") if pr is not None else None, "val") or 1)
                vmerge = pr.find(f"{W}vMerge") if pr is not None else None
                continued = vmerge is not None and attr(vmerge, "val") in (None, "continue")
                text = self.cell_text(tc)
                cells.append(Cell("" if continued else text, col_span=span,
                                  merged_from_above=continued))
            pages = (start, self.page) if self.track_pages else (None, None)
            rows.append(Row(cells, *pages))
        return Table(rows)

    def blocks(self, parent: etree._Element, out: list[Block]) -> None:
        for index, child in enumerate(parent, start=1):
            if child.tag == f"{W}p":
                page = self.start_page(child)
                text = self.paragraph_text(child)
                if text and not is_page_number(text):
                    bold = child.find(f"{W}r/{W}rPr/{W}b") is not None
                    out.append(Paragraph(text, page, Span(index, index), bold))
            elif child.tag == f"{W}tbl":
                table = self.table(child)
                table.span = Span(index, index)
                out.append(table)
            elif child.tag == f"{W}sdt":
                content = child.find(f"{W}sdtContent")
                if content is not None:
                    self.blocks(content, out)


def _page_count(data: bytes) -> int | None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            app = zf.read("docProps/app.xml")
    except KeyError:
        return None
    m = re.search(rb"<(?:\w+:)?Pages>(\d+)</", app)
    return int(m.group(1)) if m else None


_ZIP_DAMAGE = (zipfile.BadZipFile, ValueError, EOFError, zlib.error)
"""What zipfile raises on a damaged archive (a seek before its start is a ValueError)."""


def _check_unpacked_size(data: bytes, limit: int) -> None:
    """Refuse a Word file whose parts inflate to more than `limit` bytes, before inflating.
    The sizes are those its zip directory declares; zipfile reads no part beyond its own."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            unpacked = sum(info.file_size for info in package.infolist())
    except _ZIP_DAMAGE as exc:
        raise ParseError(
            f"The Word file is damaged or incomplete (an interrupted download?): {exc}.") from exc
    if unpacked > limit:
        raise ParseError(
            f"The Word file inflates to {unpacked / MB:,.0f} MB, more than the limit of "
            f"{limit / MB:,.0f} MB (--max-unpacked-mb); it may be a zip bomb.")


def parse_docx(data: bytes, max_unpacked_bytes: int = Limits.max_unpacked_bytes) -> Document:
    """Parse a DOCX file's bytes."""
    _check_unpacked_size(data, max_unpacked_bytes)
    try:
        word = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, etree.XMLSyntaxError, *_ZIP_DAMAGE) as exc:
        raise ParseError(f"The Word file is damaged and cannot be opened ({exc}).") from exc
    body = word.element.body
    numbering_root = word.part.numbering_part.element  # python-docx adds an empty one if absent
    track = body.find(f".//{W}lastRenderedPageBreak") is not None
    reader = _Reader(Numbering.from_part(numbering_root), track_pages=track)
    blocks: list[Block] = []
    reader.blocks(body, blocks)
    return Document("docx", stitch_tables(blocks), page_count=_page_count(data))
