"""Arbitrary input into the text parser and every normaliser: nothing but the project's own
typed errors (ParseError, NormaliseError) may come out."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from normalise import codes, dates, digits, org, text, thai_repair, units
from normalise.errors import NormaliseError
from parsers.errors import ParseError
from parsers.text import parse_text

THAI = st.characters(min_codepoint=0x0E00, max_codepoint=0x0E7F)
TEXT = st.text(st.one_of(THAI, st.characters()), max_size=300)
"""Any Unicode text, half of it drawn from the Thai block so that Thai rules are reached."""
YEAR = st.integers(min_value=-10**6, max_value=10**6)
RUNS = settings(max_examples=300, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow])
"""The same examples on every run, so that CI is repeatable; `make fuzz` varies its input."""

TEXT_FUNCTIONS: list[Callable[[str], Any]] = [
    codes.parse_item_code, codes.find_item_codes, codes.find_indicator_refs,
    dates.be_year, dates.parse_period,
    digits.to_arabic_digits, digits.parse_number,
    org.find_places, org.variant_limit, org.canonical_province, org.find_place, org.find_orgs,
    text.collapse_ws, text.clean_text, text.join_wrapped,
    thai_repair.repair_thai,
    units.looks_like_unit, units.split_units,
]


@pytest.mark.parametrize("function", TEXT_FUNCTIONS, ids=lambda f: f"{f.__module__}.{f.__name__}")
@RUNS
@given(value=TEXT)
def test_text_normalisers_take_any_text(function: Callable[[str], Any], value: str) -> None:
    try:
        function(value)
    except NormaliseError:
        pass


@RUNS
@given(value=TEXT, fiscal_year=st.one_of(st.none(), YEAR))
def test_periods_take_any_text_and_year(value: str, fiscal_year: int | None) -> None:
    try:
        dates.parse_period(value, fiscal_year)
    except NormaliseError:
        pass


@RUNS
@given(value=st.one_of(TEXT, YEAR), ref=st.one_of(st.none(), YEAR))
def test_years_take_anything(value: str | int, ref: int | None) -> None:
    dates.be_year(value, ref)


@RUNS
@given(year=YEAR, quarter=st.integers(-10, 10))
def test_fiscal_ranges_take_any_year(year: int, quarter: int) -> None:
    for call in (lambda: dates.quarter_range(year, quarter), lambda: dates.fiscal_year_range(year)):
        try:
            call()
        except NormaliseError:
            pass


@RUNS
@given(names=st.lists(TEXT, max_size=5), preferred=TEXT)
def test_spellings_take_any_names(names: list[str], preferred: str) -> None:
    org.canonical_spelling(names, preferred)


@RUNS
@given(data=st.binary(max_size=2000))
def test_the_text_parser_takes_any_bytes(data: bytes) -> None:
    try:
        parse_text(data)
    except ParseError:
        pass


@RUNS
@given(value=st.lists(st.lists(TEXT, max_size=4), max_size=6))
def test_the_text_parser_takes_any_table(value: list[list[str]]) -> None:
    """Tab-separated rows of arbitrary cells, encoded as UTF-8 and UTF-16."""
    body = "\n".join("\t".join(cells) for cells in value)
    for encoded in (body.encode("utf-8", "surrogatepass"), body.encode("utf-16", "surrogatepass")):
        try:
            parse_text(encoded)
        except ParseError:
            pass


def test_damaged_utf16_is_a_parse_error() -> None:
    """Found by the property above: a lone surrogate after a UTF-16 byte-order mark."""
    with pytest.raises(ParseError, match="not valid UTF-16"):
        parse_text(b"\xff\xfe\x00\xd8")
