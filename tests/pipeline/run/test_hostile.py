"""The bad-input corpus (fixtures/bad_inputs.py) converted in one run with the good fixtures:
no crash, no hang, no file read outside the inputs, no other file's rows lost, memory bounded.
"""

from __future__ import annotations

import csv
import shutil
import subprocess
import sys
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from fixtures.bad_inputs import SECRET, build
from pipeline.cli import main
from tests.support.paths import ROOT

FIXTURES = ROOT / "fixtures"
TIMEOUT = 120
TABLES = ("documents", "scores", "measures", "o_items", "findings")
REPORT = "004_20768b841998a7f2"
PEAK = """import resource, subprocess, sys
code = subprocess.call(sys.argv[1:])
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
sys.exit(code)"""
"""Runs a command and prints the peak RSS (KiB) of it and every process under it."""

OUTCOMES = {  # file: (status, words of its error), read off what each file is
    "empty.pdf": ("failed", "The file is empty (0 bytes)"),
    "truncated.pdf": ("failed", "The PDF is damaged"),
    "truncated.docx": ("failed", "The Word file is damaged or incomplete"),
    "docx-named.pdf": ("ok", None),
    "pdf-named.txt": ("ok", None),
    "password.pdf": ("failed", "protected by a password"),
    "broken-xref.pdf": ("ok", None),
    "scanned.pdf": ("failed", "Pages 1-3 of 3 have no text layer"),
    "image.pdf": ("failed", "The file is a PNG image, not a document"),
    "error-page.pdf": ("failed", "The file is a web page (HTML)"),
    "zip-bomb.docx": ("failed", "inflates to 1,025 MB, more than the limit of 512 MB"),
    "xxe.docx": ("ok", None),
    "many-tables.docx": ("ok", None),
    "2000-pages.pdf": ("failed", "The PDF has 2,000 pages, more than the limit of 1,000"),
    "noise.bin": ("failed", "not a PDF, Word or text document"),
    "recipe.txt": ("ok", None),
    "report-tis620.txt": ("ok", None),
    "report-cp874.txt": ("ok", None),
    "report-utf16.txt": ("ok", None),
    "no-lists.docx": ("ok", None),
    "deep.docx": ("failed", "nested deeper than a reader can follow"),
    "gone.pdf": ("failed", "which does not exist; nothing to read"),
    "pipe.txt": ("failed", "The entry is a named pipe (FIFO), not a file"),
    "รายงาน-ทีไอเอส.txt": ("ok", None),
    "offsets-shifted.pdf": ("ok", None),
    "no-unicode.pdf": ("ok", None),  # its text cannot be decoded: its pages are read by OCR
}
SAME_AS = {  # a bad file that is a good report in disguise: the good file it must equal
    "docx-named.pdf": f"docx/{REPORT}.docx", "pdf-named.txt": f"pdf/{REPORT}.pdf",
    "broken-xref.pdf": f"pdf/{REPORT}.pdf", "report-cp874.txt": f"txt/{REPORT}.txt",
    "report-utf16.txt": f"txt/{REPORT}.txt", "no-lists.docx": f"docx/{REPORT}.docx",
    "รายงาน-ทีไอเอส.txt": f"txt/{REPORT}.txt", "offsets-shifted.pdf": f"pdf/{REPORT}.pdf",
}


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    root = tmp_path_factory.mktemp("hostile")
    corpus = build(root / "bad")
    good = root / "good"
    for kind in ("txt", "docx", "pdf"):
        shutil.copytree(FIXTURES / kind, good / kind, ignore=shutil.ignore_patterns("*.py"))
    out = root / "out"
    done = subprocess.run(
        [sys.executable, "-c", PEAK, sys.executable, "-m", "pipeline.cli", "convert",
         str(root / "bad"), str(good), "--out", str(out), "--workers", "2",
         "--timeout", str(TIMEOUT), "--quiet"],
        cwd=ROOT, capture_output=True, text=True, timeout=len(corpus) * TIMEOUT)
    assert main(["convert", str(good), "--out", str(root / "clean"), "--quiet"]) == 0
    return {"corpus": corpus, "exit": done.returncode, "stderr": done.stderr,
            "peak_kib": int(done.stdout.split()[-1]), "out": out, "clean": root / "clean"}


def _rows(folder: Path, table: str) -> list[dict[str, object]]:
    return pq.read_table(folder / f"{table}.parquet").to_pylist()


def _by_file(folder: Path, table: str) -> dict[str, list[dict[str, object]]]:
    """A table's rows by source file, without the columns that name the file."""
    paths = {d["doc_id"]: d["source_path"] for d in _rows(folder, "documents")}
    out: dict[str, list[dict[str, object]]] = {}
    for row in _rows(folder, table):
        out.setdefault(paths[row["doc_id"]], []).append(
            {k: v for k, v in row.items() if k not in ("doc_id", "source_path")})
    return out


def test_every_bad_file_has_its_outcome(runs: dict) -> None:
    assert runs["exit"] == 1, runs["stderr"]  # some inputs failed; the run itself did not
    assert set(runs["corpus"]) == set(OUTCOMES)
    documents = {d["source_path"]: d for d in _rows(runs["out"], "documents")}
    for name, (status, words) in OUTCOMES.items():
        doc = documents[name]
        assert doc["status"] == status, (name, doc["error"])
        if words is not None:
            assert words in doc["error"], (name, doc["error"])


def test_pages_whose_text_cannot_be_decoded_are_read_by_ocr(runs: dict) -> None:
    documents = {d["source_path"]: d for d in _rows(runs["out"], "documents")}
    if documents["no-unicode.pdf"]["ocr_pages"] is None:
        pytest.skip("Tesseract is not installed: the pages fail instead (tested elsewhere)")
    assert documents["no-unicode.pdf"]["ocr_pages"] == 10
    scores = _by_file(runs["out"], "scores")["no-unicode.pdf"]
    assert scores and {s["read_by"] for s in scores} == {"ocr"}


def test_repaired_files_say_so(runs: dict) -> None:
    findings = _by_file(runs["out"], "findings")
    for name in ("offsets-shifted.pdf", "broken-xref.pdf"):
        assert ("warning", "FILE_REPAIRED") in {(f["severity"], f["code"]) for f in findings[name]}


def test_output_folders_and_link_loops_are_not_read(runs: dict) -> None:
    paths = [d["source_path"] for d in _rows(runs["out"], "documents")]
    assert not [p for p in paths if p.startswith(("converted/", "loop/"))]
    assert 99.99 not in {s["score"] for s in _rows(runs["out"], "scores")}


def test_every_good_file_is_whole(runs: dict) -> None:
    for table in TABLES:
        clean = _by_file(runs["clean"], table)
        mixed = _by_file(runs["out"], table)
        for path, rows in clean.items():
            assert mixed.get(path) == rows, (table, path)


def test_reports_in_disguise_and_other_encodings_read_as_the_report(runs: dict) -> None:
    for table in ("scores", "measures", "o_items"):
        rows = _by_file(runs["out"], table)
        for name, original in SAME_AS.items():
            assert rows.get(name) == rows.get(original), (table, name)
    # TIS-620 has no en dash, so the text differs there; the scores (read off report 004 by a
    # person in tests/test_golden_004.py) are the same
    scores = _by_file(runs["out"], "scores")
    key = lambda r: (r["assessment_year"], r["scope"], r["code"], r["name"], r["score"])  # noqa: E731
    assert sorted(map(key, scores["report-tis620.txt"])) == sorted(
        map(key, scores[f"txt/{REPORT}.txt"]))
    assert len(scores["report-tis620.txt"]) == 14


def test_documents_that_are_not_reports_give_no_rows(runs: dict) -> None:
    findings = _by_file(runs["out"], "findings")
    for name in ("recipe.txt", "many-tables.docx", "xxe.docx"):
        for table in ("scores", "measures", "o_items"):
            assert name not in _by_file(runs["out"], table), (name, table)
        assert [(f["severity"], f["code"]) for f in findings[name]] == [
            ("info", "NOT_ITA_REPORT")], name


def test_the_external_entity_is_never_resolved(runs: dict) -> None:
    out: Path = runs["out"]
    for path in out.glob("*.csv"):
        assert SECRET not in path.read_text("utf-8-sig"), path
    for table in TABLES:
        for row in _rows(out, table):
            assert not any(isinstance(v, str) and SECRET in v for v in row.values()), table
    with (out / "documents.csv").open(encoding="utf-8-sig") as fh:
        assert "xxe.docx" in {r["source_path"] for r in csv.DictReader(fh)}


def test_memory_and_time_stay_within_the_limits(runs: dict) -> None:
    assert runs["peak_kib"] < 1024 * 1024  # 1 GiB, the largest process of the run
    manifest = _rows(runs["out"], "manifest")
    assert len(manifest) == len(OUTCOMES) + 9
    assert max(m["seconds"] for m in manifest) < TIMEOUT


def test_a_file_needing_more_memory_than_allowed_fails_alone(tmp_path: Path) -> None:
    """150 MB of text under a 64 MB memory limit per file, beside a good report."""
    folder = tmp_path / "in"
    folder.mkdir()
    line = "รายงานผลการประเมิน ITA คะแนนภาพรวม 90.50 คะแนน\n".encode()
    with (folder / "huge.txt").open("wb") as fh:
        for _ in range(150 * 2**20 // (len(line) * 1000)):
            fh.write(line * 1000)
    shutil.copy(FIXTURES / "txt" / f"{REPORT}.txt", folder / "report.txt")
    out = tmp_path / "out"
    assert main(["convert", str(folder), "--out", str(out), "--max-memory-mb", "64",
                 "--workers", "1", "--quiet"]) == 1
    documents = {d["source_path"]: d for d in _rows(out, "documents")}
    assert documents["huge.txt"]["status"] == "failed"
    assert "more than the memory limit of 64 MB (--max-memory-mb)" in documents["huge.txt"]["error"]
    assert documents["report.txt"]["status"] == "ok"
    assert len(_by_file(out, "scores")["report.txt"]) == 14
