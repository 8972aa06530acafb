"""PostgreSQL, the central server: `postgresql://user:password@host:port/database`.

Rows go in with COPY in binary form, built from whole Arrow columns (binary_copy.py), and the
rows of documents loaded before come back in the same form to be compared; every other value
is a bound parameter.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from typing import Any

import numpy as np
import psycopg
import pyarrow as pa
import pyarrow.compute as pc

from pipeline.database.binary_copy import HEADER, binary_rows, copy_data
from pipeline.database.sql import CHILDREN, LOADED, POSTGRES
from pipeline.database.target import DatabaseError, Target, of_documents, redact, redact_text

LOCK = "ita-pipeline schema"
"""Name of the advisory lock a loader holds while it checks or creates the schema or loads a
unit, so that loaders of one database take turns."""
LZ4 = ("SELECT set_config(name, 'lz4', false) FROM pg_settings "
       "WHERE name = 'default_toast_compression' AND 'lz4' = ANY(enumvals)")
"""Compress long texts with lz4 where the server has it (PostgreSQL 14 on): faster to write
than the default pglz, and read back the same."""
KEYS_AND_INDEXES = """
    SELECT drop, build FROM (
        SELECT format('ALTER TABLE %%s DROP CONSTRAINT %%I', conrelid::regclass, conname) AS drop,
               format('ALTER TABLE %%s ADD CONSTRAINT %%I %%s', conrelid::regclass, conname,
                      pg_get_constraintdef(oid)) AS build,
               CASE contype WHEN 'f' THEN 2 ELSE 0 END AS stage
        FROM pg_constraint WHERE conrelid = ANY(%s::regclass[]) AND contype IN ('p', 'f')
        UNION ALL
        SELECT format('DROP INDEX %%s', indexrelid::regclass), pg_get_indexdef(indexrelid), 1
        FROM pg_index WHERE indrelid = ANY(%s::regclass[])
            AND NOT EXISTS (SELECT FROM pg_constraint WHERE conindid = indexrelid)
    ) statements ORDER BY stage DESC"""
"""How to drop, and to build again, the keys, foreign keys and other indexes of tables: foreign
keys dropped first and built last."""
Rows = Callable[[str], pa.ChunkedArray]
"""A table's rows in COPY's binary form, by table name."""


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
        self.query(LZ4)

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        with self.con.cursor() as cursor:
            cursor.execute(sql, list(params) or None)
            return cursor.fetchall() if cursor.description else []

    @contextmanager
    def transaction(self) -> Iterator[None]:
        with self.con.transaction():
            yield

    def lock(self) -> None:
        self.query("SELECT pg_advisory_xact_lock(hashtext(%s))", [LOCK])

    def replace(self, tables: dict[str, pa.Table]) -> None:
        self.lock()  # a unit acts on what it finds: other loaders wait until it is committed
        known = pa.array([doc_id for (doc_id,) in self.query(
            "SELECT doc_id FROM documents WHERE doc_id = ANY(%s)",
            [tables["documents"]["doc_id"].to_pylist()])], pa.string())
        with ThreadPoolExecutor(max_workers=1) as encoder:
            # each table is encoded while the server works on the one before it
            encoding = {t: encoder.submit(binary_rows, tables[t]) for t in LOADED}

            def rows(table: str) -> pa.ChunkedArray:
                return encoding[table].result()

            if len(known):
                self._replace_changed(tables, rows, known)
            elif self.query("SELECT NOT EXISTS (SELECT FROM documents)")[0][0]:
                with self._keys_rebuilt():
                    self._copy_all(tables, rows)
            else:
                self._copy_all(tables, rows)

    def _replace_changed(self, tables: dict[str, pa.Table], rows: Rows, known: pa.Array) -> None:
        """Replace the documents that are new or whose rows differ from those loaded; leave the
        others as they are."""
        changed = self._changed(tables, rows, known)
        if not len(changed):
            return
        old = pc.filter(known, pc.is_in(known, value_set=changed)).to_pylist()
        for table in (*CHILDREN, "documents"):  # the children first: they refer to documents
            self.query(f"DELETE FROM {table} WHERE doc_id = ANY(%s)", [old])
        self._copy_all(tables, lambda t: rows(t).filter(of_documents(tables[t], changed)))

    def _changed(self, tables: dict[str, pa.Table], rows: Rows, known: pa.Array) -> pa.Array:
        """The unit's documents that are new or whose rows in some table are not, byte for byte
        in COPY's binary form, the rows loaded."""
        differing = []
        for table in LOADED:
            ours = rows(table).cast(pa.large_binary())
            stored = self._stored(table, tables[table].column_names, known)
            found = pc.is_in(ours, value_set=stored)
            differing.append(pc.filter(tables[table]["doc_id"], pc.invert(found)))
            if pc.sum(found, min_count=0).as_py() < len(stored):  # rows each side are unique
                gone = pc.filter(stored, pc.invert(pc.is_in(stored, value_set=ours)))
                differing.append(pa.array([_doc_id(row) for row in gone.to_pylist()], pa.string()))
        return pc.unique(pa.chunked_array(differing, pa.string()))

    def _stored(self, table: str, names: list[str], documents: pa.Array) -> pa.Array:
        """The table's rows of these documents, each in COPY's binary form."""
        data = bytearray()
        ends = []
        with self.con.cursor() as cursor, cursor.copy(
                f"COPY (SELECT {', '.join(names)} FROM {table} WHERE doc_id = ANY(%s)) "
                "TO STDOUT (FORMAT binary)", [documents.to_pylist()]) as copy:
            for message in copy:  # the server sends each row as one message
                data += message
                ends.append(len(data))
        # the first message carries the header, the last is the trailer alone
        offsets = np.array([len(HEADER), *ends[:-1]], np.int64)
        return pa.LargeBinaryArray.from_buffers(pa.large_binary(), len(offsets) - 1,
                                                [None, pa.py_buffer(offsets), pa.py_buffer(data)])

    @contextmanager
    def _keys_rebuilt(self) -> Iterator[None]:
        """The child tables without their keys, foreign keys and indexes while inside, built
        again on leaving as the server defined them: into empty tables, building each once over
        all rows is faster than keeping it up to date row by row."""
        statements = self.query(KEYS_AND_INDEXES, [list(CHILDREN)] * 2)
        for drop, _ in statements:
            self.query(drop)
        yield
        for _, build in reversed(statements):
            self.query(build)

    def _copy_all(self, tables: dict[str, pa.Table], rows: Rows) -> None:
        for table in LOADED:
            with self.con.cursor() as cursor, cursor.copy(
                    f"COPY {table} ({', '.join(tables[table].column_names)}) "
                    "FROM STDIN (FORMAT binary)") as copy:
                for piece in copy_data(rows(table)):
                    copy.write(piece)

    def close(self) -> None:
        self.con.close()


def _doc_id(row: bytes) -> str:
    """The document of a row in COPY's binary form whose first field is doc_id."""
    size = int.from_bytes(row[2:6], "big")
    return row[6:6 + size].decode()
