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

from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pipeline.errors import ItaError, UsageError
from pipeline.output import memory as _memory  # noqa: F401  (Arrow's allocator, chosen first)

if TYPE_CHECKING:
    from pipeline.output.schema import Row
    from pipeline.run.batch import BatchResult, convert_batch
    from pipeline.run.converted import Converted
    from pipeline.run.options import BatchOptions

__version__ = "0.1.0"
"""The release (pyproject.toml reads it from here; no package metadata is read at start-up)."""

__all__ = ["BatchOptions", "BatchResult", "Converted", "ItaError", "UsageError", "audit_folder",
           "convert_batch", "convert_file"]

_LAZY = {"BatchOptions": "pipeline.run.options", "BatchResult": "pipeline.run.batch",
         "convert_batch": "pipeline.run.batch", "Converted": "pipeline.run.converted"}
"""Names imported when first used: `import pipeline.cli` must not load every library."""


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'pipeline' has no attribute {name!r}")


def convert_file(path: Path | str, source_path: str | None = None) -> Converted:
    """The rows of one file; `source_path` is the name its rows carry (the path by default)."""
    from pipeline.run.inputs import Input
    from pipeline.run.one_file import convert_file as convert_input

    path = Path(path)
    return convert_input(Input(path, source_path or str(path)))


def audit_folder(folder: Path | str, catalogue: Path | None = None) -> list[Row]:
    """The audit rows of a folder written by `ita convert` (UnreadableTable if it is not)."""
    from pipeline.audit.report import audit_documents
    from pipeline.audit.states import audit
    from pipeline.ita.catalogue import catalogues

    documents, o_items = audit_documents(Path(folder), None)
    return audit(documents, o_items, catalogues(catalogue))
