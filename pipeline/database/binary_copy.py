"""Arrow tables as PostgreSQL's binary COPY format, built from whole columns.

The server reads this form without parsing text: each value is its length and its bytes
(numbers big-endian, dates as days since 2000-01-01, lists as one-dimensional text[]).
"""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

HEADER = b"PGCOPY\n\xff\r\n\x00" + bytes(8)
"""The signature, then no flags and no header extension."""
TRAILER = b"\xff\xff"
_EPOCH = pa.scalar(10957, pa.int32())
"""2000-01-01, PostgreSQL's day 0, in Arrow's days since 1970-01-01."""
_TEXT_OID = 25
_EMPTY = pa.scalar(b"", pa.binary())


def binary_rows(data: pa.Table) -> pa.ChunkedArray:
    """Each row in COPY's binary form, its field count and fields, one chunk per record batch
    (so no chunk outgrows Arrow's 2 GB binary array)."""
    return pa.chunked_array([_rows(batch) for batch in data.to_batches()], pa.binary())


def copy_data(rows: pa.ChunkedArray) -> list[bytes | memoryview]:
    """What COPY FROM STDIN reads, in pieces to write in turn: the header, the rows, the
    trailer."""
    return [HEADER, *(_bytes(chunk) for chunk in rows.chunks if len(chunk)), TRAILER]


def _rows(batch: pa.RecordBatch) -> pa.BinaryArray:
    count = pa.scalar(batch.num_columns.to_bytes(2, "big"), pa.binary())
    fields = [part for column in batch.columns for part in _field(column)]
    return pc.binary_join_element_wise(count, *fields, _EMPTY)


def _bytes(rows: pa.BinaryArray) -> memoryview:
    """The rows' bytes, end to end as a binary array holds them."""
    _, offsets, data = rows.buffers()
    start, *_, end = np.frombuffer(offsets, np.int32, len(rows) + 1, rows.offset * 4)
    return memoryview(data)[start:end]


def _field(values: pa.Array) -> tuple[pa.Array, pa.Array]:
    """Each value as a field of a row: its length in bytes (-1 for null), and its bytes."""
    payload = pc.fill_null(_payload(values), _EMPTY)
    lengths = pc.if_else(values.is_valid(), pc.binary_length(payload), -1)
    return _raw(lengths.to_numpy().astype(">i4")), payload


def _payload(values: pa.Array) -> pa.Array:
    """The bytes of each value in PostgreSQL's binary form; nulls stay null."""
    kind = values.type
    if pa.types.is_string(kind) or pa.types.is_large_string(kind):
        return values.cast(pa.binary())
    if pa.types.is_list(kind):
        return _text_arrays(values)
    if pa.types.is_date32(kind):
        values = pc.subtract(values.cast(pa.int32()), _EPOCH)
    elif not (pa.types.is_integer(kind) or pa.types.is_floating(kind)):
        raise TypeError(f"No binary COPY form for Arrow type {kind}")
    numbers = pc.fill_null(values, 0).to_numpy()
    return pc.if_else(values.is_valid(), _raw(numbers.astype(numbers.dtype.newbyteorder(">"))),
                      None)


def _text_arrays(lists: pa.ListArray) -> pa.Array:
    """Each list of texts as a text[]: dimensions, element type, bounds, then its elements."""
    sizes = pc.fill_null(pc.list_value_length(lists), 0).to_numpy()
    offsets = pc.subtract(lists.offsets, lists.offsets[0]).to_numpy()  # a slice's start later
    flat = lists.flatten()
    nulls_before = np.concatenate([[0], np.cumsum(flat.is_null().to_numpy(zero_copy_only=False))])
    header = np.zeros((len(lists), 5), ">i4")
    header[:, 0] = sizes > 0  # dimensions: an empty array has none
    header[:, 1] = np.diff(nulls_before[offsets]) > 0  # whether it holds a null
    header[:, 2] = _TEXT_OID
    header[:, 3] = sizes
    header[:, 4] = 1  # lower bound
    headers = _raw(header.view("V20").ravel())
    headers = pc.if_else(pa.array(sizes > 0), headers, pc.binary_slice(headers, 0, 12))
    elements = pa.ListArray.from_arrays(offsets, pc.binary_join_element_wise(*_field(flat),
                                                                            _EMPTY))
    arrays = pc.binary_join_element_wise(headers, pc.binary_join(elements, _EMPTY), _EMPTY)
    return pc.if_else(lists.is_valid(), arrays, None)


def _raw(values: np.ndarray) -> pa.Array:
    """Each element of a NumPy array as its bytes in memory, one binary value each."""
    data = np.ascontiguousarray(values)
    fixed = pa.FixedSizeBinaryArray.from_buffers(pa.binary(data.dtype.itemsize), len(data),
                                                 [None, pa.py_buffer(data)])
    return fixed.cast(pa.binary())
