"""DOCX reports read with python-docx into the document model, in true reading order.

Paragraphs and tables are taken from the body in the order Word stores them
(`Document.paragraphs` alone skips tables), with those inside content controls in their
place and those of text boxes after the paragraph they are anchored in. What `.text` hides
is kept: check boxes (Unicode glyphs, symbol-font runs, `w14:checkbox` content controls and
legacy form fields, all as ☑ / ☐), list numbers, merged cells, equations. ISO Strict files
are read as their Transitional equivalent (`parsers.docx_strict`).
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.exceptions import PackageNotFoundError
from docx.opc.part import Part, XmlPart
from docx.oxml.parser import parse_xml
from docx.package import Package
from lxml import etree

from parsers.docx_math import M, math_text
from parsers.docx_numbering import Numbering, number
from parsers.docx_strict import is_strict, to_transitional
from parsers.docx_xml import MC, W14, W, attr
from parsers.errors import ParseError
from parsers.glyphs import normalise_glyphs, symbol_box
from parsers.limits import MB, Limits
from parsers.markup import is_page_number
from parsers.model import CHECKED, UNCHECKED, Block, Cell, Document, Paragraph, Row, Span, Table
from parsers.tables import assemble_tables

_SKIPPED = {f"{W}{t}" for t in ("rPr", "pPr", "del", "moveFrom", "instrText", "delText", "drawing",
                                "pict", "footnoteReference", "endnoteReference",
                                "commentReference")} | {f"{MC}AlternateContent"}
"""Inline content that carries no text of the paragraph: deleted and moved-away text, field
codes, notes' marks; drawings, whose text boxes are read as blocks of their own."""
_MAX_COLUMNS = 63
"""Word's most columns in a table: a larger span is not Word's (and would make huge rows)."""
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
                code = number(attr(child, "char"), 0, 16)
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
            elif tag in (f"{M}oMath", f"{M}oMathPara"):  # equations side by side stay apart
                previous = child.getprevious()
                apart = previous is not None and previous.tag == tag
                out.append(" " * apart + math_text(child))
            else:  # hyperlink, ins, smartTag, fldSimple, sdtContent …
                self._text(child, out, symbol_font)

    def paragraph_text(self, p: etree._Element) -> str:
        out: list[str] = []
        num = p.find(f"{W}pPr/{W}numPr")
        if num is not None:
            label = self.numbering.label(attr(num.find(f"{W}numId"), "val") or "",
                                         number(attr(num.find(f"{W}ilvl"), "val"), 0))
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
        for child in _content(tc):
            if child.tag == f"{W}p":
                lines.append(self.paragraph_text(child))
                lines.extend(self.cell_text(box) for box in _text_boxes(child))
            elif child.tag == f"{W}tbl":  # a nested table: one line per row
                for row in self.table(child).rows:
                    lines.append("  ".join(c.text.replace("\n", " ") for c in row.cells))
        return "\n".join(line for line in lines if line)

    def table(self, tbl: etree._Element) -> Table:
        rows: list[Row] = []
        for tr in _content(tbl):
            if tr.tag != f"{W}tr":
                continue
            start = self.start_page(tr)
            cells: list[Cell] = []
            before = tr.find(f"{W}trPr/{W}gridBefore")
            for _ in range(_columns(before, 0)):
                cells.append(Cell(""))
            for tc in _content(tr):
                if tc.tag == f"{W}tc":
                    cells.append(self.cell(tc))
            pages = (start, self.page) if self.track_pages else (None, None)
            rows.append(Row(cells, *pages))
        return Table(rows)

    def cell(self, tc: etree._Element) -> Cell:
        pr = tc.find(f"{W}tcPr")
        span = max(1, _columns(pr.find(f"{W}gridSpan") if pr is not None else None, 1))
        vmerge = pr.find(f"{W}vMerge") if pr is not None else None
        continued = vmerge is not None and attr(vmerge, "val") in (None, "continue")
        text = self.cell_text(tc)
        return Cell("" if continued else text, col_span=span, merged_from_above=continued)

    def blocks(self, story: etree._Element, out: list[Block], index: int | None = None) -> None:
        """The paragraphs and tables of a story (the body, a text box) in order; `index` is
        that of the body element a text box is anchored in."""
        for position, top in enumerate(story, start=1):
            at = index or position
            for child in _content([top]):
                if child.tag == f"{W}p":
                    self.paragraph(child, at, out)
                elif child.tag == f"{W}tbl":
                    table = self.table(child)
                    table.span = Span(at, at)
                    out.append(table)

    def paragraph(self, p: etree._Element, index: int, out: list[Block]) -> None:
        """A paragraph's block, then those of the text boxes anchored in it."""
        page = self.start_page(p)
        text = self.paragraph_text(p)
        if text and not is_page_number(text):
            bold = p.find(f"{W}r/{W}rPr/{W}b") is not None
            out.append(Paragraph(text, page, Span(index, index), bold))
        for box in _text_boxes(p):
            self.blocks(box, out, index)


def _columns(el: etree._Element | None, default: int) -> int:
    """A count of grid columns (`w:gridSpan`, `w:gridBefore`), at most Word's 63."""
    return max(0, min(number(attr(el, "val"), default), _MAX_COLUMNS))


def _content(parent: Iterable[etree._Element]) -> Iterator[etree._Element]:
    """The elements of `parent`, with those inside content controls and custom XML in their
    place."""
    for child in parent:
        if child.tag == f"{W}sdt":
            content = child.find(f"{W}sdtContent")
            if content is not None:
                yield from _content(content)
        elif child.tag == f"{W}customXml":
            yield from _content(child)
        else:
            yield child


def _text_boxes(el: etree._Element) -> Iterator[etree._Element]:
    """The text boxes (`w:txbxContent`) anchored in `el`, outermost ones only, each once:
    Word keeps a VML copy of each drawing in `mc:Fallback`."""
    for child in el:
        if child.tag == f"{W}txbxContent":
            yield child
        elif child.tag != f"{MC}Fallback":
            yield from _text_boxes(child)


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


def _damaged(exc: Exception) -> ParseError:
    return ParseError(f"The Word file is damaged or incomplete (an interrupted download?): {exc}.")


_UNPACKABLE = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA)
"""The compression methods zipfile unpacks (Word writes the first two)."""


def _unreadable(info: zipfile.ZipInfo) -> str | None:
    """Why zipfile cannot unpack a part (encrypted, or compressed by an unknown method)."""
    if info.flag_bits & 0x1:
        return f"its part {info.filename} is encrypted inside the zip"
    if info.compress_type not in _UNPACKABLE:
        return f"its part {info.filename} is compressed by an unknown method ({info.compress_type})"
    return None


def _check_package(data: bytes, limit: int) -> None:
    """Refuse a Word file whose parts inflate to more than `limit` bytes, before inflating, or
    that zipfile cannot unpack. The sizes are those its zip directory declares; zipfile reads
    no part beyond its own."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            infos = package.infolist()
    except _ZIP_DAMAGE as exc:
        raise _damaged(exc) from exc
    why = next(filter(None, map(_unreadable, infos)), None)
    if why:
        raise ParseError(
            f"The Word file cannot be unpacked: {why}, which Word never does. Open it in the "
            'program that made it and save it as "Word Document (.docx)".')
    unpacked = sum(info.file_size for info in infos)
    if unpacked > limit:
        raise ParseError(
            f"The Word file inflates to {unpacked / MB:,.0f} MB, more than the limit of "
            f"{limit / MB:,.0f} MB (--max-unpacked-mb); it may be a zip bomb.")


def _as_transitional(data: bytes) -> tuple[bytes, bool]:
    """The package in the Transitional form python-docx reads, and whether it was Strict."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            if is_strict(package):
                return to_transitional(package), True
    except _ZIP_DAMAGE as exc:
        raise _damaged(exc) from exc
    return data, False


def _limit_sentence(exc: etree.XMLSyntaxError) -> str:
    """What an XML resource limit the file ran into says of the file."""
    depth = re.search(r"Excessive depth in document: (\d+)", exc.msg or "")
    if depth:
        return (f"The Word file's content is nested deeper than a reader can follow (more than "
                f"{depth[1]} levels of elements); it is not a normal report, probably made by a "
                "program to break readers. Ask the sender to save the report again from Word.")
    return (f"The Word file's content goes past a limit a reader keeps to ({exc.msg}); it is "
            "not a normal report, probably made by a program to break readers. Ask the sender "
            "to save the report again from Word.")


def _open_error(exc: Exception, strict: bool) -> ParseError:
    """The sentence for a package python-docx cannot open."""
    if isinstance(exc, etree.XMLSyntaxError) and exc.code == etree.ErrorTypes.ERR_RESOURCE_LIMIT:
        return ParseError(_limit_sentence(exc))
    if strict:
        return ParseError(
            f"The Word file is an ISO Strict Open XML document that could not be read ({exc}); "
            'open it in Word and save it as "Word Document (.docx)".')
    return ParseError(f"The Word file is damaged and cannot be opened ({exc}).")


def _xml(part: Part) -> etree._Element:
    """A part's XML. python-docx parses the parts it knows; others (the main part of a template
    or of a macro-enabled document) are parsed here with its parser."""
    return part.element if isinstance(part, XmlPart) else parse_xml(part.blob)


def _numbering(part: Part) -> etree._Element | None:
    """The list definitions' XML; None for a document without lists (Word adds the numbering
    part with the first list)."""
    for rel in part.rels.values():
        if rel.reltype == RT.NUMBERING and not rel.is_external:
            return _xml(rel.target_part)
    return None


def _open(data: bytes, strict: bool) -> tuple[etree._Element, etree._Element | None]:
    """The main document's XML and its list definitions'."""
    try:
        part = Package.open(io.BytesIO(data)).main_document_part
        document, numbering = _xml(part), _numbering(part)
    except (PackageNotFoundError, KeyError, etree.XMLSyntaxError, *_ZIP_DAMAGE) as exc:
        raise _open_error(exc, strict) from exc
    if document.tag != f"{W}document" and strict:
        raise _open_error(ValueError(f"its main part is <{document.tag}>"), strict)
    if document.tag != f"{W}document":
        raise ParseError(
            f"The Word file's main part is not a Word document (its content is <{document.tag}>);"
            " the file is damaged or was made by another program. Open it in Word and save it "
            'as "Word Document (.docx)", or ask the sender for the report again.')
    return document, numbering


def parse_docx(data: bytes, max_unpacked_bytes: int = Limits.max_unpacked_bytes) -> Document:
    """Parse a DOCX file's bytes."""
    _check_package(data, max_unpacked_bytes)
    data, strict = _as_transitional(data)
    document, numbering = _open(data, strict)
    body = document.find(f"{W}body")
    if body is None:
        return Document("docx", page_count=_page_count(data))
    track = body.find(f".//{W}lastRenderedPageBreak") is not None
    reader = _Reader(Numbering.from_part(numbering), track_pages=track)
    blocks: list[Block] = []
    reader.blocks(body, blocks)
    return Document("docx", assemble_tables(blocks), page_count=_page_count(data))
