"""`ita load`: converted folders into DuckDB or PostgreSQL, with one schema from pipeline/schema.py.

Loading goes part by part (a part holds whole documents), one transaction each;
see `Target` for what a load does.
"""

from __future__ import annotations

from pathlib import Path

import pyarrow.parquet as pq

from pipeline.database.duckdb_target import DuckDBTarget
from pipeline.database.postgres_target import PostgresTarget
from pipeline.database.sql import LOADED
from pipeline.database.target import DatabaseError, SchemaVersionError, Target, redact

__all__ = ["LOADED", "DatabaseError", "SchemaVersionError", "Target", "connect", "load_folder",
           "redact"]

URL_FORMS = "duckdb:///path/file.duckdb or postgresql://user:password@host:port/database"


def connect(url: str, create: bool = True) -> Target:
    """Open the database a URL names (four slashes in duckdb://// for an absolute path),
    creating ita's tables when absent unless `create` is false."""
    if url.startswith("duckdb:///"):
        return DuckDBTarget(Path(url.removeprefix("duckdb:///")), create)
    if url.startswith(("postgresql://", "postgres://")):
        return PostgresTarget(url, create)
    raise DatabaseError(f"Unsupported database URL {url!r}: use {URL_FORMS}.")


def parts(folder: Path) -> list[str]:
    """Names of the committed parts of a converted folder."""
    return sorted(p.name for p in (folder / "manifest.parquet").glob("part-*.parquet"))


def load_folder(folder: Path, url: str) -> int:
    """Load every committed part of a converted folder; the number of rows loaded."""
    target = connect(url)
    try:
        rows = 0
        for name in parts(folder):
            tables = {t: pq.read_table(folder / f"{t}.parquet" / name) for t in LOADED}
            rows += target.load(tables)
        return rows
    finally:
        target.close()
