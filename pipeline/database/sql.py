"""The database schema, derived from pipeline/schema.py for each SQL dialect.

Every loaded table references `documents`; child rows are keyed by (doc_id, row_no),
row_no being a row's place among its document's rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from pipeline.output.schema import OUTPUT_TABLES, TABLES

if TYPE_CHECKING:
    import pyarrow as pa

LOADED = OUTPUT_TABLES
"""Every contract table is loaded; the manifest is not."""
CHILDREN = LOADED[1:]
KEYS = {table: ("doc_id",) if table == "documents" else ("doc_id", "row_no") for table in LOADED}
"""The primary key of each loaded table."""
INDEXED = ("org_id", "assessment_year", "code")
"""Columns indexed in every loaded table that has them."""
VERSION_TABLE = "ita_schema"


@dataclass(frozen=True)
class Dialect:
    types: dict[str, str]
    """SQL type of each schema type."""
    param: str
    """The driver's placeholder for a bound parameter."""
    index_documents: bool
    """Whether `documents` may carry indexes besides its key."""


DUCKDB = Dialect(
    types={"string": "VARCHAR", "int16": "SMALLINT", "int32": "INTEGER", "int64": "BIGINT",
           "float64": "DOUBLE", "date": "DATE", "list<string>": "VARCHAR[]"},
    param="?",
    index_documents=False,  # DuckDB updates an indexed row as a delete, which its FKs refuse
)
POSTGRES = Dialect(
    types={"string": "TEXT", "int16": "SMALLINT", "int32": "INTEGER", "int64": "BIGINT",
           "float64": "DOUBLE PRECISION", "date": "DATE", "list<string>": "TEXT[]"},
    param="%s",
    index_documents=True,
)

_LATEST = """
    SELECT {columns}, report_fiscal_year FROM (
        SELECT t.*, d.fiscal_year AS report_fiscal_year,
               row_number() OVER (
                   PARTITION BY {partition}
                   ORDER BY d.fiscal_year DESC NULLS LAST{prefer}, t.doc_id DESC) AS recency
        FROM {table} t JOIN documents d ON d.doc_id = t.doc_id
    ) ranked WHERE recency = 1"""


def _latest(table: str, partition: str, prefer: str = "") -> str:
    """Each partition's row from the latest report; `prefer` breaks ties between reports."""
    columns = ", ".join([c.name for c in TABLES[table]] + ["row_no"])
    return _LATEST.format(columns=columns, partition=partition, table=table,
                          prefer=f", {prefer}" if prefer else "")


VIEWS = {
    "latest_scores": _latest(
        "scores", "t.org_id, t.assessment_year, t.scope, coalesce(t.code, t.name)"),
    "o_item_state": _latest("o_items", "t.org_id, t.assessment_year, t.code",
                            prefer="CASE WHEN t.status = 'unknown' THEN 1 ELSE 0 END"),
}
"""The common questions: the latest score per organisation, year and code (the report with
the latest fiscal year wins), and the state of each O-item per organisation, year and item
(among reports of the same fiscal year, one that says done or not done wins over unknown)."""


def ddl(dialect: Dialect) -> list[str]:
    """CREATE statements for the version table, every loaded table, its indexes and views."""
    out = [f"CREATE TABLE IF NOT EXISTS {VERSION_TABLE} (version INTEGER NOT NULL)"]
    for table in LOADED:
        columns = [f"{c.name} {dialect.types[c.type]}{'' if c.nullable else ' NOT NULL'}"
                   for c in TABLES[table]]
        if table != "documents":
            columns.append("row_no INTEGER NOT NULL")
        columns.append(f"PRIMARY KEY ({', '.join(KEYS[table])})")
        if table != "documents":
            columns.append("FOREIGN KEY (doc_id) REFERENCES documents (doc_id)")
        out.append(f"CREATE TABLE IF NOT EXISTS {table} ({', '.join(columns)})")
        if table != "documents" or dialect.index_documents:
            names = {c.name for c in TABLES[table]}
            out += [f"CREATE INDEX IF NOT EXISTS {table}_{col} ON {table} ({col})"
                    for col in INDEXED if col in names]
    out += [f"CREATE OR REPLACE VIEW {name} AS {sql}" for name, sql in VIEWS.items()]
    return out


def added_columns(dialect: Dialect, present: dict[str, set[str]]) -> list[str]:
    """ALTER statements that give tables made by an earlier ita the columns the contract has
    added since (additions are nullable, so existing rows read null)."""
    return [f"ALTER TABLE {table} ADD COLUMN {c.name} {dialect.types[c.type]}"
            for table, columns in present.items() for c in TABLES[table]
            if c.name not in columns]


def with_row_numbers(table: pa.Table) -> pa.Table:
    """The table with `row_no`: each row's place among its document's rows."""
    import numpy as np
    import pyarrow as pa

    document = table.column("doc_id").combine_chunks().dictionary_encode().indices.to_numpy()
    order = np.argsort(document, kind="stable")  # each document's rows together, in order
    counts = np.bincount(document)
    numbers = np.empty(len(document), np.int32)
    # a row's place in that order, less the place where its document's rows begin
    numbers[order] = np.arange(len(document)) - np.repeat(np.cumsum(counts) - counts, counts)
    return table.append_column("row_no", pa.array(numbers))
