"""`ita audit`: a small archive of five organisations made from report 002, with items removed
and ticked not done on purpose, audited into CSV, XLSX and HTML and checked cell by cell.

What each organisation's files say (the expected matrix follows from how they are made):
- พันชนะ: the Word fixture of 002 (O7, O21, O40 ticked not done, every other item done) and
  its text version (the same fiscal year, no ticks: unknown); the Word file's ticks win.
- หนองบัว: 002 renamed, O5 and O18 removed, only O1 ticked not done.
- โคกสูง (จังหวัดขอนแก่น): 002 renamed, O27-O30 removed, O7, O21, O40 ticked not done.
- ดอนแก้ว: the text of 002 renamed: every item listed, none says done or not.
- เทศบาลตำบลป่าไม้ (ขอนแก่น): an ITA 2566 report that lists no items: all 43 missing.
The reports of 000 (ITA 2567) and 004 (ITA 2565) join the archive; those years have no
catalogue and no report lists items for them, so they add no rows.
"""

from __future__ import annotations

import copy
import csv
import errno
import os
import shutil
from pathlib import Path

import openpyxl
import pytest
import xlsxwriter

from fixtures.docx_builder import render
from normalise.codes import parse_item_code
from parsers.model import Document, Paragraph, Table
from parsers.text import parse_text
from pipeline.audit.matrix import STATE_COLOURS, STATE_LABELS
from pipeline.audit.states import NotAudited, audit, not_audited
from pipeline.audit.xlsx import SUMMARY_SHEET, sheet_name
from pipeline.cli import main
from pipeline.ita.catalogue import Catalogue, Item
from tests.support.paths import ROOT

FIXTURES = ROOT / "fixtures"
REPORT = "002_49dc0f6618795a8f"
ITEMS = [f"O{n}" for n in range(1, 44)]
SCREENSHOTS = ROOT / "out" / "test"
CHROMIUM = Path("/usr/bin/chromium")

PANCHANA = "sao:พันชนะ:นครราชสีมา"
NONGBUA = "sao:หนองบัว:นครราชสีมา"
KHOKSUNG = "sao:โคกสูง:ขอนแก่น"
DONKAEO = "sao:ดอนแก้ว:นครราชสีมา"
PAMAI = "subdistrict_municipality:ป่าไม้:ขอนแก่น"


def _states(not_done: tuple[str, ...] = (), missing: tuple[str, ...] = (),
            rest: str = "done") -> dict[str, str]:
    return {c: "missing" if c in missing else "not_done" if c in not_done else rest
            for c in ITEMS}


EXPECTED = {
    PANCHANA: _states(not_done=("O7", "O21", "O40")),
    NONGBUA: _states(not_done=("O1",), missing=("O5", "O18")),
    KHOKSUNG: _states(not_done=("O7", "O21", "O40"), missing=("O27", "O28", "O29", "O30")),
    DONKAEO: _states(rest="unknown"),
    PAMAI: _states(rest="missing"),
}
NAMES = {
    PANCHANA: "องค์การบริหารส่วนตำบลพันชนะ", NONGBUA: "องค์การบริหารส่วนตำบลหนองบัว",
    KHOKSUNG: "องค์การบริหารส่วนตำบลโคกสูง", DONKAEO: "องค์การบริหารส่วนตำบลดอนแก้ว",
    PAMAI: "เทศบาลตำบลป่าไม้",
}


def _edited(document: Document, replace: dict[str, str], drop: set[str]) -> Document:
    """The document with names replaced and the O-item rows of `drop` removed."""
    out = copy.deepcopy(document)
    for block in out.blocks:
        if isinstance(block, Paragraph):
            for old, new in replace.items():
                block.text = block.text.replace(old, new)
        elif isinstance(block, Table):
            block.rows = [r for r in block.rows
                          if not r.cells or parse_item_code(r.cells[0].text) not in drop]
            for row in block.rows:
                for cell in row.cells:
                    for old, new in replace.items():
                        cell.text = cell.text.replace(old, new)
    return out


def build_archive(folder: Path) -> None:
    folder.mkdir(parents=True)
    text = (FIXTURES / "txt" / f"{REPORT}.txt").read_bytes()
    document = parse_text(text)
    shutil.copy(FIXTURES / "docx" / f"{REPORT}.docx", folder / "panchana.docx")
    shutil.copy(FIXTURES / "txt" / f"{REPORT}.txt", folder / "panchana.txt")
    nongbua = _edited(document, {"พันชนะ": "หนองบัว"}, {"O5", "O18"})
    assert sum(len(b.rows) for b in nongbua.blocks if isinstance(b, Table)) \
        == sum(len(b.rows) for b in document.blocks if isinstance(b, Table)) - 2
    (folder / "nongbua.docx").write_bytes(render(nongbua, "หนองบัว", not_done_items=("O1",)))
    khoksung = _edited(document, {"พันชนะ": "โคกสูง", "นครราชสีมา": "ขอนแก่น"},
                       {"O27", "O28", "O29", "O30"})
    (folder / "khoksung.docx").write_bytes(render(khoksung, "โคกสูง"))
    (folder / "donkaeo.txt").write_bytes(text.decode("utf-8").replace(
        "พันชนะ", "ดอนแก้ว").encode("utf-8"))
    (folder / "pamai.txt").write_text(
        "รายงานผลการประเมิน เทศบาลตำบลป่าไม้ อำเภอเมืองขอนแก่น จังหวัดขอนแก่น "
        "ประจำปีงบประมาณ พ.ศ. 2566\n\n"
        "ผลการประเมิน ITA ประจำปี พ.ศ. 2566 คะแนนภาพรวม 80.25 คะแนน\n", "utf-8")
    for other in ("000_53b2c979bfb4d4db", "004_20768b841998a7f2"):
        shutil.copy(FIXTURES / "docx" / f"{other}.docx", folder / f"{other}.docx")


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("audit")
    build_archive(root / "archive")
    assert main(["convert", str(root / "archive"), "--out", str(root / "converted"),
                 "--quiet"]) == 0
    out = {}
    for suffix in ("csv", "xlsx", "html"):
        out[suffix] = root / f"audit.{suffix}"
        assert main(["audit", str(root / "converted"), "--out", str(out[suffix])]) == 0
    return out


def test_the_csv_matrix_cell_by_cell(reports: dict[str, Path]) -> None:
    with reports["csv"].open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert {r["assessment_year"] for r in rows} == {"2566"}
    got: dict[str, dict[str, str]] = {}
    for r in rows:
        got.setdefault(r["org_id"], {})[r["code"]] = r["state"]
    assert got == EXPECTED
    panchana = {r["code"]: r for r in rows if r["org_id"] == PANCHANA}
    assert panchana["O7"]["source_path"] == "panchana.docx"  # the ticked file wins
    assert panchana["O10"]["catalogue_title"] == "นโยบายคุ้มครองข้อมูลส่วนบุคคล"
    assert {r["org_name"] for r in rows if r["org_id"] == PAMAI} == {NAMES[PAMAI]}
    missing = [r for r in rows if r["state"] == "missing"]
    assert all(r["doc_id"] == "" and r["source_path"] == "" for r in missing)
    assert {r["listed_by"] for r in rows} == {"catalogue"}


def test_the_xlsx_matrix_cell_by_cell(reports: dict[str, Path]) -> None:
    book = openpyxl.load_workbook(reports["xlsx"])
    assert book.sheetnames == [SUMMARY_SHEET, sheet_name(2566)]
    sheet = book[sheet_name(2566)]
    assert sheet.freeze_panes == "D3"
    codes = [c.value for c in sheet[1]][3:]
    assert codes == ITEMS
    assert sheet.cell(2, 4 + ITEMS.index("O10")).value == "นโยบายคุ้มครองข้อมูลส่วนบุคคล"
    state_of = {label: state for state, label in STATE_LABELS.items()}
    by_name = {NAMES[org]: org for org in EXPECTED}
    got = {}
    for row in sheet.iter_rows(min_row=3):
        org = by_name[row[0].value]
        got[org] = {code: state_of[cell.value] for code, cell in zip(codes, row[3:], strict=True)}
        for cell in row[3:]:
            fill, _ = STATE_COLOURS[state_of[cell.value]]
            assert cell.fill.fgColor.rgb == "FF" + fill.lstrip("#")
    assert got == EXPECTED
    assert [r[2].value for r in sheet.iter_rows(min_row=3)] == [
        "ขอนแก่น", "ขอนแก่น", "นครราชสีมา", "นครราชสีมา", "นครราชสีมา"]


def test_the_xlsx_summary_counts(reports: dict[str, Path]) -> None:
    sheet = openpyxl.load_workbook(reports["xlsx"])[SUMMARY_SHEET]
    rows = [[c.value for c in r] for r in sheet.iter_rows()]
    per_org = {r[1]: r[3:8] for r in rows if r[0] == 2566 and r[1] in NAMES.values()}
    assert per_org[NAMES[PANCHANA]] == [40, 3, 0, 0, 43]
    assert per_org[NAMES[NONGBUA]] == [40, 1, 0, 2, 43]
    assert per_org[NAMES[KHOKSUNG]] == [36, 3, 0, 4, 43]
    assert per_org[NAMES[DONKAEO]] == [0, 0, 43, 0, 43]
    assert per_org[NAMES[PAMAI]] == [0, 0, 0, 43, 43]
    per_item = {r[1]: r[3:8] for r in rows if r[0] == 2566 and r[1] in ITEMS}
    assert per_item["O7"] == [1, 2, 1, 1, 5]  # done: หนองบัว; not done: พันชนะ, โคกสูง
    assert per_item["O18"] == [2, 0, 1, 2, 5]  # missing: หนองบัว, ป่าไม้
    assert per_item["O2"] == [3, 0, 1, 1, 5]


def _browser_cells(page) -> dict[str, dict[str, str]]:  # noqa: ANN001 (a Playwright page)
    rows = page.eval_on_selector_all(
        "#matrix tbody tr", "rows => rows.map(r => [r.dataset.org, "
        "[...r.querySelectorAll('td.cell')].map(td => [td.dataset.code, td.dataset.state])])")
    return {org: dict(cells) for org, cells in rows}


@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium (.ci/run installs it)")
def test_the_html_page_in_a_real_browser(reports: dict[str, Path]) -> None:
    from playwright.sync_api import sync_playwright

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    errors: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=[
            "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync"])
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 800})
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.on("request", lambda r: errors.append(f"network: {r.url}")
                    if not r.url.startswith(("file:", "data:")) else None)
            page.goto(reports["html"].as_uri())
            assert _browser_cells(page) == EXPECTED
            page.screenshot(path=str(SCREENSHOTS / "audit-html.png"), full_page=True)

            page.select_option("#province", "ขอนแก่น")
            assert set(_browser_cells(page)) == {KHOKSUNG, PAMAI}
            page.select_option("#type", "subdistrict_municipality")
            assert set(_browser_cells(page)) == {PAMAI}
            page.select_option("#province", "")
            page.select_option("#type", "")
            page.fill("#search", "หนองบัว")
            assert set(_browser_cells(page)) == {NONGBUA}
            page.fill("#search", "")

            page.click("th[data-key=missing]")  # fewest missing or not done first (0, 3, 3,
            # 7, 43), a tie by name: พันชนะ before หนองบัว
            assert list(_browser_cells(page)) == [DONKAEO, PANCHANA, NONGBUA, KHOKSUNG, PAMAI]
            page.click("th[data-key=missing]")
            assert list(_browser_cells(page))[0] == PAMAI
            footer = page.eval_on_selector_all(
                "#matrix tfoot td[data-code]",
                "tds => tds.map(t => [t.dataset.code, t.textContent])")
            assert dict(footer)["O7"] == "3" and dict(footer)["O2"] == "1"

            phone = browser.new_page(viewport={"width": 390, "height": 844}, is_mobile=True)
            phone.goto(reports["html"].as_uri())
            assert phone.evaluate("document.documentElement.scrollWidth") <= 390
            phone.screenshot(path=str(SCREENSHOTS / "audit-html-phone.png"))
        finally:
            browser.close()
    assert errors == []


def test_a_year_without_a_catalogue_takes_the_items_its_reports_list() -> None:
    documents = [
        {"doc_id": d, "source_path": f"{d}.txt", "status": "ok", "org_id": org,
         "org_name": org, "org_type": "sao", "province": None, "fiscal_year": fiscal,
         "assessment_year": 2567}
        for d, org, fiscal in (("a", "sao:ก", 2567), ("b", "sao:ข", 2567), ("c", "sao:ก", 2568))]
    items = [
        {"doc_id": "a", "assessment_year": 2567, "code": "O2", "subindicator": "9.1",
         "title": "ข้อมูลผู้บริหาร", "status": "done"},
        {"doc_id": "b", "assessment_year": 2567, "code": "O1", "subindicator": "9.1",
         "title": "โครงสร้าง", "status": "not_done"},
        {"doc_id": "c", "assessment_year": 2567, "code": "O2", "subindicator": "9.1",
         "title": "ข้อมูลผู้บริหาร", "status": "not_done"},  # a later report: it wins
    ]
    rows = audit(documents, items, {})
    assert [(r["org_id"], r["code"], r["state"], r["doc_id"], r["listed_by"]) for r in rows] == [
        ("sao:ก", "O1", "missing", None, "documents"),
        ("sao:ก", "O2", "not_done", "c", "documents"),
        ("sao:ข", "O1", "not_done", "b", "documents"),
        ("sao:ข", "O2", "missing", None, "documents"),
    ]
    assert rows[0]["catalogue_title"] == "โครงสร้าง"


def test_an_incomplete_catalogue_is_completed_by_the_reports() -> None:
    catalogue = Catalogue(2568, (Item("O13", None, "รายงานผลการจัดซื้อจัดจ้างประจำปี"),),
                          complete=False, source="test")
    documents = [{"doc_id": "a", "source_path": "a.txt", "status": "ok", "org_id": "sao:ก",
                  "org_name": "ก", "org_type": "sao", "province": None, "fiscal_year": 2568,
                  "assessment_year": 2568}]
    items = [{"doc_id": "a", "assessment_year": 2568, "code": "O21", "subindicator": None,
              "title": "No Gift Policy", "status": "done"}]
    rows = audit(documents, items, {2568: catalogue})
    assert [(r["code"], r["state"], r["listed_by"]) for r in rows] == [
        ("O13", "missing", "catalogue"), ("O21", "done", "documents")]


def test_audit_a_database(reports: dict[str, Path], db_url: str, tmp_path: Path) -> None:
    converted = reports["csv"].parent / "converted"
    assert main(["load", str(converted), "--db", db_url]) == 0
    out = tmp_path / "from-db.csv"
    assert main(["audit", "--db", db_url, "--out", str(out)]) == 0
    assert out.read_bytes() == reports["csv"].read_bytes()


def test_usage_errors(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    assert main(["audit", str(tmp_path), "--out", str(tmp_path / "a.pdf")]) == 2
    assert main(["audit", str(tmp_path), "--out", str(tmp_path / "a.csv")]) == 2
    assert main(["audit", "--out", str(tmp_path / "a.csv")]) == 2
    assert main(["audit", "--db", f"duckdb:///{tmp_path / 'none.duckdb'}",
                 "--out", str(tmp_path / "a.csv")]) == 2
    err = capsys.readouterr().err
    assert ".csv, .xlsx, .html" in err and "not a folder written by ita convert" in err
    assert "either a converted DIR or --db URL" in err and "no DuckDB database" in err
    assert not (tmp_path / "none.duckdb").exists()
    assert os.listdir(tmp_path) == []


NOT_AUDITED = ("not audited: 2 organisation-year(s) with no O-item catalogue for their ITA year "
               "and no O-items in their reports: 2565 (1), 2567 (1); give one with --catalogue")
"""000 (ทองเอน) analyses ITA 2567 and 004 (ลำน้ำพอง) ITA 2565: no catalogue, no items listed."""


def test_organisation_years_with_nothing_to_audit_are_said(
        reports: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    converted = reports["csv"].parent / "converted"
    assert main(["audit", str(converted), "--out", str(tmp_path / "audit.csv")]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("audited 5 organisation(s) in 1 ITA year(s) (2566)")
    assert out[1] == NOT_AUDITED
    years = "ITA 2565 (1 องค์กร), ITA 2567 (1 องค์กร)"
    summary = openpyxl.load_workbook(reports["xlsx"])[SUMMARY_SHEET]
    assert years in summary.cell(3, 1).value
    page = reports["html"].read_text("utf-8")
    footer = page[page.index('<footer class="status" id="not-audited">'):]
    assert years in footer[:footer.index("</footer>")]


def test_documents_naming_no_organisation_or_year_are_counted(
        tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    archive = tmp_path / "archive"
    archive.mkdir()
    (archive / "memo.txt").write_text(  # a meeting memo: no organisation, no year
        "บันทึกข้อความ เรื่อง การประชุมประจำเดือน\n\nมีผู้เข้าร่วมประชุม 12 คน\n", "utf-8")
    (archive / "plan.txt").write_text(  # an organisation and a fiscal year, but no ITA year
        "รายงาน องค์การบริหารส่วนตำบลหนองบัว ประจำปีงบประมาณ พ.ศ. 2567\n\n"
        "มาตรการ\tผลการดำเนินงาน\tผู้รับผิดชอบ\nจัดอบรม\tดำเนินการแล้ว\tกองคลัง\n", "utf-8")
    assert main(["convert", str(archive), "--out", str(tmp_path / "out"), "--quiet"]) == 0
    report = tmp_path / "audit.html"
    assert main(["audit", str(tmp_path / "out"), "--out", str(report)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("audited 0 organisation(s) in 0 ITA year(s) (none)")
    assert out[1] == "2 document(s) name no organisation or ITA year and were not audited"
    assert "ไม่ได้ตรวจ: เอกสาร 2 ฉบับ" in report.read_text("utf-8")


def test_not_audited_counts_what_has_no_rows() -> None:
    def doc(doc_id: str, org: str | None, year: int | None, status: str = "ok") -> dict:
        return {"doc_id": doc_id, "source_path": f"{doc_id}.txt", "status": status,
                "org_id": org, "org_name": org, "org_type": "sao", "province": None,
                "fiscal_year": 2568, "assessment_year": year}

    documents = [
        doc("a", "sao:ก", 2566),  # 2566 has a catalogue: audited
        doc("b", "sao:ก", 2567),  # no catalogue for 2567, no items listed for it
        doc("c", "sao:ข", 2567),
        doc("d", "sao:ข", None),  # no ITA year, but lists items of 2569: audited by them
        doc("e", "sao:ค", None),  # no ITA year and no items
        doc("f", None, 2566),  # no organisation
        doc("g", None, None, status="failed"),  # failed: reported by convert, not counted
    ]
    items = [{"doc_id": "d", "assessment_year": 2569, "code": "O1", "subindicator": None,
              "title": "โครงสร้าง", "status": "done"}]
    catalogue = Catalogue(2566, (Item("O1", "9.1", "โครงสร้าง"),), complete=True, source="test")
    rows = audit(documents, items, {2566: catalogue})
    assert {(r["org_id"], r["assessment_year"]) for r in rows} == {("sao:ก", 2566),
                                                                    ("sao:ข", 2569)}
    assert not_audited(documents, items, rows) == NotAudited({2567: 2}, 2)


def test_the_report_folder_is_made_or_its_problem_said(
        reports: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    converted = reports["csv"].parent / "converted"
    made = tmp_path / "new" / "deeper" / "audit.xlsx"
    assert main(["audit", str(converted), "--out", str(made)]) == 0
    assert openpyxl.load_workbook(made).sheetnames == [SUMMARY_SHEET, sheet_name(2566)]
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    for out in (blocker / "audit.xlsx", blocker / "sub" / "audit.csv"):
        assert main(["audit", str(converted), "--out", str(out)]) == 2
        assert capsys.readouterr().err == (
            f"ita audit: Cannot write the report {out}: {blocker} is a file, not a folder.\n")
    folder = tmp_path / "taken.csv"
    folder.mkdir()
    assert main(["audit", str(converted), "--out", str(folder)]) == 2
    assert f"{folder} is a folder, not a file" in capsys.readouterr().err
    assert blocker.read_text() == "not a folder" and os.listdir(folder) == []


def test_a_full_disk_is_a_sentence(reports: dict[str, Path], tmp_path: Path,
                                   monkeypatch: pytest.MonkeyPatch,
                                   capsys: pytest.CaptureFixture) -> None:
    def full(*_: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(xlsxwriter.Workbook, "_store_workbook", full)
    out = tmp_path / "audit.xlsx"
    assert main(["audit", str(reports["csv"].parent / "converted"), "--out", str(out)]) == 2
    assert capsys.readouterr().err == (
        f"ita audit: Cannot write the report {out}: no space left on device.\n")
    assert os.listdir(tmp_path) == []
