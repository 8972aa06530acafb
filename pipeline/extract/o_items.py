"""O-item progress tables: item code, title, sub-indicator, responsible units and status."""

from __future__ import annotations

from normalise.codes import parse_item_code
from normalise.text import clean_text, join_wrapped
from normalise.units import split_units
from parsers.model import Row
from pipeline.extract.column_roles import TableView
from pipeline.extract.item_status import read_status
from pipeline.extract.ledger import O_ITEMS, Ledger
from pipeline.extract.section_headings import last_subindicator, split_glued_heading
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
    tv: TableView, subindicator: str | None, doc_id: str, org_id: str | None, year: int,
    ledger: Ledger,
) -> tuple[list[OutRow], str | None]:
    """Rows of one O-item table and the sub-indicator in force after it. A row read as an item,
    or as the sub-indicator heading of the items below it, goes into the ledger."""
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
            ledger.read(row, O_ITEMS)
        subindicator = heading or subindicator
    return out, subindicator
