from hypothesis import given
from hypothesis import strategies as st

from normalise.digits import parse_number, to_arabic_digits

THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
ALL_DIGITS = THAI_DIGITS + "0123456789"


def expected_arabic(text: str) -> str:
    """Oracle: each Thai digit replaced by the Arabic digit of the same value."""
    return "".join(str(THAI_DIGITS.index(c)) if c in THAI_DIGITS else c for c in text)


def test_every_thai_digit():
    assert to_arabic_digits("๐๑๒๓๔๕๖๗๘๙") == "0123456789"


def test_digits_inside_text():
    assert to_arabic_digits("พ.ศ. ๒๕๖๖") == "พ.ศ. 2566"
    assert to_arabic_digits("0๓1") == "031"
    assert to_arabic_digits("๙๙.๒๔ คะแนน") == "99.24 คะแนน"


def test_other_characters_untouched():
    assert to_arabic_digits("") == ""
    assert to_arabic_digits("ITA O13 ข้อมูล") == "ITA O13 ข้อมูล"
    assert to_arabic_digits("٣") == "٣"  # Arabic-Indic digits are not Thai


@given(st.text())
def test_conversion_preserves_length(text):
    assert len(to_arabic_digits(text)) == len(text)


@given(st.text())
def test_conversion_preserves_non_digits(text):
    converted = to_arabic_digits(text)
    for before, after in zip(text, converted, strict=True):
        if before not in THAI_DIGITS:
            assert after == before


@given(st.text())
def test_conversion_is_idempotent(text):
    once = to_arabic_digits(text)
    assert to_arabic_digits(once) == once


@given(st.text(alphabet=st.sampled_from(ALL_DIGITS + "ก ข.,-")))
def test_conversion_matches_digit_values(text):
    assert to_arabic_digits(text) == expected_arabic(text)
    assert not set(to_arabic_digits(text)) & set(THAI_DIGITS)


def test_parse_number_examples():
    assert parse_number("๙๙.๒๔") == 99.24
    assert parse_number("100") == 100.0
    assert parse_number(" 98.79 คะแนน") == 98.79
    assert parse_number("85.48.") == 85.48
    assert parse_number("1,234") == 1234.0


def test_parse_number_more_forms():
    assert parse_number("๑๐๐") == 100.0
    assert parse_number("0๓1") == 31.0
    assert parse_number("1,234.50") == 1234.5
    assert parse_number("71.50  ") == 71.5
    assert parse_number("100 คะแนน.") == 100.0
    assert parse_number("\u00a090.81\n") == 90.81
    assert parse_number("-2.63") == -2.63


def test_parse_number_rejects_ranges_and_percentages():
    assert parse_number("95.00 – 100") is None
    assert parse_number("95-100") is None
    assert parse_number("ร้อยละ 30") is None
    assert parse_number("30%") is None
    assert parse_number("30 %") is None


def test_parse_number_rejects_words_and_empty():
    assert parse_number("") is None
    assert parse_number("   ") is None
    assert parse_number("AA") is None
    assert parse_number("-") is None
    assert parse_number("เพิ่มขึ้น 2.63") is None
    assert parse_number("85.48 ผ่าน") is None
    assert parse_number("1.2.3") is None
    assert parse_number("12,34") is None


@given(
    st.text(alphabet=st.sampled_from(ALL_DIGITS), min_size=1, max_size=3),
    st.text(alphabet=st.sampled_from(ALL_DIGITS), min_size=2, max_size=2),
)
def test_parse_number_reads_any_digit_mix(whole, decimals):
    written = f"{whole}.{decimals}"
    assert parse_number(written) == float(expected_arabic(written))
    assert parse_number(f"{written} คะแนน") == float(expected_arabic(written))
