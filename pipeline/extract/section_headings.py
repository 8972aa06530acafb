"""Section headings of ITA reports, including those a converter glued into a table cell."""

from __future__ import annotations

import regex

from normalise.digits import to_arabic_digits
from normalise.vocabulary import SUBINDICATOR_REF, SUBINDICATOR_WORD
from pipeline.ita.vocabulary import TOOLS

SUBINDICATOR_HEADING = regex.compile(rf"^[ \t]*{SUBINDICATOR_REF}", regex.MULTILINE)
_SECTION_HEADING = regex.compile(
    rf"^[ \t]*(?:{SUBINDICATOR_WORD}\s*\d|ประเด็นการประเมิน\s+(?:{'|'.join(TOOLS)})\b)",
    regex.MULTILINE,
)


def split_glued_heading(text: str) -> tuple[str, str]:
    """Split a cell into its own text and a section heading glued onto its end (or '')."""
    for m in _SECTION_HEADING.finditer(text):
        if text[:m.start()].strip():
            return text[:m.start()].rstrip(), text[m.start():]
    return text, ""


def last_subindicator(text: str) -> str | None:
    """The sub-indicator (`9.3`, in Arabic digits however written) of the last sub-indicator
    heading in text."""
    found = [m.group(1) for m in SUBINDICATOR_HEADING.finditer(text)]
    return to_arabic_digits(found[-1]) if found else None
