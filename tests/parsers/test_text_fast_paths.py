"""The cheap tests the text parser runs before its patterns: each must let through every
text the pattern it stands in for would act on (tricky white space, glyphs at the edge of the
range searched, markup that removing other markup makes)."""

from __future__ import annotations

import regex
from hypothesis import given
from hypothesis import strategies as st

from parsers.glyphs import CHECKED_GLYPHS, UNCHECKED_GLYPHS, normalise_glyphs
from parsers.markup import DASHED_PAGE_NUMBER, may_open_with_page_number, strip_markup
from parsers.model import CHECKED, UNCHECKED
from parsers.text import parse_text

WHITE_SPACE = " \t\x0b\x0c\x1c\x1f\x85\xa0\u1680\u2007\u2028\u202f\u3000"
"""White space of every kind: str.strip strips all that `\\s` matches, and \\x1c-\\x1f."""
LINE_PARTS = st.text(alphabet=WHITE_SPACE + "-–—0๙9aก|:*<>", max_size=12)
BOXES = "".join(sorted(CHECKED_GLYPHS | UNCHECKED_GLYPHS))
EDGE = chr(ord(min(BOXES)) - 1) + min(BOXES) + "\uffff\U0010ffffกa ☑☐"
"""Characters on both sides of the first box glyph's code point, and the last code points."""


@given(LINE_PARTS)
def test_a_line_the_page_number_pattern_matches_passes_the_cheap_test(line: str) -> None:
    if regex.match(DASHED_PAGE_NUMBER, line):
        assert may_open_with_page_number(line)


@given(st.text(alphabet=BOXES + EDGE, max_size=20))
def test_glyphs_are_normalised_one_character_at_a_time(text: str) -> None:
    expected = "".join(CHECKED if c in CHECKED_GLYPHS else UNCHECKED if c in UNCHECKED_GLYPHS
                       else c for c in text)
    assert normalise_glyphs(text) == expected


def test_markup_that_removing_a_note_makes_is_removed_too() -> None:
    assert strip_markup("<[bookmark: _x]p>งาน**ด่วน**") == "งานด่วน"
    assert strip_markup("&#9632; ทำแล้ว  ") == "☑ ทำแล้ว"
    assert strip_markup("ก  \n \t\n<br>ข") == "ก\nข"
    assert strip_markup(" \t ") == ""


def test_line_kinds_at_their_edges() -> None:
    doc = parse_text("\n".join([
        "- ข้อความ", "\u3000-๔-", "-๑๒- ชื่อ", ":--|", "| ก |", "", " \t", " \tเซลล์"]).encode())
    assert [b.text for b in doc.paragraphs()] == ["- ข้อความ", " ชื่อ\n:--|"]
    assert [[row.texts for row in t.rows] for t in doc.tables()] == [[["ก"]], [["", "เซลล์"]]]
