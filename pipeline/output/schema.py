"""The output tables of the contract (../shared/spec/CONTRACT.md), defined once.

Writers, and later the database DDL and the docs, are derived from `TABLES`.
Columns may be added; existing ones keep their name, type and meaning.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pyarrow as pa

CONTRACT_VERSION = 1


@cache
def _arrow_types() -> dict[str, pa.DataType]:
    """The Arrow type of each column type (pyarrow is loaded when a table is written)."""
    import pyarrow as pa

    return {
        "string": pa.string(),
        "int16": pa.int16(),
        "int32": pa.int32(),
        "int64": pa.int64(),
        "float64": pa.float64(),
        "date": pa.date32(),
        "list<string>": pa.list_(pa.string()),
    }


@dataclass(frozen=True)
class Column:
    name: str
    type: str
    nullable: bool
    doc: str


def _c(name: str, type_: str, doc: str, nullable: bool = True) -> Column:
    return Column(name, type_, nullable, doc)


_DOC_ORG = (
    _c("doc_id", "string", "sha256 (hex) of the file's bytes", nullable=False),
    _c("org_id", "string", "stable key of the organisation"),
)

_READ_BY = _c("read_by", "string", "text (a text layer, a Word or text file) or ocr",
             nullable=False)

TABLES: dict[str, tuple[Column, ...]] = {
    "documents": (
        _c("doc_id", "string", "sha256 (hex) of the file's bytes", nullable=False),
        _c("source_path", "string", "the path as given, relative in batch mode", nullable=False),
        _c("source_format", "string", "pdf, docx, doc, txt, html or image, detected from content"),
        _c("page_count", "int32", "pages (PDF, DOCX when known); null for text"),
        _c("status", "string", "ok, partial or failed", nullable=False),
        _c("error", "string", "a clear message for failed and partial"),
        _c("org_id", "string", "<org_type>:<name>[:<province>]"),
        _c("org_name", "string", "full official Thai name"),
        _c("org_type", "string", "sao, subdistrict_municipality, town_municipality, ..."),
        _c("district", "string", "อำเภอ without the prefix"),
        _c("province", "string", "จังหวัด without the prefix"),
        _c("fiscal_year", "int16", "fiscal year (พ.ศ.) the report is about"),
        _c("assessment_year", "int16", "the ITA year whose results the report analyses"),
        _c("parser_version", "string", "version of the package that wrote the row", False),
        _c("repairs", "int32", "Thai text repairs made in the document (normalise.thai_repair)"),
        _c("unread_rows", "int32", "table rows of the document that no extractor placed; each "
           "is named in an UNREAD_ROWS finding"),
        _c("ocr_pages", "int32", "pages read by OCR (scans, photos); null when none"),
    ),
    "scores": (
        *_DOC_ORG,
        _c("assessment_year", "int16", "ITA year the score belongs to (พ.ศ.)", nullable=False),
        _c("scope", "string", "overall, tool, indicator, subindicator, item or question", False),
        _c("tool", "string", "IIT, EIT or OIT"),
        _c("code", "string", "ITA, IIT/EIT/OIT, 1..10, 9.4, O13; null for questions"),
        _c("name", "string", "the Thai label as written (normalised)"),
        _c("score", "float64", "0-100, exactly as printed", nullable=False),
        _c("grade", "string", "AA A B C D E F, or pass/fail"),
        _c("respondents", "int32", "number of respondents where stated"),
        _c("source", "string", "table or text", nullable=False),
        _c("page", "int32", "1-based page where it was read"),
        _c("evidence", "string", "the normalised snippet it was read from", nullable=False),
        _READ_BY,
        _c("confidence", "float64", "for ocr: the recogniser's confidence (0-1) in the printed "
           "number; null otherwise"),
    ),
    "measures": (
        *_DOC_ORG,
        _c("fiscal_year", "int16", "fiscal year of the measure (พ.ศ.)"),
        _c("stage", "string", "plan or report", nullable=False),
        _c("seq", "int32", "1-based order of the row in the document", nullable=False),
        _c("topic", "string", "the หัวข้อ / ประเด็น / ตัวชี้วัด column"),
        _c("measure", "string", "the measure / activity", nullable=False),
        _c("method", "string", "วิธีการ / ขั้นตอน"),
        _c("responsible", "list<string>", "responsible units, one per element", False),
        _c("period_text", "string", "the period as written"),
        _c("period_start", "date", "period start (CE)"),
        _c("period_end", "date", "period end (CE)"),
        _c("result", "string", "ผลการดำเนินการ / การติดตามผล / ความก้าวหน้า"),
        _c("outcome", "string", "ผลลัพธ์หรือความสำเร็จ"),
        _c("suggestion", "string", "ข้อเสนอแนะ / หมายเหตุ"),
        _c("indicators", "list<string>", "indicator and item codes the row refers to", False),
        _c("page_start", "int32", "first page of the row"),
        _c("page_end", "int32", "last page of the row"),
        _c("status", "string", "done, not_done or unknown where the row's progress has "
           "status labels (ดำเนินการ / ยังไม่ได้ดำเนินการ), which are then left out of result"),
        _c("inherited", "list<string>", "fields filled from the row above within one measure "
           "group (measure, topic, responsible, period_text); empty when none", nullable=False),
        _READ_BY,
    ),
    "o_items": (
        *_DOC_ORG,
        _c("assessment_year", "int16", "ITA year of the item list (พ.ศ.)", nullable=False),
        _c("code", "string", "canonical O1 … O43", nullable=False),
        _c("subindicator", "string", "9.1 … 10.2 where known"),
        _c("title", "string", "the item's title as written"),
        _c("catalogue_title", "string", "the title in that year's catalogue"),
        _c("responsible", "list<string>", "as in measures", nullable=False),
        _c("status", "string", "done, not_done or unknown", nullable=False),
        _c("evidence", "string", "the progress text"),
        _c("page", "int32", ""),
        _READ_BY,
    ),
    "findings": (
        _c("doc_id", "string", "", nullable=False),
        _c("severity", "string", "error, warning or info", nullable=False),
        _c("code", "string", "a stable upper-case code", nullable=False),
        _c("message", "string", "a sentence a person understands", nullable=False),
        _c("page", "int32", ""),
        _c("evidence", "string", ""),
    ),
}

OUTPUT_TABLES = tuple(TABLES)
"""The contract's tables, `documents` first (what convert writes and load loads)."""

TABLES["manifest"] = (
    _c("source_path", "string", "the input as given, relative in batch mode", nullable=False),
    _c("doc_id", "string", "sha256 (hex) of the file's bytes, as in documents", nullable=False),
    _c("size", "int64", "bytes", nullable=False),
    _c("sha256", "string", "sha256 (hex) of the file's bytes", nullable=False),
    _c("status", "string", "ok, partial or failed, as in documents", nullable=False),
    _c("seconds", "float64", "time spent converting the file", nullable=False),
)
"""Not a contract table: the record of every input of a run, for --resume and audits."""

REPORTS: dict[str, tuple[Column, ...]] = {
    "audit": (
        _c("org_id", "string", "the organisation, as in documents", nullable=False),
        _c("org_name", "string", "its name in its latest report"),
        _c("assessment_year", "int16", "the ITA year audited (พ.ศ.)", nullable=False),
        _c("code", "string", "the item, O1 … O43", nullable=False),
        _c("catalogue_title", "string", "the item's title in the year's catalogue, or else the "
           "title the reports of that year give it most"),
        _c("state", "string", "done, not_done, missing (not mentioned at all), or unknown "
           "(mentioned without saying whether it was done)", nullable=False),
        _c("doc_id", "string", "the latest document that speaks of the item; null if missing"),
        _c("org_type", "string", "as in documents"),
        _c("province", "string", "as in documents"),
        _c("subindicator", "string", "9.1 … 10.2 where known"),
        _c("title", "string", "the item's title in that document, as written"),
        _c("source_path", "string", "that document's path"),
        _c("listed_by", "string", "catalogue, or documents when the year's catalogue lacks the "
           "item (a year without a complete catalogue)", nullable=False),
    ),
}
"""Tables written by other commands than convert: `ita audit`."""

Row = dict[str, Any]


def columns(table: str) -> tuple[Column, ...]:
    """The columns of a converted table or of a report."""
    return TABLES[table] if table in TABLES else REPORTS[table]


def arrow_schema(table: str) -> pa.Schema:
    import pyarrow as pa

    types = _arrow_types()
    return pa.schema(
        [pa.field(c.name, types[c.type], nullable=c.nullable) for c in columns(table)]
    )


def check_row(table: str, row: Row) -> Row:
    """Raise if a row lacks a column, has an unknown one, or a null where none is allowed."""
    names = {c.name for c in columns(table)}
    if missing := names - row.keys():
        raise ValueError(f"{table} row lacks {sorted(missing)}")
    if extra := row.keys() - names:
        raise ValueError(f"{table} row has unknown columns {sorted(extra)}")
    for c in columns(table):
        if not c.nullable and row[c.name] is None:
            raise ValueError(f"{table}.{c.name} may not be null")
    return row
