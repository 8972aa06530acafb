"""Archive runs: bad files fail alone, killed runs resume exactly, Dask gives the same tables."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pandas as pd
import pikepdf
import pytest

from pipeline.cli import main
from pipeline.output.schema import TABLES
from pipeline.run.one_file import Input
from pipeline.run.workers import convert_many
from tests.support.paths import FIXTURES

KEYS = {
    "documents": ["source_path"], "scores": ["doc_id", "assessment_year", "scope", "code", "name"],
    "measures": ["doc_id", "seq"], "o_items": ["doc_id", "assessment_year", "code"],
    "findings": ["doc_id", "code", "message"], "manifest": ["source_path"],
}


def table(out: Path, name: str) -> pd.DataFrame:
    frame = pd.read_parquet(out / f"{name}.parquet").drop(columns=["seconds"], errors="ignore")
    return frame.sort_values(KEYS[name], na_position="first").reset_index(drop=True)


def assert_same_tables(a: Path, b: Path) -> None:
    for name in TABLES:
        pd.testing.assert_frame_equal(table(a, name), table(b, name), obj=name)


def slow_pdf(path: Path, copies: int = 10) -> Path:
    """A long PDF (the 66-page fixture ten times over): well past 8 s of work for a worker."""
    source = FIXTURES / "pdf" / "002_49dc0f6618795a8f.pdf"
    with pikepdf.open(source) as pdf, pikepdf.open(source) as donor:
        for _ in range(copies - 1):
            pdf.pages.extend(donor.pages)
        pdf.save(path)
    return path


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    """Good reports in every format, in sub-folders."""
    folder = tmp_path / "archive"
    for fmt in ("txt", "docx", "pdf"):
        (folder / fmt).mkdir(parents=True)
        for source in sorted((FIXTURES / fmt).glob(f"*.{fmt}")):
            shutil.copyfile(source, folder / fmt / source.name)
    return folder


def test_a_corrupt_file_and_one_past_the_time_limit_fail_alone(archive: Path,
                                                                  tmp_path: Path) -> None:
    good = tmp_path / "good"
    assert main(["convert", str(archive), "--out", str(good), "--quiet"]) == 0
    (archive / "corrupt.pdf").write_bytes((FIXTURES / "pdf" / "004_20768b841998a7f2.pdf")
                                          .read_bytes()[:4000])
    slow_pdf(archive / "slow.pdf")
    out = tmp_path / "out"
    code = main(["convert", str(archive), "--out", str(out), "--workers", "2", "--timeout", "8",
                 "--quiet"])
    assert code == 1
    docs = table(out, "documents").set_index("source_path")
    assert docs.loc["corrupt.pdf", "status"] == "failed"
    assert "damaged" in docs.loc["corrupt.pdf", "error"]
    assert docs.loc["slow.pdf", "status"] == "failed"
    assert "longer than the limit of 8 s" in docs.loc["slow.pdf", "error"]
    for name in ("scores", "measures", "o_items"):  # every good file's rows, exactly once
        pd.testing.assert_frame_equal(table(out, name), table(good, name), obj=name)
    manifest = table(out, "manifest").set_index("source_path")
    assert manifest.loc["slow.pdf", "status"] == "failed"
    assert len(manifest) == 11


def test_a_worker_killed_mid_file_fails_that_file_only(tmp_path: Path) -> None:
    # as the kernel's out-of-memory killer would: SIGKILL to the worker converting slow.pdf
    slow = slow_pdf(tmp_path / "slow.pdf")
    good = FIXTURES / "txt" / "004_20768b841998a7f2.txt"
    me = os.getpid()

    def kill_the_worker() -> None:
        time.sleep(1.0)
        children = Path(f"/proc/{me}/task/{me}/children").read_text().split()
        for pid in children:
            os.kill(int(pid), signal.SIGKILL)

    killer = threading.Thread(target=kill_the_worker)
    killer.start()
    items = [Input(slow, "slow.pdf"), Input(good, "good.txt")]
    results = list(convert_many(items, workers=1, timeout=120))
    killer.join()
    docs = {r.document["source_path"]: r.document for r in results}
    assert docs["slow.pdf"]["status"] == "failed"
    assert "killed by signal 9" in docs["slow.pdf"]["error"]
    assert docs["good.txt"]["status"] == "ok"


def _committed(out: Path, pattern: str = "manifest.parquet/part-*.parquet") -> list[Path]:
    """The manifest parts (one a committed batch) under `out` that `pattern` matches."""
    return sorted(out.glob(pattern))


def _run_until(command: list[str], out: Path, pattern: str = "manifest.parquet/part-*.parquet",
               batches: int = 2) -> subprocess.Popen[bytes]:
    """A conversion started and left running until it has committed `batches` batches."""
    run = subprocess.Popen(command)
    deadline = time.monotonic() + 120
    while (len(_committed(out, pattern)) < batches and time.monotonic() < deadline
           and run.poll() is None):
        time.sleep(0.05)
    assert run.poll() is None, "the run ended before it could be interrupted"
    return run


def test_a_run_killed_part_way_resumes_to_the_tables_of_an_uninterrupted_run(
        archive: Path, tmp_path: Path) -> None:
    whole = tmp_path / "whole"
    assert main(["convert", str(archive), "--out", str(whole), "--quiet"]) == 0
    out = tmp_path / "out"
    command = [sys.executable, "-m", "pipeline.cli", "convert", str(archive), "--out", str(out),
               "--workers", "1", "--batch-size", "2", "--resume", "--quiet"]
    run = _run_until(command, out)
    run.send_signal(signal.SIGKILL)
    run.wait()
    interrupted = len(pd.read_parquet(out / "documents.parquet"))
    assert 0 < interrupted < 9
    assert subprocess.run(command, check=False).returncode == 0
    assert_same_tables(out, whole)


def test_the_dask_engine_gives_the_tables_of_the_local_engine(archive: Path,
                                                                tmp_path: Path) -> None:
    local, dask = tmp_path / "local", tmp_path / "dask"
    assert main(["convert", str(archive), "--out", str(local), "--quiet"]) == 0
    assert main(["convert", str(archive), "--out", str(dask), "--engine", "dask",
                 "--workers", "2", "--quiet"]) == 0
    assert_same_tables(local, dask)


def _children(pid: int) -> list[int]:
    """Processes whose parent is `pid`."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_a_killed_fresh_run_resumes_from_its_parts_and_its_workers_die_with_it(
        archive: Path, tmp_path: Path) -> None:
    whole = tmp_path / "whole"
    assert main(["convert", str(archive), "--out", str(whole), "--quiet"]) == 0
    out = tmp_path / "out"
    command = [sys.executable, "-m", "pipeline.cli", "convert", str(archive), "--out", str(out),
               "--workers", "2", "--batch-size", "2"]
    staging = ".staging-*/manifest.parquet/part-*.parquet"
    run = _run_until([*command, "--quiet"], out, staging)
    workers = _children(run.pid)
    assert len(workers) == 2
    run.send_signal(signal.SIGKILL)
    run.wait()
    deadline = time.monotonic() + 10
    while any(map(_alive, workers)) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(map(_alive, workers)), "workers outlived the run that started them"
    converted = len(pd.concat(pd.read_parquet(p) for p in _committed(out, staging)))
    resumed = subprocess.run([*command, "--resume"], capture_output=True, text=True)
    assert resumed.returncode == 0, resumed.stderr
    assert f"documents: {9 - converted} " in resumed.stdout  # only what the killed run had not
    assert_same_tables(out, whole)
    assert not list(out.glob(".staging-*"))
    again = subprocess.run([*command, "--resume"], capture_output=True, text=True)
    assert again.returncode == 0
    assert "nothing to do: 9 documents already converted" in again.stdout
    assert_same_tables(out, whole)


def test_version() -> None:
    done = subprocess.run([sys.executable, "-m", "pipeline.cli", "--version"],
                          capture_output=True, text=True)
    assert done.returncode == 0 and done.stdout.startswith("ita 0.")
