"""Document metadata: organisation, fiscal year, assessment year."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import regex

from normalise.digits import to_arabic_digits
from normalise.org import (
    Org,
    PlaceName,
    canonical_spelling,
    find_agencies,
    find_orgs,
    read_places,
)
from normalise.text import clean_text
from parsers.model import Document, Paragraph
from pipeline.extract.years import FISCAL_YEAR, ITA_YEAR, first_year
from pipeline.ita.findings import INFO, WARNING, Finding

TITLE_PARAGRAPHS = 2
"""Paragraphs before the first table read as the report's title."""

TITLE_FISCAL_YEAR = regex.compile(
    r"(?:ปี\s*งบ\s*ประมาณ|รายงาน\s*ประจำ\s*ปี)\s*(?:พ\s*\.\s*ศ\s*\.?)?\s*(\d{4})")
"""The fiscal year as a title gives it: `ประจำปีงบประมาณ 2565`, `ปีงบประมาณ พ.ศ. 2565`, and an
annual report's `รายงานประจำปี 2565`."""

Spellings = dict[str, tuple[str, dict[str, int]]]


@dataclass(frozen=True)
class Metadata:
    org: Org | None
    fiscal_year: int | None
    assessment_year: int | None
    spellings: Spellings = field(default_factory=dict)
    """For a name written several ways (organisation, district, province): the spelling used
    (the most frequent; for a place, the official one) and how often each spelling was seen."""
    findings: tuple[Finding, ...] = ()
    """Places written other than their official name, or not in the official list."""


def all_text(document: Document) -> str:
    parts: list[str] = []
    for block in document.blocks:
        if isinstance(block, Paragraph):
            parts.append(block.text)
        else:
            parts.extend(c.text for row in block.rows for c in row.cells)
    return to_arabic_digits("\n".join(parts))


def _title(document: Document) -> str:
    title: list[str] = []
    for block in document.blocks:
        if not isinstance(block, Paragraph) or len(title) == TITLE_PARAGRAPHS:
            break
        title.append(block.text)
    return to_arabic_digits("\n".join(title))


Named = tuple[Org, tuple[str, dict[str, int]]]
"""An organisation, and the spelling of its name used with the count of each seen."""


def _most_named(mentions: list[Org], in_title: list[Org]) -> Named | None:
    """The organisation the title names first, else the one the text names most, in the
    spelling the text uses most near it."""
    first = (in_title or mentions or [None])[0]
    if first is None:
        return None
    names = [o.name for o in mentions if o.org_type == first.org_type]
    preferred = first.name if in_title else Counter(names).most_common(1)[0][0]
    spelling = canonical_spelling(names, preferred)
    return Org(first.org_type, spelling[0]), spelling


def _named_org(title: str, text: str) -> Named | None:
    """The local organisation the title names; else the agency the title names, if the text
    (cleaned) names it more often than any local organisation (an agency cited by a local
    report, such as กรมส่งเสริมการปกครองท้องถิ่น, is not the report's organisation)."""
    local_in_title = find_orgs(title)
    local = _most_named(find_orgs(text, cleaned=True), local_in_title)
    agencies_in_title = find_agencies(title)
    if local_in_title or not agencies_in_title:
        return local
    agency = _most_named(find_agencies(text, cleaned=True), agencies_in_title)
    if agency and (local is None or sum(agency[1][1].values()) > sum(local[1][1].values())):
        return agency
    return local


def _listing(counts: dict[str, int]) -> str:
    return ", ".join(f"{name} ({n}×)" for name, n in counts.items())


def _place_finding(what: str, place: PlaceName, province: str | None) -> Finding | None:
    """What a reader should know of a place's name: written other than its official name, or
    not in the official list (for a district, among `province`'s when that is official)."""
    if not place.official:
        among = f" of {province}" if what == "district" and province else ""
        return Finding(WARNING, "PLACE_UNKNOWN",
                       f"The {what} {place.used} is not in the official list of {what}s{among}, "
                       "nor close to exactly one name in it; it is kept as written.",
                       evidence=_listing(place.written))
    other = {name: n for name, n in place.written.items() if name != place.used}
    if not other:
        return None
    return Finding(INFO, "PLACE_CORRECTED",
                   f"The {what} is written {_listing(other)}; its official name {place.used} "
                   "is used.", evidence=_listing(place.written))


def _organisation(title: str, text: str) -> tuple[Org | None, Spellings, tuple[Finding, ...]]:
    """The organisation with its district and province, the names written several ways, and
    the findings on its places; `text` is cleaned."""
    named = _named_org(title, text)
    if named is None:
        return None, {}, ()
    org, spelling = named
    places = read_places(text, cleaned=True)
    province = places.province.used if places.province else None
    district = places.district.used if places.district else None
    official = places.province.used if places.province and places.province.official else None
    spellings: Spellings = {"organisation": spelling}
    findings = []
    for what, place in (("district", places.district), ("province", places.province)):
        if place is None:
            continue
        spellings[what] = (place.used, place.written)
        finding = _place_finding(what, place, official)
        findings += [finding] if finding else []
    variants = {k: v for k, v in spellings.items() if len(v[1]) > 1}
    return Org(org.org_type, org.name, district, province), variants, tuple(findings)


def read_metadata(document: Document) -> Metadata:
    title, text = _title(document), all_text(document)
    fiscal = first_year(TITLE_FISCAL_YEAR, title) or first_year(FISCAL_YEAR, text)
    # Cleaned once for its readers, which are told so (`cleaned=True`).
    org, spellings, findings = _organisation(title, clean_text(text))
    return Metadata(org, fiscal, first_year(ITA_YEAR, text), spellings, findings)
