import pytest
from hypothesis import given
from hypothesis import strategies as st

from normalise.codes import find_indicator_refs, find_item_codes, parse_item_code

THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
# The letter O as typed in reports: Latin, fullwidth, and the digit zero (Arabic or Thai).
O_SPELLINGS = ("O", "o", "Ｏ", "ｏ", "0", "๐")


def any_digits(number: int) -> st.SearchStrategy[str]:
    """The number written with each digit independently Thai or Arabic."""
    choices = [st.sampled_from((d, THAI_DIGITS[int(d)])) for d in str(number)]
    return st.tuples(*choices).map("".join)


def written_numbers(numbers: st.SearchStrategy[int]) -> st.SearchStrategy[tuple[int, str]]:
    """(number, the number written in any mix of digits)."""
    return numbers.flatmap(lambda n: st.tuples(st.just(n), any_digits(n)))


@st.composite
def written_item_codes(draw: st.DrawFn, numbers: st.SearchStrategy[int]) -> tuple[int, str]:
    """(number, an item code for it with any O spelling, optional space, any digits)."""
    number, digits = draw(written_numbers(numbers))
    prefix = draw(st.sampled_from(O_SPELLINGS))
    space = draw(st.sampled_from(("", " ")))
    return number, prefix + space + digits


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("O1", "O1"),
        ("o1", "O1"),
        ("O 1", "O1"),
        ("02", "O2"),
        ("010", "O10"),
        ("0๓1", "O31"),
        ("o 5", "O5"),
        ("O 13", "O13"),
        ("O13.", "O13"),
        ("Ｏ1", "O1"),
        ("  05 ", "O5"),
        ("O43", "O43"),
        ("๐๙", "O9"),
        ("O99", "O99"),
        ("O\u00a07", "O7"),
    ],
)
def test_parse_item_code(text, code):
    assert parse_item_code(text) == code


@pytest.mark.parametrize(
    "text",
    ["1", "13", "๑๓", "0", "O0", "00", "O100", "0100", "", "O", "ข้อ O1", "O1 คะแนน", "OIT", "O1a",
     "O-1", "0.5"],
)  # fmt: skip
def test_parse_item_code_rejects(text):
    assert parse_item_code(text) is None


@given(
    written_item_codes(st.integers(1, 99)), st.sampled_from(("", ".")), st.sampled_from(("", "  "))
)
def test_any_written_code_round_trips(written, dot, padding):
    number, text = written
    assert parse_item_code(padding + text + dot + padding) == f"O{number}"


@given(written_item_codes(st.integers(100, 999)))
def test_three_digit_codes_are_out_of_range(written):
    assert parse_item_code(written[1]) is None


@given(st.integers(1, 99).flatmap(any_digits))
def test_bare_numbers_are_row_numbers(text):
    assert parse_item_code(text) is None


def test_find_item_codes_examples():
    assert find_item_codes("ตัวชี้วัด O13 รายงาน") == ["O13"]
    assert find_item_codes("ข้อ O23") == ["O23"]
    assert find_item_codes("O42 และ o 43") == ["O42", "O43"]
    assert find_item_codes("ตามข้อ 039") == ["O39"]


def test_find_item_codes_in_corpus_sentences():
    sentence = "การจัดซื้อจัดจ้างตามตัวชี้วัด O13 รายงานสรุปผล มีคะแนน 100 คะแนน"
    assert find_item_codes(sentence) == ["O13"]
    sentence = "แสดงความก้าวหน้าตามแผนปฏิบัติการป้องกันการทุจริตตามข้อ ๐๓๙ "
    assert find_item_codes(sentence) == ["O39"]
    assert find_item_codes("ผลคะแนนตัวชี้วัด O21 ที่ 100 คะแนน") == ["O21"]


def test_find_item_codes_order_and_uniqueness():
    assert find_item_codes("O5 O2 O5 และ O13.") == ["O5", "O2", "O13"]
    assert find_item_codes("O1-O9") == ["O1", "O9"]


@pytest.mark.parametrize(
    "text",
    [
        "OIT",
        "Oct 2024",
        "ISO9001",
        "ISO 9001",
        "COVID19",
        "โทร 044-300639",
        "ปี 2568",
        "ข้อ 1",
        "ข้อ 0",
        "ข้อมูล 05",
        "O0",
        "O 2568",
        "O100",
        "GO 12",
        "O1.5",
        "",
    ],
)
def test_find_item_codes_ignores(text):
    assert find_item_codes(text) == []


@given(
    written_item_codes(st.integers(1, 99)).filter(lambda w: w[1][0] not in "0๐"),
    st.sampled_from(("ตัวชี้วัด ", "ตามข้อ ", "(", "- ")),
    st.sampled_from((" รายงานผล", ")", ".", "")),
)
def test_find_item_codes_in_any_context(written, before, after):
    number, text = written
    assert find_item_codes(before + text + after) == [f"O{number}"]


def test_find_indicator_refs_examples():
    assert find_indicator_refs("ตัวชี้วัดที่ ๙") == ["9"]
    assert find_indicator_refs("ตัวชี้วัดที่9.4") == ["9.4"]
    assert find_indicator_refs("ตัวชี้วัดย่อยที่ 10.1") == ["10.1"]
    assert find_indicator_refs("ตัวชี้วัดที่  10.2") == ["10.2"]


def test_find_indicator_refs_in_text():
    text = "จากผลการประเมิน ITA\nตัวชี้วัดที่9.4 การบริหารและพัฒนาทรัพยากรบุคคล ตัวชี้วัดที่ ๑๐ และตัวชี้วัดที่ 9.4"
    assert find_indicator_refs(text) == ["9.4", "10"]
    assert find_indicator_refs("ตัวชี้วัดที่ ๑ การปฏิบัติหน้าที่") == ["1"]
    assert find_indicator_refs("ตัวชี้วัดที่ 9.4.") == ["9.4"]


@pytest.mark.parametrize(
    "text",
    ["ตัวชี้วัด O13", "ตัวชี้วัดที่ 11", "ตัวชี้วัดที่ 0", "ตัวชี้วัดที่ 100", "ตัวชี้วัดย่อยที่ 11.1",
     "ตัวชี้วัด ดังนี้", "ตัวชี้วัดย่อยที่ ", "9.4", ""],
)  # fmt: skip
def test_find_indicator_refs_ignores(text):
    assert find_indicator_refs(text) == []


@given(written_numbers(st.integers(1, 10)), st.sampled_from(("ตัวชี้วัดที่", "ตัวชี้วัดที่ ")))
def test_any_main_indicator_is_found(written, word):
    number, digits = written
    assert find_indicator_refs(word + digits + " การเปิดเผยข้อมูล") == [str(number)]


@given(written_numbers(st.integers(1, 10)), written_numbers(st.integers(1, 9)))
def test_any_sub_indicator_is_found(main, sub):
    text = f"ตัวชี้วัดย่อยที่ {main[1]}.{sub[1]}"
    assert find_indicator_refs(text) == [f"{main[0]}.{sub[0]}"]
