"""Opening a Word package without parsing the parts the reader does not read: the same parts,
and for a damaged part the same error, as python-docx's own `Package.open`."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from docx.oxml.parser import parse_xml
from docx.package import Package
from lxml import etree

from parsers.docx import parse_docx
from parsers.docx_package import (
    PackageFile,
    _well_formed,
    _well_formed_parts,
    open_package,
)
from parsers.errors import ParseError
from tests.support.docx_build import make_docx, p
from tests.support.paths import FIXTURES, PEERS

WORD_FILES = sorted([*(FIXTURES / "docx").glob("*.docx"), *PEERS.rglob("*.docx")])
DECLARATION = b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
STYLES = (DECLARATION + b'<w:styles xmlns:w="http://schemas.openxmlformats.org/'
          b'wordprocessingml/2006/main"><w:style w:styleId="a"/></w:styles>')


def replaced(data: bytes, name: str, content: bytes) -> bytes:
    """The package with its part `name` replaced by `content`."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            target.writestr(info, content if info.filename == name else source.read(info))
    return out.getvalue()


def python_docx_error(data: bytes) -> str:
    with pytest.raises(etree.XMLSyntaxError) as raised:
        Package.open(io.BytesIO(data))
    return str(raised.value)


@pytest.mark.parametrize("path", WORD_FILES, ids=lambda path: path.name)
def test_the_main_part_is_the_one_python_docx_opens(path: Path) -> None:
    try:
        expected = Package.open(io.BytesIO(path.read_bytes())).main_document_part
    except Exception:  # noqa: BLE001 - files python-docx refuses are compared by their errors
        pytest.skip("python-docx does not open it")
    got = open_package(PackageFile(path.read_bytes())).main_document_part
    assert (got.partname, got.content_type) == (expected.partname, expected.content_type)
    if hasattr(expected, "element"):
        assert etree.tostring(got.element) == etree.tostring(expected.element)


@pytest.mark.parametrize("styles", [
    STYLES.replace(b"<w:style ", b"<x:style "),  # a prefix never declared: only logged by libxml2
    STYLES.replace(b"/>", b">"),  # a tag left open
    STYLES.replace(b'w:styleId="a"', b'w:styleId="a" w:styleId="b"'),
    STYLES.replace(b"<w:style ", b'<w:style xml:id="1 2" '),  # checked only when a tree is built
    STYLES.replace(b"UTF-8", b"UTF-16"),
])
def test_a_damaged_part_the_reader_does_not_read_fails_as_in_python_docx(styles: bytes) -> None:
    data = replaced(make_docx(p("ก")), "word/styles.xml", styles)
    expected = python_docx_error(data)
    with pytest.raises(ParseError) as raised:
        parse_docx(data)
    assert str(raised.value) == f"The Word file is damaged and cannot be opened ({expected})."


@pytest.mark.parametrize("xml", [
    STYLES,
    STYLES.replace(b"<w:style ", b"<x:style "),
    STYLES.replace(b"<w:style ", b'<w:style xml:id="1 2" '),
    STYLES.replace(b"<w:styles ", b'<w:styles xmlns:p="" '),
    STYLES.replace(b"<w:styles ", b'<w:styles xmlns:xml="urn:x" '),
    STYLES.replace(b"<w:styles ", b'<w:styles xmlns:a="urn:x" xmlns:b="urn:x" a:c="1" b:c="2" '),
    STYLES.replace(DECLARATION, b'<!DOCTYPE w:styles [<!ENTITY e "&#60;">]>'),
    DECLARATION + b"<a>" * 300 + b"</a>" * 300,
    DECLARATION.replace(b"'1.0'", b"'1.1'") + STYLES[len(DECLARATION):],
    STYLES[len(DECLARATION):],
])
def test_a_part_is_well_formed_only_where_python_docx_parses_it(xml: bytes) -> None:
    try:
        parse_xml(xml)
    except etree.XMLSyntaxError:
        assert not _well_formed(xml)
    if xml == STYLES:
        assert _well_formed(xml)  # Word's own parts are checked without a tree


def test_the_well_formed_parts_remembered_are_bounded() -> None:
    data = make_docx(p("ก"))
    for n in range(300):
        styles = replaced(data, "word/styles.xml", STYLES.replace(b'"a"', f'"{n}"'.encode()))
        assert PackageFile(styles).member("word/styles.xml").well_formed()
    assert len(_well_formed_parts) == 256


def test_a_part_known_well_formed_is_inflated_only_when_asked_for() -> None:
    styles = STYLES.replace(b'"a"', b'"known"')
    data = replaced(make_docx(p("ก")), "word/styles.xml", styles)
    assert PackageFile(data).member("word/styles.xml").well_formed()
    again = PackageFile(data).member("word/styles.xml")
    assert again._content is None and again.well_formed()  # noqa: SLF001
    assert again.content() == styles
