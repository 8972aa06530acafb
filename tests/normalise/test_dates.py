from datetime import date, timedelta
from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pythainlp.util import arabic_digit_to_thai_digit

from normalise.dates import (
    MONTHS,
    be_year,
    ce_year,
    fiscal_year_range,
    parse_period,
    quarter_range,
)

# Fiscal year 2568 BE = 1 Oct 2024 - 30 Sep 2025 (Thai fiscal year, named after its end).
FY2568 = (date(2024, 10, 1), date(2025, 9, 30))
FY2566 = (date(2022, 10, 1), date(2023, 9, 30))


@pytest.mark.parametrize(
    ("month", "spellings"),
    [
        (1, ("ม.ค.", "ม.ค", "มค.", "มค", "มกราคม")),
        (2, ("ก.พ.", "ก.พ", "กพ", "กุมภาพันธ์")),
        (3, ("มี.ค.", "มี.ค", "มีค", "มีนาคม")),
        (4, ("เม.ย.", "เม.ย", "เมย", "เมษายน")),
        (5, ("พ.ค.", "พ.ค", "พค", "พฤษภาคม")),
        (6, ("มิ.ย.", "มิ.ย", "มิย", "มิถุนายน")),
        (7, ("ก.ค.", "ก.ค", "กค", "กรกฎาคม", "กรกฏาคม")),
        (8, ("ส.ค.", "ส.ค", "สค", "สิงหาคม")),
        (9, ("ก.ย.", "ก.ย", "กย", "กันยายน")),
        (10, ("ต.ค.", "ต.ค", "ตค.", "ตค", "ต. ค.", "ตุลาคม")),
        (11, ("พ.ย.", "พ.ย", "พย", "พฤศจิกายน")),
        (12, ("ธ.ค.", "ธ.ค", "ธค", "ธันวาคม")),
    ],
)
def test_month_spellings(month, spellings):
    for spelling in spellings:
        assert MONTHS[spelling] == month


def test_months_cover_every_month_and_no_ambiguous_typo():
    assert set(MONTHS.values()) == set(range(1, 13))
    assert "จ.ค." not in MONTHS
    assert "จค" not in MONTHS


@pytest.mark.parametrize(
    ("value", "ref", "year"),
    [
        ("2566", None, 2566),
        ("๒๕๖๖", None, 2566),
        (2568, None, 2568),
        ("2024", None, 2567),
        (2025, None, 2568),
        ("67", None, 2567),
        ("๖๗", None, 2567),
        (67, None, 2567),
        ("01", 2600, 2601),
        ("99", 2601, 2599),
        ("67", 2568, 2567),
        (" 2566 ", None, 2566),
        ("2668", None, 2668),  # a typo for 2568 stays as written; reporting it is a finding
    ],
)
def test_be_year(value, ref, year):
    assert be_year(value, ref) == year


@pytest.mark.parametrize("value", ["", "abc", "5", "256", "25666", "1850", "2700", "-67", "พ.ศ."])
def test_be_year_rejects(value):
    assert be_year(value) is None


def test_ce_year():
    assert ce_year(2568) == 2025
    assert ce_year(2566) == 2023


def test_fiscal_year_range():
    assert fiscal_year_range(2568) == FY2568
    assert fiscal_year_range(2566) == FY2566


def test_quarter_range():
    assert quarter_range(2568, 1) == (date(2024, 10, 1), date(2024, 12, 31))
    assert quarter_range(2568, 2) == (date(2025, 1, 1), date(2025, 3, 31))
    assert quarter_range(2568, 3) == (date(2025, 4, 1), date(2025, 6, 30))
    assert quarter_range(2568, 4) == (date(2025, 7, 1), date(2025, 9, 30))


@pytest.mark.parametrize("q", [0, 5])
def test_quarter_range_rejects_bad_quarters(q):
    with pytest.raises(ValueError):
        quarter_range(2568, q)


@given(st.integers(2400, 2699))
def test_fiscal_year_is_a_year_from_october(fy):
    start, end = fiscal_year_range(fy)
    assert start == date(fy - 544, 10, 1)
    assert end == date(fy - 543, 9, 30)
    assert fiscal_year_range(fy + 1)[0] == end + timedelta(days=1)


@given(st.integers(2400, 2699))
def test_quarters_tile_the_fiscal_year(fy):
    quarters = [quarter_range(fy, q) for q in (1, 2, 3, 4)]
    assert quarters[0][0] == fiscal_year_range(fy)[0]
    assert quarters[3][1] == fiscal_year_range(fy)[1]
    for (_, end), (start, _) in pairwise(quarters):
        assert start == end + timedelta(days=1)


@pytest.mark.parametrize(
    ("text", "fy", "period"),
    [
        ("ต.ค. 67 - ก.ย. 68", None, FY2568),
        ("ต.ค. ๒๕๖๕ – ก.ย. ๒๕๖๖", None, FY2566),
        ("ต.ค. 65  ถึง  ก.ย. 66", None, FY2566),
        ("ม.ค. – ก.พ. ๒๕๖๕", None, (date(2022, 1, 1), date(2022, 2, 28))),
        ("1 ต.ค 65 - 31 มี.ค. 66", None, (date(2022, 10, 1), date(2023, 3, 31))),
        ("9 ธันวาคม 2566", None, (date(2023, 12, 9), date(2023, 12, 9))),
        ("มี.ค. 66", None, (date(2023, 3, 1), date(2023, 3, 31))),
        ("ตลอดปีงบประมาณ", 2568, FY2568),
        ("ตลอดทั้งปี", 2568, FY2568),
        ("ตลอดปี", 2568, FY2568),
        ("ปีงบประมาณ พ.ศ. 2568", None, FY2568),
        ("ปีงบประมาณ พ.ศ. 2568", 2566, FY2568),
        ("ไตรมาสที่ ๒", 2568, (date(2025, 1, 1), date(2025, 3, 31))),
        ("ไตรมาส 2", 2568, (date(2025, 1, 1), date(2025, 3, 31))),
        ("ไตรมาสที่ 1-2", 2568, (date(2024, 10, 1), date(2025, 3, 31))),
        ("ม.ค. – ก.พ.", 2565, (date(2022, 1, 1), date(2022, 2, 28))),
        ("ต.ค. - ก.ย. 2568", None, FY2568),
    ],
)
def test_parse_period_examples(text, fy, period):
    assert parse_period(text, fy) == period


@pytest.mark.parametrize(
    ("text", "fy", "period"),
    [
        ("ต.ค. 2567 - ก.ย.", None, FY2568),  # a start year only also crosses into the next year
        ("ต.ค. - ธ.ค.", 2568, (date(2024, 10, 1), date(2024, 12, 31))),  # Oct-Dec: fy - 1
        ("ก.ค. - ก.ย.", 2568, (date(2025, 7, 1), date(2025, 9, 30))),
        ("ต.ค. - ก.ย.", 2568, FY2568),
        ("พ.ย.", 2568, (date(2024, 11, 1), date(2024, 11, 30))),
        ("ก.พ. 2567", None, (date(2024, 2, 1), date(2024, 2, 29))),  # 2024 is a leap year
        ("ตุลาคม 2567 ถึงเดือนกันยายน 2568", None, FY2568),
        ("ต.ค. 67 จนถึง ก.ย. 68", None, FY2568),
        ("ต.ค. 67 — ก.ย. 68", None, FY2568),
        ("ต.ค.67-ก.ย.68", None, FY2568),
        ("ตค 67 - กย 68", None, FY2568),
        ("(1 ต.ค 65 - 31 มี.ค. 66)", None, (date(2022, 10, 1), date(2023, 3, 31))),
        ("เมื่อวันที่   9 ธันวาคม 2566 ", None, (date(2023, 12, 9), date(2023, 12, 9))),
        ("ต.ค. พ.ศ. 2567 - ก.ย. พ.ศ. 2568", None, FY2568),
        ("ไตรมาสที่ 3 - ไตรมาสที่ 4", 2568, (date(2025, 4, 1), date(2025, 9, 30))),
        ("ไตรมาสที่ 1 ปีงบประมาณ 2566", None, (date(2022, 10, 1), date(2022, 12, 31))),
        ("ตลอดปีงบประมาณ พ.ศ. ๒๕๖๖", 2568, FY2566),
        ("ต.ค. 67 - ก.ย. 68", 2568, FY2568),
    ],
)
def test_parse_period_other_forms(text, fy, period):
    assert parse_period(text, fy) == period


@pytest.mark.parametrize(
    ("text", "fy"),
    [
        ("ตลอดปีงบประมาณ", None),
        ("ไตรมาสที่ 2", None),
        ("ม.ค. – ก.พ.", None),
        ("สำนักปลัด", 2568),
        ("", 2568),
        ("ไตรมาส หรือราย 6 เดือน", 2568),
        ("ไตรมาสที่ 2-1", 2568),
        ("31 ก.พ. 66", None),
        ("จ.ค. 66", None),
        ("พยาบาล", 2568),
        ("ITA ปี2567 ได้คะแนน 96.26 คะแนน", None),
    ],
)
def test_parse_period_without_a_resolvable_period(text, fy):
    assert parse_period(text, fy) == (None, None)


@given(st.integers(2501, 2599), st.booleans())
def test_october_to_september_is_the_fiscal_year(fy, thai_digits):
    # DOMAIN: "ต.ค. 67 - ก.ย. 68 is exactly FY 2568", for every two-digit year pair.
    text = f"ต.ค. {(fy - 1) % 100:02d} - ก.ย. {fy % 100:02d}"
    if thai_digits:
        text = arabic_digit_to_thai_digit(text)
    assert parse_period(text) == fiscal_year_range(fy)
