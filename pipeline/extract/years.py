"""Which ITA year a statement speaks of, and years that cannot be what was meant."""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from normalise.dates import be_year
from normalise.text import holds_any
from normalise.vocabulary import REPORT_YEARS
from pipeline.ita.findings import WARNING, Finding

_COMPARED_WITH = ("จาก", "กว่า", "เทียบกับ")
"""Words before a year that name a year compared with, not the year of what follows."""
YEAR_PHRASE = r"(?:ปี(?:งบประมาณ)?|พ\.ศ\.?)\s*(?:พ\.ศ\.?)?\s*(\d{4})"
"""A Buddhist-Era year after ปี / ปีงบประมาณ / พ.ศ., the year as group 1."""
_YEAR_WORD = "".join(f"(?<!{w})" for w in _COMPARED_WITH) + YEAR_PHRASE

ITA_YEAR = regex.compile(
    rf"ITA\W{{0,3}}(?:ประจำ)?{_YEAR_WORD}"
    rf"|(?:ผลการประเมิน|การประเมินผล)[^\n]{{0,120}}?{_YEAR_WORD}"
)
"""A phrase naming the ITA year whose results follow: `ITA ปี2567`, `ผลการประเมิน ITA … พ.ศ. 2565`."""

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


def last_ita_year(text: str) -> int | None:
    """The year of the last phrase in text that names the ITA year (`ITA_YEAR`), each of which
    holds `ITA` or `ประเมิน`: a text without either is not searched."""
    if not holds_any(text, ("ITA", "ประเมิน")):
        return None
    return last_year(ITA_YEAR, text)


def first_year(pattern: regex.Pattern[str], text: str) -> int | None:
    m = pattern.search(text)
    return int(next(g for g in m.groups() if g)) if m else None


_CE_PHRASE = r"(?<=(?<![A-Za-z])(?:in|for|of|year|FY|fiscal\s+year)\s+|ค\.ศ\.?\s*)(\d{4})(?!\d)"
"""A Common-Era year: `for 2022` in English, `ค.ศ. 2022` in Thai."""
_WRITTEN_YEAR = regex.compile(
    rf"(?P<compared>(?:{'|'.join(_COMPARED_WITH)})\s*)?(?:{YEAR_PHRASE}|{_CE_PHRASE})"
    r"|(?<=\(\s*)(\d{4})(?=\s*\))"
)
"""A year as a score sentence writes it: after ปี / พ.ศ., a CE year, or alone in brackets."""
_NOTE_OPENING = regex.compile(r"\s*(?:\(\s*|(?:ใน|ของ|ประจำ)\s*|in\s+)(?:ค\.ศ\.?\s*)?$")
"""What stands between a score and the year that annotates it: `(ปี 2566)`, `ในปี 2566`."""
_COMPARED_REACH = regex.compile(r"(?:(?!โดย|ทั้งนี้)[^\d\n]){0,80}")
"""How far after a year compared with (`เพิ่มขึ้นจากปี 2566 ที่ได้รับ …`) a score may stand and
still be that year's: the same clause, no other number between."""


@dataclass(frozen=True)
class WrittenYear:
    start: int
    end: int
    year: int
    """Buddhist Era, as written (a CE year is converted, nothing else is changed)."""
    compared: bool
    """Written as a year compared with (`จากปี 2566`, `สูงกว่าปี 2566`)."""


def written_years(text: str, start: int = 0) -> list[WrittenYear]:
    """Every year written in text from `start`, in order."""
    found = []
    for m in _WRITTEN_YEAR.finditer(text, start):
        year = be_year(next(g for g in m.groups()[1:] if g))
        if year is not None:
            found.append(WrittenYear(m.start(), m.end(), year, bool(m.group("compared"))))
    return found


@dataclass
class ScoreYears:
    """Which written year each score of one text takes: the one written next to it.

    A year right after the score that annotates it (`๘๘.๒๐ คะแนน (ปี ๒๕๖๖)`) comes first and
    is then no other score's; else the nearest year before it, where a year compared with
    reaches only the rest of its clause.
    """

    text: str
    years: list[WrittenYear]
    _claimed: set[int] = field(default_factory=set)

    @classmethod
    def of(cls, text: str, start: int = 0) -> ScoreYears:
        return cls(text, written_years(text, start))

    def note_after(self, end: int) -> WrittenYear | None:
        """The year annotating a score that ends at `end`, if one is written right after it."""
        for year in self.years:
            if year.start >= end:
                opening = self.text[end:year.start]
                closed = "(" not in opening or self.text[year.end:].lstrip().startswith(")")
                return year if _NOTE_OPENING.match(opening) and closed else None
        return None

    def take(self, start: int, end: int, *, own_only: bool = False) -> WrittenYear | None:
        """The year of the score at text[start:end] (its unit and grade included); with
        `own_only`, only a year annotating it."""
        if (note := self.note_after(end)) is not None:
            self._claimed.add(note.start)
            return note
        if own_only:
            return None
        for year in reversed([y for y in self.years if y.end <= start]):
            if year.start in self._claimed:
                continue
            if year.compared and not _COMPARED_REACH.fullmatch(self.text, year.end, start):
                continue
            return year
        return None
