"""Which ITA year a statement speaks of, and years that cannot be what was meant."""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from normalise.vocabulary import REPORT_YEARS
from pipeline.ita.findings import WARNING, Finding

_YEAR_WORD = r"(?<!จาก)(?<!กว่า)(?<!เทียบกับ)(?:ปี(?:งบประมาณ)?|พ\.ศ\.?)\s*(?:พ\.ศ\.?)?\s*(\d{4})"

ITA_YEAR = regex.compile(
    rf"ITA\W{{0,3}}(?:ประจำ)?{_YEAR_WORD}"
    rf"|(?:ผลการประเมิน|การประเมินผล)[^\n]{{0,120}}?{_YEAR_WORD}"
)
"""A phrase naming the ITA year whose results follow: `ITA ปี2567`, `ผลการประเมิน ITA … พ.ศ. 2565`."""

ANY_YEAR = regex.compile(_YEAR_WORD)
"""Any year written after ปี / พ.ศ."""

FISCAL_YEAR = regex.compile(r"ปีงบประมาณ\s*(?:พ\.ศ\.?)?\s*(\d{4})")

PLAUSIBLE_SPAN = (-6, 2)
"""ITA years a report may speak of, relative to its fiscal year."""


@dataclass
class YearResolver:
    """Checks written years against the report's fiscal year; a typo becomes a finding."""

    fiscal_year: int | None
    findings: list[Finding]
    _repaired: dict[int, int | None] = field(default_factory=dict)

    def plausible(self, year: int) -> bool:
        if self.fiscal_year is None:
            return year in REPORT_YEARS
        low, high = PLAUSIBLE_SPAN
        return self.fiscal_year + low <= year <= self.fiscal_year + high

    def resolve(self, written: int, evidence: str) -> int | None:
        """The year meant: as written when plausible, else the one-digit repair if unique.

        A typo is reported once per document, at its first occurrence.
        """
        if self.plausible(written):
            return written
        if written in self._repaired:
            return self._repaired[written]
        text = str(written)
        candidates = {
            int(text[:i] + d + text[i + 1:])
            for i in range(len(text))
            for d in "0123456789"
            if d != text[i]
        }
        meant = sorted(y for y in candidates if self.plausible(y))
        self._repaired[written] = meant[0] if len(meant) == 1 else None
        if len(meant) != 1:
            return None
        self.findings.append(
            Finding(
                WARNING,
                "YEAR_TYPO",
                f"The year {written} cannot be right here; read as {meant[0]}.",
                evidence=evidence,
            )
        )
        return meant[0]


def last_year(pattern: regex.Pattern[str], text: str) -> int | None:
    """The year in the last match of `pattern` in text (group 1 or 2)."""
    found = None
    for m in pattern.finditer(text):
        found = int(next(g for g in m.groups() if g))
    return found


def first_year(pattern: regex.Pattern[str], text: str) -> int | None:
    m = pattern.search(text)
    return int(next(g for g in m.groups() if g)) if m else None
