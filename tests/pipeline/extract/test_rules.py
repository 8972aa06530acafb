"""Extraction rules on small reports written for the purpose (values read off them)."""

from __future__ import annotations

from datetime import date

from parsers.model import Cell, Document, Paragraph, Row, Table
from parsers.text import parse_text
from pipeline.extract.document import Extraction, extract

TITLE = "รายงานผลการดำเนินการ องค์การบริหารส่วนตำบลหนองบัว ประจำปีงบประมาณ พ.ศ. 2567\n\n"


def run(body: str) -> Extraction:
    return extract(parse_text((TITLE + body).encode("utf-8")), "test-doc")


def scores(x: Extraction) -> dict[tuple[int, str, str | None], float]:
    return {(r["assessment_year"], r["scope"], r["code"] or r["name"]): r["score"]
            for r in x.scores}


def codes(x: Extraction) -> list[str]:
    return [f.code for f in x.findings]


def test_year_on_year_table_gives_a_score_per_year_column_and_no_differences() -> None:
    x = run(
        "ตัวชี้วัด\tปี 2565\tปี 2566\tผลต่าง\tเพิ่มขึ้น/ลดลง\n"
        "การปฏิบัติหน้าที่\t95.50\t97.25\t1.75\tเพิ่มขึ้น\n"
        "แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน (IIT)\t94.00\t96.10\t2.10\tเพิ่มขึ้น\n"
        "คะแนนรวม\t88.12\t๙๐\t1.88\tเพิ่มขึ้น\n"
    )
    assert scores(x) == {
        (2565, "indicator", "1"): 95.5, (2566, "indicator", "1"): 97.25,
        (2565, "tool", "IIT"): 94.0, (2566, "tool", "IIT"): 96.1,
        (2565, "overall", "ITA"): 88.12, (2566, "overall", "ITA"): 90.0,
    }
    assert {r["source"] for r in x.scores} == {"table"}


def test_grading_band_and_weights_tables_are_not_scores() -> None:
    x = run(
        "ผลการประเมิน ITA ประจำปี พ.ศ. 2566\n\n"
        "คะแนน\tระดับ\n95.00 – 100\tAA\n85.00 - 94.99\tA\n\n"
        "เครื่องมือ\tค่าน้ำหนัก\tคะแนน\nIIT\tร้อยละ 30\t\nOIT\t40%\t\n"
    )
    assert x.scores == []


def test_differences_targets_and_counts_in_prose_are_not_scores() -> None:
    x = run(
        "ผลการประเมิน ITA ประจำปี พ.ศ. 2566 ผ่านเกณฑ์ 85 คะแนน "
        "เพิ่มขึ้นจากปี 2565 จำนวน 3.20 คะแนน มีผู้ตอบ 45 คน คะแนนเต็ม 100 คะแนน "
        "ตรวจ 43 หัวข้อ ลดลง 1.5 คะแนน\n"
    )
    assert x.scores == []


def test_prose_year_comes_from_the_ita_year_stated_before_it() -> None:
    x = run(
        "สรุปผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. 2566\n\n"
        "คะแนนภาพรวม 91.30 คะแนน อยู่ในระดับ A\n\n"
        "ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล ได้คะแนน 88 คะแนน\n"
    )
    assert scores(x) == {(2566, "overall", "ITA"): 91.3, (2566, "indicator", "9"): 88.0}
    assert x.scores[0]["grade"] == "A"
    assert x.scores[1]["tool"] == "OIT"


def test_an_indicator_named_with_or_without_a_space_before_dai_gives_the_same_score() -> None:
    def rows(sentence: str) -> list[tuple[str, str | None, float]]:
        x = run(f"ผลการประเมิน ITA ประจำปี พ.ศ. 2567\n\n{sentence}\n")
        return [(r["scope"], r["code"], r["score"]) for r in x.scores]

    spaced = rows("ตัวชี้วัดการป้องกันการทุจริต ได้ 100 คะแนน")
    assert spaced == [("indicator", "10", 100.0)]
    assert rows("ตัวชี้วัดการป้องกันการทุจริตได้ 100 คะแนน") == spaced
    assert rows("ตัวชี้วัดการป้องกันการทุจริตได้คะแนน 100 คะแนน") == spaced


def test_a_score_stated_twice_alike_is_one_row_and_differently_a_finding() -> None:
    x = run(
        "ผลการประเมิน ITA ประจำปี พ.ศ. 2566\n\n"
        "คะแนนภาพรวม 90.00 คะแนน\n\nโดยภาพรวมได้คะแนน 90 คะแนน\n\n"
        "(IIT) คะแนนรวม 92.5 คะแนน\n\n(IIT) คะแนนรวม 95.2 คะแนน\n"
    )
    assert scores(x) == {(2566, "overall", "ITA"): 90.0, (2566, "tool", "IIT"): 92.5}
    conflict = next(f for f in x.findings if f.code == "CONFLICTING_SCORE")
    assert "92.5" in conflict.message and "95.2" in conflict.message


def test_out_of_range_and_unattributed_scores_are_findings_not_rows() -> None:
    x = run("ผลการประเมิน ITA ประจำปี พ.ศ. 2566 คะแนนภาพรวม 180 คะแนน\n\nได้ 75 คะแนน\n")
    assert x.scores == []
    assert codes(x) == ["SCORE_OUT_OF_RANGE", "SCORE_NOT_ATTRIBUTED"]


def test_blank_measure_cell_inherits_the_measure_above() -> None:
    x = run(
        "มาตรการ\tวิธีการ\tผู้รับผิดชอบ\tระยะเวลา\n"
        "มาตรการเผยแพร่ข้อมูล\tจัดทำป้าย\tกองคลัง\tไตรมาสที่ ๒\n"
        "\tประชาสัมพันธ์ทางเว็บไซต์\tสำนักปลัด, กองช่าง\tม.ค. – ก.พ. 2567\n"
    )
    first, second = x.measures
    assert (first["measure"], second["measure"]) == ("มาตรการเผยแพร่ข้อมูล",) * 2
    assert [first["stage"], second["stage"]] == ["plan", "plan"]
    assert second["method"] == "ประชาสัมพันธ์ทางเว็บไซต์"
    assert second["responsible"] == ["สำนักปลัด", "กองช่าง"]
    assert (first["period_start"], first["period_end"]) == (date(2024, 1, 1), date(2024, 3, 31))
    assert (second["period_start"], second["period_end"]) == (date(2024, 1, 1), date(2024, 2, 29))
    assert [first["seq"], second["seq"]] == [1, 2]


def _cells(*texts: str) -> list[Cell]:
    return [Cell(t) for t in texts]


def test_row_split_by_a_page_break_is_joined_with_its_pages() -> None:
    header = Row(_cells("มาตรการ", "ผลการดำเนินงาน", "ผู้รับผิดชอบ"), 3, 3)
    table = Table([
        header,
        Row(_cells("จัดอบรมคุณธรรม", "อบรมแล้ว 2 ครั้ง", "สำนักปลัด"), 3, 3),
        Row(_cells("", "มีผู้เข้าร่วม 40 คน", ""), 4, 4, after_break=True),
        Row(_cells("เผยแพร่คู่มือ", "เผยแพร่แล้ว", "กองคลัง"), 4, 4),
    ])
    doc = Document("pdf", [Paragraph(TITLE.strip(), 1), table], page_count=4)
    joined, following = extract(doc, "d").measures
    assert joined["result"] == "อบรมแล้ว 2 ครั้ง มีผู้เข้าร่วม 40 คน"
    assert (joined["page_start"], joined["page_end"]) == (3, 4)
    assert joined["stage"] == "report"
    assert following["measure"] == "เผยแพร่คู่มือ"
    assert following["seq"] == 2


def test_ticked_o_items_and_status_columns() -> None:
    x = run(
        "ตัวชี้วัดย่อยที่ 9.1 ข้อมูลพื้นฐาน\n\n"
        "ข้อ\tข้อมูล\tผู้รับผิดชอบ\tผลการดำเนินการ\n"
        "O1\tโครงสร้าง\tสำนักปลัด\t☑ ดำเนินการ ☐ ยังไม่ได้ดำเนินการ\n"
        "o 2\tข้อมูลผู้บริหาร\tสำนักปลัด\t☐ ดำเนินการ ☑ ยังไม่ได้ดำเนินการ\n"
        "0๓\tอำนาจหน้าที่\tสำนักปลัด\tยังไม่ได้ดำเนินการ ดำเนินการ\n\n"
        "ตัวชี้วัดย่อยที่ 9.2 การบริหารงาน\n\n"
        "ข้อ\tข้อมูล\tดำเนินการแล้ว\tยังไม่ดำเนินการ\n"
        "O11\tแผนดำเนินงาน\t✓\t\n"
        "O12\tรายงานรอบ 6 เดือน\t\t✓\n"
    )
    got = [(i["code"], i["subindicator"], i["status"]) for i in x.o_items]
    assert got == [
        ("O1", "9.1", "done"), ("O2", "9.1", "not_done"), ("O3", "9.1", "unknown"),
        ("O11", "9.2", "done"), ("O12", "9.2", "not_done"),
    ]
    assert {i["assessment_year"] for i in x.o_items} == {2567}
