"""PostgreSQL, the central server: `postgresql://user:password@host:port/database`.

Rows go in with COPY in binary form, built from whole Arrow columns (binary_copy.py), and the
rows of documents loaded before come back in the same form to be compared; every other value
is a bound parameter.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager, nullcontext
from itertools import pairwise
from typing import Any

import numpy as np
import psycopg
import pyarrow as pa
import pyarrow.compute as pc

from pipeline.database.ahead import ahead
from pipeline.database.binary_copy import HEADER, TRAILER, binary_rows, copy_data
from pipeline.database.sql import CHILDREN, KEYS, LOADED, POSTGRES
from pipeline.database.target import DatabaseError, Target, redact, redact_text

LOCK = "ita-pipeline schema"
"""Name of the advisory lock a loader holds while it checks or creates the schema or loads a
unit, so that loaders of one database take turns."""
LZ4 = ("SELECT set_config(name, 'lz4', false) FROM pg_settings "
       "WHERE name = 'default_toast_compression' AND 'lz4' = ANY(enumvals)")
"""Compress long texts with lz4 where the server has it (PostgreSQL 14 on): faster to write
than the default pglz, and read back the same."""
SORT_MEMORY = "64MB"
"""Memory the server may sort in while it gives a unit's rows back in key order, for this
transaction only (at the default 4 MB a unit's rows are sorted on disk)."""
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
        known = [doc_id for (doc_id,) in self.query(
            "SELECT doc_id FROM documents WHERE doc_id = ANY(%s)",
            [tables["documents"]["doc_id"].to_pylist()])]
        unchanged = self._unchanged(tables, known) if known else set()
        replaced = [doc_id for doc_id in known if doc_id not in unchanged]
        if unchanged:
            tables = {t: _without(data, unchanged) for t, data in tables.items()}
        # into tables that will hold no other rows, keys and indexes are built after the rows
        alone = self.query("SELECT count(*) FROM documents")[0][0] == len(replaced)
        with self._keys_rebuilt() if alone else nullcontext():
            if replaced:
                for table in (*CHILDREN, "documents"):  # the children first: they refer
                    self.query(f"DELETE FROM {table} WHERE doc_id = ANY(%s)", [replaced])
            self._copy_all(tables)

    def _unchanged(self, tables: dict[str, pa.Table], known: list[str]) -> set[str]:
        """The documents loaded before whose rows in every table are, byte for byte in COPY's
        binary form, the unit's: both sides in key order (doc_id byte by byte, then row_no),
        met row by row; no further table is read once none is left."""
        unchanged = set(known)
        self.query(f"SET LOCAL work_mem = '{SORT_MEMORY}'")
        for table, ours in zip(LOADED, _encoded(tables, in_key_order=True), strict=True):
            stored = self._stored(table, tables[table].column_names, known)
            unchanged -= _differing(stored, _each_row(ours), by_row=table != "documents")
            if not unchanged:
                break
        return unchanged

    def _stored(self, table: str, names: list[str], documents: list[str]) -> Iterator[bytes]:
        """The table's rows of these documents in key order, each in COPY's binary form."""
        order = ", ".join(['doc_id COLLATE "C"', *KEYS[table][1:]])
        with self.con.cursor() as cursor, cursor.copy(
                f"COPY (SELECT {', '.join(names)} FROM {table} WHERE doc_id = ANY(%s) "
                f"ORDER BY {order}) TO STDOUT (FORMAT binary)", [documents]) as copy:
            # the server sends each row as one message, the header with the first, the trailer
            # alone (a row starts with its field count, never with the trailer's -1)
            for message in copy:
                row = bytes(message).removeprefix(HEADER)
                if row != TRAILER:
                    yield row

    @contextmanager
    def _keys_rebuilt(self) -> Iterator[None]:
        """The child tables without their keys, foreign keys and indexes while inside, built
        again on leaving as the server defined them: when a unit's rows are all a table will
        hold, building each once over them is faster than keeping it up to date row by row."""
        statements = self.query(KEYS_AND_INDEXES, [list(CHILDREN)] * 2)
        for drop, _ in statements:
            self.query(drop)
        yield
        for _, build in reversed(statements):
            self.query(build)

    def _copy_all(self, tables: dict[str, pa.Table]) -> None:
        for table, rows in zip(LOADED, _encoded(tables), strict=True):
            with self.con.cursor() as cursor, cursor.copy(
                    f"COPY {table} ({', '.join(tables[table].column_names)}) "
                    "FROM STDIN (FORMAT binary)") as copy:
                for piece in copy_data(rows):
                    copy.write(piece)

    def close(self) -> None:
        self.con.close()


def _encoded(tables: dict[str, pa.Table], in_key_order: bool = False
             ) -> Iterator[pa.ChunkedArray]:
    """The loaded tables' rows in COPY's binary form, in turn (sorted by their keys if asked):
    each next table encoded while the server works on the one before it."""
    def encode(table: str) -> pa.ChunkedArray:
        data = tables[table]
        return binary_rows(data.sort_by([(c, "ascending") for c in KEYS[table]])
                           if in_key_order else data)

    return ahead(encode, LOADED)


def _without(table: pa.Table, documents: set[str]) -> pa.Table:
    """The rows of the table that are not of these documents."""
    loaded = pa.array(list(documents), pa.string())
    return table.filter(pc.invert(pc.is_in(table["doc_id"], value_set=loaded)))


def _each_row(rows: pa.ChunkedArray) -> Iterator[bytes]:
    """Each row's bytes in turn."""
    for chunk in rows.chunks:
        _, offsets, data = chunk.buffers()
        if data is None:
            continue
        ends = np.frombuffer(offsets, np.int32, len(chunk) + 1, chunk.offset * 4).tolist()
        whole = data.to_pybytes()
        for start, end in pairwise(ends):
            yield whole[start:end]


def _differing(stored: Iterator[bytes], ours: Iterator[bytes], by_row: bool) -> set[str]:
    """The documents of the rows that are on one side only or differ, both sides in key order:
    a merge, which while nothing has changed meets equal rows in step."""
    differing = set()
    old, new = next(stored, None), next(ours, None)
    while old is not None or new is not None:
        if old == new:
            old, new = next(stored, None), next(ours, None)
            continue
        old_key, new_key = _key(old, by_row), _key(new, by_row)
        if old_key is not None and (new_key is None or old_key <= new_key):
            differing.add(old_key[0].decode())
            old = next(stored, None)
        if new_key is not None and (old_key is None or new_key <= old_key):
            differing.add(new_key[0].decode())
            new = next(ours, None)
    return differing


def _key(row: bytes | None, by_row: bool) -> tuple[bytes, int] | None:
    """A row's key: its doc_id (the first field), and row_no (the last) when `by_row`."""
    if row is None:
        return None
    size = int.from_bytes(row[2:6], "big")
    return row[6:6 + size], int.from_bytes(row[-4:], "big", signed=True) if by_row else 0
