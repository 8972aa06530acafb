"""What every database target does: check the contract version, create the schema, load parts."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import pyarrow as pa

from pipeline.database.sql import LOADED, VERSION_TABLE, Dialect, ddl
from pipeline.schema import CONTRACT_VERSION


class DatabaseError(Exception):
    """A database that cannot be used; the message says why and what to do."""


class SchemaVersionError(DatabaseError):
    """The database holds tables of another contract version, or tables not made by ita."""


def redact(url: str) -> str:
    """The URL without its password, for messages."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@", 1)
    return urlunsplit(parts._replace(netloc=netloc))


class Target(ABC):
    """A database that converted parts are loaded into, one transaction per part.

    In a part's transaction its documents are upserted and their old child rows
    replaced by the new, so loading twice changes nothing and a document converted
    again replaces its rows. Values travel as Arrow data, COPY rows or bound
    parameters; SQL text is built only from the names in pipeline/schema.py.
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
        """Within a transaction: upsert the part's documents and replace their child rows."""

    @abstractmethod
    def close(self) -> None: ...

    @abstractmethod
    def lock_schema(self) -> None:
        """Within a transaction: keep other loaders from creating the schema at the same time."""

    def ensure_schema(self, create: bool) -> None:
        """Refuse a database of another contract version; create what is absent, or with
        `create` false, refuse a database without ita's tables."""
        try:
            self._check_schema(create)
        except self.driver_errors as exc:
            raise DatabaseError(f"Cannot create ita's tables: {exc}") from exc

    def _check_schema(self, create: bool) -> None:
        with self.transaction():
            self.lock_schema()
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

    def rows(self, table: str, columns: Sequence[str]) -> list[dict[str, Any]]:
        """Every row of a loaded table, as a dict of the given columns."""
        return [dict(zip(columns, row, strict=True))
                for row in self.query(f"SELECT {', '.join(columns)} FROM {table}")]

    def load(self, tables: dict[str, pa.Table]) -> int:
        """Load one part (whole documents) in one transaction; the number of rows loaded."""
        try:
            with self.transaction():
                self.replace(tables)
        except self.driver_errors as exc:
            raise DatabaseError(f"Loading a part failed and was rolled back: {exc}") from exc
        return sum(tables[t].num_rows for t in LOADED)
