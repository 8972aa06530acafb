"""Each report's PDF gives the rows its Word source gives; the PUA PDF reads as standard Thai.

Text columns are compared without their whitespace: where a PDF line ends, the page
does not show whether a space stood there (LibreOffice draws no space at the end of a
justified line), so `คน มี` and `คนมี` read the same off the page.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from pipeline.output.schema import Row
from pipeline.run.one_file import Converted, Input, convert_file
from tests.support.paths import FIXTURES

STEMS = sorted(p.stem for p in (FIXTURES / "docx").glob("*.docx"))
PLACE_COLUMNS = {"doc_id", "source_path", "source_format", "page_count", "page", "page_start",
                 "page_end", "repairs"}
"""Where a row was read, and how damaged that file's text layer was: not the content."""
TABLES = ["documents", "scores", "measures", "o_items", "findings"]
PUA = range(0xF700, 0xF900)


@cache
def converted(path: Path) -> Converted:
    return convert_file(Input(path, path.name))


def _squash(value: object) -> object:
    if isinstance(value, str):
        return "".join(value.split())
    if isinstance(value, list):
        return [_squash(v) for v in value]
    return value


def comparable(rows: list[Row]) -> list[Row]:
    return [{k: _squash(v) for k, v in r.items() if k not in PLACE_COLUMNS} for r in rows]


def word(stem: str) -> Converted:
    return converted(FIXTURES / "docx" / f"{stem}.docx")


@pytest.mark.parametrize("stem", STEMS)
@pytest.mark.parametrize("table", TABLES)
def test_pdf_gives_the_rows_of_its_word_source(stem: str, table: str) -> None:
    pdf = converted(FIXTURES / "pdf" / f"{stem}.pdf")
    assert comparable(pdf.tables[table]) == comparable(word(stem).tables[table])


@pytest.mark.parametrize("table", TABLES)
def test_pua_pdf_gives_the_rows_of_its_word_source(table: str) -> None:
    [path] = (FIXTURES / "pdf_pua").glob("*.pdf")
    pdf = converted(path)
    assert comparable(pdf.tables[table]) == comparable(word(path.stem).tables[table])


def test_pua_pdf_carries_pua_glyphs_and_its_output_none() -> None:
    [path] = (FIXTURES / "pdf_pua").glob("*.pdf")
    layer = path.read_bytes()
    assert b"Laksaman" in layer  # drawn with the font that has the PUA glyphs
    output = "".join(str(v) for rows in converted(path).tables.values() for r in rows
                     for v in r.values())
    assert output and not [c for c in output if ord(c) in PUA]


def test_pdf_rows_know_their_pages() -> None:
    stem = next(s for s in STEMS if s.startswith("002"))
    pdf = converted(FIXTURES / "pdf" / f"{stem}.pdf")
    assert pdf.document["page_count"] == 66
    assert all(m["page_start"] and m["page_end"] >= m["page_start"]
               for m in pdf.tables["measures"])
    assert all(i["page"] for i in pdf.tables["o_items"])
    # read off the rendered pages: the overall score on page 1, the memo's tool scores on 65
    assert [s["page"] for s in pdf.tables["scores"]] == [1, 65, 65, 65]
