"""PostgreSQL, the central server: `postgresql://user:password@host:port/database`.

Rows go in with COPY in CSV, written by Arrow from whole columns (lists as array literals);
every other value is a bound parameter.
"""

from __future__ import annotations

import io
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import psycopg
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pa_csv

from pipeline.database.sql import CHILDREN, POSTGRES, with_row_numbers
from pipeline.database.target import DatabaseError, Target, redact, redact_text

SCHEMA_LOCK = "ita-pipeline schema"
"""Name of the advisory lock held while the schema is checked and created."""


def _reason(exc: psycopg.Error, url: str) -> str:
    """The driver's message, every line of it, as sentences on one line, the password masked:
    libpq says what failed on one line and what to check on the next."""
    lines = [" ".join(line.split()) for line in str(exc).splitlines() if line.strip()]
    text = " ".join(line if line.endswith((".", "?", "!")) else f"{line}." for line in lines)
    return redact_text(text or f"{type(exc).__name__}.", url)


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
        self.query("CREATE TEMP TABLE incoming_documents (LIKE documents) ON COMMIT DROP")
        self._copy("incoming_documents", documents)
        # documents first, in key order: their rows stay locked against a concurrent loader
        self.query(f"INSERT INTO documents ({columns}) SELECT {columns} FROM incoming_documents "
                   f"ORDER BY doc_id ON CONFLICT (doc_id) DO UPDATE SET {updates}")
        doc_ids = documents["doc_id"].to_pylist()
        for table in CHILDREN:
            self.query(f"DELETE FROM {table} WHERE doc_id = ANY(%s)", [doc_ids])
        for table in CHILDREN:
            self._copy(table, with_row_numbers(tables[table]))

    def _copy(self, table: str, data: pa.Table) -> None:
        statement = f"COPY {table} ({', '.join(data.column_names)}) FROM STDIN (FORMAT csv)"
        with self.con.cursor() as cursor, cursor.copy(statement) as copy:
            copy.write(copy_csv(data))

    def close(self) -> None:
        self.con.close()


def _array_literals(column: pa.ChunkedArray) -> pa.Array:
    """A list<string> column as PostgreSQL array literals: `{"a","b \\"c\\""}`, `{}`."""
    lists = column.combine_chunks()
    escaped = pc.replace_substring(pc.replace_substring(lists.flatten(), "\\", "\\\\"),
                                   '"', '\\"')
    quoted = pc.binary_join_element_wise('"', escaped, '"', "")
    offsets = pc.subtract(lists.offsets, lists.offsets[0])  # a slice's offsets start later
    joined = pc.binary_join(pa.ListArray.from_arrays(offsets, quoted, mask=lists.is_null()),
                            ",")
    return pc.binary_join_element_wise("{", joined, "}", "")


def copy_csv(data: pa.Table) -> bytes:
    """The rows as COPY's CSV: every text quoted (so "" is an empty text and nothing at all is
    NULL), numbers as Arrow writes them (shortest form that reads back the same), dates ISO."""
    for i, field in enumerate(data.schema):
        if pa.types.is_list(field.type):
            data = data.set_column(i, field.name, _array_literals(data.column(i)))
    out = io.BytesIO()
    pa_csv.write_csv(data, out, pa_csv.WriteOptions(include_header=False,
                                                     quoting_style="needed"))
    return out.getvalue()
