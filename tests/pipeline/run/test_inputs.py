"""Every entry of an input folder is accounted for: converted, a failed row, or a summary line."""

from __future__ import annotations

import os
import shutil
import threading
from pathlib import Path

import pandas as pd
import pytest

from pipeline.cli import main
from pipeline.run.inputs import discover, path_id, readable_name

REPORT = "004_20768b841998a7f2.txt"
SCORES_004 = 14  # score rows of report 004, as tests/test_golden_004.py reads them off the report


@pytest.fixture
def report(corpus: dict[str, Path]) -> Path:
    return corpus["004"]


def _documents(out: Path) -> dict[str, dict[str, object]]:
    return {r["source_path"]: r for r in pd.read_parquet(out / "documents.parquet")
            .to_dict("records")}


def test_a_linked_folder_is_followed(tmp_path: Path, report: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    shutil.copyfile(report, elsewhere / REPORT)
    given = tmp_path / "given"
    given.mkdir()
    (given / "linked").symlink_to(elsewhere, target_is_directory=True)
    found, _ = discover([given])
    assert [i.source_path for i in found] == [f"linked/{REPORT}"]
    out = tmp_path / "out"
    assert main(["convert", str(given), "--out", str(out), "--quiet"]) == 0
    assert len(pd.read_parquet(out / "scores.parquet")) == SCORES_004


def test_a_link_loop_is_walked_once_and_said(tmp_path: Path, report: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    given = tmp_path / "given"
    (given / "a").mkdir(parents=True)
    shutil.copyfile(report, given / "a" / REPORT)
    (given / "a" / "back").symlink_to(given, target_is_directory=True)
    found, skipped = discover([given])
    assert [i.source_path for i in found] == [f"a/{REPORT}"]
    assert skipped.walked_twice == ["a/back"]
    assert main(["convert", str(given), "--out", str(tmp_path / "out")]) == 0
    assert "skipped: a/back: a link to a folder already read in this run" in capsys.readouterr().out


def test_dangling_links_and_pipes_are_failed_rows_that_say_what_they_are(
        tmp_path: Path, report: Path) -> None:
    given = tmp_path / "given"
    given.mkdir()
    shutil.copyfile(report, given / REPORT)
    (given / "gone.pdf").symlink_to(tmp_path / "deleted.pdf")
    os.mkfifo(given / "pipe.txt")
    (given / "self.pdf").symlink_to(given / "self.pdf")  # a link to itself: a loop
    out = tmp_path / "out"
    finished, rescued = threading.Event(), threading.Event()

    def rescue() -> None:  # frees the run if it blocks on the pipe, and tells the test
        if not finished.wait(30):
            rescued.set()
            _open_pipe(given / "pipe.txt")

    threading.Thread(target=rescue, daemon=True).start()
    try:
        assert main(["convert", str(given), "--out", str(out), "--quiet", "--timeout", "30"]) == 1
    finally:
        finished.set()
    assert not rescued.is_set(), "the run waited on the named pipe"
    docs = _documents(out)
    assert docs[REPORT]["status"] == "ok"
    assert docs["gone.pdf"]["status"] == "failed"
    gone = docs["gone.pdf"]["error"]
    assert "points to" in gone and "does not exist" in gone
    assert docs["pipe.txt"]["error"] == ("The entry is a named pipe (FIFO), not a file; it was "
                                         "not read.")
    assert "symbolic links" in docs["self.pdf"]["error"]
    ids = [d["doc_id"] for d in docs.values()]
    assert len(set(ids)) == 4 and all(len(i) == 64 for i in ids)
    assert docs["pipe.txt"]["doc_id"] == path_id("pipe.txt")


def _open_pipe(path: Path) -> None:
    with open(path, "wb"):
        pass


def test_unreadable_files_each_have_their_own_stable_key(tmp_path: Path) -> None:
    given = tmp_path / "given"
    given.mkdir()
    for name in ("a.pdf", "b.pdf"):
        (given / name).symlink_to(tmp_path / "missing" / name)
    out = tmp_path / "out"
    assert main(["convert", str(given), "--out", str(out), "--quiet"]) == 1
    again = tmp_path / "again"
    assert main(["convert", str(given), "--out", str(again), "--quiet"]) == 1
    first, second = _documents(out), _documents(again)
    assert first["a.pdf"]["doc_id"] != first["b.pdf"]["doc_id"]
    assert {k: v["doc_id"] for k, v in first.items()} == {k: v["doc_id"] for k, v in second.items()}
    findings = pd.read_parquet(out / "findings.parquet")
    assert sorted(findings.doc_id) == sorted(d["doc_id"] for d in first.values())


def test_the_output_folder_inside_the_input_folder_is_never_read(
        tmp_path: Path, report: Path, capsys: pytest.CaptureFixture[str]) -> None:
    given = tmp_path / "given"
    given.mkdir()
    shutil.copyfile(report, given / REPORT)
    out = given / "converted"
    for _ in range(2):
        assert main(["convert", str(given), "--out", str(out)]) == 0
    assert "skipped: converted: a folder written by ita convert" in capsys.readouterr().out
    assert list(_documents(out)) == [REPORT]
    assert len(pd.read_parquet(out / "scores.parquet")) == SCORES_004
    # another run's output, in either format, is not read either
    assert main(["convert", str(given), "--out", str(tmp_path / "csv"), "--format", "csv",
                 "--quiet"]) == 0
    shutil.move(tmp_path / "csv", given / "csv")
    assert main(["convert", str(given), "--out", str(tmp_path / "third"), "--quiet"]) == 0
    assert list(_documents(tmp_path / "third")) == [REPORT]


def test_a_file_name_in_tis620_is_converted_and_shown_in_thai(tmp_path: Path,
                                                              report: Path) -> None:
    given = tmp_path / "given"
    given.mkdir()
    thai = "รายงาน.txt"
    raw = os.path.join(os.fsencode(given), thai.encode("tis-620"))
    shutil.copyfile(report, raw)
    out = tmp_path / "out"
    assert main(["convert", str(given), "--out", str(out), "--quiet"]) == 0
    docs = _documents(out)
    assert list(docs) == [thai]
    assert len(pd.read_parquet(out / "scores.parquet")) == SCORES_004
    findings = pd.read_parquet(out / "findings.parquet")
    assert "FILE_NAME_ENCODING" in set(findings.code)
    assert (out / "documents.csv").read_text("utf-8-sig").count(thai) == 1
    assert main(["convert", str(given), "--out", str(out), "--resume", "--quiet"]) == 0


def test_names_that_are_no_known_encoding_are_escaped() -> None:
    assert readable_name("report.pdf") == ("report.pdf", None)
    name, note = readable_name(os.fsdecode(b"r\xff\xfe.pdf"))  # 0xFF is undefined in TIS-620
    assert name == "r\\xff\\xfe.pdf" and note is not None and "\\x escapes" in note
