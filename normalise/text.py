"""Whitespace and digit clean-up of extracted text."""

import re

from normalise.digits import to_arabic_digits

ZERO_WIDTH = (
    "\u200b",  # ZERO WIDTH SPACE
    "\u200c",  # ZERO WIDTH NON-JOINER
    "\u200d",  # ZERO WIDTH JOINER
    "\u2060",  # WORD JOINER
    "\ufeff",  # ZERO WIDTH NO-BREAK SPACE (byte-order mark)
)

CONTROLS = tuple(chr(c) for c in [*range(0x20), *range(0x7F, 0xA0)] if not chr(c).isspace())
"""C0 and C1 control characters other than whitespace: no text shows them, and a database
(PostgreSQL) refuses U+0000."""

_INVISIBLE = re.compile(f"[{re.escape(''.join(ZERO_WIDTH + CONTROLS))}]")
_WHITESPACE = re.compile(r"\s+")


def collapse_ws(text: str) -> str:
    """Remove zero-width and control characters, turn every whitespace run into one space,
    and strip."""
    return _WHITESPACE.sub(" ", _INVISIBLE.sub("", text)).strip()


def clean_text(text: str) -> str:
    """Arabic digits and collapsed whitespace."""
    return collapse_ws(to_arabic_digits(text))


_MARKS = re.compile("[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]")


def without_marks(text: str) -> str:
    """Thai text without the vowels and tone marks above and below its letters, and SARA AM
    as SARA AA: what is left when OCR or a PDF loses them (`ตัวชีวัด`, `ทางาน`). For matching
    known words, never for output."""
    return _MARKS.sub("", text.replace("\u0e33", "\u0e32"))


_THAI = "\u0e00-\u0e7f"
_WRAP_BETWEEN_THAI = re.compile(rf"(?<=[{_THAI}])[ \t]*\n[ \t]*(?=[{_THAI}])")


def join_wrapped(text: str) -> str:
    """Join a label that wraps over lines: nothing between two Thai letters, else a space."""
    return clean_text(_WRAP_BETWEEN_THAI.sub("", text))
