"""Text exports: page breaks placed anew in a report's tables must not change its tables."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from tests.metamorphic.cases import SEEDS, STEMS, case, check, fixture
from tests.metamorphic.text_transforms import SEEDLESS, TRANSFORMS, NotApplicable
from tests.metamorphic.wording_transforms import WORDING_TRANSFORMS

ALL_TRANSFORMS = TRANSFORMS | WORDING_TRANSFORMS

CASES = [
    case(stem, name, seed, id=f"{stem[:3]}-{name}-seed{seed}")
    for stem in STEMS
    for name in ALL_TRANSFORMS
    for seed in (SEEDS[:1] if name in SEEDLESS else SEEDS)
]


def transformed(stem: str, name: str, seed: int, folder: Path) -> Path:
    """The fixture's text after the transformation, written as a file."""
    original = fixture("txt", stem).read_text(encoding="utf-8")
    try:
        lines = ALL_TRANSFORMS[name](original.split("\n"), random.Random(seed))
    except NotApplicable as exc:
        pytest.skip(str(exc))
    path = folder / f"{stem}.{name}.{seed}.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


@pytest.mark.parametrize(("stem", "name", "seed"), CASES)
def test_text_transformation_keeps_tables(stem: str, name: str, seed: int,
                                          tmp_path: Path) -> None:
    path = transformed(stem, name, seed, tmp_path)
    check(path, "txt", stem, f"{name} (seed {seed})")
