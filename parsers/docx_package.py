"""A Word package opened as python-docx opens it, without the cost of the XML it does not need.

python-docx reads every part the relationships reach and parses the XML of each part of a
type it knows (styles, settings, headers, …) into its own element classes: for a report
whose styles part is larger than its text, that is most of the time spent reading it. Here
its package reader and unmarshaller do all they do (so a damaged package fails with the
same error), but only the parts the reader reads (the main document and its list
definitions) are parsed into trees, as plain lxml elements with python-docx's parser
settings; the other XML parts it would parse are only checked to be well-formed, by libxml2
without building a tree, and a part checked once is known by its SHA-256 digest (reports
made from one template share their styles). Whenever the check is not sure, python-docx
loads the part itself.
"""

from __future__ import annotations

import hashlib
import io
import re
import threading

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.package import Unmarshaller
from docx.opc.packuri import PackURI
from docx.opc.part import Part, PartFactory, XmlPart
from docx.opc.pkgreader import PackageReader
from docx.package import Package
from lxml import etree

_READ = (RT.OFFICE_DOCUMENT, RT.NUMBERING)
"""Relationships to the parts the reader parses into trees."""
_UTF8_DECLARATION = re.compile(rb"""(?:\xef\xbb\xbf)?<\?xml version=(["'])1\.0\1 encoding=(["'])"""
                               rb"""(?i:utf-8)\2(?: standalone=(["'])(?:yes|no)\3)?\?>""")
"""An XML declaration of UTF-8, as Word writes it: a part that opens otherwise (another
encoding, a damaged declaration) is checked by parsing it."""
_TEXT_LIMIT = 10_000_000
"""libxml2's longest text node (without XML_PARSE_HUGE), which only tree building checks: a
smaller part cannot hold a longer one."""
_TREE_ONLY = (b"<!DOCTYPE", b"xml:id")
"""What only tree building checks besides (entities declared in a DTD, `xml:id` values)."""
_REMEMBERED = 256
"""How many well-formed parts are known by their digest (the oldest forgotten first)."""
_well_formed_digests: dict[bytes, None] = {}
_digests_lock = threading.Lock()


def parse(xml: bytes) -> etree._Element:
    """A part's XML as plain lxml elements, parsed with python-docx's parser settings."""
    return etree.fromstring(xml, etree.XMLParser(remove_blank_text=True, resolve_entities=False))


class _NoTree:
    """A parser target that keeps nothing: libxml2 checks the XML without building a tree."""

    def close(self) -> None:
        return None


def _well_formed(xml: bytes) -> bool:
    """Whether python-docx's parser surely parses `xml` without an error. False when not sure:
    the part is then parsed to know."""
    if (len(xml) >= _TEXT_LIMIT or not _UTF8_DECLARATION.match(xml)
            or any(marker in xml for marker in _TREE_ONLY)):
        return False
    checker = etree.XMLParser(remove_blank_text=True, resolve_entities=False, target=_NoTree())
    try:
        etree.fromstring(xml, checker)
    except etree.XMLSyntaxError:
        return False
    return not checker.error_log  # namespace errors are only logged without a tree


def _known_well_formed(xml: bytes) -> bool:
    """`_well_formed`, remembered for parts seen before."""
    digest = hashlib.sha256(xml).digest()
    with _digests_lock:
        if digest in _well_formed_digests:
            return True
    if not _well_formed(xml):
        return False
    with _digests_lock:
        _well_formed_digests[digest] = None
        while len(_well_formed_digests) > _REMEMBERED:
            del _well_formed_digests[next(iter(_well_formed_digests))]
    return True


def _parsed_on_open(content_type: str, reltype: str) -> bool:
    """Whether python-docx parses a part's XML when it opens the package (as PartFactory
    chooses the part's class)."""
    selector = PartFactory.part_class_selector
    cls = (selector(content_type, reltype) if selector else None) or \
        PartFactory.part_type_for.get(content_type, PartFactory.default_part_type)
    return issubclass(cls, XmlPart)


def _load_part(partname: PackURI, content_type: str, reltype: str, blob: bytes,
               package: Package) -> Part:
    """A part as python-docx loads it, its XML parsed only when the reader reads it; on any
    doubt python-docx loads it (and raises its own error for a damaged one)."""
    if _parsed_on_open(content_type, reltype):
        if reltype in _READ:
            try:
                return XmlPart(partname, content_type, parse(blob), package)
            except etree.XMLSyntaxError:
                pass  # python-docx raises its own error below
        elif _known_well_formed(blob):
            return Part(partname, content_type, blob, package)
    return PartFactory(partname, content_type, reltype, blob, package)


def open_package(data: bytes) -> Package:
    """The package of a Word file's bytes, opened as `docx.package.Package.open` opens it."""
    package = Package()
    Unmarshaller.unmarshal(PackageReader.from_file(io.BytesIO(data)), package, _load_part)
    return package
