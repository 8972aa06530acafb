"""pipeline.extract.section_headings: sub-indicator headings, in any digits."""

from __future__ import annotations

from pipeline.extract.section_headings import last_subindicator, split_glued_heading


def test_the_sub_indicator_is_given_in_arabic_digits_however_written() -> None:
    # as report 002 heads its O-item groups (ตัวชี้วัดย่อยที่ 9.3  การจัดซื้อจัดจ้าง)
    assert last_subindicator("ตัวชี้วัดย่อยที่ ๙.๓ การจัดซื้อจัดจ้าง") == "9.3"
    assert last_subindicator("ตัวชี้วัดย่อยที่ 9.3 การจัดซื้อจัดจ้าง") == "9.3"
    assert last_subindicator("ไม่มีหัวข้อ") is None


def test_a_heading_glued_onto_a_cell_is_split_off() -> None:
    cell = "รายงานผลการดำเนินงาน\nตัวชี้วัดย่อยที่ ๙.๔ การบริหารและพัฒนาทรัพยากรบุคคล"
    own, heading = split_glued_heading(cell)
    assert own == "รายงานผลการดำเนินงาน"
    assert last_subindicator(heading) == "9.4"
