"""`ita load`: a converted folder into a database, its tables derived from pipeline/schema.py.

Every table references `documents`; child rows are keyed by (doc_id, row_no),
row_no being a row's place among its document's rows. Loading goes part by
part (a part holds whole documents): in one transaction the part's documents'
old rows are deleted and the new inserted, so loading twice changes nothing and
a document converted again replaces its rows. Values are passed as Arrow data
or bound parameters; no SQL is built from document text.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.schema import CONTRACT_VERSION, TABLES

LOADED = ("documents", "scores", "measures", "o_items", "findings")
CHILDREN = LOADED[1:]
INDEXED = ("org_id", "assessment_year", "code")
"""Columns indexed wherever a child table has them. `documents` (one row per file) keeps only
its key: DuckDB updates a row of an indexed table as a delete, which its foreign keys refuse."""

DUCKDB_TYPES = {
    "string": "VARCHAR", "int16": "SMALLINT", "int32": "INTEGER", "int64": "BIGINT",
    "float64": "DOUBLE", "date": "DATE", "list<string>": "VARCHAR[]",
}
VERSION_TABLE = "ita_schema"

VIEWS = {
    "latest_scores": """
        SELECT * EXCLUDE (rank) FROM (
            SELECT s.*, d.fiscal_year AS report_fiscal_year,
                   row_number() OVER (
                       PARTITION BY s.org_id, s.assessment_year, s.scope, coalesce(s.code, s.name)
                       ORDER BY d.fiscal_year DESC NULLS LAST, s.doc_id DESC) AS rank
            FROM scores s JOIN documents d USING (doc_id)
        ) WHERE rank = 1""",
    "o_item_state": """
        SELECT * EXCLUDE (rank) FROM (
            SELECT o.*, d.fiscal_year AS report_fiscal_year,
                   row_number() OVER (
                       PARTITION BY o.org_id, o.assessment_year, o.code
                       ORDER BY d.fiscal_year DESC NULLS LAST, o.doc_id DESC) AS rank
            FROM o_items o JOIN documents d USING (doc_id)
        ) WHERE rank = 1""",
}
"""The common questions: the latest score per organisation, year and code (the report with
the latest fiscal year wins), and the state of each O-item per organisation and year."""


class SchemaVersionError(Exception):
    """The database holds tables of another contract version."""


def ddl() -> list[str]:
    """CREATE statements for the version table, every loaded table, its indexes and views."""
    out = [f"CREATE TABLE IF NOT EXISTS {VERSION_TABLE} (version INTEGER NOT NULL)"]
    for table in LOADED:
        columns = [f"{c.name} {DUCKDB_TYPES[c.type]}{'' if c.nullable else ' NOT NULL'}"
                   for c in TABLES[table]]
        if table == "documents":
            columns.append("PRIMARY KEY (doc_id)")
        else:
            columns += ["row_no INTEGER NOT NULL", "PRIMARY KEY (doc_id, row_no)",
                        "FOREIGN KEY (doc_id) REFERENCES documents (doc_id)"]
        out.append(f"CREATE TABLE IF NOT EXISTS {table} ({', '.join(columns)})")
        names = {c.name for c in TABLES[table]}
        out += [f"CREATE INDEX IF NOT EXISTS {table}_{col} ON {table} ({col})"
                for col in INDEXED if col in names and table != "documents"]
    out += [f"CREATE OR REPLACE VIEW {name} AS {sql}" for name, sql in VIEWS.items()]
    return out


def _with_row_numbers(table: pa.Table) -> pa.Table:
    seen: Counter[str] = Counter()
    numbers = []
    for doc_id in table.column("doc_id").to_pylist():
        numbers.append(seen[doc_id])
        seen[doc_id] += 1
    return table.append_column("row_no", pa.array(numbers, pa.int32()))


class DuckDBTarget:
    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.con = duckdb.connect(str(path))
        self._ensure_schema()

    def _ensure_schema(self) -> None:
        found = self.con.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = ?",
            [VERSION_TABLE]).fetchone()
        if found and found[0]:
            rows = self.con.execute(f"SELECT version FROM {VERSION_TABLE}").fetchall()
            versions = [v for (v,) in rows]
            if versions and versions != [CONTRACT_VERSION]:
                raise SchemaVersionError(
                    f"The database holds tables of contract version {versions[0]}; this ita "
                    f"writes version {CONTRACT_VERSION}. Load into a new database or migrate "
                    "it first; nothing was changed.")
        self.con.execute("BEGIN")
        for statement in ddl():
            self.con.execute(statement)
        if not self.con.execute(f"SELECT count(*) FROM {VERSION_TABLE}").fetchone()[0]:
            self.con.execute(f"INSERT INTO {VERSION_TABLE} VALUES (?)", [CONTRACT_VERSION])
        self.con.execute("COMMIT")

    def load(self, tables: dict[str, pa.Table]) -> int:
        """One part in one transaction: its documents' old rows replaced by the new."""
        doc_ids = pa.table({"doc_id": tables["documents"].column("doc_id")})
        self.con.register("incoming_ids", doc_ids)
        try:
            self.con.execute("BEGIN")
            for table in CHILDREN:
                self.con.execute(
                    f"DELETE FROM {table} WHERE doc_id IN (SELECT doc_id FROM incoming_ids)")
            for table in LOADED:
                data = tables[table] if table == "documents" else _with_row_numbers(tables[table])
                self.con.register("incoming", data)
                columns = ", ".join(data.column_names)
                if table == "documents":  # updated in place: its children refer to it
                    sets = ", ".join(f"{c} = incoming.{c}" for c in data.column_names
                                     if c != "doc_id")
                    self.con.execute(f"UPDATE documents SET {sets} FROM incoming "
                                     "WHERE documents.doc_id = incoming.doc_id")
                    self.con.execute(
                        f"INSERT INTO documents ({columns}) SELECT {columns} FROM incoming "
                        "WHERE doc_id NOT IN (SELECT doc_id FROM documents)")
                else:
                    self.con.execute(
                        f"INSERT INTO {table} ({columns}) SELECT {columns} FROM incoming")
                self.con.unregister("incoming")
            self.con.execute("COMMIT")
        except Exception:
            self.con.execute("ROLLBACK")
            raise
        finally:
            self.con.unregister("incoming_ids")
        return sum(t.num_rows for t in tables.values())

    def close(self) -> None:
        self.con.close()


def connect(url: str) -> DuckDBTarget:
    """`duckdb:///path/file.duckdb` (four slashes for an absolute path)."""
    if url.startswith("duckdb:///"):
        return DuckDBTarget(Path(url.removeprefix("duckdb:///")))
    raise ValueError(
        f"Unsupported database URL {url!r}: use duckdb:///path/file.duckdb "
        "(PostgreSQL loading is not available in this version yet).")


def parts(folder: Path) -> list[str]:
    """Names of the committed parts of a converted folder."""
    return sorted(p.name for p in (folder / "manifest.parquet").glob("part-*.parquet"))


def load_folder(folder: Path, url: str) -> int:
    """Load every committed part of a converted folder; the number of rows loaded."""
    target = connect(url)
    try:
        rows = 0
        for name in parts(folder):
            tables = {t: pq.read_table(folder / f"{t}.parquet" / name) for t in LOADED}
            rows += target.load(tables)
        return rows
    finally:
        target.close()
