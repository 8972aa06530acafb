import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from normalise.text import ZERO_WIDTH, clean_text, collapse_ws, join_wrapped, matches_starting

SPACES = " \t\n\r\u00a0\u3000\u2003\u202f\u2028\x0b\x0c"
NOISY_TEXT = st.text(alphabet=st.sampled_from("กขค ab1๑.\u200b\u200d\ufeff" + SPACES))


def test_zero_width_characters():
    assert set(ZERO_WIDTH) == {"\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"}


def test_collapse_whitespace_runs():
    assert collapse_ws("  a \t b\n\nc  ") == "a b c"
    assert collapse_ws("คะแนน\u00a0\u00a098.79") == "คะแนน 98.79"
    assert collapse_ws("ต.ค. 65\u3000ถึง\u3000ก.ย. 66") == "ต.ค. 65 ถึง ก.ย. 66"
    assert collapse_ws("สำนักปลัด\r\nกองคลัง") == "สำนักปลัด กองคลัง"


def test_collapse_removes_zero_width():
    assert collapse_ws("ข้อ\u200bมูล") == "ข้อมูล"
    assert collapse_ws("\ufeffรายงาน") == "รายงาน"
    assert collapse_ws("a \u200b b") == "a b"
    assert collapse_ws("\u200c\u200d\u2060") == ""


def test_collapse_removes_control_characters():
    assert collapse_ws("กอง\x00คลัง") == "กองคลัง"
    assert collapse_ws("a\x07b\x1bc\x85d") == "abc d"  # U+0085 (NEL) is whitespace
    assert collapse_ws("\x01\x02") == ""


def test_collapse_takes_every_character_python_calls_space_for_whitespace():
    # U+001C-U+001F are controls that str.isspace (and re's \s) take for whitespace
    assert collapse_ws("a\x1cb\x1dc\x1ed\x1fe\u2029f\u1680g") == "a b c d e f g"


def test_collapse_empty():
    assert collapse_ws("") == ""
    assert collapse_ws(" \n\t ") == ""


def test_clean_text_converts_digits():
    assert clean_text("  ๙๙.๒๔\u00a0คะแนน ") == "99.24 คะแนน"
    assert clean_text("ต.ค. ๒๕๖๕ –\nก.ย. ๒๕๖๖") == "ต.ค. 2565 – ก.ย. 2566"


@given(NOISY_TEXT)
def test_collapse_result_is_tidy(text):
    result = collapse_ws(text)
    assert result == result.strip()
    assert "  " not in result
    assert not set(result) & (set(SPACES) - {" "})
    assert not set(result) & set(ZERO_WIDTH)


@given(NOISY_TEXT)
def test_collapse_is_idempotent(text):
    assert collapse_ws(collapse_ws(text)) == collapse_ws(text)


@pytest.mark.parametrize(
    ("wrapped", "joined"),
    [
        # 002, item O43: a title the author broke over four lines in its cell
        (
            "การดำเนินการตาม\nมาตรการส่งเสริมคุณธรรม\nและความโปร่งใสภายใน\nหน่วยงาน",
            "การดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน",
        ),
        # 002, item O31: Latin words keep their spaces
        (
            "ประกาศเจตนารมณ์นโยบาย \nNo Gift Policy \nจากการปฏิบัติหน้าที่",
            "ประกาศเจตนารมณ์นโยบาย No Gift Policy จากการปฏิบัติหน้าที่",
        ),
        ("O1\n๒", "O1 2"),
    ],
)
def test_join_wrapped(wrapped: str, joined: str) -> None:
    assert join_wrapped(wrapped) == joined


PREFIXES = ("อ.", "อำเภอ", "อบต.")
PREFIX = re.compile(r"(?<![ก-ฮ])อ\.\s*|อำเภอ\s*(?P<name>[ก-ฮ]+)|อบต\.")
"""A pattern each of whose matches starts with one of PREFIXES, a look-behind before one."""


@given(st.lists(st.sampled_from([*PREFIXES, "อ", "ก", "ข", ".", " ", "\n"])).map("".join))
def test_matches_starting_finds_what_finditer_finds(text: str) -> None:
    assert [(m.span(), m.groups()) for m in matches_starting(PREFIX, text, PREFIXES)] == [
        (m.span(), m.groups()) for m in PREFIX.finditer(text)]
