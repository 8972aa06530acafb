"""An indicator is found by its title, also when the title lost its Thai marks (OCR)."""

from __future__ import annotations

import pytest

from normalise.text import without_marks
from pipeline.ita.framework import framework


@pytest.mark.parametrize(("name", "code"), [
    ("การปฏิบัติหน้าที่", "1"),
    ("การปฏิบัติหน้าที", "1"),  # OCR dropped ่
    ("การใช้อ านาจ", "3"),  # ำ lost its ring (read as า), a space in the word
    ("การใช้อำนาด", None),  # another letter, not only a mark: not guessed
    ("การปรับปรุงการท้างาน", "8"),  # OCR read ำ as ้า
    ("การปรับปรุงการทำงาน", "8"),
])
def test_an_indicator_by_its_title(name: str, code: str | None) -> None:
    found = framework().indicator_by_name(name)
    assert (found.code if found else None) == code


def test_without_marks_keeps_the_letters() -> None:
    assert without_marks("ตัวชี้วัดที่ ๑ การดำเนินงาน") == "ตวชวดท ๑ การดาเนนงาน"
