"""normalise.vocabulary: the words and patterns reports use, checked against DOMAIN.md."""

import re

import pytest

from normalise.digits import to_arabic_digits
from normalise.vocabulary import (
    BE_YEARS,
    CE_YEARS,
    INDICATOR_REF,
    ITEM_CODE,
    ITEM_MENTION,
    LIST_MARK,
    REPORT_YEARS,
    SUBINDICATOR_REF,
)


@pytest.mark.parametrize("number", range(1, 44))
def test_the_43_o_codes_of_2564_and_2566_are_item_codes(number: int) -> None:
    assert re.fullmatch(ITEM_CODE, f"O{number}")["n"] == str(number)
    assert re.search(ITEM_MENTION, f"ข้อมูล O{number} ดำเนินการ")["n"] == str(number)


@pytest.mark.parametrize("written", ["O1", "o1", "O 1", "01", "010", "0๓1"])
def test_item_codes_as_reports_type_them(written: str) -> None:
    assert re.fullmatch(ITEM_CODE, to_arabic_digits(written))


@pytest.mark.parametrize(("text", "number"), [
    ("ตัวชี้วัดย่อยที่ 9.4", "9.4"),
    ("ตัวชี้วัดที่9.4", "9.4"),
    ("ตัวชี้วัดที่ ๙", "9"),
    ("ตัวชี้วัดย่อยที่ 1.1 การปฏิบัติหน้าที่", "1.1"),
])
def test_indicator_numbers(text: str, number: str) -> None:
    assert re.match(INDICATOR_REF, to_arabic_digits(text))[1] == number


def test_a_sub_indicator_heading_needs_a_sub_number() -> None:
    assert re.match(SUBINDICATOR_REF, "ตัวชี้วัดย่อยที่ 10.2")[1] == "10.2"
    assert not re.match(SUBINDICATOR_REF, "ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล")


@pytest.mark.parametrize("year", [2564, 2566, 2568])
def test_assessment_years_are_plausible_be_years(year: int) -> None:
    assert year in BE_YEARS and year in REPORT_YEARS
    assert year - 543 in CE_YEARS


def test_a_mistyped_year_is_not_plausible() -> None:
    assert 2668 not in REPORT_YEARS  # typed for 2568


@pytest.mark.parametrize("mark", ["๕. ", "4) ", "(3) ", "- ", "• "])
def test_list_numbering_and_bullets(mark: str) -> None:
    assert re.match(LIST_MARK, to_arabic_digits(mark))[0] == to_arabic_digits(mark)
