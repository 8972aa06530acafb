"""The quick checks that let a search skip text (a word list looked for with `in` or
`str.find` before a pattern runs) skip only text the pattern finds nothing in: each is held
to the plain search on every line and paragraph of the corpus and on generated text. A
pattern widened for a new wording without its word list fails here."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from re import Match, Pattern
from types import ModuleType
from typing import NamedTuple

import pytest
from hypothesis import given
from hypothesis import strategies as st

from normalise import codes
from parsers.text import parse_text
from pipeline.extract import o_item_lines, score_prose
from pipeline.extract.document import extract
from tests.support.paths import CORPUS

PIECES = ["O", "o", "Ｏ", "ｏ", "OIT", "0", "01", "13", "5", "ข้อ", "ข้อ 0", "ตัวชี้วัด",
          "ตัวชี้วัดที่", "ด้าน", "ประเด็น", "การเปิดเผยข้อมูล", "การใช้อำนาจ", "คะแนน",
          "ร้อยละ", "score", "scored", "points", "ได้", "เท่ากับ", "92.10", "ระดับ A", "ITA",
          "ผ่าน", "ปี 2567", "มีผลคะแนนเท่ากับ", "คิดเป็นร้อยละ", "ได้รับผลการประเมินอยู่ในระดับ",
          "อบต.ตัวอย่าง", "ผลการประเมิน ITA", "ตัวชี้วัดย่อย", "(", ")", ".", ":", "-", " ", "\n",
          "\t", "จาก", "100", "เต็ม", "เกณฑ์", "ค่าเป้าหมาย", "ไม่น้อยกว่า", "ถึง", "วันที่", "เพิ่มขึ้น",
          "ลดลง", "ผลต่าง", "+", "−", "–"]
"""Pieces of the wordings DOMAIN.md lists ("Scores in running text"), codes and numbers, and
of what reports write beside scores (differences, targets, full marks, bounds, ranges)."""
TEXTS = st.lists(st.sampled_from(PIECES), max_size=14).map("".join)


def _corpus_texts() -> Iterator[str]:
    """Every paragraph and every line of the corpus reports."""
    for path in sorted(CORPUS.glob("*.txt")):
        for paragraph in path.read_text(encoding="utf-8").split("\n\n"):
            yield paragraph
            yield from paragraph.split("\n")


SHAPES = ["ได้คะแนน 92.10 คะแนน อยู่ในระดับ A", "มีผลคะแนนเท่ากับ 92.10", "คิดเป็นร้อยละ 92.10",
          "ได้รับผลการประเมินอยู่ในระดับ A (92.10 คะแนน)", "The ITA score was 92.10 points",
          "ประเด็นการเปิดเผยข้อมูล ได้ 85.00 คะแนน", "ด้านการใช้อำนาจ 85.00",
          "ตัวชี้วัดย่อยการเปิดเผยข้อมูล 90", "O13 โครงสร้าง", "o 5 ข้อมูลผู้บริหาร", "OIT1",
          "- 02 การประชาสัมพันธ์", "ตามข้อ 013 และ O14", "ｏ７", "The office scored 92.10",
          "การเปิดเผยข้อมูลสาธารณะ ประจำปีงบประมาณ พ.ศ. 2566\n01 โครงสร้าง\n02 ข้อมูลผู้บริหาร",
          "ได้คะแนน 92.10 คะแนน จาก 100 คะแนน", "คะแนนเพิ่มขึ้นจากปี 2564 12.48 คะแนน",
          "ผ่านเกณฑ์ 85 คะแนน", "ค่าเป้าหมาย ได้คะแนน 85", "คะแนนไม่น้อยกว่า 85 คะแนน",
          "คะแนน 85 - 100 คะแนน", "ได้คะแนนร้อยละ 30", "ลดลง (-1.52 คะแนน)",
          "ได้ 90 คะแนน (+1.52 คะแนน)"]
"""Shapes DOMAIN.md lists (scores in running text, item codes), each found by a pattern, and
numbers beside scores that are none."""
TEXTS_TO_CHECK = [*_corpus_texts(), *SHAPES]


def _every_match(pattern: Pattern[str], text: str, _words: object) -> Iterator[Match[str]]:
    """`matches_starting` without its skip."""
    return pattern.finditer(text)


def _items_read(text: str) -> tuple[list, list]:
    """The O-items and findings of a text report holding text."""
    extraction = extract(parse_text(text.encode("utf-8")), "doc")
    return extraction.o_items, [finding.row("doc") for finding in extraction.findings]


class _Skip(NamedTuple):
    """A quick check (`name` in `module`), what stands in for it to search everything, and
    a function whose result must not change when it does."""

    module: ModuleType
    name: str
    without: Callable[..., object]
    result: Callable[[str], object]

    def check(self, text: str) -> None:
        found = self.result(text)
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(self.module, self.name, self.without)
            assert found == self.result(text)


SKIPS = {
    "titled indicators and organisations as subjects start with their words":
        _Skip(score_prose, "matches_starting", _every_match, score_prose._markers),
    "item mentions start with O or ข้อ":
        _Skip(codes, "matches_starting", _every_match, codes.find_item_codes),
    "a line without O or 0 opens with no item code":
        _Skip(o_item_lines, "may_open_with_code", lambda _line: True, _items_read),
    "a text without a score word states no score":
        _Skip(score_prose, "may_state_score", lambda _text: True, score_prose.find_mentions),
    "the words before and after a number are searched only if they hold a word of the pattern":
        _Skip(score_prose, "search_holding", lambda pattern, text, _words: pattern.search(text),
              score_prose.find_mentions),
    "a text without ภาพรวม, ITA or คุณธรรม names not the assessment":
        _Skip(score_prose, "holds_any", lambda _text, _words: True, score_prose._markers),
}


@pytest.mark.parametrize("skip", SKIPS.values(), ids=SKIPS.keys())
def test_every_corpus_text_and_shape(skip: _Skip) -> None:
    for text in TEXTS_TO_CHECK:
        skip.check(text)


@pytest.mark.parametrize("skip", SKIPS.values(), ids=SKIPS.keys())
@given(text=TEXTS)
def test_any_text(skip: _Skip, text: str) -> None:
    skip.check(text)
