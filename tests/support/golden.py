"""Shared access to the real reports for the golden tests."""

from __future__ import annotations

from functools import cache

from pipeline.run.one_file import Converted, Input, convert_file
from tests.support.paths import CORPUS


@cache
def converted(stem: str) -> Converted:
    path = next(CORPUS.glob(f"{stem}_*.txt"))
    return convert_file(Input(path, path.name))


def scores_by_key(stem: str) -> dict[tuple[int, str, str | None], float]:
    return {
        (r["assessment_year"], r["scope"], r["name"] if r["scope"] == "question" else r["code"]):
        r["score"]
        for r in converted(stem).tables["scores"]
    }
