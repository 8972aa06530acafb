"""`ita audit --out REPORT`: the audit rows written as the report's suffix asks."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from pipeline.audit.html import write_html
from pipeline.audit.matrix import matrices, not_audited_notes
from pipeline.audit.states import STATES, NotAudited, audit, not_audited, read_database, read_folder
from pipeline.audit.xlsx import write_xlsx
from pipeline.errors import ItaError, UsageError
from pipeline.ita.catalogue import catalogues
from pipeline.output.folder import UnreadableTable, dataset_tables_home, unwritable
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


@dataclass(frozen=True)
class AuditOptions:
    """What `ita audit` is asked to do: a converted folder or a database, into a report."""

    out: Path
    folder: Path | None = None
    db: str | None = None
    catalogue: Path | None = None


@dataclass(frozen=True)
class AuditResult:
    rows: list[Row]
    left: NotAudited

    def summary(self) -> str:
        states = Counter(r["state"] for r in self.rows)
        organisations = len({r["org_id"] for r in self.rows})
        years = sorted({r["assessment_year"] for r in self.rows})
        return "\n".join([
            f"audited {organisations} organisation(s) in {len(years)} ITA year(s) "
            f"({', '.join(map(str, years)) or 'none'}): "
            + ", ".join(f"{state} {states[state]}" for state in STATES), *self.left.lines()])


def audit_documents(folder: Path | None, db: str | None) -> tuple[list[Row], list[Row]]:
    """The documents and O-items rows of a converted folder, or of a database."""
    if (folder is None) == (db is None):
        raise UsageError("give either a converted DIR or --db URL")
    if db is not None:
        return read_database(db)
    home = dataset_tables_home(folder)
    if home is None:
        raise UnreadableTable(f"{folder} is not a folder written by ita convert")
    return read_folder(home)


def run_audit(options: AuditOptions) -> AuditResult:
    """Audit a converted folder or a database into the report `options.out` names; an
    ItaError (its message a sentence) for what cannot be done."""
    if options.out.suffix.lower() not in SUFFIXES:
        raise UsageError(f"the report's name must end in {', '.join(SUFFIXES)}")
    known = catalogues(options.catalogue)
    documents, o_items = audit_documents(options.folder, options.db)
    rows = audit(documents, o_items, known)
    left = not_audited(documents, o_items, rows)
    write_report(options.out, rows, left)
    return AuditResult(rows, left)
