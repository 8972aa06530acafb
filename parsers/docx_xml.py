"""WordprocessingML namespaces and attribute access."""

from __future__ import annotations

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W14_NS = "http://schemas.microsoft.com/office/word/2010/wordml"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
W = f"{{{W_NS}}}"
W14 = f"{{{W14_NS}}}"
MC = f"{{{MC_NS}}}"


def attr(el: etree._Element | None, name: str) -> str | None:
    """A `w:` attribute of an element, or None."""
    return None if el is None else el.get(f"{W}{name}")


def first(el: etree._Element, tag: str, *path: str) -> etree._Element | None:
    """What `el.find("tag/path…")` finds (the first match in document order), without the cost
    of ElementPath."""
    for child in el:
        if child.tag == tag:
            found = first(child, *path) if path else child
            if found is not None:
                return found
    return None
