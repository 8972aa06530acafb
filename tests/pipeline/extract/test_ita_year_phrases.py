"""`last_ita_year`, which searches only text holding ITA or ประเมิน, finds what a search of any
text for the phrases naming the ITA year (`ITA_YEAR`) finds."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.extract.years import ITA_YEAR, last_ita_year, last_year
from tests.support.paths import CORPUS

PIECES = ["ITA", "ita", "ผลการประเมิน", "การประเมินผล", "ประเมิน", "ปี", "ปีงบประมาณ", "พ.ศ.",
          " ", "\n", "2567", "๒๕๖๖", "ประจำ", "จาก", "คะแนน", ":"]


@pytest.mark.parametrize("path", sorted(CORPUS.glob("*.txt")), ids=lambda p: p.name[:3])
def test_every_corpus_paragraph(path: Path) -> None:
    for paragraph in path.read_text(encoding="utf-8").split("\n\n"):
        assert last_ita_year(paragraph) == last_year(ITA_YEAR, paragraph)


@given(st.lists(st.sampled_from(PIECES), max_size=12).map("".join))
def test_any_text(text: str) -> None:
    assert last_ita_year(text) == last_year(ITA_YEAR, text)
