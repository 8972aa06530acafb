"""Saved web pages (HTML) read with lxml into the document model, in reading order.

What a reader of the page sees is kept: paragraphs, headings (bold), list items (one
paragraph each, an ordered list's numbers written as the browser shows them), tables
(`parsers.html_tables`), check boxes (`<input type="checkbox">`, radio buttons,
`role="checkbox"` widgets, boxes typed in a symbol font as Word writes them, `<span
style="font-family: Wingdings 2">R</span>`, all as ☑ / ☐, and any box glyph in the text as
the model's; other symbol-font characters are no text). `<br>` is a line break, a blank line
(two `<br>`) ends a paragraph outside tables, and runs of white space collapse as in a
browser (`&nbsp;` is kept as a space). What is not the page's own text is
left out: scripts, styles, `<noscript>`, `<template>`, images, frames, form controls; the site's
menus (`<nav>`, the ARIA roles navigation, banner, contentinfo, search, menu, menubar and
toolbar, and elements whose class or id is `nav`, `navbar`, `menu`, `breadcrumb` …) and the
page's own `<header>`, `<footer>` and `<aside>` (or elements whose class or id is `header`,
`footer` or `sidebar`), but not those of an article or section, which are its content.

A table that lays the page out (the old way of building whole pages) is not data: a table
with `role="presentation"`, or one without a caption, `<thead>`, `<th>` or border that holds a
single cell or other tables, is read as the page's flow, its cells in order. A table inside a
data table's cell is one line per row in that cell, as Word's nested tables are read; text
written in a table outside its cells is a paragraph before it, where browsers show it.

A page that reports an HTTP error (by its title), that has no text of its own, or that is
nested deeper than libxml2 reads (256 levels), is refused in a sentence.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

import regex
from lxml import etree

from parsers.detect import HTML
from parsers.errors import ParseError
from parsers.glyphs import SYMBOL_CHECKBOXES, normalise_glyphs, symbol_box
from parsers.html_charset import decode_html
from parsers.html_tables import MAX_COLSPAN, Group, SourceCell, table_rows
from parsers.model import CHECKED, UNCHECKED, Block, Document, Paragraph, Table
from parsers.tables import assemble_tables

_BLOCK = frozenset((
    "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details",
    "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form",
    "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li", "main",
    "menu", "nav", "ol", "p", "pre", "section", "summary", "td", "th", "tr", "ul",
))
_BOLD = frozenset(("b", "strong", "h1", "h2", "h3", "h4", "h5", "h6"))
_LEFT_OUT = frozenset((
    "script", "style", "noscript", "template", "head", "title", "meta", "link", "base",
    "button", "select", "textarea", "option", "optgroup", "datalist", "output", "progress",
    "meter", "img", "picture", "svg", "canvas", "video", "audio", "source", "track", "map",
    "area", "iframe", "frame", "frameset", "object", "embed", "applet", "colgroup", "col",
))
_FRAMES = {"iframe": "src", "frame": "src", "embed": "src", "object": "data"}
"""Elements that show another file in the page, and the attribute that names it."""
_CHROME_ROLES = frozenset(
    ("navigation", "banner", "contentinfo", "search", "menu", "menubar", "toolbar"))
_PAGE_PARTS = frozenset(("header", "footer", "aside"))
"""The page's parts that are its chrome unless they belong to an article or a section."""
_CHROME_NAMES = frozenset(("nav", "navbar", "navigation", "menu", "mainmenu", "main-menu",
                           "breadcrumb", "breadcrumbs"))
_PAGE_PART_NAMES = frozenset(("header", "footer", "sidebar"))
"""Class or id names that templates without HTML5's elements give the same parts."""
_SECTIONS = frozenset(("article", "main", "section", "blockquote", "details", "dialog",
                       "fieldset", "figure", "td", "th"))
_BOXES = frozenset(("checkbox", "radio"))
_COLLAPSIBLE = regex.compile(r"[ \t\r\n\f]+")
_SPACES = regex.compile(r" {2,}")
_FONT_FAMILY = regex.compile(r"font-family\s*:\s*([^;]+)", regex.IGNORECASE)
_ERROR_TITLE = regex.compile(
    r"\b[45]\d\d\b|not found|error|forbidden|unavailable|ไม่พบหน้า|เกิดข้อผิดพลาด",
    regex.IGNORECASE)
"""A page title that names an HTTP error: a server's answer saved in place of a file."""
ERROR_PAGE = ("The file is a web page (HTML) reporting an error, saved in place of the report; "
              "download the report again.")
_MAX_ROWSPAN = 65534
"""The HTML standard's limit on `rowspan`."""


@dataclass(frozen=True)
class _Style:
    """What the elements around a text make of it."""

    bold: bool = False
    pre: bool = False
    """Inside `<pre>`: its line ends are line breaks."""
    symbol_font: str | None = None
    """A symbol font (Wingdings …) the text is set in, as Word writes check boxes."""

    @property
    def unsymbolic(self) -> _Style:
        """The style for text that is not in the element's font (a check box's glyph)."""
        return _Style(self.bold, self.pre)

    def inside(self, el: etree._Element, tag: str) -> _Style:
        """The style of an element's text: a font it names replaces the one around it."""
        font = _font(el)
        symbol_font = self.symbol_font if font is None else (
            font if font in SYMBOL_CHECKBOXES else None)
        return _Style(self.bold or tag in _BOLD, self.pre or tag == "pre", symbol_font)


PLAIN = _Style()


def _font(el: etree._Element) -> str | None:
    """The font an element sets its text in (its style's `font-family`, a `<font face>`),
    lower case; None when it names none."""
    family = el.get("face")
    if m := _FONT_FAMILY.search(el.get("style") or ""):
        family = m.group(1)
    return family.split(",")[0].strip().strip("'\"").strip().lower() if family else None


@dataclass
class _Flow:
    """The blocks of one story (the page, or a table cell) as its elements are walked."""

    blocks: list[Block] = field(default_factory=list)
    pieces: list[tuple[str, bool]] = field(default_factory=list)
    """Inline text since the last block ended, each piece with whether it is bold."""
    label: str = ""
    """A list item's number, waiting for the item's first text."""

    def add(self, text: str | None, style: _Style = PLAIN) -> None:
        if text and style.symbol_font:  # þ in Wingdings is ☑; other symbols are no text
            text = "".join(symbol_box(style.symbol_font, ord(c)) or (c if c.isspace() else "")
                           for c in text)
        if text:
            text = text.replace("\t", " ") if style.pre else _COLLAPSIBLE.sub(" ", text)
            self.pieces.append((text, style.bold))

    def line_break(self) -> None:
        self.pieces.append(("\n", False))

    def end_block(self) -> None:
        """The paragraphs of the inline text gathered: a blank line parts two of them."""
        if not self.pieces:
            return
        lines = [_line(line) for line in "".join(t for t, _ in self.pieces).split("\n")]
        bold = all(b for t, b in self.pieces if t.strip())
        self.pieces.clear()
        paragraph: list[str] = []
        for line in [*lines, ""]:
            if line:
                paragraph.append(line)
            elif paragraph:
                text = "\n".join(paragraph)
                self.blocks.append(Paragraph(self.label + text, bold=bold))
                self.label, paragraph = "", []

    def lines(self) -> str:
        """The story as a table cell's text: a line per paragraph line, a line per row of a
        table in it."""
        self.end_block()
        lines: list[str] = []
        for block in self.blocks:
            if isinstance(block, Paragraph):
                lines.append(block.text)
            else:
                lines += ["  ".join(c.text.replace("\n", " ") for c in row.cells if c.text)
                          for row in block.rows]
        return "\n".join(line for line in lines if line)


def _line(text: str) -> str:
    return normalise_glyphs(_SPACES.sub(" ", text).replace("\xa0", " ").strip())


def _tag(el: etree._Element) -> str | None:
    """An element's lower-case name; None for comments and processing instructions."""
    return el.tag.lower() if isinstance(el.tag, str) else None


def _number(value: str | None, default: int, low: int, high: int) -> int:
    if value is None:  # the attribute is not there, as on most cells
        return default
    try:
        return min(max(int(value.strip()), low), high)
    except ValueError:
        return default


def _roman(n: int) -> str:
    out = ""
    for value, letters in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"),
                           (90, "xc"), (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"),
                           (4, "iv"), (1, "i")):
        count, n = divmod(n, value)
        out += letters * count
    return out


def _alphabetic(n: int) -> str:
    out = ""
    while n > 0:
        n, k = divmod(n - 1, 26)
        out = chr(ord("a") + k) + out
    return out


def _list_label(n: int, kind: str) -> str:
    """How a browser numbers an ordered list's item: `type` 1, a, A, i or I."""
    if n > 0 and kind in ("a", "A"):
        text = _alphabetic(n)
    elif 0 < n < 4000 and kind in ("i", "I"):
        text = _roman(n)
    else:
        return f"{n}. "
    return (text.upper() if kind.isupper() else text) + ". "


def _numbering(ol: etree._Element) -> Iterator[tuple[etree._Element, str]]:
    """Each item of an ordered list with its number (`start`, `reversed`, an item's
    `value`)."""
    items = [child for child in ol if _tag(child) == "li"]
    reverse = ol.get("reversed") is not None
    n = _number(ol.get("start"), len(items) if reverse else 1, -10**9, 10**9)
    kind = (ol.get("type") or "1").strip()
    for item in items:
        n = _number(item.get("value"), n, -10**9, 10**9)
        yield item, _list_label(n, kind)
        n += -1 if reverse else 1


def _is_box(el: etree._Element) -> bool:
    """A check box or radio button input, not one that works a menu (`role="button"`)."""
    kind = (el.get("type") or "").strip().lower()
    return kind in _BOXES and (el.get("role") or kind).strip().lower() in _BOXES


def _box(el: etree._Element) -> str:
    """A check box or radio button as the model's glyph, then a space before its label."""
    if el.get("role") == "checkbox":
        on = (el.get("aria-checked") or "").strip().lower() == "true"
    else:
        on = el.get("checked") is not None
    return (CHECKED if on else UNCHECKED) + " "


def _names(el: etree._Element) -> set[str]:
    """An element's class names and id, lower case."""
    return {name.lower() for name in f"{el.get('class') or ''} {el.get('id') or ''}".split()}


def _is_chrome(el: etree._Element, tag: str) -> bool:
    """The site's menus, banner, sidebar and footer, not the page's content."""
    names = _names(el)
    if (tag == "nav" or (el.get("role") or "").strip().lower() in _CHROME_ROLES
            or names & _CHROME_NAMES):
        return True
    return ((tag in _PAGE_PARTS or bool(names & _PAGE_PART_NAMES))
            and not any(_tag(a) in _SECTIONS for a in el.iterancestors()))


def _rows(table: etree._Element) -> Iterator[tuple[str, etree._Element]]:
    """A table's own children by role: ('caption' | 'head' | 'body' | 'foot' | 'row' |
    'other', element)."""
    roles = {"caption": "caption", "thead": "head", "tbody": "body", "tfoot": "foot",
             "tr": "row", "colgroup": "cols", "col": "cols"}
    for child in table:
        yield roles.get(_tag(child) or "", "other"), child


def _cells(tr: etree._Element) -> list[etree._Element]:
    return [c for c in tr if _tag(c) in ("td", "th")]


def _own_cells(table: etree._Element) -> list[etree._Element]:
    cells = []
    for role, child in _rows(table):
        if role == "row":
            cells += _cells(child)
        elif role in ("head", "body", "foot"):
            cells += [c for tr in child if _tag(tr) == "tr" for c in _cells(tr)]
    return cells


def _is_layout(table: etree._Element) -> bool:
    """Whether a table lays the page out rather than holding data (see the module's notes)."""
    if (table.get("role") or "").strip().lower() in ("presentation", "none"):
        return True
    cells = _own_cells(table)
    marked = (any(role in ("caption", "head") for role, _ in _rows(table))
              or any(_tag(c) == "th" for c in cells)
              or _number(table.get("border"), 0, 0, 1) > 0)
    if marked:
        return False
    return len(cells) == 1 or any(c.find(".//table") is not None for c in cells)


@dataclass
class _Reader:
    frames: list[str] = field(default_factory=list)
    """What the page shows from other files (frames, embedded documents)."""
    labels: dict[etree._Element, str] = field(default_factory=dict)
    """Ordered list items' numbers."""

    def walk(self, el: etree._Element, flow: _Flow, style: _Style = PLAIN) -> None:
        """An element's text into the flow; its tail is the caller's."""
        tag = _tag(el)
        if tag is None:
            return
        if _is_chrome(el, tag):
            return
        if tag in _LEFT_OUT:
            self.frames += [source for frame in el.iter(*_FRAMES)
                            if (source := (frame.get(_FRAMES[frame.tag]) or "").strip())]
            return
        if tag == "br":
            flow.line_break()
        elif tag == "input":
            if _is_box(el):
                flow.add(_box(el), style.unsymbolic)
        elif tag == "table":
            flow.end_block()
            self.table(el, flow)
        elif tag in _BLOCK:
            flow.end_block()
            if tag == "ol":
                self.labels.update(_numbering(el))
            if tag == "li":
                flow.label = self.labels.pop(el, "")
            self.children(el, flow, style.inside(el, tag))
            flow.end_block()
            if tag == "li":
                flow.label = ""
        else:
            if el.get("role") == "checkbox":
                flow.add(_box(el), style.unsymbolic)
            self.children(el, flow, style.inside(el, tag))

    def children(self, el: etree._Element, flow: _Flow, style: _Style) -> None:
        flow.add(el.text, style)
        for child in el:
            self.walk(child, flow, style)
            flow.add(child.tail, style)

    def cell_text(self, el: etree._Element) -> str:
        flow = _Flow()
        self.children(el, flow, PLAIN.inside(el, _tag(el) or ""))
        return flow.lines()

    def table(self, table: etree._Element, flow: _Flow) -> None:
        """A data table as a Table (its caption and title as paragraphs before it); a layout
        table as the flow of its cells."""
        layout = _is_layout(table)
        groups: list[tuple[str, Group]] = []
        self.stray(table.text, flow)
        for role, child in _rows(table):
            if role == "caption":
                self.walk(child, flow, _Style(bold=True))
            elif role in ("head", "body", "foot"):
                rows = [self.row(tr, flow, layout) for tr in self.fostered(child, flow)]
                groups.append((role, rows))
            elif role == "row":
                if not groups or groups[-1][0] != "loose":
                    groups.append(("loose", []))
                groups[-1][1].append(self.row(child, flow, layout))
            elif role == "other":
                self.walk(child, flow)
                flow.end_block()
            self.stray(child.tail, flow)
        if layout:
            return
        head = next((k for k, (role, _) in enumerate(groups) if role == "head"), None)
        ordered = [groups.pop(head)[1]] if head is not None else []
        ordered += [g for role, g in groups if role != "foot"]
        ordered += [g for role, g in groups if role == "foot"]
        title, rows = table_rows(ordered, len(ordered[0]) if head is not None else 0)
        if title:
            flow.blocks.append(Paragraph(title, bold=True))
        if rows:
            flow.blocks.append(Table(rows))

    @staticmethod
    def stray(text: str | None, flow: _Flow) -> None:
        """Text written straight into a table, a row group or a row, outside any cell: a
        paragraph before the table, where a browser shows it."""
        if text and text.strip():
            flow.add(text)
            flow.end_block()

    def fostered(self, group: etree._Element, flow: _Flow) -> list[etree._Element]:
        """A row group's rows; anything else in it is read before the table, as a browser
        shows it."""
        rows = []
        self.stray(group.text, flow)
        for child in group:
            if _tag(child) == "tr":
                rows.append(child)
            else:
                self.walk(child, flow)
                flow.end_block()
            self.stray(child.tail, flow)
        return rows

    def row(self, tr: etree._Element, flow: _Flow, layout: bool) -> list[SourceCell]:
        """A row's cells; a layout table's are read into the flow instead."""
        cells = []
        self.stray(tr.text, flow)
        for child in tr:
            tag = _tag(child)
            if tag in ("td", "th") and layout:
                self.walk(child, flow)
            elif tag in ("td", "th"):
                cells.append(SourceCell(
                    self.cell_text(child),
                    col_span=_number(child.get("colspan"), 1, 1, MAX_COLSPAN),
                    row_span=_number(child.get("rowspan"), 1, 0, _MAX_ROWSPAN),
                    header=tag == "th"))
            else:
                self.walk(child, flow)
                flow.end_block()
            self.stray(child.tail, flow)
        return cells


def _root(text: str) -> etree._Element | None:
    """The page's element tree; None for a page with no elements."""
    parser = etree.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True,
                              no_network=True)
    root = etree.fromstring(text.encode("utf-8"), parser) if text.strip() else None
    limits = [e.message.strip() for e in parser.error_log
              if e.type_name == "ERR_RESOURCE_LIMIT"]
    if limits:  # libxml2 stops reading there: the rest of the page is not in the tree
        why = (": its elements are nested too deep, as tags a broken page template leaves "
               "open make them" if "depth" in limits[0].lower() else "")
        raise ParseError(
            f"The web page goes past a limit a reader keeps to ({limits[0]}), so the rest of it "
            f"cannot be read{why}. Open it in a browser, print it to PDF and convert the PDF.")
    return root


def _no_text(frames: list[str]) -> ParseError:
    shown = list(dict.fromkeys(frames))
    if len(shown) == 1:
        return ParseError(f"The file is a saved web page (HTML) whose only content is another "
                          f"file shown in it ({shown[0]}): download that file and convert it.")
    if shown:
        return ParseError(f"The file is a saved web page (HTML) whose only content is other "
                          f"files shown in it ({', '.join(shown)}): download the report among "
                          "them and convert it.")
    return ParseError("The file is a saved web page (HTML) with no text outside its menus and "
                      "scripts (its content may be drawn by scripts when it is opened): open "
                      "it in a browser, print it to PDF and convert the PDF.")


def parse_html(data: bytes) -> Document:
    """Parse a saved web page's bytes."""
    text, repairs = decode_html(data)
    root = _root(text)
    if root is None:
        raise _no_text([])
    title = root.find("head/title")
    if title is not None and _ERROR_TITLE.search("".join(title.itertext())):
        raise ParseError(ERROR_PAGE)
    reader, flow = _Reader(), _Flow()
    body = root.find("body")
    for part in ([body] if body is not None else list(root)):
        reader.walk(part, flow)
    flow.end_block()
    if not flow.blocks:
        raise _no_text(reader.frames)
    return Document(HTML, assemble_tables(flow.blocks), repairs=repairs)
