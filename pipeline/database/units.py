"""Units of loading: consecutive parts of a converted folder gathered into one transaction."""

from __future__ import annotations

from collections.abc import Iterator

import pyarrow as pa
import pyarrow.compute as pc

from pipeline.database.sql import LOADED
from pipeline.output.folder import UnreadableTable

UNIT_ROWS = 200_000
"""Rows that parts are gathered up to into one transaction: each transaction has fixed costs
(a commit, a pass over each table to find the documents loaded before), and the unit is held
in memory twice while it loads (about 1 KB a row in Arrow and in DuckDB's transaction)."""


def units(parts: Iterator[dict[str, pa.Table]], budget: int = UNIT_ROWS
          ) -> Iterator[dict[str, pa.Table]]:
    """The parts gathered into units of up to `budget` rows (a larger part is a unit alone);
    a part holding a document of the unit gathered so far starts a new unit, so that a unit
    holds each document once and the later part's rows win, as part by part. If a part cannot
    be read, the unit gathered before it is still given, then the error raised."""
    gathered: list[dict[str, pa.Table]] = []
    try:
        for part in parts:
            if gathered and (_rows(gathered) + _rows([part]) > budget
                             or _overlap(gathered, part)):
                yield _joined(gathered)
                gathered = []
            gathered.append(part)
    except UnreadableTable:
        if gathered:
            yield _joined(gathered)
        raise
    if gathered:
        yield _joined(gathered)


def _rows(parts: list[dict[str, pa.Table]]) -> int:
    return sum(part[t].num_rows for part in parts for t in LOADED)


def _overlap(parts: list[dict[str, pa.Table]], part: dict[str, pa.Table]) -> bool:
    """Whether the part holds a document of the parts."""
    known = pa.chunked_array([p["documents"]["doc_id"] for p in parts])
    return pc.any(pc.is_in(part["documents"]["doc_id"], value_set=known)).as_py() or False


def _joined(parts: list[dict[str, pa.Table]]) -> dict[str, pa.Table]:
    return {t: pa.concat_tables([part[t] for part in parts]) for t in LOADED}
