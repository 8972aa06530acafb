"""Done / not done, read from check boxes and the labels beside them; never guessed."""

from __future__ import annotations

import regex

from normalise.text import clean_text
from parsers.glyphs import CHECKED_GLYPHS, UNCHECKED_GLYPHS
from pipeline.ita.vocabulary import DONE, DONE_LABELS, NOT_DONE, NOT_DONE_LABELS, UNKNOWN

_GLYPH = f"[{''.join(sorted(CHECKED_GLYPHS | UNCHECKED_GLYPHS))}]"
_NOT_DONE_LABEL = "|".join(NOT_DONE_LABELS)
_DONE_LABEL = "|".join(DONE_LABELS)
_MARKED_LABEL = regex.compile(rf"({_GLYPH}?)\s*(?:({_NOT_DONE_LABEL})|({_DONE_LABEL}))")
_LABEL_LINE = regex.compile(
    rf"^\s*(?:{_GLYPH}?\s*(?:{_NOT_DONE_LABEL}|{_DONE_LABEL})\s*)+$"
)
_TRAILING_LABELS = regex.compile(
    rf"(?:(?<=^|\s|{_GLYPH})\s*{_GLYPH}?\s*(?:{_NOT_DONE_LABEL}|{_DONE_LABEL})\s*)+$"
)
"""Status labels, ticked or not, that end a line after its text (`O1 โครงสร้าง ☑ ดำเนินการ`);
a label must stand apart, so the `ดำเนินการ` inside a word such as `การดำเนินการ` is text."""
_LONE_GLYPH = regex.compile(_GLYPH)


def read_status(text: str) -> tuple[str | None, str]:
    """(status, the text without its status labels) of a progress cell; None: no labels."""
    marks: list[tuple[str, str]] = []
    kept: list[str] = []
    for line in text.splitlines():
        if _LABEL_LINE.match(line):
            for m in _MARKED_LABEL.finditer(line):
                marks.append((m.group(1), NOT_DONE if m.group(2) else DONE))
        else:
            kept.append(line)
    return (_decide(marks) if marks else None), clean_text("\n".join(kept))


def _decide(marks: list[tuple[str, str]]) -> str:
    if any(glyph for glyph, _ in marks):
        ticked = {kind for glyph, kind in marks if glyph and glyph in CHECKED_GLYPHS}
    else:
        ticked = {kind for _, kind in marks}  # a bare label with no alternative beside it
    return ticked.pop() if len(ticked) == 1 else UNKNOWN


def read_line_status(text: str) -> tuple[str | None, str]:
    """(status, the line without its marks and status labels) of one line naming an item:
    labels at its end decide as in a progress cell; else a lone box (☑ O2 …, ☐ O3 …) is done
    when ticked, not done when empty; None: neither."""
    status = None
    if labels := _TRAILING_LABELS.search(text):
        status = _decide([(m.group(1), NOT_DONE if m.group(2) else DONE)
                          for m in _MARKED_LABEL.finditer(labels.group())])
        text = text[:labels.start()]
    glyphs = set(_LONE_GLYPH.findall(text))
    if status is None and glyphs:
        kinds = {DONE if g in CHECKED_GLYPHS else NOT_DONE for g in glyphs}
        status = kinds.pop() if len(kinds) == 1 else UNKNOWN
    return status, clean_text(_LONE_GLYPH.sub(" ", text))
