"""ISO Strict Open XML Word files, rewritten in memory as the Transitional form every reader knows.

Strict (ISO/IEC 29500 Strict, Word's "Strict Open XML Document") names the same elements
in other namespaces (`http://purl.oclc.org/ooxml/...`) and its relationships by other type
URIs. Rewriting those URIs, and nothing else, gives a package python-docx opens.
"""

from __future__ import annotations

import io
import re
import zipfile

STRICT = "http://purl.oclc.org/ooxml/"
_RELATIONSHIPS = f"{STRICT}officeDocument/relationships"
_TRANSITIONAL_RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

NAMESPACES = {
    f"{STRICT}wordprocessingml/main": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    _RELATIONSHIPS: _TRANSITIONAL_RELATIONSHIPS,
    f"{STRICT}officeDocument/math": "http://schemas.openxmlformats.org/officeDocument/2006/math",
    f"{STRICT}officeDocument/docPropsVTypes":
        "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes",
    f"{STRICT}officeDocument/extendedProperties":
        "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
    f"{STRICT}officeDocument/customProperties":
        "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties",
    f"{STRICT}officeDocument/customXml":
        "http://schemas.openxmlformats.org/officeDocument/2006/customXml",
    f"{STRICT}officeDocument/bibliography":
        "http://schemas.openxmlformats.org/officeDocument/2006/bibliography",
    f"{STRICT}officeDocument/sharedTypes":
        "http://schemas.openxmlformats.org/officeDocument/2006/sharedTypes",
    f"{STRICT}schemaLibrary/main": "http://schemas.openxmlformats.org/schemaLibrary/2006/main",
    **{f"{STRICT}drawingml/{name}": f"http://schemas.openxmlformats.org/drawingml/2006/{name}"
       for name in ("main", "wordprocessingDrawing", "picture", "chart", "chartDrawing",
                    "diagram", "lockedCanvas")},
}
"""Strict namespace URI: its Transitional equivalent (ECMA-376 Part 1, the two schema sets)."""

RELATIONSHIP_TYPES = {"extendedProperties": "extended-properties",
                      "customProperties": "custom-properties"}
"""Strict relationship type names spelled otherwise in Transitional; the rest keep their name."""

_URI_VALUE = re.compile(rb"""(=\s*["'])(http://purl\.oclc\.org/ooxml/[\w/.-]+)(["'])""")
"""A Strict URI as a whole attribute value: a namespace declaration or a relationship type."""


def _head(package: zipfile.ZipFile, name: str, size: int = 65536) -> bytes:
    try:
        with package.open(name) as part:
            return part.read(size)
    except KeyError:
        return b""


def is_strict(package: zipfile.ZipFile) -> bool:
    """Whether the main document is related by the Strict type or written in Strict's namespace."""
    related = f"{_RELATIONSHIPS}/officeDocument".encode() in _head(package, "_rels/.rels")
    written = f"{STRICT}wordprocessingml/main".encode() in _head(package, "word/document.xml")
    return related or written


def transitional_uri(uri: str) -> str:
    """The Transitional form of a Strict namespace or relationship type URI."""
    if uri in NAMESPACES:
        return NAMESPACES[uri]
    if uri.startswith(f"{_RELATIONSHIPS}/"):
        name = uri.removeprefix(f"{_RELATIONSHIPS}/")
        return f"{_TRANSITIONAL_RELATIONSHIPS}/{RELATIONSHIP_TYPES.get(name, name)}"
    return uri


def _rewrite(xml: bytes) -> bytes:
    def replace(m: re.Match[bytes]) -> bytes:
        return m[1] + transitional_uri(m[2].decode("ascii")).encode("ascii") + m[3]

    return _URI_VALUE.sub(replace, xml)


def to_transitional(package: zipfile.ZipFile) -> bytes:
    """The package's bytes with every Strict URI in its XML parts put in Transitional form."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in package.infolist():
            content = package.read(info)
            if info.filename.endswith((".xml", ".rels")):
                content = _rewrite(content)
            target.writestr(info, content)
    return out.getvalue()
