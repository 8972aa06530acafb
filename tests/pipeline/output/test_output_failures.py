"""A run that cannot write its output says so, exits 3 and leaves the previous output whole."""

from __future__ import annotations

import hashlib
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from pipeline.cli import EXIT_OUTPUT, EXIT_USAGE, main
from tests.support.paths import FIXTURES


@pytest.fixture
def disk(tmp_path: Path) -> Iterator[Path]:
    """A small disk of its own (a 2 MB tmpfs), so that it can be filled or made read-only."""
    mount = tmp_path / "disk"
    mount.mkdir()
    made = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(mount)],
                          capture_output=True, text=True)
    if made.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here (needs root): {made.stderr.strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=True)


def _snapshot(folder: Path) -> dict[str, str]:
    """Every file under a folder (hidden ones too) with the sha256 of its content."""
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def _used(folder: Path, pattern: str) -> int:
    """Bytes the files matching `pattern` under `folder` take on disk."""
    return sum(p.stat().st_blocks * 512 for p in folder.glob(pattern) if p.is_file())


def _fill(disk: Path, leave: int) -> None:
    """Fill the disk but `leave` bytes."""
    free = os.statvfs(disk).f_bavail * os.statvfs(disk).f_frsize
    with (disk / "filler").open("wb") as fh:
        fh.write(b"\0" * max(0, free - leave))


@pytest.mark.parametrize("room", ["none", "parts-only"])
def test_a_full_disk_leaves_the_previous_output_whole(
        disk: Path, room: str, capsys: pytest.CaptureFixture[str]) -> None:
    out = disk / "out"
    assert main(["convert", str(FIXTURES / "txt"), "--out", str(out), "--quiet"]) == 0
    before = _snapshot(out)
    # room for this run's Parquet parts (with a margin) but not for its CSVs
    leave = 0 if room == "none" else _used(out, "*.parquet/*") + 64 * 1024
    assert _used(out, "*.csv") > 64 * 1024
    _fill(disk, leave)
    assert main(["convert", str(FIXTURES / "txt"), "--out", str(out), "--quiet"]) == EXIT_OUTPUT
    message = capsys.readouterr().err
    assert "the output could not be written" in message and "No space left on device" in message
    assert f"The previous output in {out} is unchanged" in message
    assert _snapshot(out) == before


def test_a_read_only_output_folder_is_a_sentence_and_exit_3(
        disk: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = disk / "out"
    assert main(["convert", str(FIXTURES / "txt"), "--out", str(out), "--quiet"]) == 0
    before = _snapshot(out)
    subprocess.run(["mount", "-o", "remount,ro", str(disk)], check=True)
    assert main(["convert", str(FIXTURES / "txt"), "--out", str(out), "--quiet"]) == EXIT_OUTPUT
    assert "Read-only file system" in capsys.readouterr().err
    assert _snapshot(out) == before


def test_out_naming_a_file_is_a_usage_error(tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "out.txt"
    target.write_text("keep me")
    assert main(["convert", str(FIXTURES / "txt"), "--out", str(target)]) == EXIT_USAGE
    assert "is a file, not a folder" in capsys.readouterr().err
    assert target.read_text() == "keep me"
    below = target / "sub"
    assert main(["convert", str(FIXTURES / "txt"), "--out", str(below), "--quiet"]) == EXIT_OUTPUT
    assert "Not a directory" in capsys.readouterr().err
