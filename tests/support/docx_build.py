"""Small Word documents for the tests: body XML in, DOCX bytes out."""

from __future__ import annotations

import io
import re
import zipfile

import docx
from lxml import etree

NS = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"'
)


def p(text: str, extra: str = "") -> str:
    """A paragraph with one run of text (and extra inline XML after it)."""
    return f"<w:p><w:r><w:t xml:space='preserve'>{text}</w:t></w:r>{extra}</w:p>"


def tc(*paragraphs: str, props: str = "") -> str:
    return f"<w:tc><w:tcPr>{props}</w:tcPr>{''.join(paragraphs) or '<w:p/>'}</w:tc>"


def tr(*cells: str) -> str:
    return f"<w:tr>{''.join(cells)}</w:tr>"


BORDERS = "<w:tblBorders>" + "".join(
    f"<w:{side} w:val='single' w:sz='4' w:space='0' w:color='000000'/>"
    for side in ("top", "left", "bottom", "right", "insideH", "insideV")
) + "</w:tblBorders>"


def tbl(*rows: str, ruled: bool = True) -> str:
    """A table, bordered unless not `ruled`; its grid has as many columns as its first row."""
    columns = rows[0].count("<w:tc>") if rows else 0
    grid = "".join("<w:gridCol w:w='2000'/>" for _ in range(columns))
    head = f"<w:tblPr>{BORDERS if ruled else ''}</w:tblPr><w:tblGrid>{grid}</w:tblGrid>"
    return f"<w:tbl>{head}{''.join(rows)}</w:tbl>"


def make_docx(body: str, numbering: str | None = None, pages: int | None = None) -> bytes:
    """A DOCX whose body holds `body`; `numbering` replaces numbering.xml's content."""
    document = docx.Document()
    root = document.element.body
    for child in list(root):
        if not child.tag.endswith("sectPr"):
            root.remove(child)
    sect = root[0] if len(root) else None
    for el in etree.fromstring(f"<w:body {NS}>{body}</w:body>"):
        if sect is not None:
            sect.addprevious(el)
        else:
            root.append(el)
    if numbering is not None:
        part = document.part.numbering_part.element
        for child in list(part):
            part.remove(child)
        for el in etree.fromstring(f"<w:numbering {NS}>{numbering}</w:numbering>"):
            part.append(el)
    buffer = io.BytesIO()
    document.save(buffer)
    data = buffer.getvalue()
    return data if pages is None else _with_pages(data, pages)


def _with_pages(data: bytes, pages: int) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "docProps/app.xml":
                text = re.sub(r"<Pages>\d+</Pages>", "", content.decode("utf-8"))
                content = text.replace("</Properties>", f"<Pages>{pages}</Pages></Properties>")
                content = content.encode("utf-8")
            target.writestr(info, content)
    return out.getvalue()
