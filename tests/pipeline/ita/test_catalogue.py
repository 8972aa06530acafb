"""O-item catalogues: the bundled years (as ../shared/spec/DOMAIN.md and report 002 give them),
a user's own file, and the findings when a report's code and title disagree."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from pipeline.cli import main
from pipeline.ita.catalogue import (
    Catalogue,
    CatalogueError,
    Item,
    catalogues,
    check_item,
    read_catalogue_file,
    similarity,
)
from tests.support.paths import FIXTURES


def _ranges(catalogue: Catalogue) -> dict[str, tuple[str, str]]:
    out: dict[str, list[str]] = {}
    for item in catalogue.items:
        out.setdefault(item.subindicator, []).append(item.code)
    return {sub: (codes[0], codes[-1]) for sub, codes in out.items()}


def test_the_bundled_years() -> None:
    known = catalogues()
    assert sorted(known) == [2564, 2566, 2568]
    # DOMAIN.md: 2564 9.1 O1-O9, 9.2 O10-O17, 9.3 O18-O24, 9.4 O25-O28, 9.5 O29-O33,
    # 10.1 O34-O41, 10.2 O42-O43
    assert _ranges(known[2564]) == {
        "9.1": ("O1", "O9"), "9.2": ("O10", "O17"), "9.3": ("O18", "O24"),
        "9.4": ("O25", "O28"), "9.5": ("O29", "O33"), "10.1": ("O34", "O41"),
        "10.2": ("O42", "O43")}
    # DOMAIN.md: 2566 9.1 O1-O10, 9.2 O11-O18, 9.3 O19-O22, 9.4 O23-O26, 9.5 O27-O30,
    # 10.1 O31-O38, 10.2 O39-O43
    assert _ranges(known[2566]) == {
        "9.1": ("O1", "O10"), "9.2": ("O11", "O18"), "9.3": ("O19", "O22"),
        "9.4": ("O23", "O26"), "9.5": ("O27", "O30"), "10.1": ("O31", "O38"),
        "10.2": ("O39", "O43")}
    assert len(known[2564].items) == len(known[2566].items) == 43
    assert known[2564].item("O17").title == "E-Service"
    assert known[2564].item("O24").title == "รายงานผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุประจำปี"
    assert known[2566].item("O10").title == "นโยบายคุ้มครองข้อมูลส่วนบุคคล"
    assert known[2566].item("O33").title == "รายงานผลตามนโยบาย No Gift Policy"
    assert known[2568].complete is False
    assert [(i.code, i.title) for i in known[2568].items] == [
        ("O13", "รายงานผลการจัดซื้อจัดจ้างประจำปี"), ("O21", "No Gift Policy")]


def test_report_002_confirms_every_2566_code(tmp_path: Path) -> None:
    """Its 43 titles (typing slips included) match the catalogue: no catalogue finding."""
    out = tmp_path / "out"
    main(["convert", str(FIXTURES / "docx" / "002_49dc0f6618795a8f.docx"), "--out", str(out),
          "--quiet"])
    items = pq.read_table(out / "o_items.parquet").to_pylist()
    assert len(items) == 43 and all(i["catalogue_title"] for i in items)
    o33 = next(i for i in items if i["code"] == "O33")
    assert o33["title"] == "รายงานผลตานโยบาย No Gift Policy"
    codes = {f["code"] for f in pq.read_table(out / "findings.parquet").to_pylist()}
    assert not codes & {"ITEM_CODE_MISMATCH", "ITEM_TITLE_MISMATCH", "ITEM_NOT_IN_CATALOGUE"}


@pytest.mark.parametrize(("written", "catalogued"), [
    ("คู่มือหรือมาตรฐาน การให้บริการ", "คู่มือหรือมาตรฐานการให้บริการ"),
    ("E – Service", "E-Service"),
    ("Q & A", "Q&A"),
    ("รายงานผลตานโยบาย No Gift Policy", "รายงานผลตามนโยบาย No Gift Policy"),
    ("คู่มือมาตรฐานการปฏิบัติงาน", "คู่มือหรือมาตรฐานการปฏิบัติงาน"),
    ("โครงสร้าง (แผนผังแสดงโครงสร้างการแบ่งส่วนราชการ)", "โครงสร้าง"),
])
def test_titles_match_loosely(written: str, catalogued: str) -> None:
    assert similarity(written, catalogued) >= 85


def test_different_items_do_not_match() -> None:
    assert similarity("แผนดำเนินงานประจำปี", "รายงานผลการดำเนินงานประจำปี") < 85
    assert similarity("ข้อมูลผู้บริหาร", "ข้อมูลการติดต่อ") < 85


def _row(code: str, title: str | None) -> dict[str, object]:
    return {"code": code, "title": title, "page": 3, "catalogue_title": None}


def test_a_code_with_another_items_title_is_a_warning() -> None:
    row = _row("O12", "รายงานผลการดำเนินงานประจำปี")  # O13's title in 2566
    finding = check_item(row, catalogues()[2566])
    assert finding is not None and finding.code == "ITEM_CODE_MISMATCH"
    assert finding.severity == "warning" and "O13" in finding.message
    assert row["code"] == "O12"  # kept as printed
    assert row["catalogue_title"] == ("รายงานการกำกับติดตามการดำเนินงานและการใช้จ่ายงบประมาณ"
                                      "ประจำปีรอบ 6 เดือน")


def test_a_title_that_matches_nothing_is_information() -> None:
    finding = check_item(_row("O5", "สวัสดิการพนักงานจ้าง"), catalogues()[2566])
    assert finding is not None and (finding.severity, finding.code) == (
        "info", "ITEM_TITLE_MISMATCH")
    assert check_item(_row("O5", "ข้อมูลการติดต่อ"), catalogues()[2566]) is None
    assert check_item(_row("O5", None), catalogues()[2566]) is None


def test_a_code_outside_a_complete_catalogue() -> None:
    short = Catalogue(2566, (Item("O1", "9.1", "โครงสร้าง"),), complete=True, source="test")
    finding = check_item(_row("O2", "ข้อมูลผู้บริหาร"), short)
    assert finding is not None and finding.code == "ITEM_NOT_IN_CATALOGUE"
    partial = Catalogue(2568, short.items, complete=False, source="test")
    assert check_item(_row("O2", "ข้อมูลผู้บริหาร"), partial) is None


def test_a_users_csv_catalogue_in_convert(tmp_path: Path) -> None:
    """A year with no bundled catalogue (2567), given as a CSV a clerk can write in Excel."""
    catalogue = tmp_path / "2567.csv"
    catalogue.write_text("assessment_year,code,subindicator,title\n"
                         "2567,O1,9.1,โครงสร้าง\n2567,O2,9.1,ข้อมูลผู้บริหาร\n", "utf-8-sig")
    report = tmp_path / "in" / "report.txt"
    report.parent.mkdir()
    report.write_text(
        "รายงาน องค์การบริหารส่วนตำบลหนองบัว ประจำปีงบประมาณ พ.ศ. 2567\n"
        "ผลการประเมิน ITA ประจำปี พ.ศ. 2567\n\n"
        "ข้อ\tรายการ\tผลการดำเนินการ\n"
        "O1\tข้อมูลผู้บริหาร\tดำเนินการแล้ว\n"
        "O2\tข้อมูลผู้บริหาร\tดำเนินการแล้ว\n", "utf-8")
    out = tmp_path / "out"
    assert main(["convert", str(report.parent), "--out", str(out), "--catalogue",
                 str(catalogue), "--quiet"]) == 0
    items = pq.read_table(out / "o_items.parquet").to_pylist()
    assert [(i["code"], i["assessment_year"], i["catalogue_title"]) for i in items] == [
        ("O1", 2567, "โครงสร้าง"), ("O2", 2567, "ข้อมูลผู้บริหาร")]
    findings = pq.read_table(out / "findings.parquet").to_pylist()
    assert [f["code"] for f in findings] == ["ITEM_CODE_MISMATCH"]


def test_a_users_json_catalogue_replaces_its_year(tmp_path: Path) -> None:
    path = tmp_path / "mine.json"
    path.write_text(json.dumps({"assessment_year": 2566, "items": [
        {"code": "O1", "subindicator": "9.1", "title": "โครงสร้าง"}]}, ensure_ascii=False))
    known = catalogues(path)
    assert len(known[2566].items) == 1 and len(known[2564].items) == 43


@pytest.mark.parametrize(("content", "message"), [
    ("assessment_year,code,title\n2566,O1,x\n", "no column subindicator"),
    ("assessment_year,code,subindicator,title\n2566,X1,9.1,x\n", "line 2: 'X1' is not an item"),
    ("assessment_year,code,subindicator,title\n66,O1,9.1,x\n", "line 2: assessment year '66'"),
    ("assessment_year,code,subindicator,title\n2566,O1,9.1,x\n2566,O1,9.1,y\n",
     "O1 listed twice for 2566"),
])
def test_a_bad_catalogue_file_says_where(tmp_path: Path, content: str, message: str,
                                         capsys: pytest.CaptureFixture) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(content, "utf-8")
    with pytest.raises(CatalogueError, match=message):
        read_catalogue_file(path)
    assert main(["convert", str(FIXTURES / "txt"), "--out", str(tmp_path / "out"),
                 "--catalogue", str(path), "--quiet"]) == 2
    assert message in capsys.readouterr().err
