"""`make bench`: throughput and peak memory of `ita convert` on copies of the fixtures.

Prints documents/s, pages/s (text reports have no pages) and peak RSS for 1
and 2 workers. Numbers are measured on this machine, never asserted.
"""

from __future__ import annotations

import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures" / "txt"
COPIES = 100


def build_archive(folder: Path) -> int:
    """Copies of every fixture, each made distinct so that every doc_id differs."""
    count = 0
    for source in sorted(FIXTURES.glob("*.txt")):
        text = source.read_text("utf-8")
        for i in range(COPIES):
            (folder / f"{source.stem}_{i:04d}.txt").write_text(f"{text}\n\nสำเนาที่ {i}\n", "utf-8")
            count += 1
    return count


def run(archive: Path, out: Path, workers: int) -> float:
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "pipeline.cli", "convert", str(archive), "--out", str(out),
         "--workers", str(workers), "--quiet"],
        check=True,
    )
    return time.perf_counter() - start


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        archive = Path(tmp) / "archive"
        archive.mkdir()
        docs = build_archive(archive)
        print(f"archive: {docs} text reports ({COPIES} distinct copies of each fixture)")
        times = {}
        for workers in (1, 2):
            out = Path(tmp) / f"out{workers}"
            times[workers] = run(archive, out, workers)
            shutil.rmtree(out)
            print(f"workers={workers}: {times[workers]:.2f} s, {docs / times[workers]:.1f} "
                  "documents/s, pages/s n/a (text has no pages)")
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(f"speed-up 2 vs 1 worker: {times[1] / times[2]:.2f}x")
        print(f"peak RSS of the largest process: {peak:.0f} MiB")


if __name__ == "__main__":
    main()
