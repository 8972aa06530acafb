"""Strip converter residue from inline text (HTML tags, `[bookmark: …]`, `**bold**`);
check-box glyphs become the model's ☑ / ☐."""

from __future__ import annotations

import html

import regex

from parsers.glyphs import normalise_glyphs

_BRACKET_NOTE = regex.compile(r"\[(?:bookmark|image):[^\]\n]*\]", regex.IGNORECASE)
_LINE_BREAK_TAG = regex.compile(r"</?(?:p|br|li|ol|ul|div|tr)\b[^>]*>", regex.IGNORECASE)
_OTHER_TAG = regex.compile(r"</?[a-zA-Z][a-zA-Z0-9]*\b[^>]*>")
_DASHES = "-–"
_DIGITS = "0123456789๐๑๒๓๔๕๖๗๘๙"
_DASH = f"[{_DASHES}]"
_PAGE_DIGITS = f"[{_DIGITS}]{{1,3}}"
DASHED_PAGE_NUMBER = rf"^\s*{_DASH}\s*({_PAGE_DIGITS})\s*{_DASH}"
"""A page number between dashes at a line's start (`-๔-`), the number as group 1: in a text
export a bare number on its own line may be a table cell's."""
_DASH_SET, _DIGIT_SET = frozenset(_DASHES), frozenset(_DIGITS)
_PAGE_NUMBER = regex.compile(rf"^\s*{_DASH}?\s*{_PAGE_DIGITS}\s*{_DASH}?\s*$")


def may_open_with_page_number(line: str) -> bool:
    """A cheap test that a line could start with a DASHED_PAGE_NUMBER: a dash, then a digit,
    each after white space (str.lstrip strips all that `\\s` matches)."""
    rest = line.lstrip()
    return rest[:1] in _DASH_SET and rest[1:].lstrip()[:1] in _DIGIT_SET


def is_page_number(text: str) -> bool:
    """A paragraph that is only a page number: `- ๒ -`, `-3-`, `12`."""
    return bool(_PAGE_NUMBER.match(text))


def is_bold(text: str) -> bool:
    """Whether a paragraph was written as a `**bold**` title."""
    return text.lstrip().startswith("**")


def strip_markup(text: str) -> str:
    """Remove residue, turning block-level tags into line breaks; keeps other whitespace.
    Each pattern is tried only where the character it needs is in the text."""
    if "[" in text:
        text = _BRACKET_NOTE.sub("", text)
    if "<" in text:
        text = _LINE_BREAK_TAG.sub("\n", text)
        text = _OTHER_TAG.sub("", text)
    text = text.replace("**", "")
    if "&" in text:
        text = html.unescape(text)
    text = normalise_glyphs(text)
    if "\n" not in text:
        return text.rstrip()  # "" for a line of white space
    return "\n".join([kept for line in text.split("\n") if (kept := line.rstrip())])
