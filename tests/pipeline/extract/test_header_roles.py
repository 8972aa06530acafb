"""Header wordings × column roles, read on whole tables: each wording of DOMAIN.md's "Header
words for the same column" swapped into a real table shape, the extracted rows carrying the
field; and a column no wording names becomes a finding, not a silent loss."""

from __future__ import annotations

import pytest

from parsers.model import Cell, Row, Table
from parsers.text import parse_text
from pipeline.extract.column_roles import ColumnRole, column_role, view
from pipeline.extract.document import Extraction, extract

TITLE = "มาตรการส่งเสริมคุณธรรมและความโปร่งใส เทศบาลตำบลหนองบัว ประจำปีงบประมาณ พ.ศ. 2567\n\n"

MEASURE = ["มาตรการ", "มาตรการ/แนวทาง", "แนวทาง", "โครงการ/กิจกรรม", "กิจกรรม",
           "มาตรการ/โครงการ/กิจกรรม", "มาตรการ / โครงการ / กิจกรรม", "ชื่อโครงการ"]
METHOD = ["วิธีการดำเนินการ", "วิธีการดำเนินงาน", "ขั้นตอน/วิธีการปฏิบัติ", "แนวทางการดำเนินการ",
          "วิธีดำเนินการ", "ขั้นตอนการ\nดำเนินงาน"]
RESPONSIBLE = ["ผู้รับผิดชอบ", "หน่วยงานผู้รับผิดชอบ", "หน่วยงานที่รับผิดชอบ", "หน่วยงานรับผิดชอบ",
               "ส่วนราชการที่รับผิดชอบ", "ผู้รับผิดชอบ/ผู้ที่เกี่ยวข้อง", "ผู้ดำเนินการ",
               "หน่วยงาน\nผู้รับผิดชอบ", "ผู้รับผิดชอบ / ผู้ที่เกี่ยวข้อง"]
PERIOD = ["ระยะเวลา", "ระยะเวลาดำเนินการ", "ช่วงเวลา", "ห้วงเวลา", "กำหนดเวลา",
          "ระยะเวลาแล้วเสร็จ", "ระยะเวลา\nดำเนินการ"]
RESULT = ["ผลการดำเนินการ", "ผลการดำเนินงาน", "การติดตามผล", "การติดตามและรายงานผล", "ผลการติดตาม",
          "ผลการติดตามการดำเนินงาน", "ความก้าวหน้า", "สรุปผลการดำเนินการ"]
TOPIC = ["หัวข้อ", "ประเด็นที่ต้องพัฒนา", "ประเด็นที่ควรพัฒนา", "ประเด็นที่ต้องแก้ไข",
         "ข้อบกพร่อง/จุดอ่อน", "ประเด็น"]
YEAR_2566 = ["2566", "๒๕๖๖", "ปี ๒๕๖๖", "พ.ศ. ๒๕๖๖", "ผลการประเมินปี ๒๕๖๖", "คะแนนปี ๒๕๖๖",
             "ปีงบประมาณ ๒๕๖๖", "คะแนน ITA 2566", "ปี พ.ศ.\n๒๕๖๖", "ผลการประเมิน ITA\nปี 2566"]


def run(body: str) -> Extraction:
    return extract(parse_text((TITLE + body).encode("utf-8")), "test-doc")


def tsv(*rows: tuple[str, ...]) -> str:
    """Tab-separated rows; a line break inside a header cell is written as a space, as text
    exports of Word tables do."""
    return "".join("\t".join(c.replace("\n", " ") for c in r) + "\n" for r in rows)


def measures_table(measure: str = "มาตรการ", method: str = "วิธีการดำเนินการ",
                   responsible: str = "ผู้รับผิดชอบ", period: str = "ระยะเวลา",
                   result: str = "ผลการดำเนินงาน") -> str:
    """A report-stage measures table (the shape of the corpus' 002): two measures."""
    return tsv(
        ("ลำดับ", measure, method, period, responsible, result),
        ("1", "จัดทำคู่มือการปฏิบัติงาน", "ประชุมชี้แจงบุคลากร", "ไตรมาสที่ 2", "กองคลัง",
         "จัดประชุมแล้ว 2 ครั้ง"),
        ("2", "เปิดช่องทางร้องเรียนออนไลน์", "ประชาสัมพันธ์ทางเว็บไซต์", "ตลอดปีงบประมาณ",
         "สำนักปลัด", "มีผู้ร้องเรียน 3 เรื่อง"),
    )


def test_every_header_wording_of_the_domain_has_its_role() -> None:
    wordings = {"measure": MEASURE, "method": METHOD, "responsible": RESPONSIBLE,
                "period": PERIOD, "result": RESULT, "topic": TOPIC}
    wrong = {h: column_role(h) for role, hs in wordings.items() for h in hs
             if column_role(h) != ColumnRole(role)}
    assert wrong == {}
    assert {h: column_role(h) for h in YEAR_2566} == {
        h: ColumnRole("score_year", 2566) for h in YEAR_2566}


@pytest.mark.parametrize(("header", "role"), [
    ("ผลการดำเนินการ", "result"), ("ผลการประเมิน", "score"), ("ผลการประเมิน ITA", "score"),
    ("ค่าคะแนน", "score"), ("ประเด็นการประเมิน", "indicator"), ("หัวข้อการประเมิน", "indicator"),
    ("แนวทางในการยกระดับการประเมิน", "measure"), ("ผลลัพธ์หรือความสำเร็จ", "outcome"),
    ("ระดับผลการประเมิน", "grade"), ("ผลต่าง", "change"), ("เพิ่มขึ้น/ลดลง", "change"),
    ("จำนวนผู้ตอบแบบวัด", "respondents"), ("สถานะการดำเนินการ", "result"),
    ("ยังไม่ได้ดำเนินการ", "status_not_done"), ("ดำเนินการแล้ว", "status_done"),
    ("ที่", "seq"), ("ลำดับที่", "seq"), ("แบบวัด", "tool"), ("หมายเหตุ", "suggestion"),
])
def test_the_first_and_longest_keyword_decides_between_roles(header: str, role: str) -> None:
    assert column_role(header) == ColumnRole(role)


@pytest.mark.parametrize("cell", [
    "๑๐๐ คะแนน", "ตัวชี้วัดที่ ๑", "ต.ค. 2565 – ก.ย. 2566", "- จัดทำคู่มือการปฏิบัติงาน",
    "☑ ดำเนินการ ☐ ยังไม่ได้ดำเนินการ", "แผนยุทธศาสตร์หรือแผนพัฒนาหน่วยงาน",
])
def test_a_value_is_not_read_as_a_header(cell: str) -> None:
    assert column_role(cell) is None


@pytest.mark.parametrize("header", ["เกณฑ์คะแนน", "ช่วงคะแนน", "ค่าน้ำหนัก", "ค่าเป้าหมาย",
                                    "งบประมาณ (บาท)", "งบประมาณปี 2567", "คะแนน 2565-2566"])
def test_a_band_weight_target_budget_or_two_years_is_no_score_column(header: str) -> None:
    assert column_role(header) is None


@pytest.mark.parametrize("measure", MEASURE)
def test_measure_wordings_give_the_measure(measure: str) -> None:
    x = run(measures_table(measure=measure))
    assert [m["measure"] for m in x.measures] == ["จัดทำคู่มือการปฏิบัติงาน",
                                                  "เปิดช่องทางร้องเรียนออนไลน์"]


@pytest.mark.parametrize("method", METHOD)
def test_method_wordings_give_the_method(method: str) -> None:
    x = run(measures_table(method=method))
    assert [m["method"] for m in x.measures] == ["ประชุมชี้แจงบุคลากร", "ประชาสัมพันธ์ทางเว็บไซต์"]


@pytest.mark.parametrize("responsible", RESPONSIBLE)
def test_responsible_wordings_give_the_responsible_unit(responsible: str) -> None:
    x = run(measures_table(responsible=responsible))
    assert [m["responsible"] for m in x.measures] == [["กองคลัง"], ["สำนักปลัด"]]


@pytest.mark.parametrize("period", PERIOD)
def test_period_wordings_give_the_period(period: str) -> None:
    x = run(measures_table(period=period))
    assert [m["period_text"] for m in x.measures] == ["ไตรมาสที่ 2", "ตลอดปีงบประมาณ"]


@pytest.mark.parametrize("result", RESULT)
def test_result_wordings_give_the_result_and_the_report_stage(result: str) -> None:
    x = run(measures_table(result=result))
    assert [m["result"] for m in x.measures] == ["จัดประชุมแล้ว 2 ครั้ง", "มีผู้ร้องเรียน 3 เรื่อง"]
    assert {m["stage"] for m in x.measures} == {"report"}


@pytest.mark.parametrize("topic", TOPIC)
def test_topic_wordings_beside_a_measure_column_give_the_topic(topic: str) -> None:
    x = run(tsv(
        (topic, "มาตรการ/แนวทาง", "หน่วยงานผู้รับผิดชอบ", "ระยะเวลาแล้วเสร็จ"),
        ("การใช้ทรัพย์สินของราชการ", "จัดทำทะเบียนการยืมพัสดุ", "กองคลัง", "มีนาคม 2567"),
        ("การเปิดเผยข้อมูล", "ปรับปรุงเว็บไซต์", "สำนักปลัด", "ไตรมาสที่ 3"),
    ))
    assert [(m["topic"], m["measure"], m["responsible"], m["period_text"]) for m in x.measures] == [
        ("การใช้ทรัพย์สินของราชการ", "จัดทำทะเบียนการยืมพัสดุ", ["กองคลัง"], "มีนาคม 2567"),
        ("การเปิดเผยข้อมูล", "ปรับปรุงเว็บไซต์", ["สำนักปลัด"], "ไตรมาสที่ 3"),
    ]
    assert {m["stage"] for m in x.measures} == {"plan"}


@pytest.mark.parametrize("issue", ["ประเด็นที่ควรพัฒนา", "ประเด็นที่ต้องแก้ไข", "ข้อบกพร่อง/จุดอ่อน",
                                   "ประเด็น"])
def test_an_issue_column_with_no_measure_column_is_the_measure(issue: str) -> None:
    """The shape of the corpus' 004: the issue to improve is the measure, the indicator the
    topic, the scores beside them scores."""
    x = run(tsv(
        ("แบบ", "ตัวชี้วัด", "ผลการประเมิน", issue, "หน่วยงานผู้รับผิดชอบ", "ระยะเวลาดำเนินงาน"),
        ("IIT", "การใช้อำนาจ", "๙๙.๔๕", "- ผู้บริหารประกาศเจตจำนงสุจริต", "สำนักปลัด",
         "ต.ค. ๒๕๖๖ – ก.ย. ๒๕๖๗"),
        ("EIT", "ประสิทธิภาพการสื่อสาร", "๙๗.๕๑", "- จัดทำแบบประเมินความพึงพอใจ", "กองคลัง",
         "ต.ค. ๒๕๖๖ – ก.ย. ๒๕๖๗"),
    ))
    assert [(m["topic"], m["measure"], m["responsible"]) for m in x.measures] == [
        ("การใช้อำนาจ", "- ผู้บริหารประกาศเจตจำนงสุจริต", ["สำนักปลัด"]),
        ("ประสิทธิภาพการสื่อสาร", "- จัดทำแบบประเมินความพึงพอใจ", ["กองคลัง"]),
    ]
    assert [m["indicators"] for m in x.measures] == [["3"], ["7"]]
    assert {m["period_text"] for m in x.measures} == {"ต.ค. 2566 – ก.ย. 2567"}


def test_a_topic_with_only_a_result_beside_it_is_an_analysis_not_measures() -> None:
    x = run(tsv(
        ("ประเด็น", "คะแนนปี 2566", "ผลการวิเคราะห์"),
        ("การใช้ทรัพย์สินของราชการ", "84.10", "ได้คะแนนต่ำสุดในกลุ่ม IIT"),
    ))
    assert x.measures == []
    assert [(r["assessment_year"], r["code"], r["score"]) for r in x.scores] == [
        (2566, "4", 84.1)]


@pytest.mark.parametrize("year_2566", YEAR_2566)
def test_year_wordings_give_scores_of_that_year(year_2566: str) -> None:
    year_2565 = year_2566.replace("๖๖", "๖๕").replace("66", "65")
    x = run(tsv(
        ("ตัวชี้วัด", year_2565, year_2566),
        ("การปฏิบัติหน้าที่", "95.50", "97.25"),
        ("การใช้งบประมาณ", "88.10", "๙๐.๔๐"),
    ))
    got = {(r["assessment_year"], r["code"]): r["score"] for r in x.scores}
    assert got == {(2565, "1"): 95.5, (2566, "1"): 97.25, (2565, "2"): 88.1, (2566, "2"): 90.4}


def test_a_value_recurring_down_its_column_is_not_a_header() -> None:
    """A table with no header (an indicator list): its first row stays a row of data."""
    table = Table([
        Row([Cell("ตัวชี้วัดการใช้อำนาจ"), Cell("ได้คะแนนเฉลี่ย"), Cell("๙๙.๔๕ คะแนน")]),
        Row([Cell("ตัวชี้วัดการใช้งบประมาณ"), Cell("ได้คะแนนเฉลี่ย"), Cell("๑๐๐ คะแนน")]),
    ])
    assert view(table) is None


def unknown_columns(x: Extraction) -> list[tuple[str, str | None]]:
    return [(f.message, f.evidence) for f in x.findings if f.code == "UNKNOWN_COLUMN"]


def test_a_column_no_wording_names_in_a_measures_table_is_a_finding() -> None:
    x = run(tsv(
        ("ลำดับ", "มาตรการ", "งบประมาณ (บาท)", "ผู้รับผิดชอบ", "", "ตัวบ่งชี้ความสำเร็จ"),
        ("1", "อบรมคุณธรรมจริยธรรม", "20,000", "สำนักปลัด", "ก", ""),
        ("2", "จัดทำคู่มือป้องกันผลประโยชน์ทับซ้อน", "5,000", "กองคลัง", "ข", ""),
    ))
    assert [m["measure"] for m in x.measures] == ["อบรมคุณธรรมจริยธรรม",
                                                  "จัดทำคู่มือป้องกันผลประโยชน์ทับซ้อน"]
    # neither the column without a header nor the one whose cells are all empty is flagged
    [(message, evidence)] = unknown_columns(x)
    assert evidence == "งบประมาณ (บาท)"
    assert "Column 3" in message and "'งบประมาณ (บาท)'" in message
    assert "its 2 filled cells are not in the output" in message
    assert {f.severity for f in x.findings if f.code == "UNKNOWN_COLUMN"} == {"warning"}


def test_unknown_columns_of_score_and_o_item_tables_are_findings() -> None:
    x = run(
        tsv(("ตัวชี้วัด", "ปี 2566", "ข้อสังเกตของผู้ประเมิน"),
            ("การปฏิบัติหน้าที่", "97.25", "ควรเผยแพร่คู่มือ")) + "\n"
        + tsv(("ข้อ", "ข้อมูล", "ลิงก์", "ผลการดำเนินการ"),
              ("O1", "โครงสร้าง", "www.nongbua.go.th/o1", "ดำเนินการ"))
    )
    assert [e for _, e in unknown_columns(x)] == ["ข้อสังเกตของผู้ประเมิน", "ลิงก์"]
    assert x.scores[0]["score"] == 97.25 and x.o_items[0]["code"] == "O1"


def test_a_score_table_label_column_without_a_role_is_read_not_flagged() -> None:
    x = run(tsv(("ด้าน", "คะแนน ITA 2566", "ระดับ"), ("การปฏิบัติหน้าที่", "97.25", "AA")))
    assert [(r["code"], r["score"]) for r in x.scores] == [("1", 97.25)]
    assert unknown_columns(x) == []


def test_a_fully_known_table_gives_no_unknown_column_finding() -> None:
    assert unknown_columns(run(measures_table())) == []


@pytest.mark.parametrize(("header", "role"), [
    ("ตัวชีวัด", "indicator"),  # OCR of a bold header drops ้
    ("ผูรับผิดชอบ", "responsible"),
    ("หนวยงานรับผิดชอบ", "responsible"),
    ("ประเด็นทีต้องพัฒนา", "topic"),
    ("หมายเหต", "suggestion"),  # and a lower vowel
    ("ผลการดําเนินงาน", "result"),
])
def test_a_header_missing_its_marks_keeps_its_role(header: str, role: str) -> None:
    found = column_role(header)
    assert found is not None and found.role == role


def test_a_header_repeated_per_page_as_ocr_reads_it_is_a_header_copy() -> None:
    """Each page's copy of the header read a little differently (a scan): the copies are left
    out of the rows and do not make the header's cells look like values."""
    def row(*texts: str) -> Row:
        return Row([Cell(t) for t in texts])

    header = ("หัวข้อ", "มาตรการ/โครงการ/กิจกรรม", "ผู้รับผิดชอบ", "ระยะเวลา", "ผลการดำเนินงาน")
    table = Table([
        row(*header),
        row("1. การปฏิบัติงาน", "จัดทำคู่มือ", "สำนักปลัด", "ต.ค. 67 - ก.ย. 68", "เผยแพร่แล้ว"),
        row("หัวข้อawYY", "มาตรการ/โครง", "ผู้รับผิดขอบ", "ระยะเวลา", "ผลการดำเนินง"),
        row(*header),
        row("2. การให้บริการ", "ประชาสัมพันธ์", "กองคลัง", "ต.ค. 67 - ก.ย. 68", "ดำเนินการแล้ว"),
    ])
    tv = view(table)
    assert tv is not None
    assert {r.role for r in tv.roles.values()} == {
        "topic", "measure", "responsible", "period", "result"}
    assert [r.cells[1].text for r in tv.rows] == ["จัดทำคู่มือ", "ประชาสัมพันธ์"]
