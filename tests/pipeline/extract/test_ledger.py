"""The ledger of table rows (issue 15): every row is read, known not to be data, or named in an
UNREAD_ROWS finding, and `documents.unread_rows` counts the last."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest

from parsers import parse_bytes
from parsers.model import Cell, Document, Paragraph, Row, Table
from parsers.text import parse_text
from pipeline.extract.document import Extraction, extract
from pipeline.extract.ledger import NOT_DATA, READ_INTO
from pipeline.extract.text_repair import repair_document
from pipeline.ita.findings import CODES, WARNING, Finding
from pipeline.run.one_file import Converted, Input, convert_file
from tests.support.paths import FIXTURES, ROOT

FIXTURE_FILES = sorted(p for fmt in ("txt", "docx", "pdf") for p in (FIXTURES / fmt).iterdir())
EXPECTED_UNREAD_FINDINGS = {path.name: 0 for path in FIXTURE_FILES}
"""UNREAD_ROWS findings per fixture: every row of their tables is placed or known non-data."""
TITLE = "รายงานผลการดำเนินการ องค์การบริหารส่วนตำบลหนองบัว ประจำปีงบประมาณ พ.ศ. 2567\n\n"
_TABLE_NO = re.compile(r"^Table (\d+) has")
_ROW_NO = re.compile(r"(?:^|; )row (\d+): ")


@cache
def _read(path: Path) -> tuple[Document, Extraction]:
    document = parse_bytes(path.read_bytes())
    repair_document(document)
    return document, extract(document, path.name)


@cache
def _converted(path: Path) -> Converted:
    return convert_file(Input(path, path.name))


def _named(findings: list[Finding]) -> set[tuple[int, int]]:
    """(table, row) of every row an UNREAD_ROWS finding names."""
    named = set()
    for f in findings:
        if f.code == "UNREAD_ROWS":
            match = _TABLE_NO.match(f.message)
            assert match and f.evidence, f
            named |= {(int(match.group(1)), int(n)) for n in _ROW_NO.findall(f.evidence)}
    return named


def _fates(x: Extraction) -> dict[tuple[int, int], frozenset[str]]:
    return {(ref.table, ref.row): x.ledger.fates(ref.source) for ref in x.ledger.rows()}


@pytest.mark.parametrize("path", FIXTURE_FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_row_of_a_fixture_has_exactly_one_fate(path: Path) -> None:
    document, x = _read(path)
    assert len(x.ledger.rows()) == sum(len(t.rows) for t in document.tables())
    assert x.ledger.clashes() == []
    unread = {(ref.table, ref.row) for ref in x.ledger.unread()}
    for key, fates in _fates(x).items():
        read, reasons = fates & set(READ_INTO), fates & set(NOT_DATA)
        assert fates == read | reasons, key
        assert (key in unread) == (not fates), key
        assert not (read and reasons) and len(reasons) <= 1, key


@pytest.mark.parametrize("path", FIXTURE_FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_unread_rows_of_a_fixture_are_counted_and_named(path: Path) -> None:
    _, x = _read(path)
    unread = {(ref.table, ref.row) for ref in x.ledger.unread()}
    assert _named(x.findings) == unread
    assert x.unread_rows == len(unread)
    out = _converted(path)
    assert out.document["unread_rows"] == x.unread_rows
    found = [f for f in out.tables["findings"] if f["code"] == "UNREAD_ROWS"]
    assert len(found) == EXPECTED_UNREAD_FINDINGS[path.name]


GARBLED = (
    "มาตรการ\tผู้รับผิดชอบ\tระยะเวลา\n"
    "จัดทำคู่มือการปฏิบัติงาน\tสำนักปลัด\tต.ค. 66 - ก.ย. 67\n"
    "เผยแพร่ข้อมูลข่าวสารทางเว็บไซต์\tกองคลัง\tตลอดปีงบประมาณ\n"
    # a TIS-620 copy read as Latin-1, shifted past the header's three columns
    "\t\t\tÁÒµÃ¡ÒÃà¼Âá¾Ãè\tÊÓ¹Ñ¡»ÅÑ´\n"
    "\t\t\t\tµ.¤. 66 - ¡.Â. 67\n"
)


def test_garbled_rows_of_a_measures_table_are_named_in_a_finding() -> None:
    x = extract(parse_text((TITLE + GARBLED).encode("utf-8")), "garbled")
    assert [m["measure"] for m in x.measures] == [
        "จัดทำคู่มือการปฏิบัติงาน", "เผยแพร่ข้อมูลข่าวสารทางเว็บไซต์",
    ]
    assert x.unread_rows == 2
    assert [f for f in x.findings if f.code == "UNREAD_ROWS"] == [Finding(
        WARNING, "UNREAD_ROWS",
        "Table 1 has 2 rows (4, 5) that no extractor could read and that are not known to be "
        "anything but data; they are not in the output.",
        None, "row 4: ÁÒµÃ¡ÒÃà¼Âá¾Ãè | ÊÓ¹Ñ¡»ÅÑ´; row 5: µ.¤. 66 - ¡.Â. 67",
    )]
    assert _fates(x) == {(1, 1): {"header"}, (1, 2): {"measures"}, (1, 3): {"measures"},
                         (1, 4): set(), (1, 5): set()}


def test_bands_weights_a_recipe_and_a_lone_header_are_not_data() -> None:
    x = extract(parse_text((
        TITLE + "ผลการประเมิน ITA ประจำปี พ.ศ. 2566\n\n"
        "คะแนน\tระดับ\n95.00 – 100\tAA\n85.00 - 94.99\tA\n\n"
        "เครื่องมือ\tค่าน้ำหนัก\tคะแนน\nIIT\tร้อยละ 30\t\nOIT\t40%\t\n\n"
        "วัตถุดิบ\tปริมาณ\nแป้งสาลี\t200 กรัม\nน้ำตาลทราย\t2 ช้อนโต๊ะ\n\n"
        "มาตรการ\tผู้รับผิดชอบ\tระยะเวลา\n\nรายละเอียดอยู่หน้าถัดไป\n"
    ).encode("utf-8")), "non-data")
    assert x.scores == [] and x.unread_rows == 0
    assert _fates(x) == {
        (1, 1): {"header"}, (1, 2): {"grading bands"}, (1, 3): {"grading bands"},
        (2, 1): {"header"}, (2, 2): {"weights"}, (2, 3): {"weights"},
        (3, 1): {"not an ITA table"}, (3, 2): {"not an ITA table"},
        (3, 3): {"not an ITA table"},
        (4, 1): {"header"},
    }


def _row(*texts: str) -> Row:
    return Row([Cell(t) for t in texts])


def test_a_page_number_and_a_repeated_header_in_a_table_are_not_data() -> None:
    header = ("มาตรการ", "ผู้รับผิดชอบ", "ระยะเวลา")
    table = Table([_row(*header), _row("จัดทำคู่มือการปฏิบัติงาน", "สำนักปลัด", "ไตรมาสที่ 1"),
                   _row("- ๔ -", "", ""), _row(*header), _row("", "", ""),
                   _row("เผยแพร่ข้อมูลข่าวสาร", "กองคลัง", "ไตรมาสที่ 2")])
    x = extract(Document("txt", [Paragraph(TITLE), table]), "breaks")
    assert [m["measure"] for m in x.measures] == ["จัดทำคู่มือการปฏิบัติงาน", "เผยแพร่ข้อมูลข่าวสาร"]
    assert _fates(x) == {(1, 1): {"header"}, (1, 2): {"measures"}, (1, 3): {"page number"},
                         (1, 4): {"repeated header"}, (1, 5): {"blank"}, (1, 6): {"measures"}}


def test_a_failed_file_has_no_unread_rows_count(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    out = convert_file(Input(empty, empty.name))
    assert out.document["status"] == "failed" and out.document["unread_rows"] is None


def test_unread_rows_is_a_registered_warning_listed_in_the_readme() -> None:
    assert CODES["UNREAD_ROWS"].severities == {WARNING}
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    item = readme[readme.index("Contradictions become `findings` with stable codes"):]
    assert "`UNREAD_ROWS`" in item[:item.index("\n- ")]
