"""Measure groups (DOMAIN.md "Measures tables: cells merged down"): within the rows of one
measure a blank responsible or period cell means "as above", a blank result or suggestion
means nothing was written; `inherited` names every field filled from the row above, whether
a converter left the cell blank or Word merged it down."""

from __future__ import annotations

from datetime import date

from parsers import parse_bytes
from parsers.model import Cell, Document, Paragraph, Row, Table
from parsers.text import parse_text
from pipeline.extract.document import Extraction, extract
from tests.support.docx_build import make_docx, p, tbl, tc, tr

TITLE = "รายงานผลการดำเนินการตามมาตรการ เทศบาลตำบลหนองบัว ประจำปีงบประมาณ พ.ศ. 2567"
RESTART, CONTINUE = "<w:vMerge w:val='restart'/>", "<w:vMerge/>"

PLAN = (
    "มาตรการ\tวิธีการดำเนินการ\tผู้รับผิดชอบ\tระยะเวลา\tผลการดำเนินงาน\tหมายเหตุ\n"
    "มาตรการป้องกันผลประโยชน์ทับซ้อน\tจัดทำคู่มือ\tสำนักปลัด\tต.ค. 66 - ธ.ค. 66\tจัดทำแล้ว\t-\n"
    "\tอบรมบุคลากร\t\t\tอบรมแล้ว 1 ครั้ง\t\n"
    "\tประเมินผลการอบรม\tกองคลัง\t\t\tรอผลประเมิน\n"
    "มาตรการเปิดเผยข้อมูล\tปรับปรุงเว็บไซต์\t\t\tปรับปรุงแล้ว\t\n"
    "\tประชาสัมพันธ์ทางไลน์\t\tไตรมาสที่ 3\t\t\n"
)
"""Two measures of a text export: the first over three rows, the second over two."""


def run_text(body: str) -> Extraction:
    return extract(parse_text(f"{TITLE}\n\n{body}".encode()), "test-doc")


def fields(x: Extraction, *names: str) -> list[tuple[object, ...]]:
    return [tuple(m[n] for n in names) for m in x.measures]


def test_blank_cells_take_the_value_above_within_one_measure_only() -> None:
    x = run_text(PLAN)
    first, second = "มาตรการป้องกันผลประโยชน์ทับซ้อน", "มาตรการเปิดเผยข้อมูล"
    assert fields(x, "measure", "method", "responsible", "period_text") == [
        (first, "จัดทำคู่มือ", ["สำนักปลัด"], "ต.ค. 66 - ธ.ค. 66"),
        (first, "อบรมบุคลากร", ["สำนักปลัด"], "ต.ค. 66 - ธ.ค. 66"),
        (first, "ประเมินผลการอบรม", ["กองคลัง"], "ต.ค. 66 - ธ.ค. 66"),
        (second, "ปรับปรุงเว็บไซต์", [], None),  # never from the measure above
        (second, "ประชาสัมพันธ์ทางไลน์", [], "ไตรมาสที่ 3"),
    ]
    assert [m["inherited"] for m in x.measures] == [
        [], ["measure", "responsible", "period_text"], ["measure", "period_text"], [],
        ["measure"],
    ]


def test_blank_result_and_suggestion_cells_stay_blank() -> None:
    x = run_text(PLAN)
    assert fields(x, "result", "suggestion") == [
        ("จัดทำแล้ว", "-"), ("อบรมแล้ว 1 ครั้ง", None), (None, "รอผลประเมิน"),
        ("ปรับปรุงแล้ว", None), (None, None),
    ]


def test_an_inherited_period_is_resolved_like_its_own() -> None:
    x = run_text(PLAN)  # ต.ค. 66 - ธ.ค. 66: October to December 2566 BE, 2023 CE
    assert fields(x, "period_start", "period_end")[:3] == [
        (date(2023, 10, 1), date(2023, 12, 31))] * 3


def test_a_blank_topic_is_inherited_but_starts_no_measure_group() -> None:
    x = run_text(
        "หัวข้อ\tมาตรการ\tผู้รับผิดชอบ\tระยะเวลา\n"
        "การใช้อำนาจ\tมอบหมายงานเป็นลายลักษณ์อักษร\tสำนักปลัด\tตลอดปีงบประมาณ\n"
        "\tเปิดเผยเกณฑ์การประเมินผลงาน\t\t\n"
    )
    assert fields(x, "topic", "measure", "responsible", "period_text", "inherited") == [
        ("การใช้อำนาจ", "มอบหมายงานเป็นลายลักษณ์อักษร", ["สำนักปลัด"], "ตลอดปีงบประมาณ", []),
        ("การใช้อำนาจ", "เปิดเผยเกณฑ์การประเมินผลงาน", [], None, ["topic"]),
    ]


def _word_report(*rows: str) -> Document:
    body = p(TITLE) + tbl(
        tr(*(tc(p(h)) for h in ("มาตรการ", "วิธีการดำเนินการ", "ผู้รับผิดชอบ", "ระยะเวลา",
                                "ผลการดำเนินงาน"))),
        *rows,
    )
    return parse_bytes(make_docx(body))


def test_cells_word_merged_down_are_listed_as_inherited() -> None:
    """One measure whose measure, method (two rows), responsible (two rows) and period (all
    rows) cells Word merged down; the third row's responsible cell is blank."""
    document = _word_report(
        tr(tc(p("มาตรการส่งเสริมการใช้ทรัพย์สินของราชการ"), props=RESTART),
           tc(p("จัดทำแนวปฏิบัติการยืมพัสดุ"), props=RESTART),
           tc(p("กองคลัง"), props=RESTART), tc(p("ตลอดปีงบประมาณ"), props=RESTART),
           tc(p("ประกาศแนวปฏิบัติแล้ว"))),
        tr(tc(props=CONTINUE), tc(props=CONTINUE), tc(props=CONTINUE), tc(props=CONTINUE),
           tc(p("แจ้งเวียนทุกกองแล้ว"))),
        tr(tc(props=CONTINUE), tc(p("ตรวจสอบทะเบียนพัสดุ")), tc(), tc(props=CONTINUE), tc()),
    )
    x = extract(document, "word-doc")
    measure = "มาตรการส่งเสริมการใช้ทรัพย์สินของราชการ"
    assert fields(x, "measure", "method", "responsible", "period_text", "result") == [
        (measure, "จัดทำแนวปฏิบัติการยืมพัสดุ", ["กองคลัง"], "ตลอดปีงบประมาณ",
         "ประกาศแนวปฏิบัติแล้ว"),
        (measure, None, ["กองคลัง"], "ตลอดปีงบประมาณ", "แจ้งเวียนทุกกองแล้ว"),
        (measure, "ตรวจสอบทะเบียนพัสดุ", ["กองคลัง"], "ตลอดปีงบประมาณ", None),
    ]
    assert [m["inherited"] for m in x.measures] == [
        [], ["measure", "responsible", "period_text"], ["measure", "responsible", "period_text"],
    ]


def test_a_row_holding_only_cells_merged_from_above_is_no_measure() -> None:
    header = Row([Cell("มาตรการ"), Cell("ผู้รับผิดชอบ"), Cell("ผลการดำเนินงาน")])
    table = Table([
        header,
        Row([Cell("อบรมคุณธรรม"), Cell("สำนักปลัด"), Cell("อบรมแล้ว")]),
        Row([Cell("", merged_from_above=True), Cell("", merged_from_above=True), Cell("")]),
        Row([Cell("เผยแพร่คู่มือ"), Cell("กองคลัง"), Cell("")]),
    ])
    x = extract(Document("docx", [Paragraph(TITLE), table]), "d")
    assert fields(x, "measure", "responsible", "inherited") == [
        ("อบรมคุณธรรม", ["สำนักปลัด"], []), ("เผยแพร่คู่มือ", ["กองคลัง"], []),
    ]
    assert [f.code for f in x.findings if f.code == "UNREAD_ROWS"] == []
