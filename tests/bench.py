"""`make bench`: speed ratios (tests/bench_ratios.py), PDF text quality, and throughput and
peak memory of `ita convert`.

1. Character error rate (CER) of the PDF fixtures' table cells and whole text
   against the Word documents they were exported from, for our reader and for
   plain pdfplumber (`extract_tables()` / `extract_text()`) on the same pages,
   with pages/s of our reader.
2. A synthetic archive of BENCH_DOCS (default 1,000) documents made from the
   fixtures (text and Word copies name their own organisation; PDF copies carry
   their own title; the fixtures take turns in path order, as an archive's many
   organisations do), converted with 1 and 2 workers: documents/s, pages/s, peak
   RSS of the driver and of the largest worker, the speed-up; and the same PDFs
   through plain pdfplumber text and table extraction, with our time as a ratio.
   With several sizes (BENCH_DOCS=1000,5000) each archive is run, and the peak RSS
   of the larger ones is given against the first's.
3. Rows/s loading the converted archive into DuckDB and into PostgreSQL (the server
   named by ITA_TEST_POSTGRES).
4. OCR on scans of the PDF fixtures (tests/ocr_bench.py): pages/s, character error rate
   of OCR'd prose against the text layer, scores exact / flagged / wrong, measure recall
   and O-item statuses (BENCH_OCR=0 leaves it out).
Numbers are measured on this machine, never asserted.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path

import pdfplumber
import pikepdf
import pyarrow.compute as pc
import pyarrow.parquet as pq
from rapidfuzz.distance import Levenshtein

from parsers import parse_bytes
from parsers.model import Document, Paragraph, Table
from pipeline.database import LOADED, load_folder
from pipeline.output.schema import TABLES
from tests import bench_ratios, ocr_bench
from tests.support.archive import MIX, build_archive
from tests.support.databases import POSTGRES_ENV, fresh_database
from tests.support.paths import ROOT

FIXTURES = ROOT / "fixtures" / "txt"
SIZES = tuple(int(n) for n in os.environ.get("BENCH_DOCS", "1000").split(","))
"""Documents in each synthetic archive run (BENCH_DOCS=1000,5000 make bench: memory growth)."""
WORKERS = tuple(int(w) for w in os.environ.get("BENCH_WORKERS", "1,2").split(","))
"""Worker counts to run (BENCH_WORKERS=2 for a memory-only run of a large archive)."""
PLAIN = os.environ.get("BENCH_PLAIN", "1") == "1"
"""Whether to time plain pdfplumber on the archive's PDFs."""
def _peak_kib(pid: int) -> int:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0
    return next((int(line.split()[1]) for line in status.splitlines()
                 if line.startswith("VmHWM:")), 0)


def run(archive: Path, out: Path, workers: int) -> tuple[float, int, int]:
    """Seconds, and peak RSS (KiB) of the driver and of the largest worker."""
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "pipeline.cli", "convert", str(archive), "--out", str(out),
         "--workers", str(workers), "--quiet"])
    driver = worker = 0
    while process.poll() is None:
        driver = max(driver, _peak_kib(process.pid))
        children = Path(f"/proc/{process.pid}/task/{process.pid}/children")
        for pid in children.read_text().split() if children.exists() else []:
            worker = max(worker, _peak_kib(int(pid)))
        time.sleep(0.2)
    if process.returncode not in (0, 1):
        raise SystemExit(f"ita convert failed ({process.returncode})")
    return time.perf_counter() - start, driver, worker


def plain_pdfplumber(pdfs: list[Path]) -> float:
    """Seconds for pdfplumber's own extract_text() and extract_tables() of every page."""
    start = time.perf_counter()
    for path in pdfs:
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                page.extract_text()
                page.extract_tables()
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


def archive_speed(size: int) -> tuple[int, int]:
    """One archive of `size` documents; peak RSS (KiB) of the driver and of the largest worker
    in the run with the most workers."""
    with tempfile.TemporaryDirectory() as tmp:
        archive = Path(tmp) / "archive"
        docs, pdfs = build_archive(archive, size)
        pdf_pages = sum(len(pikepdf.open(p).pages) for p in pdfs)
        print(f"\narchive: {docs} documents ({', '.join(f'{int(size * s)} {f}' for f, s in MIX)})")
        times, peaks = {}, (0, 0)
        for workers in WORKERS:
            out = Path(tmp) / f"out{workers}"
            seconds, driver, worker = run(archive, out, workers)
            times[workers], peaks = seconds, (driver, worker)
            documents = pq.read_table(out / "documents.parquet", columns=["page_count"])
            pages = sum(p or 0 for p in documents.column("page_count").to_pylist())
            print(f"workers={workers}: {seconds:.1f} s, {docs / seconds:.1f} documents/s, "
                  f"{pages / seconds:.1f} pages/s (PDF and Word pages), peak RSS driver "
                  f"{driver / 1024:.0f} MiB, largest worker {worker / 1024:.0f} MiB")
            if workers == WORKERS[-1]:
                load_speed(out, Path(tmp), docs)
            shutil.rmtree(out)
        if {1, 2} <= times.keys():
            print(f"speed-up 2 vs 1 worker: {times[1] / times[2]:.2f}x")
        if PLAIN:
            _against_plain(pdfs, pdf_pages, Path(tmp))
        return peaks


def _against_plain(pdfs: list[Path], pdf_pages: int, tmp: Path) -> None:
    """The archive's PDFs through plain pdfplumber and through `ita convert`."""
    plain = plain_pdfplumber(pdfs)
    ours_pdf = _pdf_only_seconds(pdfs, tmp)
    print(f"the {len(pdfs)} PDFs ({pdf_pages} pages): plain pdfplumber extract_text() + "
          f"extract_tables() {plain:.1f} s; ita convert of the same PDFs, 1 worker, "
          f"{ours_pdf:.1f} s = {ours_pdf / plain:.2f}x plain pdfplumber")


def load_speed(converted: Path, tmp: Path, docs: int) -> None:
    """Rows/s of `ita load` into a new DuckDB file and a new PostgreSQL database: a first load,
    the same folder again (every row compared with the one loaded, none written), and a copy of
    it in which every row differs (every document replaced)."""
    changed = _every_row_changed(converted, tmp / "changed")
    with ExitStack() as stack:
        targets = {"duckdb": f"duckdb:///{tmp / 'bench.duckdb'}"}
        if server := os.environ.get(POSTGRES_ENV):
            targets["postgresql"] = stack.enter_context(fresh_database(server))
        else:
            print(f"postgresql: not measured; export {POSTGRES_ENV}=$(.ci/postgres) first")
        for name, url in targets.items():
            timings = []
            for folder in (converted, converted, changed):
                start = time.perf_counter()
                rows = load_folder(folder, url)
                timings.append(time.perf_counter() - start)
            first, again, replaced = (f"{t:.2f} s = {rows / t:,.0f} rows/s" for t in timings)
            print(f"load into {name}: {rows} rows of {docs} documents, first load {first}, "
                  f"again (unchanged: compared, not written) {again}, every row changed "
                  f"(all replaced) {replaced}")
    shutil.rmtree(changed)


def _every_row_changed(converted: Path, out: Path) -> Path:
    """A copy of a converted folder in which every row of every loaded table differs: a mark
    added to its first text column that may not be null (besides doc_id)."""
    for table in (*LOADED, "manifest"):
        (out / f"{table}.parquet").mkdir(parents=True)
        for part in (converted / f"{table}.parquet").glob("part-*.parquet"):
            data = pq.read_table(part)
            if table != "manifest":
                column = next(c.name for c in TABLES[table]
                              if c.type == "string" and not c.nullable and c.name != "doc_id")
                marked = pc.binary_join_element_wise(data[column], "+", "")
                data = data.set_column(data.schema.get_field_index(column), column, marked)
            pq.write_table(data, out / f"{table}.parquet" / part.name)
    return out


def _pdf_only_seconds(pdfs: list[Path], tmp: Path) -> float:
    folder = tmp / "pdf-only"
    folder.mkdir()
    for path in pdfs:
        (folder / path.name).symlink_to(path)
    seconds, _, _ = run(folder, tmp / "pdf-out", 1)
    return seconds


OCR = os.environ.get("BENCH_OCR", "1") == "1"
"""Whether to measure OCR on scans of the PDF fixtures (tests/ocr_bench.py; minutes)."""


def main() -> None:
    bench_ratios.main()
    print()
    if PLAIN:
        pdf_quality()
    peaks = {size: archive_speed(size) for size in SIZES}
    first = SIZES[0]
    for size in SIZES[1:]:
        (driver, worker), (driver0, worker0) = peaks[size], peaks[first]
        print(f"\npeak RSS, {size} documents against {first}: driver {driver / 1024:.0f} vs "
              f"{driver0 / 1024:.0f} MiB ({driver / driver0 - 1:+.0%}), largest worker "
              f"{worker / 1024:.0f} vs {worker0 / 1024:.0f} MiB ({worker / worker0 - 1:+.0%})")
    if OCR:
        print()
        ocr_bench.main()


if __name__ == "__main__":
    main()
