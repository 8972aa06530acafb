"""Rows of a score table that are not indicators: the total, its grades, the change.

Each table below is written for the purpose; the expected values are read off it by a person.
"""

from __future__ import annotations

from parsers.model import Cell, Document, Paragraph, Row, Table
from parsers.text import parse_text
from pipeline.extract.document import Extraction, extract

TITLE = "รายงานผลการดำเนินการ องค์การบริหารส่วนตำบลหนองบัว ประจำปีงบประมาณ พ.ศ. 2567\n\n"
YEAR = "ผลการประเมิน ITA ประจำปี พ.ศ. 2566\n\n"


def run(body: str) -> Extraction:
    return extract(parse_text((TITLE + body).encode("utf-8")), "test-doc")


def totals(x: Extraction, scope: str = "overall") -> dict[tuple[int, str], tuple[float, str]]:
    """(year, code) → (score, grade) of the scores of one scope."""
    return {(r["assessment_year"], r["code"]): (r["score"], r["grade"])
            for r in x.scores if r["scope"] == scope}


def found(x: Extraction, code: str) -> list:
    return [f for f in x.findings if f.code == code]


def table(*lines: str) -> str:
    return "\n".join(lines) + "\n"


def test_average_and_grade_rows_give_each_year_its_overall_score_and_grade() -> None:
    x = run(table(
        "ตัวชี้วัด\tปี 2566\tปี 2567",
        "1. การปฏิบัติหน้าที่\t95.50\t97.25",
        "6. คุณภาพการดำเนินงาน\t90.00\t92.40",
        "9. การเปิดเผยข้อมูล\t80.10\t88.00",
        "คะแนนเฉลี่ย\t86.12\t90.53",
        "ระดับ\tA\tA",
    ))
    assert totals(x) == {(2566, "ITA"): (86.12, "A"), (2567, "ITA"): (90.53, "A")}
    assert not [r for r in x.scores if r["scope"] == "question"]
    assert x.ledger.unread() == [] and not found(x, "GRADE_MISMATCH")
    evidence = next(r["evidence"] for r in x.scores if r["scope"] == "overall")
    assert "คะแนนเฉลี่ย" in evidence and "ระดับ | A | A" in evidence


def test_overall_last_row_of_a_tools_table_is_checked_against_the_weighted_tools() -> None:
    tools = table("เครื่องมือ\tคะแนน", "IIT\t98.79", "EIT\t90.81", "OIT\t71.50")
    # 0.3 × 98.79 + 0.3 × 90.81 + 0.4 × 71.50 = 85.48
    good = run(YEAR + tools + "ภาพรวม\t85.48\nระดับการประเมิน\tผ่าน\n")
    assert totals(good) == {(2566, "ITA"): (85.48, "pass")}
    assert totals(good, "tool") == {(2566, "IIT"): (98.79, None), (2566, "EIT"): (90.81, None),
                                    (2566, "OIT"): (71.5, None)}
    assert not found(good, "TOTAL_MISMATCH") and good.ledger.unread() == []
    bad = run(YEAR + tools + "ภาพรวม\t88.48\n")
    [finding] = found(bad, "TOTAL_MISMATCH")
    assert "88.48" in finding.message and "85.48" in finding.message
    assert totals(bad) == {(2566, "ITA"): (88.48, None)}  # kept as printed


def test_an_ita_score_row_per_year_checked_year_by_year() -> None:
    x = run(table(
        "แบบ\tปี 2566\tปี 2567",
        "IIT\t98.79\t95.00",
        "EIT\t90.81\t92.00",
        "OIT\t71.50\t90.00",
        "คะแนน ITA\t85.48\t91.20",
    ))
    assert totals(x) == {(2566, "ITA"): (85.48, None), (2567, "ITA"): (91.2, None)}
    # 2567: 0.3 × 95.00 + 0.3 × 92.00 + 0.4 × 90.00 = 92.10, not 91.20
    [finding] = found(x, "TOTAL_MISMATCH")
    assert "2567" in finding.message and "91.2" in finding.message and "92.10" in finding.message


def test_a_grade_row_that_contradicts_the_band_of_its_year_score() -> None:
    x = run(table(
        "ตัวชี้วัด\t2566\t2567",
        "การปฏิบัติหน้าที่\t88.00\t97.00",
        "ตัวชี้วัดที่ 7 ประสิทธิภาพการสื่อสาร\t80.20\t95.00",
        "ผลคะแนนรวม\t84.10\t96.00",
        "ระดับผลการประเมิน\tA\tAA",
    ))
    assert totals(x) == {(2566, "ITA"): (84.1, "A"), (2567, "ITA"): (96.0, "AA")}
    [finding] = found(x, "GRADE_MISMATCH")
    assert "2566" in finding.message and "84.1" in finding.message and "85-94.99" in finding.message
    assert "ระดับผลการประเมิน | A | AA" in finding.evidence


def test_a_difference_column_and_a_difference_row_are_never_scores() -> None:
    column = run(table(
        "ตัวชี้วัด\tปี 2566\tปี 2567\tผลต่าง",
        "การปฏิบัติหน้าที่\t95.50\t97.25\t+1.75",
        "การเปิดเผยข้อมูล\t80.00\t78.00\t-2.00",
        "คะแนนเฉลี่ย\t88.12\t90.53\t+2.41",
    ))
    assert sorted(r["score"] for r in column.scores) == [78.0, 80.0, 88.12, 90.53, 95.5, 97.25]
    assert not found(column, "CHANGE_LABEL_MISMATCH") and column.ledger.unread() == []
    rows = table(
        "ตัวชี้วัด\tปี 2566\tปี 2567",
        "การปฏิบัติหน้าที่\t95.50\t97.25",
        "การเปิดเผยข้อมูล\t80.00\t78.00",
        "คะแนนเฉลี่ย\t88.12\t90.53",
    )
    agrees = run(rows + "ผลต่าง\t\t+2.41\n")
    assert totals(agrees) == {(2566, "ITA"): (88.12, None), (2567, "ITA"): (90.53, None)}
    assert len(agrees.scores) == 6 and agrees.ledger.unread() == []
    assert not found(agrees, "CHANGE_LABEL_MISMATCH")
    [wrong] = found(run(rows + "เพิ่มขึ้น/ลดลง\t\tลดลง\n"), "CHANGE_LABEL_MISMATCH")
    assert "88.12 (2566)" in wrong.message and "90.53 (2567)" in wrong.message


def test_a_signed_number_under_a_score_header_is_a_change() -> None:
    x = run(YEAR.replace("2566", "2567") + table(
        "ตัวชี้วัด\tคะแนน ITA 2566\tคะแนน ITA 2567\tผลคะแนน (+/-)",
        "การใช้อำนาจ\t90.00\t91.00\t+3.00",
    ))
    assert sorted(r["score"] for r in x.scores) == [90.0, 91.0]
    [finding] = found(x, "CHANGE_LABEL_MISMATCH")
    assert "+3.00" in finding.message and "+1.00" in finding.message


def test_labels_in_another_column_with_spaces_and_doubled_vowels() -> None:
    x = run(table(
        "ลำดับ\tตัวชี้วัด\tปี 2566\tปี 2567",
        "1\tการปฏิบัติหน้าที่\t95.50\t97.25",
        "2\tคุณภาพการดำเนินงาน\t90.00\t92.40",
        "คะเเนน  เฉลี่ย\t\t92.75\t94.83",
        "Rating\t\tA\tA",
    ))
    assert totals(x) == {(2566, "ITA"): (92.75, "A"), (2567, "ITA"): (94.83, "A")}
    assert x.ledger.unread() == []


def test_an_overall_label_spanning_two_columns_as_a_word_table_merges_it() -> None:
    rows = [
        Row([Cell("ลำดับ"), Cell("ตัวชี้วัด"), Cell("ผลการประเมิน")]),
        Row([Cell("1"), Cell("การใช้งบประมาณ"), Cell("93.10")]),
        Row([Cell("2"), Cell("การป้องกันการทุจริต"), Cell("89.00")]),
        Row([Cell("ผลการประเมินภาพรวม", col_span=2), Cell("91.30")]),
        Row([Cell("ระดับ", col_span=2), Cell("A")]),
    ]
    doc = Document("docx", [Paragraph(TITLE.strip(), 1), Paragraph(YEAR.strip(), 1),
                            Table([*rows])])
    x = extract(doc, "d")
    assert totals(x) == {(2566, "ITA"): (91.3, "A")}
    assert x.ledger.unread() == []


def test_a_total_stated_twice_alike_is_one_row_and_differently_a_finding() -> None:
    rows = table(
        "ตัวชี้วัด\tปี 2566\tปี 2567",
        "การปฏิบัติหน้าที่\t95.50\t97.25",
        "การเปิดเผยข้อมูล\t80.00\t78.00",
        "คะแนนเฉลี่ย\t88.12\t90.53",
        "ระดับ\tA\tA",
    )
    alike = run(YEAR + "คะแนนภาพรวม 88.12 คะแนน อยู่ในระดับ A\n\n" + rows)
    assert totals(alike) == {(2566, "ITA"): (88.12, "A"), (2567, "ITA"): (90.53, "A")}
    assert not found(alike, "CONFLICTING_SCORE")
    other = run(YEAR + "คะแนนภาพรวม 88.21 คะแนน อยู่ในระดับ AA\n\n" + rows)
    assert totals(other) == {(2566, "ITA"): (88.21, "AA"), (2567, "ITA"): (90.53, "A")}
    score, grade = found(other, "CONFLICTING_SCORE")
    assert "88.21" in score.message and "88.12" in score.message
    assert "AA" in grade.message and " A;" in grade.message
    assert found(other, "GRADE_MISMATCH")  # 88.21 is no AA: the first grade, kept, is checked


def test_per_tool_averages_then_the_overall_row() -> None:
    x = run(table(
        "แบบ\tตัวชี้วัด\tปี 2567",
        "IIT\t1. การปฏิบัติหน้าที่\t99.00",
        "\t2. การใช้งบประมาณ\t98.00",
        "\tคะแนนเฉลี่ย\t98.50",
        "EIT\t6. คุณภาพการดำเนินงาน\t90.00",
        "\t7. ประสิทธิภาพการสื่อสาร\t92.00",
        "\tคะแนนเฉลี่ย\t91.00",
        "ภาพรวม\t\t94.00",
    ))
    assert totals(x, "tool") == {(2567, "IIT"): (98.5, None), (2567, "EIT"): (91.0, None)}
    assert totals(x) == {(2567, "ITA"): (94.0, None)}


def test_the_average_of_one_tools_indicators_is_that_tool_checked_against_their_mean() -> None:
    rows = table(  # IIT's indicators as 004 of the corpus prints them
        "ตัวชี้วัด\tคะแนน",
        "1. การปฏิบัติหน้าที่\t100",
        "2. การใช้งบประมาณ\t100",
        "3. การใช้อำนาจ\t99.45",
        "4. การใช้ทรัพย์สินของราชการ\t98.78",
        "5. การแก้ไขปัญหาการทุจริต\t99.84",
    )
    # (100 + 100 + 99.45 + 98.78 + 99.84) / 5 = 99.614
    good = run(YEAR + rows + "คะแนนเฉลี่ย\t99.61\n")
    assert totals(good, "tool") == {(2566, "IIT"): (99.61, None)} and totals(good) == {}
    assert not found(good, "TOTAL_MISMATCH")
    bad = run(YEAR + rows + "คะแนนเฉลี่ย\t97.61\n")
    [finding] = found(bad, "TOTAL_MISMATCH")
    assert "97.61" in finding.message and "99.61" in finding.message
    assert totals(bad, "tool") == {(2566, "IIT"): (97.61, None)}


def test_the_average_of_sub_indicators_names_no_score_of_the_framework() -> None:
    x = run(YEAR + table(
        "ตัวชี้วัดย่อย\tคะแนน",
        "ตัวชี้วัดย่อยที่ 9.1 ข้อมูลพื้นฐาน\t100",
        "ตัวชี้วัดย่อยที่ 9.2 การบริหารงาน\t90",
        "คะแนนเฉลี่ย\t95",
    ))
    assert totals(x) == {} and totals(x, "tool") == {}
    [finding] = found(x, "SCORE_NOT_ATTRIBUTED")
    assert "95" in finding.message and x.ledger.unread() == []


def test_a_grade_with_no_score_to_belong_to_is_named_not_dropped() -> None:
    x = run(YEAR + "คะแนนภาพรวม 90.00 คะแนน\n\n" + table(
        "ตัวชี้วัด\tปี 2566\tปี 2567",
        "การปฏิบัติหน้าที่\t95.50\t97.25",
        "ระดับ\tA\tAA",
    ))
    # 2566's grade finds the overall score stated above the table; 2567 has none
    assert totals(x) == {(2566, "ITA"): (90.0, "A")}
    [unread] = found(x, "UNREAD_ROWS")
    assert "ระดับ | A | AA" in unread.evidence
