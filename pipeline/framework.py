"""The ITA framework as data (`data/framework.json`): tools, indicators, sub-indicators."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources

import regex


@dataclass(frozen=True)
class Indicator:
    code: str
    tool: str | None
    names: tuple[str, ...]


@dataclass(frozen=True)
class Framework:
    tool_patterns: tuple[tuple[str, regex.Pattern[str]], ...]
    indicators: tuple[Indicator, ...]

    def indicator(self, code: str) -> Indicator | None:
        return next((i for i in self.indicators if i.code == code), None)

    def indicator_by_name(self, name: str) -> Indicator | None:
        """The indicator or sub-indicator whose name this is (whitespace ignored)."""
        key = _squash(name)
        return next((i for i in self.indicators if key in map(_squash, i.names)), None)

    def tool_of(self, code: str) -> str | None:
        main = self.indicator(code.split(".")[0])
        return main.tool if main else None

    def find_tool(self, text: str) -> str | None:
        """The tool a label names (`IIT`, `(EIT)`, `แบบวัดการรับรู้…ภายใน`), if any."""
        squashed = _squash(text)
        if squashed.upper() in ("IIT", "EIT", "OIT"):
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
    return Framework(tools, indicators)
