"""PostgreSQL, the central server: `postgresql://user:password@host:port/database`.

Rows go in with COPY in binary form, built from whole Arrow columns (binary_copy.py);
every other value is a bound parameter.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from typing import Any

import psycopg
import pyarrow as pa

from pipeline.database.binary_copy import copy_binary
from pipeline.database.sql import CHILDREN, POSTGRES, with_row_numbers
from pipeline.database.target import DatabaseError, Target, redact, redact_text

SCHEMA_LOCK = "ita-pipeline schema"
"""Name of the advisory lock held while the schema is checked and created."""
LZ4 = ("SELECT set_config(name, 'lz4', false) FROM pg_settings "
       "WHERE name = 'default_toast_compression' AND 'lz4' = ANY(enumvals)")
"""Compress long texts with lz4 where the server has it (PostgreSQL 14 on): faster to write
than the default pglz, and read back the same."""


def _reason(exc: psycopg.Error, url: str) -> str:
    """The driver's message, every line of it, as sentences on one line, the password masked:
    libpq says what failed on one line and what to check on the next."""
    lines = [" ".join(line.split()) for line in str(exc).splitlines() if line.strip()]
    text = " ".join(line if line.endswith((".", "?", "!")) else f"{line}." for line in lines)
    return redact_text(text or f"{type(exc).__name__}.", url)


Encoded = tuple[str, list[bytes | memoryview]]
"""A table ready for COPY: its column list, and its rows in binary form."""


def _encoded(data: pa.Table) -> Encoded:
    """The table ready for COPY."""
    return ", ".join(data.column_names), copy_binary(data)


class PostgresTarget(Target):
    dialect = POSTGRES
    driver_errors = (psycopg.Error,)

    def __init__(self, url: str, create: bool = True) -> None:
        try:
            self.con = psycopg.connect(url, autocommit=True, application_name="ita",
                                       connect_timeout=30)
        except psycopg.Error as exc:
            raise DatabaseError(f"Cannot connect to {redact(url)}: {_reason(exc, url)}") from exc
        self.ensure_schema(create)
        self.query(LZ4)

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        with self.con.cursor() as cursor:
            cursor.execute(sql, list(params) or None)
            return cursor.fetchall() if cursor.description else []

    @contextmanager
    def transaction(self) -> Iterator[None]:
        with self.con.transaction():
            yield

    def lock_schema(self) -> None:
        self.query("SELECT pg_advisory_xact_lock(hashtext(%s))", [SCHEMA_LOCK])

    def replace(self, tables: dict[str, pa.Table]) -> None:
        documents = tables["documents"]
        names = documents.column_names
        columns = ", ".join(names)
        updates = ", ".join(f"{c} = EXCLUDED.{c}" for c in names if c != "doc_id")
        with ThreadPoolExecutor(max_workers=1) as encoder:
            # each child table is encoded while the server takes what comes before it
            children = [encoder.submit(_encoded, with_row_numbers(tables[t])) for t in CHILDREN]
            self.query("CREATE TEMP TABLE incoming_documents (LIKE documents) ON COMMIT DROP")
            self._copy("incoming_documents", _encoded(documents))
            # documents first, in key order: their rows stay locked against a concurrent loader
            self.query(f"INSERT INTO documents ({columns}) SELECT {columns} "
                       "FROM incoming_documents ORDER BY doc_id "
                       f"ON CONFLICT (doc_id) DO UPDATE SET {updates}")
            doc_ids = documents["doc_id"].to_pylist()
            for table in CHILDREN:
                self.query(f"DELETE FROM {table} WHERE doc_id = ANY(%s)", [doc_ids])
            for table, rows in zip(CHILDREN, children, strict=True):
                self._copy(table, rows.result())

    def _copy(self, table: str, rows: Encoded) -> None:
        columns, pieces = rows
        with self.con.cursor() as cursor, cursor.copy(
                f"COPY {table} ({columns}) FROM STDIN (FORMAT binary)") as copy:
            for piece in pieces:
                copy.write(piece)

    def close(self) -> None:
        self.con.close()

