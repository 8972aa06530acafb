"""Write the tables as Parquet and CSV, each file atomically (temp file, then rename)."""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.schema import TABLES, Row, arrow_schema, check_row

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


def write_csv(path: Path, table: str, rows: Iterable[Row]) -> None:
    """UTF-8 with a BOM so that Excel shows Thai; lists as JSON arrays."""
    names = [c.name for c in TABLES[table]]
    rows = list(rows)
    to_arrow(table, rows)  # the types are checked as strictly as for Parquet

    def write(tmp: Path) -> None:
        with tmp.open("w", encoding="utf-8-sig", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow(names)
            for row in rows:
                writer.writerow([_csv_value(check_row(table, row)[n]) for n in names])

    atomic_write(path, write)


def write_parquet(path: Path, table: str, rows: Iterable[Row]) -> None:
    arrow = to_arrow(table, rows)
    atomic_write(path, lambda tmp: pq.write_table(arrow, tmp))


def write_tables(out_dir: Path, tables: dict[str, list[Row]], formats: Iterable[str]) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    for fmt in formats:
        for name in TABLES:
            rows = tables.get(name, [])
            if fmt == "parquet":
                write_parquet(out_dir / f"{name}.parquet", name, rows)
            else:
                write_csv(out_dir / f"{name}.csv", name, rows)
