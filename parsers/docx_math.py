"""Word equations (OMML, `m:oMath`) as one line of plain text: `A=πr^2`, `(a+b)/c`."""

from __future__ import annotations

from lxml import etree

M_NS = "http://schemas.openxmlformats.org/officeDocument/2006/math"
M = f"{{{M_NS}}}"

_SCRIPTS = {
    "f": (("num", ""), ("den", "/")),
    "sSup": (("e", ""), ("sup", "^")),
    "sSub": (("e", ""), ("sub", "_")),
    "sSubSup": (("e", ""), ("sub", "_"), ("sup", "^")),
    "limLow": (("e", ""), ("lim", "_")),
    "limUpp": (("e", ""), ("lim", "^")),
}
"""Objects written as operands joined by a mark: each (child, the mark before it)."""


def _bracketed(text: str) -> bool:
    """Whether `text` is one bracketed group: `(a+b)`, not `(a)+(b)`."""
    depth = 0
    for i, char in enumerate(text):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth == 0 and i < len(text) - 1:
            return False
    return text.startswith("(") and depth == 0


def _operand(text: str) -> str:
    """`text` as an operand of ^, _ or /: bracketed unless it is one name or number."""
    return text if text.isalnum() or _bracketed(text) else f"({text})"


def _val(el: etree._Element, path: str, default: str) -> str:
    found = el.find(path)
    return default if found is None else found.get(f"{M}val", default)


def _scripts(el: etree._Element, parts: tuple[tuple[str, str], ...]) -> str:
    texts: list[tuple[str, str]] = []
    for name, mark in parts:  # loops, not comprehensions: a frame less for each nested level
        text = math_text(el.find(f"{M}{name}"))
        if text:
            texts.append((mark, text))
    if len(texts) == 1:
        return texts[0][1]
    return "".join(mark + _operand(text) for mark, text in texts)


def _delimited(el: etree._Element) -> str:
    """`m:d`: its operands between the brackets, apart by the separator (`(`, `)`, `|`)."""
    begin = _val(el, f"{M}dPr/{M}begChr", "(")
    separator = _val(el, f"{M}dPr/{M}sepChr", "|")
    end = _val(el, f"{M}dPr/{M}endChr", ")")
    return begin + separator.join(math_text(e) for e in el.iterfind(f"{M}e")) + end


def _nary(el: etree._Element) -> str:
    """`m:nary`: a sum, product or integral with its limits: `∑_(i=1)^n x`."""
    bounds = _scripts(el, (("sub", "_"), ("sup", "^")))
    return f"{_val(el, f'{M}naryPr/{M}chr', '∫')}{bounds} {math_text(el.find(f'{M}e'))}"


def _radical(el: etree._Element) -> str:
    base, degree = math_text(el.find(f"{M}e")), math_text(el.find(f"{M}deg"))
    return f"{_operand(base)}^(1/{degree})" if degree else f"√{_operand(base)}"


def _function(el: etree._Element) -> str:
    name, argument = math_text(el.find(f"{M}fName")), math_text(el.find(f"{M}e"))
    return f"{name}{argument}" if _bracketed(argument) else f"{name} {argument}"


_OBJECTS = {"d": _delimited, "nary": _nary, "rad": _radical, "func": _function}


def math_text(el: etree._Element | None) -> str:
    """An equation or a part of one as plain text (properties, `…Pr`, carry none)."""
    if el is None:
        return ""
    name = el.tag.removeprefix(M) if el.tag.startswith(M) else ""
    if name == "t":
        return el.text or ""
    if name in _SCRIPTS:
        return _scripts(el, _SCRIPTS[name])
    if name in _OBJECTS:
        return _OBJECTS[name](el)
    if name == "oMathPara":
        return "\n".join(math_text(m) for m in el.iterfind(f"{M}oMath"))
    out = []
    for child in el:
        if isinstance(child.tag, str) and not child.tag.endswith("Pr"):
            out.append(math_text(child))
    return "".join(out)
