"""`ita audit --out REPORT`: the audit rows written as the report's suffix asks."""

from __future__ import annotations

from pathlib import Path

from pipeline.audit.html import write_html
from pipeline.audit.matrix import matrices, not_audited_notes
from pipeline.audit.states import NotAudited
from pipeline.audit.xlsx import write_xlsx
from pipeline.errors import ItaError
from pipeline.output.folder import unwritable
from pipeline.output.schema import Row
from pipeline.output.writers import write_csv

SUFFIXES = (".csv", ".xlsx", ".html")


class ReportError(ItaError):
    """A report that could not be written; the message says why."""


def write_report(path: Path, rows: list[Row], left: NotAudited) -> None:
    """`.csv` (the audit table, for machines), `.xlsx` (for clerks) or `.html` (one page), its
    folder made when missing; what the audit left out is noted in the XLSX and HTML (the CSV
    holds the contract's rows only). ReportError when it cannot be written."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        _write(path, rows, not_audited_notes(left))
    except OSError as exc:
        raise ReportError(f"Cannot write the report {path}: {unwritable(exc, path)}."
                          ) from exc


def _write(path: Path, rows: list[Row], notes: list[str]) -> None:
    suffix = path.suffix.lower()
    if suffix == ".csv":
        write_csv(path, "audit", rows)
    elif suffix == ".xlsx":
        write_xlsx(path, matrices(rows), notes)
    elif suffix == ".html":
        write_html(path, matrices(rows), notes)
    else:
        raise ValueError(f"{path}: the report's name must end in {', '.join(SUFFIXES)}.")
