"""PDF: the Word report exported on other pages (size, margins, font size) must give the Word
report's tables, wherever the page breaks now fall and whichever rows they cut."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest

from fixtures.pdf_builder import docx_to_pdf
from tests.metamorphic.cases import PDF_SEEDS, STEMS, case, check, fixture
from tests.metamorphic.word_transforms import choose_variant, page_variant

pytestmark = pytest.mark.skipif(shutil.which("soffice") is None,
                                reason="LibreOffice (soffice) renders the PDFs")

CASES = [case(stem, seed, id=f"{stem[:3]}-page_layout-seed{seed}")
         for stem in STEMS for seed in PDF_SEEDS]


@pytest.mark.parametrize("stem", [pytest.param(s, id=s[:3]) for s in STEMS])
def test_committed_pdf_has_word_tables(stem: str) -> None:
    """The baseline: the committed PDF fixture (A4, 16 pt) against its Word file."""
    check(fixture("pdf", stem), "docx", stem, "the committed PDF export")


@pytest.mark.parametrize(("stem", "seed"), CASES)
def test_pdf_in_other_layout_has_word_tables(stem: str, seed: int, tmp_path: Path) -> None:
    variant = choose_variant(random.Random(seed))
    data = page_variant(fixture("docx", stem).read_bytes(), variant)
    path = tmp_path / f"{stem}.layout{seed}.pdf"
    path.write_bytes(docx_to_pdf(data))
    check(path, "docx", stem, f"a PDF export on {variant.describe()}")
