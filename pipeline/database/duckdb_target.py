"""DuckDB, the embedded database: `duckdb:///path/file.duckdb`."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from pipeline.database.sql import CHILDREN, DUCKDB, KEYS, LOADED
from pipeline.database.target import DatabaseError, Target
from pipeline.output.folder import unwritable
from pipeline.output.schema import TABLES

CHECKPOINT_THRESHOLD = "256MB"
"""Write-ahead log gathered before DuckDB writes it into the database file. At DuckDB's 16 MB
small commits (`ita convert --db`'s batches) would each rewrite the file, and that takes longer
the larger the file; a large unit is written into the file at its commit instead (`load`)."""
CHANGED = "(SELECT doc_id FROM changed)"
"""The documents a unit writes: new, or with rows that differ from those loaded."""


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
        self.con.execute("SET enable_progress_bar = false")  # DuckDB's own, on a long statement
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

    def lock(self) -> None:
        """Nothing to do: DuckDB lets one process at a time open a file for writing."""

    def load(self, tables: dict[str, pa.Table]) -> int:
        # A unit at least half as large as what is loaded is checkpointed at its commit: written
        # straight into the database file rather than into the log first and the file later.
        loaded = self.query("SELECT count(*) FROM documents")[0][0]
        large = 2 * tables["documents"].num_rows >= loaded
        self.con.execute(f"SET checkpoint_threshold = '{'0KB' if large else CHECKPOINT_THRESHOLD}'")
        return super().load(tables)

    def replace(self, tables: dict[str, pa.Table]) -> None:
        with self._registered({f"incoming_{t}": data for t, data in tables.items()}):
            if not self.query("SELECT count(*) FROM documents "
                              "WHERE doc_id IN (SELECT doc_id FROM incoming_documents)")[0][0]:
                self._insert(tables, "true")  # all new: nothing to compare, delete or update
                return
            changed = self._changed(tables)
            if not changed.num_rows:
                return
            with self._registered({"changed": changed}):
                for table in CHILDREN:
                    self.con.execute(f"DELETE FROM {table} WHERE doc_id IN {CHANGED}")
                # documents are updated in place: their children refer to them
                names = [c for c in tables["documents"].column_names if c != "doc_id"]
                self.con.execute(
                    f"UPDATE documents SET {', '.join(f'{c} = i.{c}' for c in names)} "
                    f"FROM incoming_documents i WHERE documents.doc_id = i.doc_id "
                    f"AND i.doc_id IN {CHANGED}")
                self._insert(tables, f"doc_id IN {CHANGED}")

    @contextmanager
    def _registered(self, tables: dict[str, pa.Table]) -> Iterator[None]:
        """Arrow tables readable under these names while inside."""
        for name, data in tables.items():
            self.con.register(name, data)
        try:
            yield
        finally:
            for name in tables:
                self.con.unregister(name)

    def _changed(self, tables: dict[str, pa.Table]) -> pa.Table:
        """The incoming documents that are new or whose rows in some table are not the rows
        loaded: compared value by value, each row matched by its key."""
        return self.con.sql(" UNION ".join(_differing(t, tables[t].column_names)
                                           for t in LOADED)).to_arrow_table()

    def _insert(self, tables: dict[str, pa.Table], which: str) -> None:
        """Insert the incoming documents not loaded yet and the incoming child rows, of those
        meeting `which`."""
        columns = ", ".join(tables["documents"].column_names)
        self.con.execute(f"INSERT INTO documents ({columns}) SELECT {columns} "
                         f"FROM incoming_documents WHERE {which} "
                         "AND doc_id NOT IN (SELECT doc_id FROM documents)")
        for table in CHILDREN:
            columns = ", ".join(tables[table].column_names)
            self.con.execute(f"INSERT INTO {table} ({columns}) SELECT {columns} "
                             f"FROM incoming_{table} WHERE {which}")

    def close(self) -> None:
        self.con.close()


def _differing(table: str, names: list[str]) -> str:
    """SQL for the documents whose rows in incoming_<table> are not the table's rows of the
    same documents: a row on one side only, or a value that differs (a float's sign too, since
    -0.0 = 0.0)."""
    key = KEYS[table]
    floats = {c.name for c in TABLES[table] if c.type == "float64"}
    same = " AND ".join(
        f"i.{c} IS NOT DISTINCT FROM t.{c}"
        + (f" AND signbit(i.{c}) IS NOT DISTINCT FROM signbit(t.{c})" if c in floats else "")
        for c in names if c not in key)
    return (f"SELECT coalesce(i.doc_id, t.doc_id) AS doc_id FROM incoming_{table} i "
            f"FULL JOIN (SELECT * FROM {table} WHERE doc_id IN "
            f"(SELECT doc_id FROM incoming_documents)) t "
            f"ON {' AND '.join(f'i.{c} = t.{c}' for c in key)} "
            f"WHERE i.doc_id IS NULL OR t.doc_id IS NULL OR NOT ({same or 'true'})")
