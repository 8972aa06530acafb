"""The `ita convert` command (../shared/spec/CONTRACT.md, "Command line")."""

from __future__ import annotations

import fcntl
import hashlib
import os
import pty
import random
import re
import shutil
import struct
import subprocess
import sys
import termios
from pathlib import Path

import pandas as pd
import pytest

from pipeline.cli import main
from pipeline.output.schema import TABLES

BROKEN: dict[str, bytes] = {
    "empty.txt": b"",
    "random.bin": random.Random(20240601).randbytes(4096),
    "scan.pdf": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n",
}
"""Files that cannot be read: empty, random bytes, and a PDF (not read by this version)."""

SORT_KEYS: dict[str, list[str]] = {
    "documents": ["source_path"],
    "scores": ["doc_id", "assessment_year", "scope", "code", "name"],
    "measures": ["doc_id", "seq"],
    "o_items": ["doc_id", "assessment_year", "code"],
    "findings": ["doc_id", "severity", "code", "message"],
    "manifest": ["source_path"],
}
VARIES = {"seconds"}
"""Columns that differ from run to run."""


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def convert(*args: str | Path) -> int:
    return main(["convert", *map(str, args)])


def read(out: Path, name: str) -> pd.DataFrame:
    return pd.read_parquet(out / f"{name}.parquet")


@pytest.fixture
def reports(tmp_path: Path, corpus: dict[str, Path]) -> Path:
    """A folder holding copies of the three real reports."""
    folder = tmp_path / "reports"
    folder.mkdir()
    for path in corpus.values():
        shutil.copyfile(path, folder / path.name)
    return folder


@pytest.fixture
def mixed(reports: Path) -> Path:
    """The three real reports and the three broken files in one folder."""
    for name, data in BROKEN.items():
        (reports / name).write_bytes(data)
    return reports


def good_ids(corpus: dict[str, Path]) -> set[str]:
    return {sha256(p.read_bytes()) for p in corpus.values()}


def test_some_failed_files_give_exit_status_1(mixed: Path, tmp_path: Path) -> None:
    assert convert(mixed, "--out", tmp_path / "out", "--quiet") == 1


def test_every_file_is_a_documents_row_ok_or_failed(
    mixed: Path, tmp_path: Path, corpus: dict[str, Path]
) -> None:
    convert(mixed, "--out", tmp_path / "out", "--quiet")
    docs = read(tmp_path / "out", "documents")
    status = dict(zip(docs["source_path"], docs["status"], strict=True))
    assert status == {
        **{p.name: "ok" for p in corpus.values()},
        **dict.fromkeys(BROKEN, "failed"),
    }


def test_failed_rows_say_why_in_a_sentence(mixed: Path, tmp_path: Path) -> None:
    convert(mixed, "--out", tmp_path / "out", "--quiet")
    docs = read(tmp_path / "out", "documents").set_index("source_path")
    for name in BROKEN:
        error = docs.loc[name, "error"]
        assert isinstance(error, str) and error.strip(), name
        assert error.rstrip().endswith(".") and len(error.split()) >= 4, error
    assert docs.loc[docs["status"] == "ok", "error"].isna().all()


def test_doc_id_is_the_sha256_of_the_file_and_format_comes_from_content(
    mixed: Path, tmp_path: Path
) -> None:
    convert(mixed, "--out", tmp_path / "out", "--quiet")
    docs = read(tmp_path / "out", "documents").set_index("source_path")
    for name in docs.index:
        assert docs.loc[name, "doc_id"] == sha256((mixed / name).read_bytes()), name
    assert docs.loc["scan.pdf", "source_format"] == "pdf"
    assert pd.isna(docs.loc["random.bin", "source_format"])
    assert set(docs.loc[docs["status"] == "ok", "source_format"]) == {"txt"}


def test_content_rows_come_only_from_the_good_files(
    mixed: Path, tmp_path: Path, corpus: dict[str, Path]
) -> None:
    convert(mixed, "--out", tmp_path / "out", "--quiet")
    good = good_ids(corpus)
    # each of the three reports has a measures table
    assert set(read(tmp_path / "out", "measures")["doc_id"]) == good
    for name in ("scores", "o_items"):
        ids = set(read(tmp_path / "out", name)["doc_id"])
        assert ids and ids <= good, name


def test_only_good_files_give_exit_status_0(reports: Path, tmp_path: Path) -> None:
    assert convert(reports, "--out", tmp_path / "out", "--quiet") == 0
    assert set(read(tmp_path / "out", "documents")["status"]) == {"ok"}


def test_summary_counts_ok_and_failed_documents(
    mixed: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    convert(mixed, "--out", tmp_path / "out")
    stdout = capsys.readouterr().out
    assert "documents: 6 (3 ok, 0 partial, 3 failed)" in stdout
    assert all(name in stdout for name in BROKEN)


def test_quiet_prints_nothing(
    mixed: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    convert(mixed, "--out", tmp_path / "out", "--quiet")
    assert capsys.readouterr().out == ""


def test_missing_input_is_a_usage_error_and_writes_nothing(
    reports: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    assert convert(reports, tmp_path / "no-such-report.txt", "--out", out) == 2
    assert "no-such-report.txt" in capsys.readouterr().err
    assert not out.exists()


def test_unknown_format_is_a_usage_error(reports: Path, tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as exit_:
        convert(reports, "--out", tmp_path / "out", "--format", "xml")
    assert exit_.value.code == 2
    assert not (tmp_path / "out").exists()


def test_csv_format_writes_no_parquet(reports: Path, tmp_path: Path) -> None:
    convert(reports, "--out", tmp_path / "out", "--format", "csv", "--quiet")
    visible = (p.name for p in (tmp_path / "out").iterdir() if not p.name.startswith("."))
    assert sorted(visible) == sorted(
        f"{name}.csv" for name in TABLES
    )


def test_identical_files_are_converted_once(tmp_path: Path, corpus: dict[str, Path]) -> None:
    folder = tmp_path / "copies"
    folder.mkdir()
    for name in ("a.txt", "b.txt"):
        shutil.copyfile(corpus["004"], folder / name)
    assert convert(folder, "--out", tmp_path / "out", "--quiet") == 0
    doc_id = sha256(corpus["004"].read_bytes())

    docs = read(tmp_path / "out", "documents")
    assert list(docs["source_path"]) == ["a.txt"]
    findings = read(tmp_path / "out", "findings")
    duplicate = findings[findings["code"] == "DUPLICATE_FILE"]
    assert list(duplicate["severity"]) == ["info"]
    assert list(duplicate["doc_id"]) == [doc_id]

    convert(corpus["004"], "--out", tmp_path / "single", "--quiet")
    for name in ("scores", "measures"):
        assert len(read(tmp_path / "out", name)) == len(read(tmp_path / "single", name)), name


def test_source_path_is_relative_to_the_folder_given(
    tmp_path: Path, corpus: dict[str, Path]
) -> None:
    folder = tmp_path / "batch"
    (folder / "sub").mkdir(parents=True)
    shutil.copyfile(corpus["004"], folder / "sub" / "a.txt")
    single = tmp_path / "single.txt"
    shutil.copyfile(corpus["000"], single)
    convert(folder, single, "--out", tmp_path / "out", "--quiet")
    assert sorted(read(tmp_path / "out", "documents")["source_path"]) == sorted(
        ["sub/a.txt", str(single)]
    )


def test_hidden_files_in_a_folder_are_skipped(tmp_path: Path, corpus: dict[str, Path]) -> None:
    folder = tmp_path / "batch"
    folder.mkdir()
    shutil.copyfile(corpus["004"], folder / "a.txt")
    shutil.copyfile(corpus["002"], folder / ".~lock.a.txt")
    convert(folder, "--out", tmp_path / "out", "--quiet")
    assert list(read(tmp_path / "out", "documents")["source_path"]) == ["a.txt"]


def sorted_table(out: Path, name: str) -> pd.DataFrame:
    frame = read(out, name).sort_values(SORT_KEYS[name], na_position="first")
    return frame.drop(columns=[c for c in VARIES if c in frame]).reset_index(drop=True)


def test_two_workers_give_the_same_tables_as_one(mixed: Path, tmp_path: Path) -> None:
    assert convert(mixed, "--out", tmp_path / "one", "--workers", "1", "--quiet") == 1
    assert convert(mixed, "--out", tmp_path / "two", "--workers", "2", "--quiet") == 1
    for name in TABLES:
        one, two = sorted_table(tmp_path / "one", name), sorted_table(tmp_path / "two", name)
        assert len(one) > 0, name
        pd.testing.assert_frame_equal(one, two, obj=name)


ITA = Path(sys.executable).with_name("ita")


def test_console_script_converts(reports: Path, tmp_path: Path) -> None:
    assert ITA.exists(), f"console script not installed at {ITA}"
    done = subprocess.run(
        [str(ITA), "convert", str(reports), "--out", str(tmp_path / "out"), "--workers", "1"],
        capture_output=True, text=True, check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "documents: 3 (3 ok, 0 partial, 0 failed)" in done.stdout
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(
        f"{name}.{ext}" for name in TABLES for ext in ("parquet", "csv")
    )


def test_console_script_usage_error_exits_2(reports: Path, tmp_path: Path) -> None:
    done = subprocess.run(
        [str(ITA), "convert", str(reports), "--out", str(tmp_path / "out"), "--format", "xml"],
        capture_output=True, text=True, check=False,
    )
    assert done.returncode == 2
    assert "xml" in done.stderr


def _on_a_terminal(command: list[str]) -> str:
    """What a command writes to a terminal 120 columns wide (stdout and stderr)."""
    pid, fd = pty.fork()
    if pid == 0:  # the child: its stdout and stderr are the terminal
        fcntl.ioctl(1, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
        os.execv(command[0], command)
    out = b""
    while True:
        try:
            chunk = os.read(fd, 4096)
        except OSError:  # the child has closed the terminal
            break
        if not chunk:
            break
        out += chunk
    os.waitpid(pid, 0)
    return out.decode("utf-8", "replace")


def test_the_progress_bar_shows_rate_and_time_left_on_a_terminal(reports: Path,
                                                                 tmp_path: Path) -> None:
    shown = _on_a_terminal([sys.executable, "-m", "pipeline.cli", "convert", str(reports),
                            "--out", str(tmp_path / "out"), "--workers", "1"])
    assert "reading:" in shown  # while files are hashed, before any is converted
    assert "converting:   0%" in shown  # before the first file ends
    assert re.search(r"converting: +\d+%.*\d+/\d+ \[\d\d:\d\d<\d\d:\d\d, +[\d.]+(s/file|file/s)\]",
                     shown), shown
    assert "documents: " in shown


def test_version_is_the_installed_release(capsys: pytest.CaptureFixture[str]) -> None:
    """`ita --version` names the release pip installed (pyproject reads pipeline.__version__)."""
    from importlib.metadata import version

    with pytest.raises(SystemExit):
        main(["--version"])
    assert capsys.readouterr().out.strip() == f"ita {version('ita-pipeline')}"
