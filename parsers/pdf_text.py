"""Text a person reads, from a PDF page's characters: Thai clusters, lines and paragraphs.

- Zero-width Thai marks are anchored on the base character drawn before them, so
  that ordering by position cannot move them (`ข้อมูล`, not `ขูอม้ล`).
- Private Use Area glyph variants (Word + TH SarabunPSK) become standard Thai;
  SARA AM drawn as NIKHAHIT + SARA AA is recomposed.
- A space is put only where the page shows one (a space glyph or a gap).
- Lines that wrap join with nothing between two Thai letters and a space
  otherwise; a line that would have fitted on the line before starts a new
  paragraph (a line break in the text).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from itertools import pairwise

import regex
from pythainlp.corpus import thai_words
from pythainlp.tokenize import word_tokenize

from normalise.pua import standard_thai
from parsers.glyphs import symbol_text

SPACE_GAP = 0.3
"""A gap wider than this share of the font size between two glyphs is a space."""
LINE_TOLERANCE = 0.4
"""Glyphs whose tops differ by less than this share of their size are on one line."""
FIT_SLACK = 1.0
"""Points of slack when asking whether a word would have fitted on the line before."""
NARROW_COLUMN = 6.0
"""Columns narrower than this many font sizes break inside words: no fit test there."""

_THAI_LETTER = regex.compile(r"[\u0e01-\u0e4f]")
_NO_SPACE_AFTER = "/-"
_LIST_START = regex.compile(r"^(?:[-–•▪☐☑]|\(?\d{1,2}[.)](?!\d)|\(\d{1,2}\))")
"""A list item's mark: a dash or box, or a number (`๓.`, `2)`, `(4)`), not a decimal (`๙๙.๖๑`)."""


def join_across(before: str, after: str) -> str:
    """Two pieces of a cell split by a page: a new line where the rest starts a list
    item or starts indented."""
    if before and after and (_LIST_START.match(after.lstrip()) or after[0] == " "):
        return before.rstrip() + "\n" + after.lstrip()
    return before + joiner(before, after) + after


def joiner(before: str, after: str) -> str:
    """What stands between two pieces of one paragraph split at a line end or a page.

    Nothing inside Thai words and after a slash or hyphen; a space elsewhere (a line
    break between a digit and a letter, or two Latin words, was a space).
    """
    if not before or not after or before[-1].isspace() or after[0].isspace():
        return ""
    if before[-1] == "ๆ":  # MAIYAMOK is followed by a space in Thai writing
        return " "
    if _THAI_LETTER.match(before[-1]) and _THAI_LETTER.match(after[0]):
        return ""
    if before[-1] in _NO_SPACE_AFTER or after[0] == "/":
        return ""
    return " "


@dataclass
class Glyph:
    """A base character with the marks drawn on it (a cluster)."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float


@dataclass
class Line:
    glyphs: list[Glyph]
    """Left to right; not changed once the line is made (its text is worked out once)."""

    @cached_property
    def text(self) -> str:
        parts: list[str] = []
        for prev, glyph in zip([None, *self.glyphs], self.glyphs, strict=False):
            gap = glyph.x0 - prev.x1 if prev else 0.0
            if prev and gap > SPACE_GAP * glyph.size and not (prev.text + glyph.text).count(" "):
                parts.append(" ")
            parts.append(glyph.text)
        return standard_thai("".join(parts)).strip()

    @property
    def ends_with_space(self) -> bool:
        """The page draws a space at the end of this line (where a wrap took it)."""
        return self.glyphs[-1].text.endswith(" ")

    @property
    def starts_with_space(self) -> bool:
        return self.glyphs[0].text.startswith(" ")

    @property
    def x0(self) -> float:
        return self.glyphs[0].x0

    @property
    def x1(self) -> float:
        return max(g.x1 for g in self.glyphs)

    @property
    def top(self) -> float:
        return min(g.top for g in self.glyphs)

    @property
    def bottom(self) -> float:
        return max(g.bottom for g in self.glyphs)


@lru_cache(maxsize=4096)
def _is_mark(text: str) -> bool:
    return bool(text) and all(unicodedata.category(c) == "Mn" for c in standard_thai(text))


def clusters(chars: Iterable[dict]) -> list[Glyph]:
    """Glyphs in drawing order, each mark joined to the base drawn before it."""
    out: list[Glyph] = []
    for char in chars:
        text = symbol_text(char["text"], char.get("fontname"))
        if not text:
            continue  # drawn inside an /ActualText span whose text its first glyph carries
        prev = out[-1] if out else None
        size = float(char.get("size") or 10.0)
        if prev and _is_mark(text) and abs(char["top"] - prev.top) < LINE_TOLERANCE * size:
            prev.text += text
            continue
        out.append(Glyph(text, char["x0"], char["x1"], char["top"], char["bottom"], size))
    return out


def lines(glyphs: Sequence[Glyph]) -> list[Line]:
    """Glyphs grouped into lines, top to bottom, each line left to right."""
    rows: list[list[Glyph]] = []
    for glyph in sorted(glyphs, key=lambda g: g.top):
        if rows and abs(glyph.top - rows[-1][0].top) < LINE_TOLERANCE * glyph.size:
            rows[-1].append(glyph)
        else:
            rows.append([glyph])
    out = [Line(sorted(row, key=lambda g: g.x0)) for row in rows]
    return [line for line in out if line.text]


MAX_WORD = 20
"""Longest Thai dictionary word looked for at the start of a line."""


@lru_cache(maxsize=4096)
def _first_word(text: str) -> str:
    """What a line breaker cannot split at the start of a line: a word and its punctuation.

    For Thai, the longer of the longest dictionary word the line starts with and the
    first word newmm finds: line breakers (ICU) break Thai by dictionary, keeping
    compounds such as แนวทาง whole, and break inside words in narrow columns. A number,
    in Thai digits too (๙๙.๖๑), is never broken: only a line starting with a Thai letter
    is cut by the dictionary.
    """
    head = text.split(" ", 1)[0]
    if not _THAI_LETTER.match(head):
        return head
    words = thai_words()
    prefix = next((head[:k] for k in range(min(len(head), MAX_WORD), 1, -1) if head[:k] in words),
                  "")
    tokens = word_tokenize(head[:40], engine="newmm", keep_whitespace=False)
    word = max(prefix, tokens[0] if tokens else head, key=len)  # too long errs towards a wrap
    glued = regex.match(r"[^\p{Thai}\s]*", head[len(word):])  # ที่9.4: no break before digits
    return word + (glued.group(0) if glued else "")


def _first_word_width(line: Line) -> float:
    word = _first_word(line.text)
    taken, width = 0, 0.0
    for glyph in line.glyphs:
        if taken >= len(word):
            break
        taken += len(glyph.text)
        width += glyph.x1 - glyph.x0
    return width


def starts_paragraph(prev: Line, line: Line, right_edge: float) -> bool:
    """Whether `line` begins a new paragraph rather than continuing `prev`.

    Signs: a list marker or check box; a space drawn at its start (a wrap leaves
    spaces at line ends); a gap above it; or its first word would have fitted at
    the end of `prev`, a test left out in columns so narrow that words get broken.
    """
    if _LIST_START.match(line.text) or line.starts_with_space:
        return True
    if line.top - prev.bottom > 0.8 * (prev.bottom - prev.top):
        return True
    size = line.glyphs[0].size
    if right_edge - prev.x0 < NARROW_COLUMN * size:
        return False
    return prev.x1 + _first_word_width(line) + FIT_SLACK < right_edge


def join_lines(found: Sequence[Line], right_edge: float) -> str:
    """Paragraphs of the lines, one per text line; wrapped lines joined."""
    if not found:
        return ""
    text = found[0].text
    for prev, line in pairwise(found):
        if starts_paragraph(prev, line, right_edge):
            text += "\n" + line.text
        elif prev.ends_with_space or line.starts_with_space:
            text += " " + line.text
        elif _cut_number(prev, line, right_edge):
            text += line.text
        else:
            text += joiner(text, line.text) + line.text
    return text


_NUMBER_END = regex.compile(r"[0-9๐-๙]+[.,]?$")
_NUMBER_START = regex.compile(r"^[0-9๐-๙]*[.,]?[0-9๐-๙]+")
_DECIMAL = regex.compile(r"[0-9๐-๙]+[.,][0-9๐-๙]+")


def _cut_number(prev: Line, line: Line, right_edge: float) -> bool:
    """A decimal number the column was too narrow for, broken inside (`๙` / `๙.๔๕`): the two
    pieces make one decimal with its point inside, and the second piece would not have fitted
    after the first. Two whole numbers on two lines (`๑๐๐` / `๑๐๐`) are never joined."""
    end, start = _NUMBER_END.search(prev.text), _NUMBER_START.match(line.text)
    if end is None or start is None or not _DECIMAL.fullmatch(end.group() + start.group()):
        return False
    taken, width = 0, 0.0
    for glyph in line.glyphs:
        if taken >= start.end():
            break
        taken += len(glyph.text)
        width += glyph.x1 - glyph.x0
    return prev.x1 + width > right_edge + FIT_SLACK
