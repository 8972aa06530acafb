"""O-items listed as lines outside progress tables (DOMAIN.md "O-items outside progress
tables"). Every report here is written for the test; codes, titles and statuses are read off
the Thai lines by hand."""

from __future__ import annotations

import pytest

from normalise.codes import leading_item_code
from parsers.model import Document, Paragraph
from parsers.text import parse_text
from pipeline.extract.document import Extraction, extract
from pipeline.extract.item_status import read_line_status
from pipeline.ita.catalogue import apply_catalogues, catalogues

TITLE_2566 = ("ประกาศองค์การบริหารส่วนตำบลหนองบัว เรื่อง การเปิดเผยข้อมูลสาธารณะ "
              "ประจำปีงบประมาณ พ.ศ. 2566\n\n")
NO_YEAR_TITLE = "การเปิดเผยข้อมูลสาธารณะ องค์การบริหารส่วนตำบลหนองบัว\n\n"


def run(body: str, title: str = TITLE_2566) -> Extraction:
    return extract(parse_text((title + body).encode("utf-8")), "test-doc")


def items(x: Extraction) -> list[tuple[int, str, str | None, str]]:
    return [(i["assessment_year"], i["code"], i["title"], i["status"]) for i in x.o_items]


def codes(x: Extraction) -> list[str]:
    return [f.code for f in x.findings]


@pytest.mark.parametrize(("line", "code", "title", "status"), [
    ("O1 โครงสร้าง", "O1", "โครงสร้าง", "unknown"),
    ("o1 โครงสร้าง", "O1", "โครงสร้าง", "unknown"),
    ("O1โครงสร้าง", "O1", "โครงสร้าง", "unknown"),
    ("OIT1 โครงสร้าง", "O1", "โครงสร้าง", "unknown"),
    ("o 5 ข้อมูลการติดต่อ", "O5", "ข้อมูลการติดต่อ", "unknown"),
    ("O39 : ประมวลจริยธรรมสำหรับเจ้าหน้าที่ของรัฐ", "O39",
     "ประมวลจริยธรรมสำหรับเจ้าหน้าที่ของรัฐ", "unknown"),
    ("☑ O2 ข้อมูลผู้บริหาร", "O2", "ข้อมูลผู้บริหาร", "done"),
    ("☐ O3 อำนาจหน้าที่", "O3", "อำนาจหน้าที่", "not_done"),
    ("O7 ข่าวประชาสัมพันธ์ ☑ ดำเนินการ ☐ ยังไม่ได้ดำเนินการ", "O7", "ข่าวประชาสัมพันธ์", "done"),
    ("O14 คู่มือมาตรฐานการปฏิบัติงาน ยังไม่ได้ดำเนินการ", "O14", "คู่มือมาตรฐานการปฏิบัติงาน",
     "not_done"),
    ("O43 การดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน", "O43",
     "การดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน", "unknown"),
    ("02 ข้อมูลผู้บริหาร", "O2", "ข้อมูลผู้บริหาร", "unknown"),
    ("010 นโยบายคุ้มครองข้อมูลส่วนบุคคล", "O10", "นโยบายคุ้มครองข้อมูลส่วนบุคคล", "unknown"),
    ("0๓1 ประกาศเจตนารมณ์นโยบาย No Gift Policy จากการปฏิบัติหน้าที่", "O31",
     "ประกาศเจตนารมณ์นโยบาย No Gift Policy จากการปฏิบัติหน้าที่", "unknown"),
    ("- O22 รายงานผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุประจำปี", "O22",
     "รายงานผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุประจำปี", "unknown"),
    ("O8 Q&A", "O8", "Q&A", "unknown"),  # a Latin title the 2566 catalogue gives O8
    ("09Social Network", "O9", "Social Network", "unknown"),
])
def test_each_shape_of_an_item_line(line: str, code: str, title: str, status: str) -> None:
    x = run(line + "\n")
    assert items(x) == [(2566, code, title, status)]
    assert "NOT_ITA_REPORT" not in codes(x)


def test_one_code_and_title_per_line() -> None:
    x = run("ตัวชี้วัดย่อยที่ 9.1 ข้อมูลพื้นฐาน\n"
            "O1 โครงสร้าง\n"
            "O2 ข้อมูลผู้บริหาร\n"
            "O3 อำนาจหน้าที่\n"
            "ตัวชี้วัดย่อยที่ 9.2 การบริหารงาน\n"
            "O11 แผนดำเนินงานและการใช้จ่ายงบประมาณประจำปี\n")
    got = [(i["code"], i["subindicator"], i["title"]) for i in x.o_items]
    assert got == [
        ("O1", "9.1", "โครงสร้าง"), ("O2", "9.1", "ข้อมูลผู้บริหาร"),
        ("O3", "9.1", "อำนาจหน้าที่"),
        ("O11", "9.2", "แผนดำเนินงานและการใช้จ่ายงบประมาณประจำปี"),
    ]


OIT_PAGE = ("ตัวชี้วัดย่อยที่ 10.1 การดำเนินการเพื่อป้องกันการทุจริต\n\n"
            "O39 ประมวลจริยธรรมสำหรับเจ้าหน้าที่ของรัฐ\n\n"
            "O40 การขับเคลื่อนจริยธรรม\n\n"
            "O41 การประเมินจริยธรรมของเจ้าหน้าที่ของรัฐ\n")


def test_a_page_that_only_lists_o39_to_o41_is_an_ita_document() -> None:
    x = run(OIT_PAGE)
    assert items(x) == [
        (2566, "O39", "ประมวลจริยธรรมสำหรับเจ้าหน้าที่ของรัฐ", "unknown"),
        (2566, "O40", "การขับเคลื่อนจริยธรรม", "unknown"),
        (2566, "O41", "การประเมินจริยธรรมของเจ้าหน้าที่ของรัฐ", "unknown"),
    ]
    assert {i["subindicator"] for i in x.o_items} == {"10.1"}
    assert "NOT_ITA_REPORT" not in codes(x)


def test_items_of_a_page_with_no_year_are_a_finding_not_rows() -> None:
    x = run(OIT_PAGE, title=NO_YEAR_TITLE)
    assert x.o_items == []
    assert "NOT_ITA_REPORT" not in codes(x)
    [finding] = [f for f in x.findings if f.code == "ITEMS_WITHOUT_YEAR"]
    assert "O39, O40, O41" in finding.message
    assert finding.evidence == ("O39 ประมวลจริยธรรมสำหรับเจ้าหน้าที่ของรัฐ; "
                                "O40 การขับเคลื่อนจริยธรรม; "
                                "O41 การประเมินจริยธรรมของเจ้าหน้าที่ของรัฐ")


def test_an_item_table_with_no_year_is_a_finding_and_its_rows_are_placed() -> None:
    x = run("ข้อ\tข้อมูล\tผู้รับผิดชอบ\n"
            "O1\tโครงสร้าง\tสำนักปลัด\n"
            "O2\tข้อมูลผู้บริหาร\tสำนักปลัด\n", title=NO_YEAR_TITLE)
    assert x.o_items == []
    [finding] = [f for f in x.findings if f.code == "ITEMS_WITHOUT_YEAR"]
    assert "(O1, O2)" in finding.message
    assert "UNREAD_ROWS" not in codes(x) and "NOT_ITA_REPORT" not in codes(x)


def test_code_on_one_line_and_title_on_the_next() -> None:
    x = run("O39 :\n"
            "ประมวลจริยธรรมสำหรับเจ้าหน้าที่ของรัฐ\n"
            "05\n"
            "ข้อมูลการติดต่อ\n"
            "O40\n"
            "การขับเคลื่อนจริยธรรม\n"
            "☑ ดำเนินการ ☐ ยังไม่ได้ดำเนินการ\n")
    assert items(x) == [
        (2566, "O39", "ประมวลจริยธรรมสำหรับเจ้าหน้าที่ของรัฐ", "unknown"),
        (2566, "O5", "ข้อมูลการติดต่อ", "unknown"),
        (2566, "O40", "การขับเคลื่อนจริยธรรม", "done"),
    ]


def test_lines_run_on_across_paragraphs_as_word_writes_them() -> None:
    lines = ["รายงานการเปิดเผยข้อมูล ประจำปีงบประมาณ พ.ศ. 2566", "O23",
             "นโยบายการบริหารทรัพยากรบุคคล", "☐ O24", "การดำเนินการตามนโยบายการบริหารทรัพยากรบุคคล",
             "หน้า 3", "025 หลักเกณฑ์การบริหารและการพัฒนาบุคลากร"]
    document = Document("docx", [Paragraph(text, page=2) for text in lines])
    x = extract(document, "test-doc")
    assert items(x) == [
        (2566, "O23", "นโยบายการบริหารทรัพยากรบุคคล", "unknown"),
        (2566, "O24", "การดำเนินการตามนโยบายการบริหารทรัพยากรบุคคล", "not_done"),
        # typed with a zero and titled unlike the catalogue, but in a list of items that a
        # page number does not interrupt
        (2566, "O25", "หลักเกณฑ์การบริหารและการพัฒนาบุคลากร", "unknown"),
    ]
    assert {i["page"] for i in x.o_items} == {2}


def test_zero_typed_codes_in_a_list_of_items() -> None:
    x = run("01 โครงสร้าง\n02 ข้อมูลผู้บริหาร\n03 หน้าที่และอำนาจของหน่วยงาน\n")
    assert [i["code"] for i in x.o_items] == ["O1", "O2", "O3"]
    assert x.o_items[2]["title"] == "หน้าที่และอำนาจของหน่วยงาน"
    # alone, a zero-typed code whose title is not the catalogue's may be any number
    assert run("03 หน้าที่และอำนาจของหน่วยงาน\n").o_items == []


def test_rows_of_a_table_with_no_item_header() -> None:
    x = run("O1\tโครงสร้าง\t☑ ดำเนินการ ☐ ยังไม่ได้ดำเนินการ\n"
            "02\tข้อมูลผู้บริหาร\t☐ ดำเนินการ ☑ ยังไม่ได้ดำเนินการ\n"
            "O3 อำนาจหน้าที่\t\n")
    assert items(x) == [
        (2566, "O1", "โครงสร้าง", "done"),
        (2566, "O2", "ข้อมูลผู้บริหาร", "not_done"),
        (2566, "O3", "อำนาจหน้าที่", "unknown"),
    ]
    assert "UNREAD_ROWS" not in codes(x)


def test_an_item_in_a_table_and_in_a_line_is_one_row_the_tables() -> None:
    x = run("ข้อ\tข้อมูล\tผู้รับผิดชอบ\tผลการดำเนินการ\n"
            "O1\tโครงสร้าง\tสำนักปลัด\tยังไม่ได้ดำเนินการ ดำเนินการ\n"
            "O2\tข้อมูลผู้บริหาร\tสำนักปลัด\t☑ ดำเนินการ ☐ ยังไม่ได้ดำเนินการ\n\n"
            "สรุป\n"
            "☑ O1 โครงสร้างองค์กร\n"
            "O2 ข้อมูลผู้บริหาร\n"
            "O3 อำนาจหน้าที่\n")
    got = [(i["code"], i["title"], i["responsible"], i["status"]) for i in x.o_items]
    assert got == [
        ("O1", "โครงสร้าง", ["สำนักปลัด"], "unknown"),
        ("O2", "ข้อมูลผู้บริหาร", ["สำนักปลัด"], "done"),
        ("O3", "อำนาจหน้าที่", [], "unknown"),
    ]
    # the line's tick on O1 is not lost: the table said nothing
    [conflict] = [f for f in x.findings if f.code == "ITEM_STATUS_CONFLICT"]
    assert conflict.message.startswith("O1 is listed more than once: with no status")
    assert conflict.evidence == "☑ O1 โครงสร้างองค์กร"


def test_a_line_item_takes_its_catalogue_title_as_the_batch_checks_it() -> None:
    x = run("O1 โครงสร้างองค์กร\n")
    batch = {"o_items": x.o_items, "findings": []}
    apply_catalogues(batch, catalogues())
    assert x.o_items[0]["catalogue_title"] == "โครงสร้าง"


@pytest.mark.parametrize("body", [
    "01/10/2566 ประชุมประจำเดือน\n",
    "โทร 02-123-4567\n",
    "02-123-4567\n",
    "02 123 4567\n",
    "0812345678 ติดต่อเจ้าหน้าที่\n",
    "09.00 น. ลงทะเบียน\n",
    "01 ตุลาคม 2566 ประชุมคณะกรรมการ\n05 ต.ค. 66 ส่งรายงาน\n",
    "งบประมาณ 050,000 บาท\n050,000 บาท\n1.05 ล้านบาท\n",
    "01 นายสมชาย ใจดี\n02 นางสมศรี ใจงาม\n",  # a list numbered with zeros, not items
    "O2 levels in the blood\n",
    "O2levels rose\n",
    "05A ห้องประชุม\n",
    "O13 100 คะแนน\n",
    "ตามตัวชี้วัด O13 รายงานสรุปผลการจัดซื้อจัดจ้าง มีคะแนน 100 คะแนน\n",
    "OIT การเปิดเผยข้อมูล\n",
])
def test_numbers_dates_and_phone_numbers_are_not_items(body: str) -> None:
    assert run(body).o_items == []
    assert "ITEMS_WITHOUT_YEAR" not in codes(run(body, title=NO_YEAR_TITLE))


def test_a_page_of_numbers_without_items_is_still_not_an_ita_report() -> None:
    x = run("โทร 02-123-4567\n01/10/2566\n02 123 4567\n", title="ร้านอาหารบ้านสวน\n\n")
    assert codes(x) == ["NOT_ITA_REPORT"]


@pytest.mark.parametrize(("line", "code", "rest", "zero"), [
    ("O1 โครงสร้าง", "O1", "โครงสร้าง", False),
    ("OIT12 x", "O12", "x", False),
    ("0๓1 ประกาศ", "O31", "ประกาศ", True),
    ("1. 02 ข้อมูล", "O2", "ข้อมูล", True),
    ("O39 :", "O39", "", False),
])
def test_leading_item_code(line: str, code: str, rest: str, zero: bool) -> None:
    assert tuple(leading_item_code(line)) == (code, rest, zero)


@pytest.mark.parametrize("line", ["01/10/2566", "02-123-4567", "0812345678", "09.00 น.",
                                  "1.05 ล้าน", "12.05 น.", "0.5", "O1.1 ย่อย", "OIT 9 x",
                                  "On 12 May", "O100"])
def test_no_leading_item_code(line: str) -> None:
    assert leading_item_code(line) is None


@pytest.mark.parametrize(("line", "status", "rest"), [
    ("☑ O2 ข้อมูลผู้บริหาร", "done", "O2 ข้อมูลผู้บริหาร"),
    ("☐ O3 อำนาจหน้าที่", "not_done", "O3 อำนาจหน้าที่"),
    ("O1 โครงสร้าง ดำเนินการแล้ว", "done", "O1 โครงสร้าง"),
    ("O5 ข้อมูล ยังไม่ได้ดำเนินการ ดำเนินการ", "unknown", "O5 ข้อมูล"),
    ("O43 การดำเนินการ", None, "O43 การดำเนินการ"),  # part of a word, not a label
    ("O1 โครงสร้าง", None, "O1 โครงสร้าง"),
])
def test_read_line_status(line: str, status: str | None, rest: str) -> None:
    assert read_line_status(line) == (status, rest)
