"""Values that are hard to carry (quotes, backslashes, braces, commas, new lines, empty texts
beside nulls, lists of them) arrive in the database exactly as the rows hold them."""

from __future__ import annotations

import math
from datetime import date

from pipeline.database import connect
from pipeline.output.writers import to_arrow
from tests.support.databases import query

DOC = "d" * 64
AWKWARD = ['a "quoted" unit', "back\\slash", "comma, inside", "{braces}", "two\nlines", "",
           "NULL", "สำนักปลัด/กองคลัง"]


def _document() -> dict:
    return {"doc_id": DOC, "source_path": 'dir\\"odd", name.txt', "source_format": "txt",
            "page_count": None, "status": "ok", "error": "", "org_id": None,
            "org_name": "เทศบาลตำบลบ้านใหม่-หนองบัว", "org_type": "subdistrict_municipality",
            "district": None, "province": None, "fiscal_year": 2567, "assessment_year": None,
            "parser_version": "0", "repairs": 0, "unread_rows": 0, "ocr_pages": None}


def _measure(seq: int, responsible: list[str]) -> dict:
    return {"doc_id": DOC, "org_id": None, "fiscal_year": 2567, "stage": "plan", "seq": seq,
            "topic": None, "measure": f'วัด "{seq}"\nบรรทัดสอง', "method": "",
            "responsible": responsible, "period_text": "ต.ค. 66 – ก.ย. 67",
            "period_start": date(2023, 10, 1), "period_end": date(2024, 9, 30),
            "result": None, "outcome": "\\N", "suggestion": ",", "indicators": [],
            "page_start": 1, "page_end": 2, "status": None, "inherited": ["responsible"],
            "read_by": "text"}


def test_awkward_values_load_exactly(db_url: str) -> None:
    measures = [_measure(1, AWKWARD), _measure(2, []), _measure(3, ['"'])]
    tables = {"documents": to_arrow("documents", [_document()]),
              "scores": to_arrow("scores", []), "measures": to_arrow("measures", measures),
              "o_items": to_arrow("o_items", []), "findings": to_arrow("findings", [])}
    target = connect(db_url)
    try:
        target.load(tables)
    finally:
        target.close()
    assert query(db_url, "SELECT source_path, error, page_count FROM documents") == [
        ('dir\\"odd", name.txt', "", None)]
    rows = query(db_url, "SELECT seq, measure, method, responsible, result, outcome, "
                         "suggestion, period_start, inherited FROM measures ORDER BY seq")
    assert rows == [
        (1, 'วัด "1"\nบรรทัดสอง', "", AWKWARD, None, "\\N", ",", date(2023, 10, 1),
         ["responsible"]),
        (2, 'วัด "2"\nบรรทัดสอง', "", [], None, "\\N", ",", date(2023, 10, 1), ["responsible"]),
        (3, 'วัด "3"\nบรรทัดสอง', "", ['"'], None, "\\N", ",", date(2023, 10, 1),
         ["responsible"]),
    ]


def _score(score: float) -> dict:
    return {"doc_id": DOC, "org_id": None, "assessment_year": 2567, "scope": "overall",
            "tool": None, "code": "ITA", "name": "คะแนน", "score": score, "grade": None,
            "respondents": None, "source": "text", "page": None, "evidence": "ITA 0",
            "read_by": "text", "confidence": None}


def _load(db_url: str, measures: list[dict], score: float) -> None:
    target = connect(db_url)
    try:
        target.load({"documents": to_arrow("documents", [_document()]),
                     "scores": to_arrow("scores", [_score(score)]),
                     "measures": to_arrow("measures", measures),
                     "o_items": to_arrow("o_items", []), "findings": to_arrow("findings", [])})
    finally:
        target.close()


def _row_versions(db_url: str) -> list[tuple]:
    """What changes when a row is written again: DuckDB's row id, PostgreSQL's xmin."""
    version = "rowid" if db_url.startswith("duckdb") else "xmin::text"
    return query(db_url, f"SELECT {version} FROM measures ORDER BY row_no")


def test_a_reload_leaves_equal_rows_and_replaces_a_document_that_differs(db_url: str) -> None:
    """Loaded again, awkward values compare equal to themselves and nothing is written; one list
    element more, or a score's sign (-0.0 = 0.0 in SQL), and the document is replaced."""
    measures = [_measure(1, AWKWARD), _measure(2, []), _measure(3, ['"'])]
    _load(db_url, measures, 0.0)
    written = _row_versions(db_url)
    _load(db_url, measures, 0.0)
    assert _row_versions(db_url) == written
    _load(db_url, measures, -0.0)
    assert math.copysign(1, query(db_url, "SELECT score FROM scores")[0][0]) == -1
    assert _row_versions(db_url) != written
    written = _row_versions(db_url)
    measures[1]["responsible"] = [None]
    _load(db_url, measures, -0.0)
    assert _row_versions(db_url) != written
    assert query(db_url, "SELECT responsible FROM measures ORDER BY seq") == [
        (AWKWARD,), ([None],), (['"'],)]
