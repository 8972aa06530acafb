"""Parts of a converted folder gathered into units of loading: up to a number of rows, each
document once, and what was read before a part that cannot be read still given."""

from __future__ import annotations

from collections.abc import Iterator

import pyarrow as pa
import pytest

from pipeline.database.ahead import ahead
from pipeline.database.sql import LOADED
from pipeline.database.units import units
from pipeline.output.folder import UnreadableTable
from pipeline.output.schema import arrow_schema


def _part(doc_id: str, findings: int) -> dict[str, pa.Table]:
    """A part of one document with `findings` findings (and one row in documents)."""
    document = {"doc_id": doc_id, "source_path": f"{doc_id}.txt", "status": "ok",
                "parser_version": "0"}
    finding = {"doc_id": doc_id, "severity": "info", "code": "X", "message": "x", "page": None,
               "evidence": None}
    rows = {"documents": [document], "findings": [finding] * findings}
    return {t: pa.Table.from_pylist(rows.get(t, []), arrow_schema(t)) for t in LOADED}


def _documents(unit: dict[str, pa.Table]) -> list[str]:
    return unit["documents"]["doc_id"].to_pylist()


def test_parts_are_gathered_up_to_the_budget() -> None:
    parts = [_part("a", 2), _part("b", 2), _part("c", 2), _part("d", 9)]  # 3, 3, 3 and 10 rows
    assert [_documents(u) for u in units(iter(parts), budget=6)] == [["a", "b"], ["c"], ["d"]]
    assert [u["findings"].num_rows for u in units(iter(parts), budget=6)] == [4, 2, 9]


def test_a_document_met_again_starts_a_new_unit() -> None:
    """A later part holding a document again replaces its rows, as when loaded part by part."""
    parts = [_part("a", 1), _part("b", 1), _part("a", 3)]
    gathered = list(units(iter(parts), budget=100))
    assert [_documents(u) for u in gathered] == [["a", "b"], ["a"]]
    assert gathered[1]["findings"].num_rows == 3


def test_the_unit_before_an_unreadable_part_is_still_given() -> None:
    def parts() -> Iterator[dict[str, pa.Table]]:
        yield _part("a", 1)
        yield _part("b", 1)
        raise UnreadableTable("Cannot read part 3")

    gathered = units(parts(), budget=100)
    assert _documents(next(gathered)) == ["a", "b"]
    with pytest.raises(UnreadableTable):
        next(gathered)


def test_work_ahead_keeps_the_order_and_raises_at_its_item() -> None:
    def square(n: int) -> int:
        if n == 3:
            raise UnreadableTable("part 3")
        return n * n

    squares = ahead(square, range(5), depth=2)
    assert [next(squares) for _ in range(3)] == [0, 1, 4]
    with pytest.raises(UnreadableTable):
        next(squares)
