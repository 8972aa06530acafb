"""`ita load` and `ita convert --db` into a real DuckDB database."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from pipeline.cli import main
from pipeline.convert import Input, convert_file
from pipeline.database import LOADED
from pipeline.dataset import DatasetWriter
from pipeline.schema import TABLES

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
INJECTION = "ผลการดำเนินงาน 'ตามแผน'; \"ครบ\" '); DROP TABLE documents; --"


@pytest.fixture
def converted(tmp_path: Path) -> Path:
    out = tmp_path / "converted"
    assert main(["convert", str(FIXTURES / "txt"), "--out", str(out), "--quiet"]) == 0
    return out


def counts(db: Path) -> dict[str, int]:
    with duckdb.connect(str(db)) as con:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in LOADED}


def url(db: Path) -> str:
    return f"duckdb:///{db}"


def test_loading_twice_changes_nothing(converted: Path, tmp_path: Path) -> None:
    db = tmp_path / "ita.duckdb"
    assert main(["load", str(converted), "--db", url(db)]) == 0
    first = counts(db)
    assert first == {"documents": 3, "scores": 31, "measures": 28, "o_items": 43, "findings": 2}
    assert main(["load", str(converted), "--db", url(db)]) == 0
    assert counts(db) == first


def test_convert_with_db_loads_what_load_loads(converted: Path, tmp_path: Path) -> None:
    loaded, live = tmp_path / "loaded.duckdb", tmp_path / "live.duckdb"
    main(["load", str(converted), "--db", url(loaded)])
    assert main(["convert", str(FIXTURES / "txt"), "--out", str(tmp_path / "again"),
                 "--db", url(live), "--quiet"]) == 0
    assert counts(live) == counts(loaded)


def test_a_document_converted_again_replaces_its_rows(converted: Path, tmp_path: Path) -> None:
    db = tmp_path / "ita.duckdb"
    main(["load", str(converted), "--db", url(db)])
    # the same file converted again by a later version that finds no O-items in it
    source = FIXTURES / "txt" / "002_49dc0f6618795a8f.txt"
    result = convert_file(Input(source, source.name))
    result.tables["o_items"] = []
    newer = tmp_path / "newer"
    with DatasetWriter(newer, ["parquet"], resume=False) as writer:
        writer.write({**{t: [] for t in TABLES}, **result.tables,
                      "manifest": [result.manifest_row()]})
        writer.finish()
    assert main(["load", str(newer), "--db", url(db)]) == 0
    assert counts(db)["o_items"] == 0
    assert counts(db)["documents"] == 3
    with duckdb.connect(str(db)) as con:
        for table in LOADED[1:]:
            orphans = con.execute(f"SELECT count(*) FROM {table} WHERE doc_id NOT IN "
                                  "(SELECT doc_id FROM documents)").fetchone()[0]
            assert orphans == 0, table


def test_text_with_quotes_and_sql_loads_verbatim(tmp_path: Path) -> None:
    report = tmp_path / "in" / "report.txt"
    report.parent.mkdir()
    report.write_text(
        "รายงาน องค์การบริหารส่วนตำบลหนองบัว ประจำปีงบประมาณ พ.ศ. 2567\n\n"
        "มาตรการ\tผลการดำเนินงาน\tผู้รับผิดชอบ\n"
        f"จัดอบรม; 'ครั้งที่ 1'\t{INJECTION}\tกองคลัง\n", "utf-8")
    db = tmp_path / "ita.duckdb"
    assert main(["convert", str(report.parent), "--out", str(tmp_path / "out"),
                 "--db", url(db), "--quiet"]) == 0
    with duckdb.connect(str(db)) as con:
        measure, result = con.execute("SELECT measure, result FROM measures").fetchone()
        assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == 1
    assert (measure, result) == ("จัดอบรม; 'ครั้งที่ 1'", INJECTION)


def test_a_database_of_another_contract_version_is_refused(converted: Path,
                                                           tmp_path: Path) -> None:
    db = tmp_path / "ita.duckdb"
    main(["load", str(converted), "--db", url(db)])
    with duckdb.connect(str(db)) as con:
        con.execute("UPDATE ita_schema SET version = 0")
    before = counts(db)
    assert main(["load", str(converted), "--db", url(db)]) == 2
    assert counts(db) == before


def test_the_latest_report_gives_the_latest_score(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for fiscal, score in ((2566, "85.48"), (2567, "86.10")):
        (folder / f"{fiscal}.txt").write_text(
            f"รายงาน องค์การบริหารส่วนตำบลพันชนะ ประจำปีงบประมาณ {fiscal}\n\n"
            f"ผลการประเมิน ITA ประจำปี พ.ศ. 2566 คะแนนภาพรวม {score} คะแนน\n", "utf-8")
    db = tmp_path / "ita.duckdb"
    main(["convert", str(folder), "--out", str(tmp_path / "out"), "--db", url(db), "--quiet"])
    with duckdb.connect(str(db)) as con:
        rows = con.execute("SELECT org_id, assessment_year, score FROM latest_scores "
                           "WHERE scope = 'overall'").fetchall()
    assert rows == [("sao:พันชนะ", 2566, 86.10)]


def test_an_unsupported_database_is_a_usage_error(converted: Path) -> None:
    assert main(["load", str(converted), "--db", "mysql://localhost/ita"]) == 2
