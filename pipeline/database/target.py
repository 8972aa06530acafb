"""What every database target does: check the contract version, create the schema, load parts."""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urlsplit

from pipeline.database.sql import (
    LOADED,
    VERSION_TABLE,
    Dialect,
    added_columns,
    ddl,
    with_row_numbers,
)
from pipeline.errors import ItaError
from pipeline.output.schema import CONTRACT_VERSION

if TYPE_CHECKING:
    import pyarrow as pa


class DatabaseError(ItaError):
    """A database that cannot be used; the message says why and what to do."""


class SchemaVersionError(DatabaseError):
    """The database holds tables of another contract version, or tables not made by ita."""


_USERINFO = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://[^:/@]*:(?P<password>[^/]*)@")
"""user:password@ of a URL whose host part urlsplit refuses (e.g. an unclosed `[`)."""


def _password(url: str) -> str | None:
    """The URL's password as written (percent-encoded), or None when it has none."""
    try:
        return urlsplit(url).password
    except ValueError:
        match = _USERINFO.match(url)
        return match["password"] if match else None


def redact(url: str) -> str:
    """The URL without its password, for messages."""
    password = _password(url)
    return url if password is None else url.replace(f":{password}@", ":***@", 1)


def redact_text(text: str, url: str) -> str:
    """A message about `url` with the URL's password (as written or decoded) masked."""
    password = _password(url)
    for secret in sorted({password, unquote(password)} - {""} if password else (),
                         key=len, reverse=True):
        text = text.replace(secret, "***")
    return text


class Target(ABC):
    """A database that converted documents are loaded into, one transaction per unit (the
    documents of one or more parts of a converted folder).

    In a unit's transaction each document that is new, or whose rows in some table differ from
    those loaded before, is written: its row in documents and its child rows replace the old;
    a document whose rows are all as loaded before is left as it is. So loading twice changes
    nothing, a document converted again replaces its rows, and a failure leaves the database
    as it was before the unit. Values travel as Arrow data, COPY rows or bound parameters; SQL
    text is built only from the names in pipeline/schema.py and from the server's own
    definitions of its keys and indexes.
    """

    dialect: Dialect
    driver_errors: tuple[type[Exception], ...]
    """The driver's exceptions, reported as DatabaseError."""

    @abstractmethod
    def query(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """Run one statement; its rows, if it returns any."""

    @abstractmethod
    def transaction(self) -> AbstractContextManager[None]:
        """Commit on leaving, roll back on an exception."""

    @abstractmethod
    def replace(self, tables: dict[str, pa.Table]) -> None:
        """Within a transaction: write the unit's new and changed documents, their rows replacing
        the old (the child tables carry row_no)."""

    @abstractmethod
    def close(self) -> None: ...

    @abstractmethod
    def lock(self) -> None:
        """Within a transaction: keep other loaders of the database out until it ends."""

    def ensure_schema(self, create: bool) -> None:
        """Refuse a database of another contract version; create what is absent, or with
        `create` false, refuse a database without ita's tables."""
        try:
            self._check_schema(create)
        except self.driver_errors as exc:
            raise DatabaseError(f"Cannot create ita's tables: {exc}") from exc

    def _check_schema(self, create: bool) -> None:
        with self.transaction():
            self.lock()
            present = set(self._tables_present())
            versions = ([v for (v,) in self.query(f"SELECT version FROM {VERSION_TABLE}")]
                        if VERSION_TABLE in present else [])
            if versions and versions != [CONTRACT_VERSION]:
                raise SchemaVersionError(
                    f"The database holds tables of contract version {versions[0]}; this ita "
                    f"writes version {CONTRACT_VERSION}. Load into a new database or migrate "
                    "it first; nothing was changed.")
            if not create:
                if not versions:
                    raise DatabaseError("The database holds no tables loaded by ita; load a "
                                        "converted folder into it first (ita load DIR --db URL).")
                return
            if not versions and (foreign := sorted(present & set(LOADED))):
                raise SchemaVersionError(
                    f"The database already has tables named {', '.join(foreign)} that ita did "
                    "not create; load into another database or schema; nothing was changed.")
            for statement in added_columns(self.dialect, self._columns_present()):
                self.query(statement)
            for statement in ddl(self.dialect):
                self.query(statement)
            if not versions:
                self.query(f"INSERT INTO {VERSION_TABLE} VALUES ({self.dialect.param})",
                           [CONTRACT_VERSION])

    def _tables_present(self) -> Iterator[str]:
        names = [VERSION_TABLE, *LOADED]
        marks = ", ".join([self.dialect.param] * len(names))
        for (name,) in self.query(
                "SELECT table_name FROM information_schema.tables "
                f"WHERE table_schema = current_schema() AND table_name IN ({marks})", names):
            yield name

    def _columns_present(self) -> dict[str, set[str]]:
        """The columns of ita's tables that exist already, by table."""
        marks = ", ".join([self.dialect.param] * len(LOADED))
        present: dict[str, set[str]] = {}
        for table, column in self.query(
                "SELECT table_name, column_name FROM information_schema.columns "
                f"WHERE table_schema = current_schema() AND table_name IN ({marks})", LOADED):
            present.setdefault(table, set()).add(column)
        return present

    def rows(self, table: str, columns: Sequence[str]) -> list[dict[str, Any]]:
        """Every row of a loaded table, as a dict of the given columns."""
        return [dict(zip(columns, row, strict=True))
                for row in self.query(f"SELECT {', '.join(columns)} FROM {table}")]

    def load(self, tables: dict[str, pa.Table]) -> int:
        """Load one unit (whole documents, each once) in one transaction; the number of rows
        loaded."""
        numbered = {t: tables[t] if t == "documents" else with_row_numbers(tables[t])
                    for t in LOADED}
        try:
            with self.transaction():
                self.replace(numbered)
        except self.driver_errors as exc:
            raise DatabaseError(f"Loading failed and was rolled back: {exc}") from exc
        return sum(tables[t].num_rows for t in LOADED)
