"""A Word package opened as python-docx opens it, without the cost of the XML it does not need.

python-docx reads every part the relationships reach and parses the XML of each part of a
type it knows (styles, settings, headers, …) into its own element classes: for a report
whose styles part is larger than its text, that is most of the time spent reading it. Here
its package reader and unmarshaller do all they do (so a damaged package fails with the
same error), over a zip opened once for the whole file (`PackageFile`), but only the parts
the reader reads (the main document and its list definitions) are parsed into trees, as
plain lxml elements with python-docx's parser settings. The other XML parts it would parse
are only checked to be well-formed, by libxml2 without building a tree, and kept as plain
parts. A part is known by the SHA-256 digest of its
compressed bytes with the sizes, checksum and method its zip headers declare, which decide
all that inflating it gives: a part known to inflate to well-formed XML (reports made from
one template share their styles) is neither inflated nor checked again. Whenever the check
is not sure, python-docx loads the part itself.
"""

from __future__ import annotations

import hashlib
import io
import re
import struct
import threading
import zipfile

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.package import Unmarshaller
from docx.opc.packuri import CONTENT_TYPES_URI, PACKAGE_URI, PackURI
from docx.opc.part import Part, PartFactory, XmlPart
from docx.opc.pkgreader import PackageReader, _ContentTypeMap
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
_well_formed_parts: dict[bytes, None] = {}
_parts_lock = threading.Lock()
_LOCAL_HEADER = struct.Struct("<26xHH")
"""The lengths of the name and extra field in a zip member's local header (30 bytes)."""


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


def _remember(digest: bytes) -> None:
    """Know a part's digest as that of a part inflating to well-formed XML."""
    with _parts_lock:
        _well_formed_parts[digest] = None
        while len(_well_formed_parts) > _REMEMBERED:
            del _well_formed_parts[next(iter(_well_formed_parts))]


def _known(digest: bytes) -> bool:
    with _parts_lock:
        return digest in _well_formed_parts


class _Member:
    """A part as read from the zip: its content, or None when known to inflate to well-formed
    XML (it is inflated only if asked for)."""

    def __init__(self, package: PackageFile, name: str, digest: bytes, content: bytes | None):
        self._package, self._name, self.digest, self._content = package, name, digest, content

    def content(self) -> bytes:
        """The part's bytes (a known part inflates as it did before, without an error)."""
        if self._content is None:
            self._content = self._package.zip.read(self._name)
        return self._content

    def well_formed(self) -> bool:
        """`_well_formed` of the content, remembered for parts seen before."""
        if self._content is None:  # known when it was read
            return True
        if not _well_formed(self._content):
            return False
        _remember(self.digest)
        return True


class PackageFile:
    """A Word file's zip, opened once, read as python-docx's physical package reader
    (`docx.opc.phys_pkg._ZipPkgReader`) reads it: the same members, the same errors. Opening
    it raises what `zipfile.ZipFile` raises for a damaged zip."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.zip = zipfile.ZipFile(io.BytesIO(data))
        self._members: dict[str, _Member] = {}

    def _digest(self, info: zipfile.ZipInfo) -> bytes:
        """The digest of a member's compressed bytes and of what its headers declare, once
        `zip.open` has read its local header."""
        start = info.header_offset + 30 + sum(_LOCAL_HEADER.unpack_from(self.data,
                                                                       info.header_offset))
        declared = (info.compress_type, info.flag_bits, info.compress_size, info.file_size,
                    info.CRC)
        return hashlib.sha256(repr(declared).encode() + b"\0"
                              + self.data[start:start + info.compress_size]).digest()

    def member(self, name: str) -> _Member:
        """A member read as `zip.read` reads it (inflated unless known well-formed)."""
        info = self.zip.getinfo(name)
        with self.zip.open(info) as stream:
            digest = self._digest(info)
            member = _Member(self, name, digest, None if _known(digest) else stream.read())
        self._members[name] = member
        return member

    def read(self, name: str) -> bytes:
        """A member's bytes, read once (KeyError when it is missing)."""
        member = self._members.get(name) or self.member(name)
        return member.content()

    # python-docx's physical package reader
    @property
    def content_types_xml(self) -> bytes:
        return self.blob_for(CONTENT_TYPES_URI).content()

    def blob_for(self, pack_uri: PackURI) -> _Member:
        return self.member(pack_uri.membername)

    def rels_xml_for(self, source_uri: PackURI) -> bytes | None:
        try:
            return self.blob_for(source_uri.rels_uri).content()
        except KeyError:
            return None

    def close(self) -> None:
        return None  # a zip in memory holds nothing to release; parts may still be read


class _UnparsedPart(Part):
    """A part whose XML python-docx would parse, known well-formed: its content is inflated
    only when asked for."""

    def __init__(self, partname: PackURI, content_type: str, member: _Member,
                 package: Package) -> None:
        super().__init__(partname, content_type, None, package)
        self._member = member

    @property
    def blob(self) -> bytes:
        return self._member.content()


def _parsed_on_open(content_type: str, reltype: str) -> bool:
    """Whether python-docx parses a part's XML when it opens the package (as PartFactory
    chooses the part's class)."""
    selector = PartFactory.part_class_selector
    cls = (selector(content_type, reltype) if selector else None) or \
        PartFactory.part_type_for.get(content_type, PartFactory.default_part_type)
    return issubclass(cls, XmlPart)


def _load_part(partname: PackURI, content_type: str, reltype: str, member: _Member,
               package: Package) -> Part:
    """A part as python-docx loads it, its XML parsed only when the reader reads it; on any
    doubt python-docx loads it (and raises its own error for a damaged one)."""
    if _parsed_on_open(content_type, reltype):
        if reltype in _READ:
            try:
                return XmlPart(partname, content_type, parse(member.content()), package)
            except etree.XMLSyntaxError:
                pass  # python-docx raises its own error below
        elif member.well_formed():
            return _UnparsedPart(partname, content_type, member, package)
    return PartFactory(partname, content_type, reltype, member.content(), package)


def open_package(file: PackageFile) -> Package:
    """The package of a Word file, opened as `docx.package.Package.open` opens it."""
    # as docx.opc.pkgreader.PackageReader.from_file, over the zip already open
    content_types = _ContentTypeMap.from_xml(file.content_types_xml)
    relationships = PackageReader._srels_for(file, PACKAGE_URI)  # noqa: SLF001
    parts = PackageReader._load_serialized_parts(file, relationships,  # noqa: SLF001
                                                 content_types)
    package = Package()
    Unmarshaller.unmarshal(PackageReader(content_types, relationships, parts), package,
                           _load_part)
    return package
