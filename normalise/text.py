"""Whitespace and digit clean-up of extracted text."""

import re
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache

import regex
from rapidfuzz import fuzz

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


def collapse_ws(text: str) -> str:
    """Remove zero-width and control characters, turn every whitespace run into one space,
    and strip."""
    if text.isprintable() and "  " not in text:  # no whitespace but single spaces
        return text.strip()
    # (`str.split` splits on what `re`'s \s matches, `str.isspace`, and is faster than a regex)
    return " ".join(_INVISIBLE.sub("", text).split())


def clean_text(text: str) -> str:
    """Arabic digits and collapsed whitespace."""
    if len(text) > CACHED_CHARS:
        return collapse_ws(to_arabic_digits(text))
    return _clean_short(text)


CACHED_CHARS = 500
"""Texts up to this long (a cell, a line, a label: the readers of a document clean most of
them several times) are kept cleaned."""


@lru_cache(maxsize=1 << 12)
def _clean_short(text: str) -> str:
    return collapse_ws(to_arabic_digits(text))


Pattern = re.Pattern[str] | regex.Pattern[str]
Match = re.Match[str] | regex.Match[str]


def matches_starting(pattern: Pattern, text: str, words: Iterable[str]) -> Iterator[Match]:
    """The matches of `pattern.finditer(text)`, each of which starts with one of `words`: the
    pattern is tried only where one is written (`str.find` finds them many times faster than
    a regex search of Thai text looks for the pattern)."""
    starts = sorted({at for word in words for at in _places_of(word, text)})
    end = 0
    for start in starts:
        if start >= end and (match := pattern.match(text, start)):
            end = match.end()
            yield match


def holds_any(text: str, words: Iterable[str]) -> bool:
    """Whether text holds one of words: a text without any of the words every match of a
    pattern holds is not searched (`in` is many times faster than a search)."""
    return any(word in text for word in words)


def search_holding(pattern: Pattern, text: str, words: Iterable[str]) -> Match | None:
    """`pattern.search(text)` in a text holding one of `words`, which every match holds."""
    return pattern.search(text) if holds_any(text, words) else None


def _places_of(word: str, text: str) -> Iterator[int]:
    """Where word is written in text."""
    at = text.find(word)
    while at >= 0:
        yield at
        at = text.find(word, at + 1)


_MARKS = regex.compile("[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]")  # (regex: faster on Thai)


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


_DIGITS = re.compile(r"\d")
_THAI_LETTER = re.compile("[\u0e01-\u0e2e]")
HEADER_COPY_LIKENESS = 75
"""How alike (rapidfuzz ratio, 0-100, marks aside) a cell must be to a header cell to copy it;
two headers' different words are further apart."""
HEADER_COPY_PREFIX = 4
"""Fewest letters (marks aside) of a header cell's copy cut short."""


@lru_cache(maxsize=1 << 14)
def _copy_form(text: str) -> tuple[tuple[str, ...], str]:
    """A cell's numbers, and its text without marks: what a header copy is compared by."""
    return tuple(_DIGITS.findall(to_arabic_digits(text))), without_marks(text)


def _alike(cell: str, header: str) -> bool:
    """A header cell as OCR may read a copy of it: marks aside, the same but for a few letters,
    cut short (`มาตรการ/โครง`), or run on with noise that is no Thai (`หัวข้อawYY`). A cell that
    goes on in Thai (`ข้อมูลผู้บริหาร` under `ข้อมูล`) is a value, not a copy."""
    if cell == header:
        return True
    (cell_numbers, cell), (header_numbers, header) = _copy_form(cell), _copy_form(header)
    if cell_numbers != header_numbers:
        return False  # a copy of a header has its numbers; rows of data differ in theirs
    if len(cell) >= HEADER_COPY_PREFIX and header.startswith(cell):
        return True
    if cell.startswith(header) and not _THAI_LETTER.search(cell[len(header):]):
        return True
    return fuzz.ratio(cell, header) >= HEADER_COPY_LIKENESS


def copies_header(cells: Sequence[str], header: Sequence[str]) -> bool:
    """Whether a row's cells (whitespace removed) repeat a header row's, maybe not letter for
    letter (a scan's OCR reads each page's copy a little differently): every filled cell of
    the header written again in place and alike, but for one in three beyond the first three
    (OCR may garble one cell of a wide header beyond likeness; rows of a narrow table share
    cells such as `ได้คะแนนเฉลี่ย` and must not pass for copies)."""
    filled = sum(1 for text in header if text)
    pairs = [(c, h) for c, h in zip(cells, header, strict=False) if c and h]
    misses_allowed = len(pairs) - (filled - (filled - 1) // 3)
    if not filled or misses_allowed < 0:
        return False
    for cell, header_cell in pairs:  # until more cells differ than may
        if not _alike(cell, header_cell):
            misses_allowed -= 1
            if misses_allowed < 0:
                return False
    return True
