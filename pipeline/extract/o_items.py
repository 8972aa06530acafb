"""O-item progress tables (item code, title, sub-indicator, responsible units and status), and
the O-item rows of a whole document: one per code, none without a year."""

from __future__ import annotations

from normalise.codes import parse_item_code
from normalise.text import clean_text, join_wrapped
from normalise.units import split_units
from parsers.model import Row
from pipeline.extract.column_roles import TableView
from pipeline.extract.item_status import read_status
from pipeline.extract.ledger import FINDINGS, O_ITEMS, Ledger
from pipeline.extract.section_headings import last_subindicator, split_glued_heading
from pipeline.ita.findings import WARNING, Finding
from pipeline.ita.vocabulary import DONE, NOT_DONE, UNKNOWN
from pipeline.output.schema import Row as OutRow

_MIN_CODED_SHARE = 0.5
"""Share of a table's rows whose code cell is an item code for it to be an O-item table."""


def code_column(tv: TableView) -> int:
    columns = tv.columns("item_code")
    return columns[0] if columns else 0


def is_oitem_table(tv: TableView) -> bool:
    col = code_column(tv)
    coded = sum(1 for row in tv.rows if parse_item_code(tv.text(row, col)))
    return coded > 0 and coded >= _MIN_CODED_SHARE * len(tv.rows)


def _status_columns(tv: TableView, row: Row) -> str:
    """Status from separate ดำเนินการ / ยังไม่ได้ดำเนินการ columns holding a tick."""
    done = clean_text(tv.cell(row, "status_done"))
    not_done = clean_text(tv.cell(row, "status_not_done"))
    if bool(done) != bool(not_done):
        return DONE if done else NOT_DONE
    return UNKNOWN


def extract_oitems(
    tv: TableView, subindicator: str | None, doc_id: str, org_id: str | None, year: int | None,
    ledger: Ledger,
) -> tuple[list[OutRow], str | None]:
    """Rows of one O-item table and the sub-indicator in force after it. A row read as an item,
    or as the sub-indicator heading of the items below it, goes into the ledger: into o_items,
    or with no year (None) into the finding `without_year` makes of the rows."""
    col = code_column(tv)
    out: list[OutRow] = []
    for row in tv.rows:
        glued = "\n".join(split_glued_heading(c.text)[1] for c in row.cells)
        code = parse_item_code(tv.text(row, col))
        if code is not None:
            progress = split_glued_heading(tv.cell(row, "result"))[0]
            status, evidence = read_status(progress)
            if status in (None, UNKNOWN) and tv.any_of("status_done", "status_not_done"):
                status = _status_columns(tv, row)
            out.append({
                "doc_id": doc_id, "org_id": org_id, "assessment_year": year, "code": code,
                "subindicator": subindicator,
                "title": join_wrapped(tv.cell(row, "item_title")) or None,
                "catalogue_title": None,
                "responsible": split_units(split_glued_heading(tv.cell(row, "responsible"))[0]),
                "status": status or UNKNOWN, "evidence": evidence or None, "page": row.page_start,
            })
        heading = last_subindicator(glued)
        if code is not None or heading is not None:
            ledger.read(row, O_ITEMS if year is not None else FINDINGS)
        subindicator = heading or subindicator
    return out, subindicator


_SAID = {DONE: "done", NOT_DONE: "not done", UNKNOWN: "with no status"}


def _said(row: OutRow) -> str:
    """How a mention gave the item: its status and page."""
    page = f" on page {row['page']}" if row.get("page") is not None else ""
    return f"{_SAID[row['status']]}{page}"


def one_per_code(table_rows: list[OutRow], line_rows: list[OutRow]) -> tuple[list[OutRow],
                                                                          list[Finding]]:
    """The document's O-items, one row per code: a table's row before a line's, else the
    first; a mention dropped that gives another status is a finding."""
    kept: dict[str, OutRow] = {}
    findings = []
    for row in [*table_rows, *line_rows]:
        first = kept.setdefault(row["code"], row)
        if first is not row and row["status"] not in (UNKNOWN, first["status"]):
            findings.append(Finding(
                WARNING, "ITEM_STATUS_CONFLICT",
                f"{row['code']} is listed more than once: {_said(first)}, which is kept, and "
                f"{_said(row)}.",
                row["page"], row["evidence"] or row["title"]))
    return list(kept.values()), findings


def without_year(rows: list[OutRow]) -> Finding:
    """The finding for O-items read from a document that states no year: an item code means
    nothing without its assessment year, so they are not in o_items."""
    codes = ", ".join(r["code"] for r in rows)
    return Finding(
        WARNING, "ITEMS_WITHOUT_YEAR",
        f"The document lists {len(rows)} O-item{'s' if len(rows) > 1 else ''} ({codes}) but "
        "states no fiscal or assessment year, and an item's code means nothing without its "
        "year; they are not in o_items.",
        rows[0]["page"],
        "; ".join(f"{r['code']} {r['title']}" if r["title"] else r["code"] for r in rows))
