"""DuckDB, the embedded database: `duckdb:///path/file.duckdb`."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from pipeline.database.sql import CHILDREN, DUCKDB, LOADED, with_row_numbers
from pipeline.database.target import DatabaseError, Target
from pipeline.output.folder import unwritable

CHECKPOINT_THRESHOLD = "256MB"
"""Write-ahead log gathered before DuckDB writes it into the database file. At DuckDB's 16 MB
a load checkpoints every part or so, and a checkpoint takes longer the larger the database."""


class DuckDBTarget(Target):
    dialect = DUCKDB
    driver_errors = (duckdb.Error,)

    def __init__(self, path: Path, create: bool = True) -> None:
        if not create and not path.is_file():
            raise DatabaseError(f"There is no DuckDB database at {path}.")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DatabaseError(f"Cannot create the DuckDB database {path}: "
                                f"{unwritable(exc, path)}.") from exc
        try:
            self.con = duckdb.connect(str(path), read_only=not create)
        except duckdb.Error as exc:
            raise DatabaseError(f"Cannot open the DuckDB database {path}: {exc}") from exc
        self.con.execute(f"SET checkpoint_threshold = '{CHECKPOINT_THRESHOLD}'")
        self.ensure_schema(create)

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        cursor = self.con.execute(sql, list(params))
        return cursor.fetchall() if cursor.description else []

    @contextmanager
    def transaction(self) -> Iterator[None]:
        self.con.execute("BEGIN")
        try:
            yield
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        self.con.execute("COMMIT")

    def lock_schema(self) -> None:
        """Nothing to do: DuckDB lets one process at a time open a file for writing."""

    def replace(self, tables: dict[str, pa.Table]) -> None:
        self.con.register("incoming_ids", pa.table({"doc_id": tables["documents"]["doc_id"]}))
        try:
            # only documents loaded before have rows to delete: spare new ones a scan of each table
            if self.query("SELECT count(*) FROM documents "
                          "WHERE doc_id IN (SELECT doc_id FROM incoming_ids)")[0][0]:
                for table in CHILDREN:
                    self.con.execute(
                        f"DELETE FROM {table} WHERE doc_id IN (SELECT doc_id FROM incoming_ids)")
            for table in LOADED:
                data = tables[table] if table == "documents" else with_row_numbers(tables[table])
                self.con.register("incoming", data)
                try:
                    self._insert(table, data.column_names)
                finally:
                    self.con.unregister("incoming")
        finally:
            self.con.unregister("incoming_ids")

    def _insert(self, table: str, names: list[str]) -> None:
        columns = ", ".join(names)
        if table == "documents":  # updated in place: its children refer to it
            sets = ", ".join(f"{c} = incoming.{c}" for c in names if c != "doc_id")
            self.con.execute(f"UPDATE documents SET {sets} FROM incoming "
                             "WHERE documents.doc_id = incoming.doc_id")
            self.con.execute(f"INSERT INTO documents ({columns}) SELECT {columns} FROM incoming "
                             "WHERE doc_id NOT IN (SELECT doc_id FROM documents)")
        else:
            self.con.execute(f"INSERT INTO {table} ({columns}) SELECT {columns} FROM incoming")

    def close(self) -> None:
        self.con.close()
