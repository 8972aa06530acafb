"""Word (DOCX) reports into the document model: the package opened and checked, its body read
in true reading order by `parsers.docx_reader`.

The zip is opened once, and the package in it as python-docx opens it (`parsers.docx_package`);
a file that cannot be read fails with a sentence saying why (damaged, encrypted, a zip bomb,
nested past a reader's limits, not a Word document). ISO Strict files are read as their
Transitional equivalent (`parsers.docx_strict`).
"""

from __future__ import annotations

import re
import zipfile
import zlib

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.exceptions import PackageNotFoundError
from docx.opc.part import Part, XmlPart
from lxml import etree

from parsers.docx_package import PackageFile, open_package, parse
from parsers.docx_reader import read_body
from parsers.docx_strict import is_strict, to_transitional
from parsers.docx_xml import W
from parsers.errors import ParseError
from parsers.limits import MB, Limits
from parsers.model import Document
from parsers.tables import assemble_tables


def _page_count(file: PackageFile) -> int | None:
    try:
        app = file.read("docProps/app.xml")
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


def _unzip(data: bytes) -> PackageFile:
    try:
        return PackageFile(data)
    except _ZIP_DAMAGE as exc:
        raise _damaged(exc) from exc


def _check_package(package: zipfile.ZipFile, limit: int) -> None:
    """Refuse a Word file whose parts inflate to more than `limit` bytes, before inflating, or
    that zipfile cannot unpack. The sizes are those its zip directory declares; zipfile reads
    no part beyond its own."""
    infos = package.infolist()
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


def _as_transitional(file: PackageFile) -> tuple[PackageFile, bool]:
    """The package in the Transitional form python-docx reads, and whether it was Strict."""
    try:
        if is_strict(file.zip):
            return PackageFile(to_transitional(file.zip)), True
    except _ZIP_DAMAGE as exc:
        raise _damaged(exc) from exc
    return file, False


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
    """A part's XML: parsed on opening, or (the main part of a template or of a macro-enabled
    document, a part reached first by another relationship) parsed here."""
    return part.element if isinstance(part, XmlPart) else parse(part.blob)


def _numbering(part: Part) -> etree._Element | None:
    """The list definitions' XML; None for a document without lists (Word adds the numbering
    part with the first list)."""
    for rel in part.rels.values():
        if rel.reltype == RT.NUMBERING and not rel.is_external:
            return _xml(rel.target_part)
    return None


def _open(file: PackageFile, strict: bool) -> tuple[etree._Element, etree._Element | None]:
    """The main document's XML and its list definitions'."""
    try:
        part = open_package(file).main_document_part
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
    file = _unzip(data)
    _check_package(file.zip, max_unpacked_bytes)
    file, strict = _as_transitional(file)
    document, numbering = _open(file, strict)
    body = document.find(f"{W}body")
    if body is None:
        return Document("docx", page_count=_page_count(file))
    return Document("docx", assemble_tables(read_body(body, numbering)),
                    page_count=_page_count(file))
