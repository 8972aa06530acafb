"""A Word body read into blocks in true reading order (`parsers.docx` opens the file).

Paragraphs and tables are taken from the body in the order Word stores them, with those
inside content controls in their place and those of text boxes after the paragraph they are
anchored in. What python-docx's `.text` hides is kept: check boxes (Unicode glyphs,
symbol-font runs, `w14:checkbox` content controls and legacy form fields, all as ☑ / ☐),
list numbers, merged cells, equations. The tree is walked with lxml directly, each element
once where it can be.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from lxml import etree

from parsers.docx_math import M, math_text
from parsers.docx_numbering import Numbering, number
from parsers.docx_xml import MC, W14, W, attr, first
from parsers.glyphs import CHECKED_GLYPHS, UNCHECKED_GLYPHS, normalise_glyphs, symbol_box
from parsers.markup import is_page_number
from parsers.model import CHECKED, UNCHECKED, Block, Cell, Paragraph, Row, Span, Table

_P, _R, _T, _TBL, _TR, _TC, _SDT = (f"{W}{t}" for t in ("p", "r", "t", "tbl", "tr", "tc", "sdt"))
_PPR, _RPR, _TR_PR, _TC_PR, _SDT_PR = (f"{W}{t}" for t in ("pPr", "rPr", "trPr", "tcPr", "sdtPr"))
_NUM_PR, _NUM_ID, _ILVL, _BOLD, _FONTS = (f"{W}{t}" for t in ("numPr", "numId", "ilvl", "b",
                                                               "rFonts"))
_GRID_BEFORE, _GRID_SPAN, _V_MERGE = (f"{W}{t}" for t in ("gridBefore", "gridSpan", "vMerge"))
_SDT_CONTENT, _CUSTOM_XML, _TEXT_BOX = (f"{W}{t}" for t in ("sdtContent", "customXml",
                                                            "txbxContent"))
_SYM, _NO_BREAK_HYPHEN, _PAGE_BREAK = (f"{W}{t}" for t in ("sym", "noBreakHyphen",
                                                           "lastRenderedPageBreak"))
_FIELD_CHAR, _FORM_FIELD, _CHECK_BOX, _CHECKED, _DEFAULT = (
    f"{W}{t}" for t in ("fldChar", "ffData", "checkBox", "checked", "default"))
_W14_CHECK_BOX, _W14_CHECKED = f"{W14}checkbox", f"{W14}checked"
_TABS = (f"{W}tab", f"{W}ptab")
_BREAKS = (f"{W}br", f"{W}cr")
_MATH = (f"{M}oMath", f"{M}oMathPara")
_BOX_OR_FALLBACK = (_TEXT_BOX, f"{MC}Fallback")
_SKIPPED = {f"{W}{t}" for t in ("rPr", "pPr", "del", "moveFrom", "instrText", "delText", "drawing",
                                "pict", "footnoteReference", "endnoteReference",
                                "commentReference")} | {f"{MC}AlternateContent"}
"""Inline content that carries no text of the paragraph: deleted and moved-away text, field
codes, notes' marks; drawings, whose text boxes are read as blocks of their own."""
_MAX_COLUMNS = 63
"""Word's most columns in a table: a larger span is not Word's (and would make huge rows)."""
_SYMBOL_FONTS = ("wingdings", "wingdings 2", "webdings")
_ASCII, _H_ANSI = f"{W}ascii", f"{W}hAnsi"
_MAYBE_BOX = re.compile(f"[{re.escape(min(CHECKED_GLYPHS | UNCHECKED_GLYPHS))}-\U0010ffff]")
"""Characters from the first check-box glyph on: text with none (Thai, Latin) has no glyph
to normalise, which this finds at a fraction of the cost."""


@dataclass
class _Marks:
    """The few elements of the body with a property the reader reads, found in one pass: a
    look-up in each paragraph, run and cell costs more than the whole pass."""

    numbered: set[etree._Element] = field(default_factory=set)
    """Paragraphs with a list number (`w:pPr/w:numPr`)."""
    bold: set[etree._Element] = field(default_factory=set)
    """Paragraphs with a bold run (`w:r/w:rPr/w:b`)."""
    symbol_font: set[etree._Element] = field(default_factory=set)
    """Runs with properties naming a symbol font (`w:rPr/w:rFonts`)."""
    merged: set[etree._Element] = field(default_factory=set)
    """Cells with a span or a vertical merge (`w:tcPr/w:gridSpan`, `w:tcPr/w:vMerge`)."""
    indented: set[etree._Element] = field(default_factory=set)
    """Rows that start after empty grid columns (`w:trPr/w:gridBefore`)."""
    text_boxes: bool = False

    @classmethod
    def of(cls, body: etree._Element) -> _Marks:
        """The marks of a document's body (`w:body`)."""
        marks = cls(text_boxes=next(body.iter(_TEXT_BOX), None) is not None)
        for fonts in body.iter(_FONTS):
            if _symbol_font(fonts) and (properties := fonts.getparent()).tag == _RPR:
                marks.symbol_font.add(properties.getparent())
        for el in body.iter(_NUM_PR, _BOLD, _GRID_SPAN, _V_MERGE, _GRID_BEFORE):
            tag, parent = el.tag, el.getparent()
            kind, owner = parent.tag, parent.getparent()
            if kind == _PPR and tag == _NUM_PR:
                marks.numbered.add(owner)
            elif kind == _RPR and tag == _BOLD and owner.tag == _R:
                marks.bold.add(owner.getparent())
            elif kind == _TC_PR and tag in (_GRID_SPAN, _V_MERGE):
                marks.merged.add(owner)
            elif kind == _TR_PR and tag == _GRID_BEFORE:
                marks.indented.add(owner)
        return marks


@dataclass
class _Reader:
    numbering: Numbering
    marks: _Marks
    track_pages: bool
    page: int = 1

    # --- inline content -----------------------------------------------------------
    def _text(self, el: etree._Element, out: list[str], symbol_font: str | None = None) -> None:
        for child in el:
            tag = child.tag
            if tag == _T:
                text = child.text or ""
                if symbol_font:  # text typed in a symbol font: þ in Wingdings is ☑
                    text = "".join(symbol_box(symbol_font, ord(c)) or "" for c in text)
                out.append(normalise_glyphs(text) if _MAYBE_BOX.search(text) else text)
            elif tag == _R:  # only a run marked as in a symbol font has its font looked up
                marked = child in self.marks.symbol_font
                self._text(child, out, _symbol_font(first(child, _RPR, _FONTS)) if marked else None)
            elif tag == _RPR or tag == _PPR or tag in _SKIPPED:  # the first two: most often
                continue
            elif tag in _TABS:
                out.append("\t")
            elif tag in _BREAKS:
                out.append("\n")
            elif tag == _NO_BREAK_HYPHEN:
                out.append("-")
            elif tag == _PAGE_BREAK and self.track_pages:
                self.page += 1
            elif tag == _SYM:
                code = number(attr(child, "char"), 0, 16)
                out.append(symbol_box(attr(child, "font"), code) or "")
            elif tag == _FIELD_CHAR:
                box = first(child, _FORM_FIELD, _CHECK_BOX)
                if box is not None:
                    state = first(box, _CHECKED)
                    if state is None:
                        state = first(box, _DEFAULT)
                    on = state is not None and attr(state, "val") not in ("0", "false")
                    out.append(CHECKED if on else UNCHECKED)
            elif tag == _SDT:
                box = first(child, _SDT_PR, _W14_CHECK_BOX)
                if box is not None:
                    state = first(box, _W14_CHECKED)
                    on = state is not None and state.get(f"{W14}val") in ("1", "true")
                    out.append(CHECKED if on else UNCHECKED)
                else:
                    self._text(child, out)
            elif tag in _MATH:  # equations side by side stay apart
                previous = child.getprevious()
                apart = previous is not None and previous.tag == tag
                out.append(" " * apart + math_text(child))
            elif len(child):  # hyperlink, ins, smartTag, fldSimple, sdtContent …
                self._text(child, out, symbol_font)

    def paragraph_text(self, p: etree._Element) -> str:
        out: list[str] = []
        num = first(p, _PPR, _NUM_PR) if p in self.marks.numbered else None
        if num is not None:
            label = self.numbering.label(attr(first(num, _NUM_ID), "val") or "",
                                         number(attr(first(num, _ILVL), "val"), 0))
            if label:
                out.append(label + " ")
        self._text(p, out)
        return "".join(out).replace("\t", " ").strip()

    # --- blocks -------------------------------------------------------------------
    def start_page(self, el: etree._Element) -> int | None:
        """The page an element starts on: the next one when a rendered break precedes its text."""
        if not self.track_pages:
            return None
        for node in el.iter(_PAGE_BREAK, _T):
            if node.tag == _T and (node.text or "").strip():
                return self.page
            if node.tag == _PAGE_BREAK:
                return self.page + 1
        return self.page

    def cell_text(self, tc: etree._Element) -> str:
        lines: list[str] = []
        for tag, child in _content(tc):
            if tag == _P:
                lines.append(self.paragraph_text(child))
                if self.marks.text_boxes:
                    lines.extend(self.cell_text(box) for box in _text_boxes(child))
            elif tag == _TBL:  # a nested table: one line per row
                for row in self.table(child).rows:
                    lines.append("  ".join(c.text.replace("\n", " ") for c in row.cells))
        return "\n".join(filter(None, lines))

    def table(self, tbl: etree._Element) -> Table:
        rows: list[Row] = []
        for tag, tr in _content(tbl):
            if tag != _TR:
                continue
            start = self.start_page(tr)
            cells: list[Cell] = []
            before = first(tr, _TR_PR, _GRID_BEFORE) if tr in self.marks.indented else None
            for _ in range(_columns(before, 0)):
                cells.append(Cell(""))
            for kind, tc in _content(tr):
                if kind == _TC:
                    cells.append(self.cell(tc))
            pages = (start, self.page) if self.track_pages else (None, None)
            rows.append(Row(cells, *pages))
        return Table(rows)

    def cell(self, tc: etree._Element) -> Cell:
        span, continued = _merge(first(tc, _TC_PR)) if tc in self.marks.merged else (1, False)
        text = self.cell_text(tc)
        return Cell("" if continued else text, col_span=span, merged_from_above=continued)

    def blocks(self, story: etree._Element, out: list[Block], index: int | None = None) -> None:
        """The paragraphs and tables of a story (the body, a text box) in order; `index` is
        that of the body element a text box is anchored in."""
        for position, top in enumerate(story, start=1):
            at = index or position
            for tag, child in _content([top]):
                if tag == _P:
                    self.paragraph(child, at, out)
                elif tag == _TBL:
                    table = self.table(child)
                    table.span = Span(at, at)
                    out.append(table)

    def paragraph(self, p: etree._Element, index: int, out: list[Block]) -> None:
        """A paragraph's block, then those of the text boxes anchored in it."""
        page = self.start_page(p)
        text = self.paragraph_text(p)
        if text and not is_page_number(text):
            out.append(Paragraph(text, page, Span(index, index), p in self.marks.bold))
        if self.marks.text_boxes:
            for box in _text_boxes(p):
                self.blocks(box, out, index)


def _symbol_font(fonts: etree._Element | None) -> str | None:
    """The symbol font (Wingdings, Webdings) a run's `w:rFonts` names, if it names one."""
    font = (fonts.get(_ASCII) or fonts.get(_H_ANSI)) if fonts is not None else None
    return font if font and font.lower() in _SYMBOL_FONTS else None


def _merge(properties: etree._Element | None) -> tuple[int, bool]:
    """A cell's span of grid columns, and whether it goes on from the cell above, by its
    properties (`w:tcPr`)."""
    if properties is None:
        return 1, False
    vmerge = first(properties, _V_MERGE)
    continued = vmerge is not None and attr(vmerge, "val") in (None, "continue")
    return max(1, _columns(first(properties, _GRID_SPAN), 1)), continued


def _columns(el: etree._Element | None, default: int) -> int:
    """A count of grid columns (`w:gridSpan`, `w:gridBefore`), at most Word's 63."""
    return max(0, min(number(attr(el, "val"), default), _MAX_COLUMNS))


def _content(parent: Iterable[etree._Element]) -> Iterator[tuple[str, etree._Element]]:
    """The elements of `parent` with their tags, those inside content controls and custom XML
    in their place."""
    for child in parent:
        tag = child.tag
        if tag == _SDT:
            content = first(child, _SDT_CONTENT)
            if content is not None:
                yield from _content(content)
        elif tag == _CUSTOM_XML:
            yield from _content(child)
        else:
            yield tag, child


def _text_boxes(el: etree._Element) -> Iterator[etree._Element]:
    """The text boxes (`w:txbxContent`) anchored in `el`, outermost ones only, each once:
    Word keeps a VML copy of each drawing in `mc:Fallback`."""
    for box in el.iterdescendants(_TEXT_BOX):
        outer = box.getparent()
        while outer is not el and outer.tag not in _BOX_OR_FALLBACK:
            outer = outer.getparent()
        if outer is el:
            yield box


def read_body(body: etree._Element, numbering: etree._Element | None) -> list[Block]:
    """The blocks of a document's body (`w:body`) in reading order; `numbering` is the root of
    its list definitions."""
    track = next(body.iter(_PAGE_BREAK), None) is not None
    reader = _Reader(Numbering.from_part(numbering), _Marks.of(body), track_pages=track)
    blocks: list[Block] = []
    reader.blocks(body, blocks)
    return blocks
