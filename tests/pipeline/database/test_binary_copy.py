"""The binary COPY form built from Arrow columns is, byte for byte, what PostgreSQL itself
writes for the same rows: every type the schema uses, with nulls, edges and awkward texts."""

from __future__ import annotations

import math
from datetime import date

import psycopg
import pyarrow as pa

from pipeline.database.binary_copy import binary_rows, copy_data

TYPES = {"t": ("TEXT", pa.string()), "s": ("SMALLINT", pa.int16()), "i": ("INTEGER", pa.int32()),
         "b": ("BIGINT", pa.int64()), "f": ("DOUBLE PRECISION", pa.float64()),
         "d": ("DATE", pa.date32()), "l": ("TEXT[]", pa.list_(pa.string()))}
ROWS = [
    {"t": 'a "quoted"\\ {x,y}\nสำนักปลัด', "s": -32768, "i": 2**31 - 1, "b": -(2**63),
     "f": 0.1 + 0.2, "d": date(1999, 12, 31), "l": ["a,b", '"', "\\", "", "NULL", "{}"]},
    {"t": "", "s": 32767, "i": 0, "b": 2**63 - 1, "f": -0.0, "d": date(2000, 1, 1), "l": []},
    {"t": None, "s": None, "i": None, "b": None, "f": None, "d": None, "l": None},
    {"t": "NULL", "s": 0, "i": -1, "b": 1, "f": math.inf, "d": date(2567, 9, 30), "l": [None]},
    {"t": "\\N", "s": 7, "i": 1, "b": 0, "f": 1e308, "d": date(1, 1, 1), "l": ["x", None, ""]},
]


def test_binary_copy_is_what_the_server_writes(postgres_url: str) -> None:
    rows = [{"n": n, **row} for n, row in enumerate(ROWS)]
    schema = pa.schema([("n", pa.int32())] + [(c, kind) for c, (_, kind) in TYPES.items()])
    data = pa.Table.from_pylist(rows, schema)
    columns = ", ".join(["n INTEGER"] + [f"{c} {sql}" for c, (sql, _) in TYPES.items()])
    sent = b"".join(bytes(piece) for piece in copy_data(binary_rows(data)))
    with psycopg.connect(postgres_url) as con, con.cursor() as cursor:
        cursor.execute(f"CREATE TEMP TABLE awkward ({columns})")
        with cursor.copy("COPY awkward FROM STDIN (FORMAT binary)") as copy:
            copy.write(sent)
        back = "COPY (SELECT * FROM awkward ORDER BY n) TO STDOUT (FORMAT binary)"
        with cursor.copy(back) as copy:
            written = b"".join(bytes(chunk) for chunk in copy)
        cursor.execute("SELECT * FROM awkward ORDER BY n")
        loaded = cursor.fetchall()
    assert sent == written
    assert loaded == [tuple(row.values()) for row in rows]


def test_an_empty_table_is_header_and_trailer() -> None:
    data = pa.table({"l": pa.array([], pa.list_(pa.string())), "t": pa.array([], pa.string())})
    assert b"".join(bytes(piece) for piece in copy_data(binary_rows(data))) == \
        b"PGCOPY\n\xff\r\n\x00" + bytes(8) + b"\xff\xff"
