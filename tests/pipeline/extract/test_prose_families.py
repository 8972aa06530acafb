"""Scores in running text, family by family (DOMAIN.md "Scores in running text").

Every sentence is composed for the test in a shape the domain notes list; the expected
(year, scope, code, score, grade) is read off the sentence. Each Thai sentence is also read with
its digits written in Thai. Documents go through the converter's own path: text repair
(typists' damage) and then extraction.
"""

from __future__ import annotations

import pytest

from parsers.text import parse_text
from pipeline.extract.document import Extraction, extract
from pipeline.extract.text_repair import repair_document

TITLE = "รายงานผลการดำเนินการ องค์การบริหารส่วนตำบลหนองบัว ประจำปีงบประมาณ พ.ศ. 2568\n\n"
"""A report of FY 2568 whose title names no ITA year: every year below is the sentence's own."""
_THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")

Score = tuple[int, str, str, float, str | None]


def convert(body: str) -> Extraction:
    document = parse_text((TITLE + body + "\n").encode("utf-8"))
    repair_document(document)
    return extract(document, "prose-doc")


def scores(x: Extraction) -> list[Score]:
    return [(r["assessment_year"], r["scope"], r["code"], r["score"], r["grade"])
            for r in x.scores]


def codes(x: Extraction) -> list[str]:
    return [f.code for f in x.findings]


def both_digits(family: str, *cases: tuple[str, list[Score]]) -> list[object]:
    """Each case as written (Arabic digits) and with Thai digits."""
    return [pytest.param(text.translate(table), expected, id=f"{family}{n}-{digits}")
            for n, (text, expected) in enumerate(cases)
            for digits, table in (("arabic", {}), ("thai", _THAI_DIGITS))]


def overall(year: int, score: float, grade: str | None = None) -> Score:
    return (year, "overall", "ITA", score, grade)


VALUE_FORMS = both_digits(
    "value",
    ("ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. 2567 ได้คะแนน 92.10 คะแนน อยู่ในระดับ A",
     [overall(2567, 92.10, "A")]),
    ("ผลการประเมิน ITA ปี 2567 ได้ 92.10 คะแนน ระดับ A", [overall(2567, 92.10, "A")]),
    ("ผลการประเมิน ITA ปี 2567 มีผลคะแนนเท่ากับ 92.10", [overall(2567, 92.10)]),
    ("ผลการประเมิน ITA ปี 2567 คิดเป็นร้อยละ 92.10", [overall(2567, 92.10)]),
    ("ผลการประเมิน ITA ปี 2567 (92.10 คะแนน)", [overall(2567, 92.10)]),
    ("ผลการประเมิน ITA ปี 2567 ได้รับผลการประเมินอยู่ในระดับ A (92.10 คะแนน)",
     [overall(2567, 92.10, "A")]),
)

SUBJECTS = both_digits(
    "subject",
    ("ผลการประเมิน (ITA) ปี 2567 ได้ 92.10 คะแนน", [overall(2567, 92.10)]),
    ("การประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ ประจำปีงบประมาณ "
     "พ.ศ. 2567 ได้ 92.10 คะแนน", [overall(2567, 92.10)]),
    ("ผลคะแนน ITA ปี 2567 เท่ากับ 92.10", [overall(2567, 92.10)]),
    ("อบต.หนองบัว ประจำปีงบประมาณ พ.ศ. 2567 ได้ 92.10 คะแนน", [overall(2567, 92.10)]),
    ("องค์การบริหารส่วนตำบลหนองบัว ปี 2567 ได้คะแนน 92.10 คะแนน ระดับ A",
     [overall(2567, 92.10, "A")]),
    ("เทศบาลตำบลบ้านใหม่-หนองบัว ได้รับผลการประเมินประจำปี 2567 อยู่ในระดับ A (92.10 คะแนน)",
     [overall(2567, 92.10, "A")]),
)

TWO_YEARS = both_digits(
    "two-years",
    ("ผลการประเมิน ITA เพิ่มขึ้นจาก 88.20 คะแนน (ปี 2566) เป็น 91.30 คะแนน (ปี 2567)",
     [overall(2566, 88.20), overall(2567, 91.30)]),
    ("ผลการประเมิน ITA ปี 2566 ได้ 88.20 คะแนน และปี 2567 ได้ 91.30 คะแนน",
     [overall(2566, 88.20), overall(2567, 91.30)]),
    ("ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. 2567 ได้รับผลการประเมินอยู่ในระดับ A "
     "(85.30 คะแนน) ซึ่งเพิ่มขึ้นจากปีงบประมาณ พ.ศ. 2566 ที่ได้รับผลการประเมินอยู่ในระดับ C "
     "(70.12 คะแนน)", [overall(2567, 85.30, "A"), overall(2566, 70.12, "C")]),
    ("ผลการประเมิน ITA ปี 2567 ได้ 91.30 คะแนน สูงกว่าปี 2566 ที่ได้ 88.10 คะแนน",
     [overall(2567, 91.30), overall(2566, 88.10)]),
)

INDICATOR_TITLES = both_digits(
    "title",
    ("ผลการประเมิน ITA ปี 2567 ด้านการใช้ทรัพย์สินของราชการ ได้คะแนนต่ำสุด 84.10",
     [(2567, "indicator", "4", 84.10, None)]),
    ("ผลการประเมิน ITA ปี 2567 ตัวชี้วัดการเปิดเผยข้อมูล ซึ่งเป็นตัวชี้วัดของแบบ OIT "
     "ได้คะแนน 95.00", [(2567, "indicator", "9", 95.00, None)]),
    ("ผลการประเมิน ITA ปี 2567 ด้านการใช้อำนาจได้คะแนนสูงสุด 99.10",
     [(2567, "indicator", "3", 99.10, None)]),
    ("ผลการประเมิน ITA ปี 2567 ประเด็นการปรับปรุงการทำงาน มีคะแนน 90.05 คะแนน",
     [(2567, "indicator", "8", 90.05, None)]),
    ("ในหัวข้อการใช้อำนาจ ITA ปี2567 ได้คะแนน 96.26 คะแนน ITA ปี2568 ได้คะแนน 98.89 คะแนน",
     [(2567, "indicator", "3", 96.26, None), (2568, "indicator", "3", 98.89, None)]),
)

VERDICTS = both_digits(
    "verdict",
    ("ผลการประเมิน ITA ปี 2567 ได้ 87.50 คะแนน ผ่านเกณฑ์", [overall(2567, 87.50, "pass")]),
    ("ผลการประเมิน ITA ปี 2567 ได้ 87.50 คะแนน (ผ่าน)", [overall(2567, 87.50, "pass")]),
    ("ผลการประเมิน ITA ปี 2567 ได้ 80.15 คะแนน ไม่ผ่าน", [overall(2567, 80.15, "fail")]),
    ("ผลการประเมิน ITA ปี 2567 ได้ 96.00 คะแนน อยู่ในระดับผ่านดีเยี่ยม",
     [overall(2567, 96.00, "pass")]),
    ("ผลการประเมิน ITA ปี 2567 ผ่านเกณฑ์ (87.50 คะแนน)", [overall(2567, 87.50, "pass")]),
    ("ผลการประเมิน ITA ปี 2567 ได้ 80.15 คะแนน ไม่ผ่านเกณฑ์ 85 คะแนน",
     [overall(2567, 80.15, "fail")]),
)

TYPISTS_DAMAGE = both_digits(
    "typist",
    ("ผลการประเมิน ITA ปี 2567 ได้คะเเนน 92.10 คะเเนน อยู่่ในระดับ A",
     [overall(2567, 92.10, "A")]),
    ("ผลการประเมิน ITA ปี 2567 ได้ 87.50 คะเเนน ผ่านเกณฑ์์", [overall(2567, 87.50, "pass")]),
)

ENGLISH = [
    pytest.param("The ITA score for 2022 is 90.76 points (grade A)",
                 [overall(2565, 90.76, "A")], id="ce-2022"),
    pytest.param("The ITA score for 2023 was 88.50 points", [overall(2566, 88.50)], id="ce-2023"),
]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    VALUE_FORMS + SUBJECTS + TWO_YEARS + INDICATOR_TITLES + VERDICTS + TYPISTS_DAMAGE + ENGLISH,
)
def test_a_score_in_running_text(sentence: str, expected: list[Score]) -> None:
    x = convert(sentence)
    assert scores(x) == expected
    assert {r["source"] for r in x.scores} == {"text"}
    assert not {"CONFLICTING_SCORE", "SCORE_NOT_ATTRIBUTED"} & set(codes(x))


@pytest.mark.parametrize("digits", [{}, _THAI_DIGITS], ids=["arabic", "thai"])
def test_the_evidence_shows_the_score_as_printed(digits: dict[int, str]) -> None:
    x = convert("ผลการประเมิน ITA ปี 2567 ได้รับผลการประเมินอยู่ในระดับ A (92.10 คะแนน)"
                .translate(digits))
    (row,) = x.scores
    assert row["score"] == 92.1
    assert row["evidence"].endswith("อยู่ในระดับ A (92.10 คะแนน)")


NOT_SCORES = both_digits(
    "not-score",
    ("ผลการประเมิน ITA ปี 2567 ผ่านเกณฑ์ 85 คะแนน", []),
    ("ผลการประเมิน ITA ปี 2567 ค่าเป้าหมาย 85 คะแนน", []),
    ("ผลการประเมิน ITA ปี 2567 ต้องได้ 85 คะแนนขึ้นไป", []),
    ("ค่าน้ำหนักของแบบวัด (IIT) ร้อยละ 30 แบบวัด (OIT) ร้อยละ 40", []),
    ("ผลคะแนน ITA ประกาศเมื่อวันที่ 30 กันยายน 2567 ผลคะแนน 30 ก.ย. 2567", []),
    ("ผลการประเมิน ITA ปี 2567 ประกาศที่ https://itas.nacc.go.th/ita/2567/88 คะแนนของหน่วยงาน", []),
    ("ผลการประเมิน ITA ปี 2567 ได้ 91.30 คะแนน เพิ่มขึ้น 1.52 คะแนน", [overall(2567, 91.30)]),
    ("ผลการประเมิน ITA ปี 2567 ได้ 91.30 คะแนน ลดลง 2.3 คะแนน", [overall(2567, 91.30)]),
    ("ผลการประเมิน ITA ปี 2567 ได้ 91.30 คะแนน (+1.52) เพิ่มขึ้นจากปีที่แล้ว 1.52 คะแนน "
     "เพิ่มขึ้นจากปี 2566 จำนวน 1.52 คะแนน ผลต่าง -1.52 คะแนน", [overall(2567, 91.30)]),
    ("ผลการประเมิน ITA ปี 2567 ได้ 92.10 คะแนน จาก 100 คะแนน คะแนนเต็ม 100 คะแนน",
     [overall(2567, 92.10)]),
)


@pytest.mark.parametrize(("sentence", "expected"), NOT_SCORES)
def test_pass_marks_differences_targets_weights_dates_and_links_are_not_scores(
    sentence: str, expected: list[Score]
) -> None:
    x = convert(sentence)
    assert scores(x) == expected
    assert codes(x) == []  # in particular no CONFLICTING_SCORE from a difference


def test_the_score_a_change_starts_from_takes_only_its_own_year() -> None:
    x = convert("ผลการประเมิน ITA ปี 2567 ได้ 91.30 คะแนน เพิ่มขึ้นจาก 88.20 คะแนน")
    assert scores(x) == [overall(2567, 91.30)]
    (finding,) = x.findings
    assert finding.code == "SCORE_NOT_ATTRIBUTED"
    assert "88.2" in finding.message and "ITA year" in finding.message


def test_an_organisation_named_in_passing_scores_nothing() -> None:
    x = convert("ปี 2567 ข้อมูลบนเว็บไซต์ของเทศบาลตำบลหนองบัว จำนวน 43 หัวข้อ ได้ 100 คะแนน")
    assert x.scores == []
    (finding,) = [f for f in x.findings if f.code == "SCORE_NOT_ATTRIBUTED"]
    assert "100" in finding.message and "what it scores" in finding.message


def test_an_indicator_title_inside_a_longer_word_is_not_the_indicator() -> None:
    x = convert("ด้านการบริหารงานบุคคล ปี 2567 ได้ 80 คะแนน")  # not 9.2 การบริหารงาน
    assert x.scores == []
    (finding,) = [f for f in x.findings if f.code == "SCORE_NOT_ATTRIBUTED"]
    assert "80" in finding.message and "what it scores" in finding.message
