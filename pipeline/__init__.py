"""ita-pipeline: Thai ITA reports (PDF, Word, text) into the contract's tables.

The public API, for scripts and tests (the `ita` command is a thin layer over it):

- `convert_file(path)`: one file's rows (`Converted.tables`), never raising for a bad file.
- `convert_batch(BatchOptions(inputs=[...], out=DIR))`: a whole run into an output folder.
- `audit_folder(DIR)`: the audit rows of a converted folder, one per organisation × ITA
  year × O-item.

Sub-packages, by concern: `ita` (ITA knowledge: framework, catalogues, vocabulary,
findings), `extract` (one document model in, one extraction out), `run` (files into rows,
robustly), `output` (the tables and the output folder), `audit`, `database`.
"""

from __future__ import annotations

from pathlib import Path

from pipeline.audit.report import audit_documents
from pipeline.audit.states import audit
from pipeline.errors import ItaError, UsageError
from pipeline.ita.catalogue import catalogues
from pipeline.output.schema import Row
from pipeline.run.batch import BatchOptions, BatchResult, convert_batch
from pipeline.run.one_file import Converted, Input
from pipeline.run.one_file import convert_file as _convert_input

__all__ = ["BatchOptions", "BatchResult", "Converted", "ItaError", "UsageError", "audit_folder",
           "convert_batch", "convert_file"]


def convert_file(path: Path | str, source_path: str | None = None) -> Converted:
    """The rows of one file; `source_path` is the name its rows carry (the path by default)."""
    path = Path(path)
    return _convert_input(Input(path, source_path or str(path)))


def audit_folder(folder: Path | str, catalogue: Path | None = None) -> list[Row]:
    """The audit rows of a folder written by `ita convert` (UnreadableTable if it is not)."""
    documents, o_items = audit_documents(Path(folder), None)
    return audit(documents, o_items, catalogues(catalogue))
