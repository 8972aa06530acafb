"""`ita audit --out REPORT`: the audit rows written as the report's suffix asks."""

from __future__ import annotations

from pathlib import Path

from pipeline.audit_html import write_html
from pipeline.audit_matrix import matrices
from pipeline.audit_xlsx import write_xlsx
from pipeline.schema import Row
from pipeline.writers import write_csv

SUFFIXES = (".csv", ".xlsx", ".html")


def write_report(path: Path, rows: list[Row]) -> None:
    """`.csv` (the audit table, for machines), `.xlsx` (for clerks) or `.html` (one page)."""
    suffix = path.suffix.lower()
    if suffix == ".csv":
        write_csv(path, "audit", rows)
    elif suffix == ".xlsx":
        write_xlsx(path, matrices(rows))
    elif suffix == ".html":
        write_html(path, matrices(rows))
    else:
        raise ValueError(f"{path}: the report's name must end in {', '.join(SUFFIXES)}.")
