"""A folder written by `ita convert`, as `ita load` and `ita audit` read it: where its Parquet
tables are, reading them, and why a folder could not be written, in words."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.errors import ItaError

if TYPE_CHECKING:
    import pyarrow as pa

PARTS = ".parts"
"""Where a folder converted without `parquet` in its formats keeps its Parquet parts."""
MARKER = "manifest.parquet"


class UnreadableTable(ItaError):
    """A table of a converted folder that cannot be read; the message says which and why."""


def dataset_tables_home(folder: Path) -> Path | None:
    """The folder holding the Parquet tables of a folder written by `ita convert`: the folder
    itself, or its `.parts/` when it was written as CSV only; None when it is neither."""
    for home in (folder, folder / PARTS):
        if (home / MARKER).is_dir():
            return home
    return None


def read_table(path: Path, columns: Sequence[str] | None = None) -> pa.Table:
    """A Parquet file or dataset folder, or UnreadableTable."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        return pq.read_table(path, columns=list(columns) if columns is not None else None)
    except (OSError, pa.ArrowException) as exc:
        raise UnreadableTable(f"Cannot read {path}: {exc}. Convert the folder again.") from exc


def unwritable(exc: OSError, path: Path) -> str:
    """Why the file `path` (or its folder) could not be written: a file standing where a folder
    must be, a folder where the file must be, else the system's reason."""
    blocking = next((p for p in path.parents if p.exists()), None)
    if blocking is not None and not blocking.is_dir():
        return f"{blocking} is a file, not a folder"
    if path.is_dir():
        return f"{path} is a folder, not a file"
    return (exc.strerror or str(exc)).lower()
