"""`make bench`: PDF text quality, and throughput and peak memory of `ita convert`.

1. Character error rate (CER) of the PDF fixtures' table cells and whole text
   against the Word documents they were exported from, for our reader and for
   plain pdfplumber (`extract_tables()` / `extract_text()`) on the same pages,
   with pages/s of our reader.
2. documents/s and peak RSS converting copies of the text fixtures with 1 and 2
   workers.
Numbers are measured on this machine, never asserted.
"""

from __future__ import annotations

import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pdfplumber
from rapidfuzz.distance import Levenshtein

from parsers import parse_bytes
from parsers.model import Document, Paragraph, Table

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


def _squash(text: str) -> str:
    """Text without whitespace: where a PDF line ends, the page does not show a space."""
    return "".join(text.split())


def _cells(document: Document) -> str:
    return "\n".join(_squash(c.text) for b in document.blocks if isinstance(b, Table)
                     for r in b.rows for c in r.cells)


def _text(document: Document) -> str:
    parts = [
        b.text if isinstance(b, Paragraph) else " ".join(c.text for r in b.rows for c in r.cells)
        for b in document.blocks
    ]
    return _squash("".join(parts))


def _plain(pdf_path: Path) -> tuple[str, str]:
    """Cells and text as plain pdfplumber gives them."""
    cells, text = [], []
    with pdfplumber.open(pdf_path) as pdf:
        for page in pdf.pages:
            for table in page.extract_tables():
                cells.extend(_squash(c or "") for row in table for c in row)
            text.append(page.extract_text() or "")
    return "\n".join(cells), _squash("".join(text))


def _cer(got: str, want: str) -> float:
    return Levenshtein.distance(got, want) / max(len(want), 1)


def pdf_quality() -> None:
    print("PDF text: character error rate against the Word source (whitespace aside)")
    print(f"{'fixture':<36}{'ours: cells':>12}{'text':>8}{'plain: cells':>14}{'text':>8}"
          f"{'pages/s':>9}")
    for folder in ("pdf", "pdf_pua"):
        for pdf_path in sorted((ROOT / "fixtures" / folder).glob("*.pdf")):
            word = ROOT / "fixtures" / "docx" / f"{pdf_path.stem}.docx"
            source = parse_bytes(word.read_bytes())
            start = time.perf_counter()
            ours = parse_bytes(pdf_path.read_bytes())
            seconds = time.perf_counter() - start
            plain_cells, plain_text = _plain(pdf_path)
            rates = (
                _cer(_cells(ours), _cells(source)), _cer(_text(ours), _text(source)),
                _cer(plain_cells, _cells(source)), _cer(plain_text, _text(source)),
            )
            print(f"{folder + '/' + pdf_path.name:<36}{rates[0]:>12.2%}{rates[1]:>8.2%}"
                  f"{rates[2]:>14.2%}{rates[3]:>8.2%}{(ours.page_count or 0) / seconds:>9.1f}")


def main() -> None:
    pdf_quality()
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
