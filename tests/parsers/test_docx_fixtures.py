"""Each corpus report's Word fixture gives the rows its text export gives, and knows the ticks."""

from __future__ import annotations

from functools import cache

import pytest

from pipeline.output.schema import Row
from pipeline.run.one_file import Converted, Input, convert_file
from tests.support.paths import FIXTURES

STEMS = sorted(p.stem for p in (FIXTURES / "txt").glob("*.txt"))
PLACE_COLUMNS = {"doc_id", "source_path", "source_format", "page_count", "page", "page_start",
                 "page_end"}
KNOWN_ONLY_IN_DOCX = {"status"}
# The fixture builder ticks ยังไม่ได้ดำเนินการ for these items and ดำเนินการ everywhere else
# (fixtures/docx_builder.py, NOT_DONE_ITEMS): the text export lost the real ticks.
NOT_DONE = {"O7", "O21", "O40"}


@cache
def converted(stem: str, fmt: str) -> Converted:
    path = FIXTURES / fmt / f"{stem}.{fmt}"
    return convert_file(Input(path, path.name))


def comparable(rows: list[Row], ignore: set[str]) -> list[Row]:
    return [{k: v for k, v in r.items() if k not in ignore} for r in rows]


def test_every_report_has_a_word_fixture() -> None:
    assert STEMS and all((FIXTURES / "docx" / f"{s}.docx").exists() for s in STEMS)


@pytest.mark.parametrize("stem", STEMS)
@pytest.mark.parametrize("table", ["documents", "scores", "measures", "o_items", "findings"])
def test_word_fixture_gives_the_rows_of_the_text(stem: str, table: str) -> None:
    ignore = PLACE_COLUMNS | KNOWN_ONLY_IN_DOCX
    text = comparable(converted(stem, "txt").tables[table], ignore)
    word = comparable(converted(stem, "docx").tables[table], ignore)
    assert word == text


@pytest.mark.parametrize("stem", STEMS)
def test_word_fixture_is_a_docx_with_pages(stem: str) -> None:
    doc = converted(stem, "docx").document
    assert (doc["status"], doc["source_format"]) == ("ok", "docx")
    assert doc["page_count"] is not None and doc["page_count"] >= 1


def test_o_item_ticks_are_read_where_the_text_lost_them() -> None:
    stem = next(s for s in STEMS if s.startswith("002"))
    text_items = converted(stem, "txt").tables["o_items"]
    word_items = converted(stem, "docx").tables["o_items"]
    assert {i["status"] for i in text_items} == {"unknown"}
    assert [(i["code"], i["status"]) for i in word_items] == [
        (f"O{n}", "not_done" if f"O{n}" in NOT_DONE else "done") for n in range(1, 44)
    ]


def test_indicator_progress_ticks_are_read_in_measures() -> None:
    stem = next(s for s in STEMS if s.startswith("002"))
    text_status = [m["status"] for m in converted(stem, "txt").tables["measures"]]
    word_status = [m["status"] for m in converted(stem, "docx").tables["measures"]]
    # three measures without a progress tick, then the eight indicator rows
    assert text_status == [None] * 3 + ["unknown"] * 8
    assert word_status == [None] * 3 + ["done"] * 8
