"""Web pages through the pipeline: each corpus report shown as its organisation's site shows it
(fixtures/html/, made by fixtures/html_builder.py) gives the rows its text export gives, and a
page's check boxes decide its O-items' status."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from fixtures.html_builder import render
from fixtures.make_fixtures import HTML_CHARSETS
from parsers.html_charset import declared_charset
from parsers.text import parse_text
from pipeline import Converted, convert_file
from tests.metamorphic.compare import Tables, difference, tables_of
from tests.support.paths import CORPUS, FIXTURES

STEMS = sorted(p.stem for p in (FIXTURES / "txt").glob("*.txt"))
DOCUMENT_COLUMNS = ("status", "error", "org_id", "org_name", "org_type", "district", "province",
                    "fiscal_year", "assessment_year", "repairs", "unread_rows")
"""What the web page and the text say alike of the document (not its format or pages)."""


def web_page(stem: str) -> Path:
    return FIXTURES / "html" / f"{stem}.html"


@cache
def tables(kind: str, stem: str) -> Tables:
    path = web_page(stem) if kind == "html" else FIXTURES / "txt" / f"{stem}.txt"
    return tables_of(path, f"{stem}.report")


@cache
def converted(path: Path) -> Converted:
    return convert_file(path, path.name)


def test_every_report_has_a_web_page() -> None:
    assert STEMS and all(web_page(s).exists() for s in STEMS)


@pytest.mark.parametrize("stem", STEMS)
def test_the_web_page_gives_the_rows_of_the_text(stem: str) -> None:
    assert difference(tables("txt", stem), tables("html", stem)) == ""
    assert tables("html", stem).status == "ok"


@pytest.mark.parametrize("stem", STEMS)
def test_the_web_page_says_what_the_text_says_of_the_document(stem: str) -> None:
    text = converted(FIXTURES / "txt" / f"{stem}.txt").document
    page = converted(web_page(stem)).document
    assert (page["source_format"], page["page_count"]) == ("html", None)
    assert {c: page[c] for c in DOCUMENT_COLUMNS} == {c: text[c] for c in DOCUMENT_COLUMNS}


def test_the_pages_are_in_the_charsets_the_fixtures_choose() -> None:
    declared = {stem[:3]: declared_charset(web_page(stem).read_bytes()) for stem in STEMS}
    assert declared == {"000": "utf-8", "002": "utf-8", "004": "cp874"}
    assert b'<meta http-equiv="Content-Type" content="text/html; charset=utf-8">' in (
        web_page(next(s for s in STEMS if s.startswith("002"))).read_bytes())
    assert "ลำน้ำพอง".encode("cp874") in web_page(
        next(s for s in STEMS if s.startswith("004"))).read_bytes()


@pytest.mark.parametrize("stem", STEMS)
def test_the_committed_page_is_what_the_builder_makes(stem: str) -> None:
    charset, meta_charset = HTML_CHARSETS.get(stem[:3], ("utf-8", True))
    built = render(parse_text((CORPUS / f"{stem}.txt").read_bytes()), charset, meta_charset)
    assert web_page(stem).read_bytes() == built


OIT_PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>OIT</title></head><body>
<nav><a href="#">O1 โครงสร้าง</a></nav>
<main><article>
<h1>รายงานความก้าวหน้าการเปิดเผยข้อมูลสาธารณะ (OIT) ประจำปีงบประมาณ พ.ศ. 2567<br>
องค์การบริหารส่วนตำบลหนองตัวอย่าง อำเภอด่านขุนทด จังหวัดนครราชสีมา</h1>
<table border="1"><thead>
<tr><th colspan="4">ตัวชี้วัดย่อยที่ 9.1 ข้อมูลพื้นฐาน</th></tr>
<tr><th>ข้อ</th><th>ข้อมูล</th><th>ผู้รับผิดชอบ</th><th>ความก้าวหน้าผลการดำเนินการ</th></tr>
</thead><tbody>
<tr><td>O1</td><td>โครงสร้าง</td><td>สำนักปลัด</td><td><input type="checkbox" disabled>
ยังไม่ได้ดำเนินการ<br><input type="checkbox" checked disabled> ดำเนินการ</td></tr>
<tr><td>O2</td><td>ข้อมูลผู้บริหาร</td><td>สำนักปลัด</td><td><input type="checkbox" checked
disabled> ยังไม่ได้ดำเนินการ<br><input type="checkbox" disabled> ดำเนินการ</td></tr>
<tr><td>O3</td><td>อำนาจหน้าที่</td><td>กองคลัง</td><td>ยังไม่ได้ดำเนินการ<br>ดำเนินการ</td></tr>
</tbody></table></article></main></body></html>"""


def test_check_boxes_on_a_page_decide_its_o_items(tmp_path: Path) -> None:
    path = tmp_path / "oit.html"
    path.write_text(OIT_PAGE, encoding="utf-8")
    out = convert_file(path, path.name)
    assert [(r["code"], r["subindicator"], r["title"], r["responsible"], r["status"])
            for r in out.tables["o_items"]] == [
        ("O1", "9.1", "โครงสร้าง", ["สำนักปลัด"], "done"),
        ("O2", "9.1", "ข้อมูลผู้บริหาร", ["สำนักปลัด"], "not_done"),
        ("O3", "9.1", "อำนาจหน้าที่", ["กองคลัง"], "unknown"),
    ]
    assert {r["assessment_year"] for r in out.tables["o_items"]} == {2567}
    assert (out.document["org_name"], out.document["province"]) == (
        "องค์การบริหารส่วนตำบลหนองตัวอย่าง", "นครราชสีมา")
