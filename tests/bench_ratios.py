"""`make bench`, first part: our speed as ratios against plain pdfplumber, in one process.

Each figure is measured RUNS times and printed as min / median / max, so that a reader
sees the machine's noise:

1. PDF pages: `parse_pdf` against plain pdfplumber `extract_text()` + `extract_tables()`
   on the same pages, warm, on the table-heavy fixtures; and pdfium's text page
   (pypdfium2) as a character source: ms/page, and whether it gives the same characters
   as our layout device (text compared without whitespace, marks in canonical order).
2. Start-up, in fresh processes, seconds and peak RSS: `ita --help`; the `ita convert`
   driver alone (what a run that converts nothing here loads: --resume with all done, the
   Dask engine's driver); what a local run loads before its first file (the readers and
   extractors its workers share); and a whole `ita convert` of one text report (its worker
   reading the Thai dictionary, the writers).
3. Word and text reports converted in one process: documents/s per core, for the fixtures
   converted again and again, and for distinct copies converted once each.
"""

from __future__ import annotations

import io
import os
import statistics
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium
from rapidfuzz.distance import Levenshtein

from parsers.pdf import parse_pdf
from parsers.pdf_layer import read_layout
from pipeline import convert_file
from tests.support.archive import build_archive
from tests.support.paths import ROOT

RUNS = int(os.environ.get("BENCH_RUNS", "5"))
"""Times each figure is measured."""
FRESH = 300
"""Documents in the archive whose text and Word copies are each converted once (every copy
names its own organisation, so nothing a cache kept from one copy makes another free)."""
TABLE_HEAVY = sorted((ROOT / "fixtures" / "pdf").glob("*.pdf"))


def _spread(values: list[float], fmt: str = "{:.2f}") -> str:
    """min / median / max of the runs."""
    return " / ".join(fmt.format(v) for v in (min(values), statistics.median(values),
                                              max(values)))


def _timed(work: Callable[..., object], *args: object) -> float:
    start = time.perf_counter()
    work(*args)
    return time.perf_counter() - start


def _plain(data: bytes) -> None:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            page.extract_text()
            page.extract_tables()


def _pdfium_text(data: bytes) -> list[str]:
    doc = pdfium.PdfDocument(data)
    try:
        return [doc[i].get_textpage().get_text_range() for i in range(len(doc))]
    finally:
        doc.close()


def _layout_text(data: bytes) -> list[str]:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        out = []
        for page in pdf.pages:
            read_layout(pdf, page)
            out.append("".join(c["text"] for c in page.chars))
        return out


def _comparable(pages: list[str]) -> str:
    """Text without whitespace, Thai marks in canonical order (NFD orders ู before ้)."""
    return unicodedata.normalize("NFD", "".join("".join(pages).split()))


def pdf_ratios() -> None:
    print(f"PDF pages, one process, warm, {RUNS} runs (min / median / max)")
    print(f"{'fixture':<28}{'pages':>6}{'ours ms/page':>22}{'plain ms/page':>22}"
          f"{'ours/plain':>20}")
    all_ratios: list[float] = []
    for path in TABLE_HEAVY:
        data = path.read_bytes()
        pages = len(pdfium.PdfDocument(data))
        parse_pdf(data)
        _plain(data)
        ours, plain = [], []
        for _ in range(RUNS):  # alternate, so that a busy moment hurts both alike
            ours.append(_timed(parse_pdf, data) * 1000 / pages)
            plain.append(_timed(_plain, data) * 1000 / pages)
        ratios = [o / p for o, p in zip(ours, plain, strict=True)]
        all_ratios += ratios
        print(f"{path.name:<28}{pages:>6}{_spread(ours, '{:.1f}'):>22}"
              f"{_spread(plain, '{:.1f}'):>22}{_spread(ratios):>20}")
    print(f"all runs: ours/plain {_spread(all_ratios)}")
    print("\npdfium text page as a character source (against our layout device)")
    for path in sorted((ROOT / "fixtures").glob("pdf*/*.pdf")):
        data = path.read_bytes()
        pages = len(pdfium.PdfDocument(data))
        times = [_timed(_pdfium_text, data) * 1000 / pages for _ in range(RUNS)]
        ours = [_timed(_layout_text, data) * 1000 / pages for _ in range(RUNS)]
        theirs, mine = _comparable(_pdfium_text(data)), _comparable(_layout_text(data))
        same = "same characters" if theirs == mine else (
            f"DIFFERENT: {Levenshtein.distance(theirs, mine)} edits in {len(mine)} characters "
            "(Thai marks moved or dropped)")
        print(f"{path.parent.name + '/' + path.name:<32} pdfium {_spread(times, '{:.1f}')} "
              f"ms/page, our layout device {_spread(ours, '{:.1f}')} ms/page: {same}")


def _fresh_process(code: str) -> tuple[float, float]:
    """Seconds and peak RSS (MiB) of a new Python process running `code`."""
    probe = ("import resource, subprocess, sys, time\n"
             "t = time.perf_counter()\n"
             f"subprocess.run([sys.executable, '-c', {code!r}], check=True, "
             "stdout=subprocess.DEVNULL)\n"
             "print(time.perf_counter() - t, "
             "resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                         check=True, cwd=ROOT).stdout.split()
    return float(out[0]), float(out[1])


def _one_report(out: str) -> str:
    """`ita convert` of one text report in this process, as the command line runs it."""
    report = ROOT / "fixtures" / "txt" / "000_53b2c979bfb4d4db.txt"
    return (f"import sys; sys.argv = ['ita', 'convert', {str(report)!r}, '--out', {out!r}]\n"
            "from pipeline.cli import main\ntry: main()\nexcept SystemExit: pass")


def start_up() -> None:
    print(f"\nstart-up, fresh processes, {RUNS} runs (min / median / max)")
    with tempfile.TemporaryDirectory() as tmp:
        cases = {
            "ita --help": "import sys; sys.argv = ['ita', '--help']\n"
                          "from pipeline.cli import main\ntry: main()\nexcept SystemExit: pass",
            "ita convert, driver only (resume, Dask)": "import pipeline.cli, pipeline.run.batch",
            "ita convert, before its first file": "import pipeline.cli, pipeline.run.batch, "
                                                  "pipeline.run.one_file",
            "ita convert of one report, whole": _one_report(tmp),
        }
        for name, code in cases.items():
            runs = [_fresh_process(code) for _ in range(RUNS)]
            print(f"{name:<42} {_spread([r[0] for r in runs])} s, peak RSS "
                  f"{_spread([r[1] for r in runs], '{:.0f}')} MiB")


def _convert_all(paths: list) -> None:
    for path in paths:
        convert_file(path)


def reports_per_second() -> None:
    print(f"\nWord and text reports, one process (one core), {RUNS} runs (min / median / max)")
    for fmt in ("txt", "docx"):
        files = sorted((ROOT / "fixtures" / fmt).glob(f"*.{fmt}"))
        for path in files:
            convert_file(path)
        rates = []
        for _ in range(RUNS):
            seconds = _timed(_convert_all, files * 10)
            rates.append(len(files) * 10 / seconds)
        print(f"{fmt:<5} fixtures, each 10 times: {_spread(rates, '{:.0f}')} documents/s")
    with tempfile.TemporaryDirectory() as tmp:
        build_archive(Path(tmp), FRESH)
        for fmt in ("txt", "docx"):
            files = sorted(Path(tmp, fmt).glob(f"*.{fmt}"))
            rate = len(files) / _timed(_convert_all, files)
            print(f"{fmt:<5} {len(files)} copies, each once: {rate:.0f} documents/s")


def main() -> None:
    pdf_ratios()
    start_up()
    reports_per_second()


if __name__ == "__main__":
    main()
