"""The ITA framework as data (`data/framework.json`): tools, indicators, sub-indicators."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources

import regex

from normalise.text import without_marks


@dataclass(frozen=True)
class Indicator:
    code: str
    tool: str | None
    names: tuple[str, ...]


@dataclass(frozen=True)
class GradeBand:
    grade: str
    low: float
    high: float


@dataclass(frozen=True)
class Framework:
    tool_patterns: tuple[tuple[str, regex.Pattern[str]], ...]
    indicators: tuple[Indicator, ...]
    grade_bands: tuple[GradeBand, ...]
    pass_mark: float
    tool_weights: dict[str, float]
    total_tolerance: float
    """How far a stated total may be from the computed one (rounding, per-question means)."""

    def grade_band(self, grade: str) -> tuple[float, float] | None:
        """(lowest, highest) score of a grade, `pass` and `fail` included."""
        if grade == "pass":
            return self.pass_mark, 100.0
        if grade == "fail":
            return 0.0, self.pass_mark - 0.01
        band = next((b for b in self.grade_bands if b.grade == grade), None)
        return (band.low, band.high) if band else None

    def indicators_of(self, tool: str) -> list[str]:
        return [i.code for i in self.indicators if i.tool == tool and "." not in i.code]

    def indicator(self, code: str) -> Indicator | None:
        return next((i for i in self.indicators if i.code == code), None)

    def indicator_by_name(self, name: str) -> Indicator | None:
        """The indicator or sub-indicator whose name this is (whitespace ignored)."""
        key = _squash(name)
        if found := self._by_name.get(key):
            return found
        # a name that lost its marks (OCR: `การปฏิบัติหน้าที`) names the one indicator it is
        matches = self._by_unmarked_name.get(without_marks(key), ())
        return matches[0] if len(matches) == 1 else None

    @cached_property
    def _by_name(self) -> dict[str, Indicator]:
        return {_squash(n): i for i in reversed(self.indicators) for n in i.names}

    @cached_property
    def _by_unmarked_name(self) -> dict[str, tuple[Indicator, ...]]:
        index: dict[str, tuple[Indicator, ...]] = {}
        for indicator in self.indicators:
            for key in {without_marks(_squash(n)) for n in indicator.names}:
                index[key] = (*index.get(key, ()), indicator)
        return index

    def tool_of(self, code: str) -> str | None:
        main = self.indicator(code.split(".")[0])
        return main.tool if main else None

    @property
    def tool_codes(self) -> tuple[str, ...]:
        """The tools' codes in the framework's order: IIT, EIT, OIT."""
        return tuple(code for code, _ in self.tool_patterns)

    def find_tool(self, text: str) -> str | None:
        """The tool a label names (`IIT`, `(EIT)`, `แบบวัดการรับรู้…ภายใน`), if any."""
        squashed = _squash(text)
        if squashed.upper() in self.tool_codes:
            return squashed.upper()
        for code, pattern in self.tool_patterns:
            if pattern.search(squashed):
                return code
        return None


def _squash(text: str) -> str:
    return "".join(text.split())


@cache
def framework() -> Framework:
    raw = json.loads(resources.files("pipeline").joinpath("data/framework.json").read_text("utf-8"))
    tools = tuple(
        (t["code"], regex.compile("|".join(t["patterns"]))) for t in raw["tools"]
    )
    indicators = tuple(
        Indicator(i["code"], i.get("tool"), tuple(i["names"]))
        for i in raw["indicators"] + raw["subindicators"]
    )
    bands = tuple(GradeBand(b["grade"], b["min"], b["max"]) for b in raw["grade_bands"])
    return Framework(tools, indicators, bands, raw["pass_mark"], raw["tool_weights"],
                     raw["total_tolerance"])
