"""Write the tables as Parquet and CSV, each file atomically (temp file, then rename)."""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.output.schema import Row, arrow_schema, check_row, columns

if TYPE_CHECKING:
    import pyarrow as pa

FORMATS = ("parquet", "csv")


def atomic_write(path: Path, write: Callable[[Path], None]) -> None:
    """Write through a temporary file in the same folder, then rename over `path`."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        write(tmp)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def to_arrow(table: str, rows: Iterable[Row]) -> pa.Table:
    import pyarrow as pa

    return pa.Table.from_pylist([check_row(table, r) for r in rows], schema=arrow_schema(table))


def _csv_value(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        return repr(value)
    return str(value)


CSV_CHUNK = 2000
"""Rows type-checked and written at a time: memory stays flat however many rows stream in."""


def _chunks(rows: Iterable[Row], size: int) -> Iterator[list[Row]]:
    it = iter(rows)
    while chunk := list(islice(it, size)):
        yield chunk


def write_csv(path: Path, table: str, rows: Iterable[Row]) -> None:
    """UTF-8 with a BOM so that Excel shows Thai; lists as JSON arrays; types checked as
    strictly as for Parquet."""
    names = [c.name for c in columns(table)]

    def write(tmp: Path) -> None:
        with tmp.open("w", encoding="utf-8-sig", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow(names)
            for chunk in _chunks(rows, CSV_CHUNK):
                to_arrow(table, chunk)
                writer.writerows([_csv_value(row[n]) for n in names] for row in chunk)

    atomic_write(path, write)
