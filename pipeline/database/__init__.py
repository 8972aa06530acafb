"""`ita load`: converted folders into DuckDB or PostgreSQL, one schema from output/schema.py.

Loading goes unit by unit, one transaction each: a unit is one or more consecutive parts of
the folder (a part holds whole documents), see units.py; `Target` says what a load does.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.database.ahead import ahead
from pipeline.database.sql import LOADED
from pipeline.database.target import DatabaseError, SchemaVersionError, Target, redact
from pipeline.output.folder import MARKER, UnreadableTable, dataset_tables_home, read_table

if TYPE_CHECKING:
    import pyarrow as pa

__all__ = ["LOADED", "DatabaseError", "SchemaVersionError", "Target", "connect", "load_folder",
           "redact"]

URL_FORMS = "duckdb:///path/file.duckdb or postgresql://user:password@host:port/database"


def connect(url: str, create: bool = True) -> Target:
    """Open the database a URL names (four slashes in duckdb://// for an absolute path),
    creating ita's tables when absent unless `create` is false."""
    # Each database's client library is loaded when a URL names that database.
    if url.startswith("duckdb:///"):
        from pipeline.database.duckdb_target import DuckDBTarget

        return DuckDBTarget(Path(url.removeprefix("duckdb:///")), create)
    if url.startswith(("postgresql://", "postgres://")):
        from pipeline.database.postgres_target import PostgresTarget

        return PostgresTarget(url, create)
    raise DatabaseError(f"Unsupported database URL {url!r}: use {URL_FORMS}.")


def parts(home: Path) -> list[str]:
    """Names of the committed parts under the home of a converted folder's Parquet tables."""
    return sorted(p.name for p in (home / MARKER).glob("part-*.parquet"))


def read_part(home: Path, name: str) -> dict[str, pa.Table]:
    """The loaded tables of one part, or UnreadableTable."""
    return {t: read_table(home / f"{t}.parquet" / name) for t in LOADED}


def load_folder(folder: Path, url: str) -> int:
    """Load every committed part of a folder written by `ita convert` (Parquet, or CSV with its
    parts in `.parts/`); the number of rows loaded. A folder that is not one, or a part that
    cannot be read, raises `UnreadableTable`; the parts before it stay loaded. A unit that the
    database refuses raises `DatabaseError`; the units before it stay loaded."""
    home = dataset_tables_home(folder)
    if home is None:
        raise UnreadableTable(f"{folder} is not a folder written by ita convert")
    from pipeline.database.units import units

    target = connect(url)
    try:
        # the next two parts are read while the caller gathers or loads the one before them
        read = ahead(partial(read_part, home), parts(home), depth=2)
        return sum(target.load(unit) for unit in units(read))
    finally:
        target.close()
