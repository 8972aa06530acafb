"""`ita` starts light: each library is imported where it is used, not at start.

Measured in `make bench` (time and memory); here, which libraries a start loads, a fact that
does not depend on the machine.
"""

from __future__ import annotations

import subprocess
import sys

HEAVY = ("pandas", "pyarrow", "dask", "distributed", "duckdb", "psycopg", "pdfplumber",
         "pdfminer", "docx", "lxml", "xlsxwriter", "tqdm", "numpy", "pypdfium2", "pikepdf",
         "cv2", "PIL")


def _loaded_after(statement: str) -> set[str]:
    code = (f"import sys\n{statement}\n"
            f"print(' '.join(m for m in {HEAVY!r} if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return set(out.stdout.split())


def test_the_command_line_loads_no_library_before_a_command_runs() -> None:
    assert _loaded_after("import pipeline.cli") == set()


def test_the_api_loads_no_library_until_it_is_used() -> None:
    assert _loaded_after("import pipeline") == set()


def test_a_conversion_run_starts_without_readers_writers_or_databases() -> None:
    """The driver of `ita convert` loads the PDF/Word readers only in the workers, the
    writers at the first write, a database client only with --db, Dask only with --engine."""
    assert _loaded_after("import pipeline.run.batch") == set()


def test_reading_a_text_file_loads_neither_pdf_nor_word_libraries(tmp_path) -> None:
    report = tmp_path / "report.txt"
    report.write_text("รายงานผลการประเมิน ITA ประจำปี 2567\n", "utf-8")
    loaded = _loaded_after(f"import pipeline\npipeline.convert_file({str(report)!r})")
    assert not loaded & {"pdfplumber", "pdfminer", "docx", "pypdfium2", "pikepdf", "dask",
                         "duckdb", "psycopg", "pandas"}


def test_the_pdf_reader_loads_no_ocr_library_until_a_page_needs_one() -> None:
    assert not _loaded_after("import parsers.pdf") & {"cv2", "PIL", "numpy"}


def test_the_driver_loads_the_extractors_only_to_start_workers() -> None:
    """A run that converts nothing here (--resume with all done, a refusal, --engine dask)
    never loads them; local workers share the driver's copy, loaded just before they fork."""
    code = ("import sys, pipeline.run.batch\n"
            "print(' '.join(m for m in ('pipeline.extract', 'parsers.text', 'pythainlp')"
            " if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == []
