"""004: เทศบาลตำบลลำน้ำพอง, report of FY 2566 analysing ITA 2565. Values read off the report."""

from __future__ import annotations

from datetime import date

from tests.support.golden import converted, scores_by_key

DOC = "004"


def test_metadata() -> None:
    doc = converted(DOC).document
    assert doc["status"] == "ok"
    assert doc["source_format"] == "txt"
    assert doc["page_count"] is None
    assert doc["org_name"] == "เทศบาลตำบลลำน้ำพอง"
    assert doc["org_type"] == "subdistrict_municipality"
    assert doc["org_id"] == "subdistrict_municipality:ลำน้ำพอง"
    assert (doc["district"], doc["province"]) == (None, None)  # the report names neither
    assert doc["fiscal_year"] == 2566
    assert doc["assessment_year"] == 2565


def test_every_score_and_nothing_else() -> None:
    expected = {
        (2565, "overall", "ITA"): 99.24,
        (2565, "tool", "IIT"): 99.61,
        (2565, "tool", "EIT"): 97.87,
        (2565, "tool", "OIT"): 100.0,
        (2565, "indicator", "1"): 100.0,
        (2565, "indicator", "2"): 100.0,
        (2565, "indicator", "3"): 99.45,
        (2565, "indicator", "4"): 98.78,
        (2565, "indicator", "5"): 99.84,
        (2565, "indicator", "6"): 99.58,
        (2565, "indicator", "7"): 97.51,
        (2565, "indicator", "8"): 96.53,
        (2565, "indicator", "9"): 100.0,
        (2565, "indicator", "10"): 100.0,
    }
    # the target (85 คะแนน) and the rise since 2564 (12.48 คะแนน) are not scores
    assert scores_by_key(DOC) == expected


def test_grade_respondents_and_tools() -> None:
    rows = {(r["scope"], r["code"]): r for r in converted(DOC).tables["scores"]}
    assert rows[("overall", "ITA")]["grade"] == "AA"
    assert rows[("tool", "IIT")]["respondents"] == 50
    assert rows[("tool", "EIT")]["respondents"] == 101
    assert rows[("tool", "OIT")]["respondents"] is None
    assert [rows[("indicator", str(n))]["tool"] for n in range(1, 11)] == (
        ["IIT"] * 5 + ["EIT"] * 3 + ["OIT"] * 2
    )
    assert rows[("indicator", "3")]["source"] == "table"
    assert rows[("indicator", "3")]["name"] == "การใช้อำนาจ"


def test_the_indicator_table_gives_plan_measures() -> None:
    measures = converted(DOC).tables["measures"]
    assert len(measures) == 10
    assert {m["stage"] for m in measures} == {"plan"}
    assert [m["topic"] for m in measures[:2]] == ["การปฏิบัติหน้าที่", "การใช้งบประมาณ"]
    assert measures[0]["responsible"] == ["ทุกสำนัก/กอง"]
    assert measures[1]["responsible"] == ["สำนักปลัด", "กองคลัง"]
    assert all(m["period_text"] == "ต.ค. 2565 – ก.ย. 2566" for m in measures)
    assert all(
        (m["period_start"], m["period_end"]) == (date(2022, 10, 1), date(2023, 9, 30))
        for m in measures
    )
    assert [m["indicators"] for m in measures] == [[str(n)] for n in range(1, 11)]


def test_no_false_alarm() -> None:
    assert converted(DOC).tables["findings"] == []
