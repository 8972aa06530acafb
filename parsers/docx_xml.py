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
