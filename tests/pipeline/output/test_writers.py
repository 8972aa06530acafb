"""pipeline.output.writers: the tables as Parquet and CSV, each file written atomically."""

from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from pipeline.output.dataset import DatasetWriter
from pipeline.output.schema import TABLES, Row, arrow_schema
from pipeline.output.writers import FORMATS, write_csv

DOC_ID = "5f" * 32
ORG_ID = "sao:ทองเอน"

SAMPLE_ROWS: dict[str, Row] = {
    "documents": {
        "doc_id": DOC_ID, "source_path": "อำเภอ/รายงาน ITA.txt", "source_format": "txt",
        "page_count": 12, "status": "ok", "error": None, "org_id": ORG_ID,
        "org_name": "องค์การบริหารส่วนตำบลทองเอน", "org_type": "sao", "district": "อินทร์บุรี",
        "province": "สิงห์บุรี", "fiscal_year": 2568, "assessment_year": 2567,
        "parser_version": "0.1.0", "repairs": 2, "unread_rows": 0, "ocr_pages": None,
    },
    "scores": {
        "doc_id": DOC_ID, "org_id": ORG_ID, "assessment_year": 2565, "scope": "indicator",
        "tool": "IIT", "code": "3", "name": "การใช้อำนาจ", "score": 99.45, "grade": None,
        "respondents": 50, "source": "table", "page": 2, "evidence": "การใช้อำนาจ 99.45",
        "read_by": "ocr", "confidence": 0.97,
    },
    "measures": {
        "doc_id": DOC_ID, "org_id": ORG_ID, "fiscal_year": 2566, "stage": "plan", "seq": 1,
        "topic": "การใช้ทรัพย์สินของราชการ", "measure": "จัดทำคู่มือการยืมทรัพย์สิน",
        "method": None, "responsible": ["สำนักปลัด", "กองคลัง"],
        "period_text": "ต.ค. 2565 – ก.ย. 2566",
        "period_start": date(2022, 10, 1), "period_end": date(2023, 9, 30), "result": None,
        "outcome": None, "suggestion": None, "indicators": [], "page_start": 3, "page_end": 4,
        "status": "done", "inherited": ["responsible"], "read_by": "text",
    },
    "o_items": {
        "doc_id": DOC_ID, "org_id": ORG_ID, "assessment_year": 2566, "code": "O1",
        "subindicator": "9.1", "title": "โครงสร้าง", "catalogue_title": "โครงสร้าง",
        "responsible": ["สำนักปลัด"], "status": "done",
        "evidence": "เปิดเผยข้อมูลบนเว็บไซต์หลักของหน่วยงาน, \"ครบ\" ตามองค์ประกอบ", "page": None,
        "read_by": "text",
    },
    "findings": {
        "doc_id": DOC_ID, "severity": "info", "code": "DUPLICATE_FILE",
        "message": "b.txt has the same content as a.txt; it was converted once.",
        "page": None, "evidence": None,
    },
}

SAMPLE_ROWS["manifest"] = {
    "source_path": "อำเภอ/รายงาน ITA.txt", "doc_id": DOC_ID, "size": 14903, "sha256": DOC_ID,
    "status": "ok", "seconds": 0.25,
}
MANIFEST_TYPES = {"source_path": "string", "doc_id": "string", "size": "int64",
                  "sha256": "string", "status": "string", "seconds": "float64"}
"""The manifest is not a contract table; its columns are the project's own."""

CONTRACT_TYPES: dict[str, dict[str, str]] = {
    "documents": {
        "doc_id": "string", "source_path": "string", "source_format": "string",
        "page_count": "int32", "status": "string", "error": "string", "org_id": "string",
        "org_name": "string", "org_type": "string", "district": "string", "province": "string",
        "fiscal_year": "int16", "assessment_year": "int16", "parser_version": "string",
        "ocr_pages": "int32",
    },
    "scores": {
        "doc_id": "string", "org_id": "string", "assessment_year": "int16", "scope": "string",
        "tool": "string", "code": "string", "name": "string", "score": "float64",
        "grade": "string", "respondents": "int32", "source": "string", "page": "int32",
        "evidence": "string", "read_by": "string", "confidence": "float64",
    },
    "measures": {
        "doc_id": "string", "org_id": "string", "fiscal_year": "int16", "stage": "string",
        "seq": "int32", "topic": "string", "measure": "string", "method": "string",
        "responsible": "list<string>", "period_text": "string", "period_start": "date",
        "period_end": "date", "result": "string", "outcome": "string", "suggestion": "string",
        "indicators": "list<string>", "page_start": "int32", "page_end": "int32",
        "inherited": "list<string>", "read_by": "string",
    },
    "o_items": {
        "doc_id": "string", "org_id": "string", "assessment_year": "int16", "code": "string",
        "subindicator": "string", "title": "string", "catalogue_title": "string",
        "responsible": "list<string>", "status": "string", "evidence": "string", "page": "int32",
        "read_by": "string",
    },
    "findings": {
        "doc_id": "string", "severity": "string", "code": "string", "message": "string",
        "page": "int32", "evidence": "string",
    },
}
"""Column types as written in ../shared/spec/CONTRACT.md."""

ARROW_OF_CONTRACT = {
    "string": pa.string(), "int16": pa.int16(), "int32": pa.int32(), "float64": pa.float64(),
    "date": pa.date32(), "list<string>": pa.list_(pa.string()), "int64": pa.int64(),
}


def write_tables(out: Path, tables: dict, formats: tuple[str, ...]) -> None:
    """A fresh one-batch output, as `ita convert` writes it."""
    with DatasetWriter(out, list(formats), resume=False) as writer:
        writer.write(tables)
        writer.finish()


def write_samples(out: Path, formats: tuple[str, ...] = FORMATS) -> None:
    write_tables(out, {name: [dict(row)] for name, row in SAMPLE_ROWS.items()}, formats)


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def temporary_files(folder: Path) -> list[Path]:
    """Temporary files and staging folders anywhere under folder."""
    return sorted(p for p in folder.rglob(".*") if p.name.endswith(".tmp") or
                  p.name.startswith(".staging"))


def test_sample_rows_cover_every_table() -> None:
    assert set(SAMPLE_ROWS) == set(TABLES) == set(CONTRACT_TYPES) | {"manifest"}


def test_every_table_is_written_in_parquet_and_csv(tmp_path: Path) -> None:
    write_samples(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith(".")) == sorted(
        f"{name}.{ext}" for name in TABLES for ext in ("parquet", "csv")
    )


def test_tables_without_rows_are_written_with_their_columns(tmp_path: Path) -> None:
    write_tables(tmp_path / "nested" / "out", {}, FORMATS)
    out = tmp_path / "nested" / "out"
    for name in TABLES:
        assert pq.read_table(out / f"{name}.parquet").num_rows == 0
        with (out / f"{name}.csv").open(encoding="utf-8-sig", newline="") as fh:
            assert list(csv.reader(fh)) == [[c.name for c in TABLES[name]]]


@pytest.mark.parametrize("name", list(TABLES))
def test_parquet_schema_is_the_arrow_schema(tmp_path: Path, name: str) -> None:
    write_samples(tmp_path, ("parquet",))
    assert pq.read_table(tmp_path / f"{name}.parquet").schema.equals(arrow_schema(name))


@pytest.mark.parametrize("name", list(TABLES))
def test_parquet_columns_have_the_contract_types(tmp_path: Path, name: str) -> None:
    write_samples(tmp_path, ("parquet",))
    schema = pq.read_table(tmp_path / f"{name}.parquet").schema
    for column, type_ in CONTRACT_TYPES.get(name, MANIFEST_TYPES).items():
        assert schema.field(column).type == ARROW_OF_CONTRACT[type_], f"{name}.{column}"


@pytest.mark.parametrize("name", list(TABLES))
def test_parquet_round_trips_the_values(tmp_path: Path, name: str) -> None:
    write_samples(tmp_path, ("parquet",))
    assert pq.read_table(tmp_path / f"{name}.parquet").to_pylist() == [SAMPLE_ROWS[name]]


def test_csv_starts_with_the_utf8_bom(tmp_path: Path) -> None:
    write_samples(tmp_path, ("csv",))
    for name in TABLES:
        assert (tmp_path / f"{name}.csv").read_bytes().startswith(b"\xef\xbb\xbf"), name


@pytest.mark.parametrize("name", list(TABLES))
def test_csv_header_is_in_schema_order(tmp_path: Path, name: str) -> None:
    write_samples(tmp_path, ("csv",))
    with (tmp_path / f"{name}.csv").open(encoding="utf-8-sig", newline="") as fh:
        header = next(csv.reader(fh))
    assert header == [c.name for c in TABLES[name]]
    types = CONTRACT_TYPES.get(name, MANIFEST_TYPES)
    assert [h for h in header if h in types] == list(types)


def test_csv_lists_are_json_arrays(tmp_path: Path) -> None:
    write_samples(tmp_path, ("csv",))
    [measure] = read_csv(tmp_path / "measures.csv")
    assert json.loads(measure["responsible"]) == ["สำนักปลัด", "กองคลัง"]
    assert json.loads(measure["indicators"]) == []
    assert "สำนักปลัด" in measure["responsible"]  # Thai as written, not \\u escapes


def test_csv_thai_text_round_trips(tmp_path: Path) -> None:
    write_samples(tmp_path, ("csv",))
    [document] = read_csv(tmp_path / "documents.csv")
    assert document["org_name"] == "องค์การบริหารส่วนตำบลทองเอน"
    assert document["source_path"] == "อำเภอ/รายงาน ITA.txt"
    [item] = read_csv(tmp_path / "o_items.csv")
    assert item["evidence"] == "เปิดเผยข้อมูลบนเว็บไซต์หลักของหน่วยงาน, \"ครบ\" ตามองค์ประกอบ"


def test_csv_writes_dates_numbers_and_nulls_plainly(tmp_path: Path) -> None:
    write_samples(tmp_path, ("csv",))
    [measure] = read_csv(tmp_path / "measures.csv")
    assert (measure["period_start"], measure["period_end"]) == ("2022-10-01", "2023-09-30")
    assert (measure["fiscal_year"], measure["seq"], measure["method"]) == ("2566", "1", "")
    [score] = read_csv(tmp_path / "scores.csv")
    assert (score["score"], score["grade"]) == ("99.45", "")


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_row_missing_a_column_raises(tmp_path: Path, fmt: str) -> None:
    row = dict(SAMPLE_ROWS["measures"])
    del row["measure"]
    with pytest.raises(ValueError, match="measure"):
        write_tables(tmp_path, {"measures": [row]}, (fmt,))


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_row_with_an_unknown_column_raises(tmp_path: Path, fmt: str) -> None:
    row = {**SAMPLE_ROWS["findings"], "severity_level": 3}
    with pytest.raises(ValueError, match="severity_level"):
        write_tables(tmp_path, {"findings": [row]}, (fmt,))


def test_no_temporary_file_remains_after_a_write(tmp_path: Path) -> None:
    write_samples(tmp_path)
    assert temporary_files(tmp_path) == []


WRONG_TYPE_ROW = {**SAMPLE_ROWS["documents"], "fiscal_year": "ปีงบประมาณ 2568"}
"""A string in the int16 column fiscal_year."""


def test_failed_parquet_write_leaves_the_previous_output_intact(tmp_path: Path) -> None:
    write_tables(tmp_path, {"documents": [SAMPLE_ROWS["documents"]]}, ("parquet",))
    with pytest.raises((TypeError, ValueError)):
        write_tables(tmp_path, {"documents": [SAMPLE_ROWS["documents"], WRONG_TYPE_ROW]},
                     ("parquet",))
    assert pq.read_table(tmp_path / "documents.parquet").to_pylist() == [SAMPLE_ROWS["documents"]]
    assert temporary_files(tmp_path) == []


def test_failed_csv_write_midway_leaves_the_previous_file_intact(tmp_path: Path) -> None:
    path = tmp_path / "documents.csv"
    write_csv(path, "documents", [SAMPLE_ROWS["documents"]])
    before = path.read_bytes()
    second = {**SAMPLE_ROWS["documents"], "doc_id": "7a" * 32, "source_path": "ข.txt"}
    broken = {k: v for k, v in SAMPLE_ROWS["documents"].items() if k != "status"}
    with pytest.raises(ValueError, match="status"):
        write_csv(path, "documents", [second, broken])
    assert path.read_bytes() == before
    assert temporary_files(tmp_path) == []


def test_failed_write_tables_keeps_the_old_file_of_the_failing_table(tmp_path: Path) -> None:
    write_samples(tmp_path)
    with pytest.raises((TypeError, ValueError)):
        write_tables(tmp_path, {"documents": [WRONG_TYPE_ROW]}, FORMATS)
    assert pq.read_table(tmp_path / "documents.parquet").to_pylist() == [SAMPLE_ROWS["documents"]]
    assert [r["doc_id"] for r in read_csv(tmp_path / "documents.csv")] == [DOC_ID]
    assert temporary_files(tmp_path) == []


def test_csv_write_with_a_wrong_type_fails_and_keeps_the_old_file(tmp_path: Path) -> None:
    path = tmp_path / "documents.csv"
    write_csv(path, "documents", [SAMPLE_ROWS["documents"]])
    before = path.read_bytes()
    with pytest.raises((TypeError, ValueError)):
        write_csv(path, "documents", [SAMPLE_ROWS["documents"], WRONG_TYPE_ROW])
    assert path.read_bytes() == before
