"""Word reports: a table split into two (one per page) must not change the report's tables."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from tests.metamorphic.cases import SEEDS, STEMS, case, check, fixture
from tests.metamorphic.word_transforms import NotApplicable, pua_in_word, split_table

CASES = [
    case(stem, repeat, seed, kind="docx",
         id=f"{stem[:3]}-{'split_repeat_header' if repeat else 'split_no_header'}-seed{seed}")
    for stem in STEMS
    for repeat in (True, False)
    for seed in SEEDS
]


@pytest.mark.parametrize(("stem", "repeat_header", "seed"), CASES)
def test_word_table_split_keeps_tables(stem: str, repeat_header: bool, seed: int,
                                       tmp_path: Path) -> None:
    try:
        data = split_table(fixture("docx", stem).read_bytes(), random.Random(seed), repeat_header)
    except NotApplicable as exc:
        pytest.skip(str(exc))
    path = tmp_path / f"{stem}.split.{seed}.docx"
    path.write_bytes(data)
    what = "splitting a table" + (" with its header repeated" if repeat_header else "")
    check(path, "docx", stem, f"{what} (seed {seed})")


@pytest.mark.parametrize("stem", [case(s, id=f"{s[:3]}-pua_glyphs", kind="docx") for s in STEMS])
def test_word_text_in_legacy_glyphs_keeps_tables(stem: str, tmp_path: Path) -> None:
    path = tmp_path / f"{stem}.pua.docx"
    path.write_bytes(pua_in_word(fixture("docx", stem).read_bytes(), random.Random(0)))
    check(path, "docx", stem, "Thai marks in legacy PUA glyphs")
