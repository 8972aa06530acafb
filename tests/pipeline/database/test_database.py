"""`ita load` and `ita convert --db` into real databases: a DuckDB file and a PostgreSQL server.

Every test taking `db_url` runs once per database; the counts are the golden row counts of
the three text reports (000: 13 scores, 7 measures; 002: 4, 11, 43 O-items; 004: 14, 10).
"""

from __future__ import annotations

import csv
import socket
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from pipeline.cli import main
from pipeline.database import LOADED, DatabaseError, connect
from pipeline.database.sql import DUCKDB, POSTGRES, VERSION_TABLE, ddl
from pipeline.output.dataset import DatasetWriter
from pipeline.output.schema import TABLES
from pipeline.run.one_file import Input, convert_file
from tests.support.databases import query
from tests.support.paths import ROOT

FIXTURES = ROOT / "fixtures"
REPORT_002 = "002_49dc0f6618795a8f"
INJECTION = "ผลการดำเนินงาน 'ตามแผน'; \"ครบ\" '); DROP TABLE documents; --"
GOLDEN_COUNTS = {"documents": 3, "scores": 31, "measures": 28, "o_items": 43, "findings": 2}


@pytest.fixture
def converted(tmp_path: Path) -> Path:
    out = tmp_path / "converted"
    assert main(["convert", str(FIXTURES / "txt"), "--out", str(out), "--quiet"]) == 0
    return out


def counts(url: str) -> dict[str, int]:
    return {t: query(url, f"SELECT count(*) FROM {t}")[0][0] for t in LOADED}


def orphans(url: str) -> dict[str, int]:
    return {t: query(url, f"SELECT count(*) FROM {t} WHERE doc_id NOT IN "
                          "(SELECT doc_id FROM documents)")[0][0] for t in LOADED[1:]}


def everything(url: str) -> dict[str, list[tuple]]:
    """Every row of every loaded table, in key order."""
    return {t: query(url, f"SELECT * FROM {t} ORDER BY doc_id"
                          + ("" if t == "documents" else ", row_no")) for t in LOADED}


def test_loading_twice_changes_nothing(converted: Path, db_url: str) -> None:
    assert main(["load", str(converted), "--db", db_url]) == 0
    assert counts(db_url) == GOLDEN_COUNTS
    assert main(["load", str(converted), "--db", db_url]) == 0
    assert counts(db_url) == GOLDEN_COUNTS


def test_every_value_arrives_as_written(converted: Path, db_url: str) -> None:
    """Lists, dates, nulls and floats read back equal to the Parquet output, row for row."""
    main(["load", str(converted), "--db", db_url])
    for table in LOADED:
        names = [c.name for c in TABLES[table]]
        written = pq.read_table(converted / f"{table}.parquet").to_pylist()
        order = "doc_id" if table == "documents" else "doc_id, row_no"
        loaded = query(db_url, f"SELECT {', '.join(names)} FROM {table} ORDER BY {order}")
        expected = sorted(written, key=lambda r: r["doc_id"])  # stable: keeps row order
        assert [dict(zip(names, row, strict=True)) for row in loaded] == expected, table


def test_convert_with_db_loads_what_load_loads(converted: Path, db_url: str,
                                               tmp_path: Path) -> None:
    assert main(["convert", str(FIXTURES / "txt"), "--out", str(tmp_path / "again"),
                 "--db", db_url, "--quiet", "--batch-size", "2"]) == 0
    assert counts(db_url) == GOLDEN_COUNTS


def test_a_document_converted_again_replaces_its_rows(converted: Path, db_url: str,
                                                      tmp_path: Path) -> None:
    main(["load", str(converted), "--db", db_url])
    # the same file converted again by a later version that finds no O-items in it
    source = FIXTURES / "txt" / f"{REPORT_002}.txt"
    result = convert_file(Input(source, source.name))
    result.tables["o_items"] = []
    result.tables["documents"][0]["repairs"] = 99
    newer = tmp_path / "newer"
    with DatasetWriter(newer, ["parquet"], resume=False) as writer:
        writer.write({**{t: [] for t in TABLES}, **result.tables,
                      "manifest": [result.manifest_row()]})
        writer.finish()
    assert main(["load", str(newer), "--db", db_url]) == 0
    assert counts(db_url) == {**GOLDEN_COUNTS, "o_items": 0}
    assert orphans(db_url) == {t: 0 for t in LOADED[1:]}
    assert query(db_url, "SELECT repairs FROM documents WHERE source_path LIKE '002%'") == [(99,)]


def _row_versions(url: str, table: str) -> dict[tuple, str]:
    """Each row's key and its xmin, the transaction that wrote it."""
    key = "doc_id" if table == "documents" else "doc_id, row_no"
    return {tuple(row[:-1]): row[-1]
            for row in query(url, f"SELECT {key}, xmin::text FROM {table}")}


def test_a_reload_writes_only_the_documents_that_changed(converted: Path,
                                                         postgres_url: str) -> None:
    main(["load", str(converted), "--db", postgres_url])
    before = {t: _row_versions(postgres_url, t) for t in LOADED}
    tables = {t: pq.read_table(converted / f"{t}.parquet") for t in LOADED}
    scores = tables["scores"].to_pylist()
    changed = scores[0]["doc_id"]
    scores[0]["score"] += 1
    tables["scores"] = pa.Table.from_pylist(scores, tables["scores"].schema)
    target = connect(postgres_url)
    try:
        target.load(tables)
    finally:
        target.close()
    for table in LOADED:
        after = _row_versions(postgres_url, table)
        assert after.keys() == before[table].keys()
        assert {key[0] for key in after if after[key] != before[table][key]} == (
            {changed} if any(key[0] == changed for key in after) else set())
    assert query(postgres_url, f"SELECT score FROM scores WHERE doc_id = '{changed}' "
                               "AND row_no = 0") == [(scores[0]["score"],)]


def test_a_unit_replacing_every_document_loaded_keeps_the_keys(converted: Path,
                                                              db_url: str) -> None:
    """Every document converted again by a later version: PostgreSQL empties the tables and
    builds the keys again after the rows; what is loaded is the new rows, keys and all."""
    main(["load", str(converted), "--db", db_url])
    tables = {t: pq.read_table(converted / f"{t}.parquet") for t in LOADED}
    documents = tables["documents"]
    tables["documents"] = documents.set_column(
        documents.schema.get_field_index("parser_version"), "parser_version",
        pa.array(["9.9"] * documents.num_rows))
    tables["o_items"] = tables["o_items"].slice(1)
    target = connect(db_url)
    try:
        target.load(tables)
    finally:
        target.close()
    assert counts(db_url) == {**GOLDEN_COUNTS, "o_items": GOLDEN_COUNTS["o_items"] - 1}
    assert query(db_url, "SELECT DISTINCT parser_version FROM documents") == [("9.9",)]
    assert orphans(db_url) == {t: 0 for t in LOADED[1:]}
    assert_keys_and_indexes(db_url)


def test_a_part_the_database_refuses_changes_nothing(converted: Path, db_url: str) -> None:
    """The part's transaction is rolled back whole: its upserted documents and replaced rows
    go back to what the load before left (here a score of an unknown document fails it)."""
    main(["load", str(converted), "--db", db_url])
    before = everything(db_url)
    tables = {t: pq.read_table(converted / f"{t}.parquet") for t in LOADED}
    documents = tables["documents"]
    tables["documents"] = documents.set_column(
        documents.schema.get_field_index("repairs"), "repairs",
        pa.array([99] * documents.num_rows, pa.int32()))
    _load_refused(db_url, tables)
    assert everything(db_url) == before


def _load_refused(db_url: str, tables: dict[str, pa.Table]) -> None:
    """Load the tables with a score of an unknown document added: the load must be refused."""
    stray = tables["scores"].slice(0, 1).to_pylist()[0] | {"doc_id": "no such document"}
    tables["scores"] = pa.concat_tables(
        [tables["scores"], pa.Table.from_pylist([stray], tables["scores"].schema)])
    target = connect(db_url)
    try:
        with pytest.raises(DatabaseError, match="rolled back"):
            target.load(tables)
    finally:
        target.close()


def test_text_with_quotes_and_sql_loads_verbatim(db_url: str, tmp_path: Path) -> None:
    report = tmp_path / "in" / "report.txt"
    report.parent.mkdir()
    report.write_text(
        "รายงาน องค์การบริหารส่วนตำบลหนองบัว ประจำปีงบประมาณ พ.ศ. 2567\n\n"
        "มาตรการ\tผลการดำเนินงาน\tผู้รับผิดชอบ\n"
        f"จัดอบรม; 'ครั้งที่ 1'\t{INJECTION}\tกองคลัง\n", "utf-8")
    assert main(["convert", str(report.parent), "--out", str(tmp_path / "out"),
                 "--db", db_url, "--quiet"]) == 0
    assert query(db_url, "SELECT measure, result FROM measures") == [
        ("จัดอบรม; 'ครั้งที่ 1'", INJECTION)]
    assert query(db_url, "SELECT count(*) FROM documents") == [(1,)]


def test_keys_foreign_keys_and_indexes(converted: Path, db_url: str) -> None:
    main(["load", str(converted), "--db", db_url])
    assert_keys_and_indexes(db_url)


def assert_keys_and_indexes(db_url: str) -> None:
    if db_url.startswith("duckdb"):
        indexes = {name for (name,) in query(db_url, "SELECT index_name FROM duckdb_indexes()")}
    else:
        indexes = {name for (name,) in query(
            db_url, "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()")}
    for table in ("scores", "o_items"):
        assert {f"{table}_org_id", f"{table}_assessment_year", f"{table}_code"} <= indexes
    assert {"measures_org_id", "findings_code"} <= indexes
    finding = ("INSERT INTO findings (doc_id, severity, code, message, row_no) "
               "VALUES ('{}', 'info', 'X', 'x', 0)")
    with pytest.raises(Exception, match="(?i)foreign key"):
        query(db_url, finding.format("no such document"))
    query(db_url, "INSERT INTO documents (doc_id, source_path, status, parser_version) "
                  "VALUES ('d', 'd.txt', 'ok', '0')")
    query(db_url, finding.format("d"))
    with pytest.raises(Exception, match="(?i)primary key|unique|duplicate"):
        query(db_url, finding.format("d"))


def test_a_first_load_the_database_refuses_leaves_it_empty_and_whole(converted: Path,
                                                                     db_url: str) -> None:
    """Into empty tables PostgreSQL builds keys and indexes after the rows: a unit refused
    (a score of an unknown document) leaves them as they were, and the tables empty."""
    connect(db_url).close()  # creates the schema
    tables = {t: pq.read_table(converted / f"{t}.parquet") for t in LOADED}
    _load_refused(db_url, tables)
    assert counts(db_url) == dict.fromkeys(LOADED, 0)
    assert_keys_and_indexes(db_url)


def test_keys_built_again_are_those_the_schema_made(converted: Path, postgres_url: str) -> None:
    definitions = ("SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) "
                   "FROM pg_constraint WHERE connamespace = current_schema()::regnamespace "
                   "UNION ALL SELECT tablename, indexname, indexdef FROM pg_indexes "
                   "WHERE schemaname = current_schema() ORDER BY 1, 2, 3")
    connect(postgres_url).close()
    made = query(postgres_url, definitions)
    assert main(["load", str(converted), "--db", postgres_url]) == 0
    assert query(postgres_url, definitions) == made
    assert len(made) == 24  # 5 keys and their indexes, 4 foreign keys, 10 other indexes


def test_a_database_of_another_contract_version_is_refused(converted: Path, db_url: str,
                                                           capsys: pytest.CaptureFixture) -> None:
    main(["load", str(converted), "--db", db_url])
    query(db_url, "UPDATE ita_schema SET version = 0")
    assert main(["load", str(converted), "--db", db_url]) == 2
    assert "contract version 0" in capsys.readouterr().err
    assert counts(db_url) == GOLDEN_COUNTS


def test_tables_ita_did_not_make_are_left_alone(converted: Path, db_url: str,
                                                capsys: pytest.CaptureFixture) -> None:
    query(db_url, "CREATE TABLE documents (id INTEGER)")
    assert main(["load", str(converted), "--db", db_url]) == 2
    assert "did not create" in capsys.readouterr().err
    assert query(db_url, "SELECT count(*) FROM documents") == [(0,)]


def test_the_latest_report_gives_the_latest_score(db_url: str, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for fiscal, score in ((2566, "85.48"), (2567, "86.10")):
        (folder / f"{fiscal}.txt").write_text(
            f"รายงาน องค์การบริหารส่วนตำบลพันชนะ ประจำปีงบประมาณ {fiscal}\n\n"
            f"ผลการประเมิน ITA ประจำปี พ.ศ. 2566 คะแนนภาพรวม {score} คะแนน\n", "utf-8")
    main(["convert", str(folder), "--out", str(tmp_path / "out"), "--db", db_url, "--quiet"])
    assert query(db_url, "SELECT org_id, assessment_year, score FROM latest_scores "
                         "WHERE scope = 'overall'") == [("sao:พันชนะ", 2566, 86.10)]


def test_the_o_item_state_prefers_a_report_that_says_done(db_url: str, tmp_path: Path) -> None:
    """002 as text (every item unknown) and as Word (O7, O21, O40 ticked not done)."""
    folder = tmp_path / "in"
    folder.mkdir()
    for kind in ("txt", "docx"):
        (folder / f"{REPORT_002}.{kind}").write_bytes(
            (FIXTURES / kind / f"{REPORT_002}.{kind}").read_bytes())
    main(["convert", str(folder), "--out", str(tmp_path / "out"), "--db", db_url, "--quiet"])
    state = query(db_url, "SELECT code, status FROM o_item_state "
                          "WHERE org_id = 'sao:พันชนะ:นครราชสีมา' AND assessment_year = 2566")
    assert len(state) == 43
    assert sorted(code for code, status in state if status == "not_done") == ["O21", "O40", "O7"]
    assert {status for code, status in state if code not in ("O7", "O21", "O40")} == {"done"}


def test_concurrent_loads_of_the_same_folder(converted: Path, postgres_url: str) -> None:
    """Two `ita load` processes at once: both succeed and every row is there once."""
    command = [sys.executable, "-m", "pipeline.cli", "load", str(converted), "--db", postgres_url]
    loaders = [subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True) for _ in range(2)]
    for loader in loaders:
        out, err = loader.communicate(timeout=120)
        assert loader.returncode == 0, err
    assert counts(postgres_url) == GOLDEN_COUNTS


def test_an_unreachable_server_is_a_clear_error(converted: Path, tmp_path: Path,
                                                capsys: pytest.CaptureFixture) -> None:
    url = "postgresql://ita:s3cret@127.0.0.1:1/ita"
    assert main(["convert", str(FIXTURES / "txt"), "--out", str(tmp_path / "out"),
                 "--db", url, "--quiet"]) == 2
    err = capsys.readouterr().err
    assert "Cannot connect to postgresql://ita:***@127.0.0.1:1/ita" in err
    assert "s3cret" not in err
    assert not (tmp_path / "out").exists()


def test_an_unsupported_database_is_a_usage_error(converted: Path,
                                                  capsys: pytest.CaptureFixture) -> None:
    assert main(["load", str(converted), "--db", "mysql://localhost/ita"]) == 2
    assert "Unsupported database URL" in capsys.readouterr().err


def test_a_database_failing_mid_run_loses_nothing(postgres_url: str, tmp_path: Path,
                                                  capsys: pytest.CaptureFixture) -> None:
    """The server refuses 004's scores (a trigger): conversion completes, `ita load` catches up."""
    connect(postgres_url).close()  # creates the schema
    query(postgres_url, """
        CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'disk full'; END $$;
        CREATE TRIGGER refuse BEFORE INSERT ON scores FOR EACH ROW
        WHEN (NEW.org_id LIKE '%ลำน้ำพอง%') EXECUTE FUNCTION refuse();""")
    out = tmp_path / "out"
    assert main(["convert", str(FIXTURES / "txt"), "--out", str(out), "--db", postgres_url,
                 "--batch-size", "1", "--workers", "1", "--quiet"]) == 1
    err = capsys.readouterr().err
    assert "not loaded into the database" in err and "disk full" in err
    assert f"ita load {out} --db URL" in err
    assert query(postgres_url, "SELECT count(*) FROM documents WHERE org_id LIKE '%ลำน้ำพอง%'") \
        == [(0,)]
    assert pq.read_table(out / "scores.parquet").num_rows == GOLDEN_COUNTS["scores"]
    query(postgres_url, "DROP TRIGGER refuse ON scores")
    assert main(["load", str(out), "--db", postgres_url]) == 0
    assert counts(postgres_url) == GOLDEN_COUNTS


def _closed_port() -> int:
    """A loopback port nothing listens on: one the system has just handed out and taken back."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_a_refused_connection_says_why(converted: Path, capsys: pytest.CaptureFixture) -> None:
    port = _closed_port()
    url = f"postgresql://ita:s3cret@127.0.0.1:{port}/ita"
    assert main(["load", str(converted), "--db", url]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"ita load: Cannot connect to postgresql://ita:***@127.0.0.1:{port}/ita")
    assert "Connection refused" in err and "s3cret" not in err


@pytest.mark.parametrize(("wrong", "reason"), [
    ("password", "password authentication failed"),
    ("database", 'database "ita_no_such_database" does not exist'),
])
def test_a_server_that_refuses_says_why(converted: Path, postgres_url: str, wrong: str,
                                        reason: str, capsys: pytest.CaptureFixture) -> None:
    parts = urlsplit(postgres_url)
    if wrong == "password":
        url = urlunsplit(parts._replace(
            netloc=parts.netloc.replace(f":{parts.password}@", ":not-the-password@")))
    else:
        url = urlunsplit(parts._replace(path="/ita_no_such_database"))
        reason = reason.replace(parts.password, "***")  # the password is masked wherever it is
    assert main(["load", str(converted), "--db", url]) == 2
    err = capsys.readouterr().err
    assert f"Cannot connect to {parts.scheme}://{parts.username}:***@{parts.hostname}" in err
    assert reason in err
    assert "not-the-password" not in err and f":{parts.password}@" not in err


def test_unreadable_parts_and_unwritable_databases_are_sentences(
        converted: Path, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    database = blocker / "ita.duckdb"
    assert main(["load", str(converted), "--db", f"duckdb:///{database}"]) == 2
    assert capsys.readouterr().err == (f"ita load: Cannot create the DuckDB database {database}: "
                                       f"{blocker} is a file, not a folder.\n")
    [part] = (converted / "scores.parquet").glob("part-*.parquet")
    part.write_bytes(b"PAR1 cut short by a full disk")
    assert main(["load", str(converted), "--db", f"duckdb:///{tmp_path / 'ita.duckdb'}"]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"ita load: Cannot read {part}: ") and "Convert the folder again" in err


def _audit_rows(folder: Path, report: Path) -> list[dict[str, str]]:
    assert main(["audit", str(folder), "--out", str(report)]) == 0
    with report.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def test_a_folder_converted_as_csv_only_loads_and_audits(
        converted: Path, db_url: str, tmp_path: Path) -> None:
    """Its Parquet parts are in DIR/.parts: load and audit find them there."""
    csv_only = tmp_path / "csv-only"
    assert main(["convert", str(FIXTURES / "txt"), "--out", str(csv_only), "--format", "csv",
                 "--quiet"]) == 0
    assert not (csv_only / "manifest.parquet").exists()
    assert main(["load", str(csv_only), "--db", db_url]) == 0
    assert counts(db_url) == GOLDEN_COUNTS
    rows = _audit_rows(csv_only, tmp_path / "csv-only.csv")
    assert rows == _audit_rows(converted, tmp_path / "parquet.csv")
    # 002 lists all 43 items of the ITA 2566 catalogue, in text without ticks: all unknown
    assert {(r["org_id"], r["assessment_year"], r["state"]) for r in rows} == {
        ("sao:พันชนะ:นครราชสีมา", "2566", "unknown")}
    assert len(rows) == 43


def test_a_database_made_before_a_column_was_added_gets_it(converted: Path, db_url: str) -> None:
    """Columns are added to the contract (v1, additive): an older database is given them."""
    dialect = DUCKDB if db_url.startswith("duckdb") else POSTGRES
    older = [s.replace(", unread_rows INTEGER", "") for s in ddl(dialect)]
    assert older != ddl(dialect)  # documents was made without the column
    for statement in older + [f"INSERT INTO {VERSION_TABLE} VALUES (1)"]:
        query(db_url, statement)
    assert main(["load", str(converted), "--db", db_url]) == 0
    assert counts(db_url) == GOLDEN_COUNTS
    assert sorted(query(db_url, "SELECT unread_rows FROM documents")) == [(0,), (0,), (0,)]
