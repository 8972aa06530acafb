"""000: องค์การบริหารส่วนตำบลทองเอน, report of FY 2568. Values read off the report."""

from __future__ import annotations

from datetime import date

from tests.support.golden import converted, scores_by_key

DOC = "000"
BUDGET_QUESTION = "การใช้จ่ายงบประมาณเป็นไปตามวัตถุประสงค์มากน้อยเพียงใด"
ONLINE_QUESTION = (
    "หน่วยงานมีการพัฒนาการให้บริการผ่านช่องทางออนไลน์ให้สะดวกรวดเร็วและมีประสิทธิภาพบริการออนไลน์"
)
CHANNELS_TOPIC = "ช่องทางและรูปแบบการประชาสัมพันธ์เผยแพร่ข้อมูลข่าวสารภาครัฐ"


def test_metadata() -> None:
    doc = converted(DOC).document
    assert doc["org_name"] == "องค์การบริหารส่วนตำบลทองเอน"
    assert doc["org_type"] == "sao"
    assert doc["org_id"] == "sao:ทองเอน"
    assert doc["fiscal_year"] == 2568
    assert doc["assessment_year"] == 2567  # วิเคราะห์ผลการประเมิน ITA … ปีงบประมาณ พ.ศ.2567


def test_every_score_stated_in_the_prose() -> None:
    expected = {
        # measure 1: ในหัวข้อด้านการปฏิบัติหน้าที่ (indicator 1)
        (2567, "indicator", "1"): 96.26,
        (2568, "indicator", "1"): 98.89,
        # measure 2: a question on online services
        (2567, "question", ONLINE_QUESTION): 90.79,
        (2568, "question", ONLINE_QUESTION): 98.88,
        # measure 3 names no subject: the row's topic; "ITA ปี2668" is a typo for 2568
        (2567, "question", CHANNELS_TOPIC): 97.92,
        (2568, "question", CHANNELS_TOPIC): 98.69,
        # measure 4: ในหัวข้อการใช้ทรัพย์สินของราชการ (indicator 4)
        (2567, "indicator", "4"): 93.17,
        (2568, "indicator", "4"): 97.78,
        # measure 5: the contract's own example of a question, and item O13
        (2567, "question", BUDGET_QUESTION): 95.28,
        (2568, "question", BUDGET_QUESTION): 100.0,
        (2568, "item", "O13"): 100.0,
        # measure 6: O21 in ปีงบประมาณ พ.ศ. 2568; measure 7: ตัวชี้วัดการป้องกันการทุจริต
        (2568, "item", "O21"): 100.0,
        (2568, "indicator", "10"): 100.0,
    }
    # the rises (2.63, 8.09, 0.77, 4.61, 4.72 คะแนน) are not scores
    assert scores_by_key(DOC) == expected


def test_year_typo_is_a_finding_that_keeps_what_was_written() -> None:
    findings = [f for f in converted(DOC).tables["findings"] if f["code"] == "YEAR_TYPO"]
    assert len(findings) == 1
    assert "2668" in findings[0]["message"] and "2568" in findings[0]["message"]
    assert "ITA ปี2668 ได้คะแนน 98.69" in findings[0]["evidence"]
    typo_row = next(r for r in converted(DOC).tables["scores"] if r["score"] == 98.69)
    assert "ปี2668" in typo_row["evidence"]


def test_measures() -> None:
    measures = converted(DOC).tables["measures"]
    # seven topics; the "(ต่อ)" row continues topic 1 across a page and is joined to it
    assert len(measures) == 7
    assert [m["seq"] for m in measures] == list(range(1, 8))
    assert {m["stage"] for m in measures} == {"report"}
    assert [m["topic"].split(" ")[0] for m in measures] == [
        "1.", "2.", "3.", "4.", "5.", "6.", "7.กลไกและมาตรการในการแก้ไขและป้องกันการทุจริตภายในหน่วยงาน"
    ]
    first = measures[0]
    assert first["measure"].startswith("1 จัดทำคู่มือ/แนวทางการปฏิบัติงาน")
    assert "3. ส่งเสริมให้ผู้รับบริการและประชาชนทั่วไปมีส่วนร่วม" in first["measure"]
    assert "6. จัดทำช่องทางการสื่อสาร" in first["method"]
    assert first["responsible"] == ["สำนักปลัด"]
    assert measures[1]["measure"] == "- ประชาสัมพันธ์ช่องทางการให้บริการออนไลน์ ให้ประชาชนทราบ"
    assert measures[3]["measure"] == (
        "- เพิ่มประสิทธิภาพในการรับรู้การใช้ทรัพย์สินของราชการอย่างถูกต้อง"
    )
    assert [m["responsible"] for m in measures] == [["สำนักปลัด"]] * 4 + [["กองคลัง"]] + [
        ["สำนักปลัด"]
    ] * 2
    for m in measures:
        assert m["period_text"] == "ต.ค. 67 - ก.ย. 68"
        assert (m["period_start"], m["period_end"]) == (date(2024, 10, 1), date(2025, 9, 30))
        assert m["fiscal_year"] == 2568
    assert [m["indicators"] for m in measures] == [["1"], [], [], ["4"], ["O13"], ["O21"], ["10"]]
    assert "<p>" not in measures[4]["outcome"] and "<ol" not in measures[2]["method"]
