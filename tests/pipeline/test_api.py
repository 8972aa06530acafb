"""The public API in pipeline/__init__.py: what scripts call instead of the command line."""

from __future__ import annotations

from pathlib import Path

import pyarrow.parquet as pq
import pytest

import pipeline
from tests.support.paths import FIXTURES

REPORT_002 = FIXTURES / "docx" / "002_49dc0f6618795a8f.docx"


def test_convert_file_gives_a_files_rows() -> None:
    result = pipeline.convert_file(FIXTURES / "txt" / "004_20768b841998a7f2.txt", "004.txt")
    assert result.document["source_path"] == "004.txt"
    assert result.document["status"] == "ok"
    assert len(result.tables["scores"]) == 14  # read off report 004 (tests/golden)


def test_convert_batch_then_audit_folder(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = pipeline.convert_batch(pipeline.BatchOptions(inputs=[REPORT_002], out=out,
                                                          workers=1))
    assert result.exit_status == 0 and result.counts["ok"] == 1
    assert pq.read_table(out / "o_items.parquet").num_rows == 43
    rows = pipeline.audit_folder(out)
    states = {r["code"]: r["state"] for r in rows}
    assert len(states) == 43  # report 002 lists O1-O43 and ticks O7, O21, O40 not done
    assert {c for c, s in states.items() if s == "not_done"} == {"O7", "O21", "O40"}


def test_what_cannot_be_done_is_an_ita_error(tmp_path: Path) -> None:
    with pytest.raises(pipeline.UsageError, match="no such file or folder"):
        pipeline.convert_batch(pipeline.BatchOptions(inputs=[tmp_path / "nothing"],
                                                     out=tmp_path / "out"))
    with pytest.raises(pipeline.ItaError, match="not a folder written by ita convert"):
        pipeline.audit_folder(tmp_path)
