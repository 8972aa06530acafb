"""The real databases the loading tests run against: a DuckDB file, and a fresh database on
the PostgreSQL server named by ITA_TEST_POSTGRES (`.ci/run` starts one with `.ci/postgres`).

The tests read the databases with the drivers directly, not through the code under test.
"""

from __future__ import annotations

import os
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import duckdb
import psycopg
import pytest

POSTGRES_ENV = "ITA_TEST_POSTGRES"


@contextmanager
def fresh_database(server: str) -> Iterator[str]:
    """The URL of a new, empty database on the server, dropped on leaving."""
    name = f"ita_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(server, autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name}")
    try:
        yield urlunsplit(urlsplit(server)._replace(path=f"/{name}"))
    finally:
        _drop(server, name)


def _drop(server: str, name: str, attempts: int = 50) -> None:
    """Drop a test database. FORCE ends our own sessions, but a role that is not superuser
    may not end an autovacuum worker busy in it: then wait for the worker and try again."""
    for attempt in range(attempts):
        try:
            with psycopg.connect(server, autocommit=True) as admin:
                admin.execute(f"DROP DATABASE {name} WITH (FORCE)")
            return
        except (psycopg.errors.InsufficientPrivilege, psycopg.errors.ObjectInUse):
            if attempt == attempts - 1:
                raise
            time.sleep(0.2)


def postgres_database() -> Iterator[str]:
    """A fresh database on the test server, or the test skipped when there is none."""
    server = os.environ.get(POSTGRES_ENV)
    if not server:
        pytest.skip(f"no PostgreSQL server: run `export {POSTGRES_ENV}=$(.ci/postgres)` first")
    with fresh_database(server) as url:
        yield url


def query(url: str, sql: str) -> list[tuple[Any, ...]]:
    """Rows of one statement, run with the database's own driver."""
    if url.startswith("duckdb:///"):
        with duckdb.connect(url.removeprefix("duckdb:///")) as con:
            cursor = con.execute(sql)
            return cursor.fetchall() if cursor.description else []
    with psycopg.connect(url, autocommit=True) as con:
        cursor = con.execute(sql)
        return cursor.fetchall() if cursor.description else []
