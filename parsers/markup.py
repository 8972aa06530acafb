"""Strip converter residue from inline text (HTML tags, `[bookmark: …]`, `**bold**`);
check-box glyphs become the model's ☑ / ☐."""

from __future__ import annotations

import html

import regex

from parsers.glyphs import normalise_glyphs

_BRACKET_NOTE = regex.compile(r"\[(?:bookmark|image):[^\]\n]*\]", regex.IGNORECASE)
_LINE_BREAK_TAG = regex.compile(r"</?(?:p|br|li|ol|ul|div|tr)\b[^>]*>", regex.IGNORECASE)
_OTHER_TAG = regex.compile(r"</?[a-zA-Z][a-zA-Z0-9]*\b[^>]*>")
_BOLD = regex.compile(r"\*\*")
_DASH = "[-–]"
_PAGE_DIGITS = "[0-9๐-๙]{1,3}"
DASHED_PAGE_NUMBER = rf"^\s*{_DASH}\s*({_PAGE_DIGITS})\s*{_DASH}"
"""A page number between dashes at a line's start (`-๔-`), the number as group 1: in a text
export a bare number on its own line may be a table cell's."""
_PAGE_NUMBER = regex.compile(rf"^\s*{_DASH}?\s*{_PAGE_DIGITS}\s*{_DASH}?\s*$")


def is_page_number(text: str) -> bool:
    """A paragraph that is only a page number: `- ๒ -`, `-3-`, `12`."""
    return bool(_PAGE_NUMBER.match(text))


def is_bold(text: str) -> bool:
    """Whether a paragraph was written as a `**bold**` title."""
    return text.lstrip().startswith("**")


def strip_markup(text: str) -> str:
    """Remove residue, turning block-level tags into line breaks; keeps other whitespace."""
    text = _BRACKET_NOTE.sub("", text)
    text = _LINE_BREAK_TAG.sub("\n", text)
    text = _OTHER_TAG.sub("", text)
    text = _BOLD.sub("", text)
    text = normalise_glyphs(html.unescape(text))
    lines = [line.rstrip() for line in text.split("\n")]
    return "\n".join(line for line in lines if line.strip())
