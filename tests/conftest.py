"""Fixtures shared by the test files: the real reports, and document-model builders."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from parsers.model import Cell, Row, Span, Table
from tests.support.databases import postgres_database
from tests.support.paths import CORPUS as CORPUS_DIR


@pytest.fixture(scope="session")
def corpus() -> dict[str, Path]:
    """The three real text reports in ../shared/corpus/, keyed by number: `000`, `002`, `004`."""
    files = {p.name[:3]: p for p in sorted(CORPUS_DIR.glob("*.txt"))}
    assert set(files) == {"000", "002", "004"}, f"unexpected corpus in {CORPUS_DIR}: {files}"
    return files


@pytest.fixture(scope="session")
def row() -> Callable[..., Row]:
    """`row("ก", "ข", after_break=True)`: a table row with those cell texts."""

    def make(*texts: str, after_break: bool = False) -> Row:
        return Row(cells=[Cell(t) for t in texts], after_break=after_break)

    return make


@pytest.fixture(scope="session")
def table() -> Callable[..., Table]:
    """`table(row(...), row(...), span=Span(3, 9))`: a table of those rows."""

    def make(*rows: Row, span: Span | None = None) -> Table:
        return Table(rows=list(rows), span=span)

    return make


@pytest.fixture(params=["duckdb", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The URL of an empty database of each kind."""
    if request.param == "duckdb":
        yield f"duckdb:///{tmp_path / 'ita.duckdb'}"
    else:
        yield from postgres_database()


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """The URL of an empty PostgreSQL database."""
    yield from postgres_database()
