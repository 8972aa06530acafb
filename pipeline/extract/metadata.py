"""Document metadata: organisation, fiscal year, assessment year."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from normalise.digits import to_arabic_digits
from normalise.org import Org, canonical_province, canonical_spelling, find_orgs, find_places
from parsers.model import Document, Paragraph
from pipeline.extract.years import FISCAL_YEAR, ITA_YEAR, first_year

TITLE_PARAGRAPHS = 2
"""Paragraphs before the first table read as the report's title."""


@dataclass(frozen=True)
class Metadata:
    org: Org | None
    fiscal_year: int | None
    assessment_year: int | None
    spellings: dict[str, tuple[str, dict[str, int]]] = field(default_factory=dict)
    """For a name written several ways (organisation, district, province): the spelling used
    (the most frequent) and how often each spelling was seen."""


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


def _organisation(
    title: str, text: str
) -> tuple[Org | None, dict[str, tuple[str, dict[str, int]]]]:
    """The organisation the title names (else the one named most), each of its names in the
    spelling the document uses most."""
    mentions = find_orgs(text)
    first = (find_orgs(title) or mentions or [None])[0]
    if first is None:
        return None, {}
    counts = Counter(o.name for o in mentions if o.org_type == first.org_type)
    if not find_orgs(title):
        first = Org(first.org_type, max(counts, key=counts.__getitem__))
    spellings = {"organisation": canonical_spelling(
        [o.name for o in mentions if o.org_type == first.org_type], first.name)}
    districts, provinces = find_places(title + "\n" + text)
    if districts:
        spellings["district"] = canonical_spelling(districts, districts[0])
    if provinces:
        spellings["province"] = canonical_spelling(provinces, provinces[0])
    district = spellings["district"][0] if districts else None
    province = canonical_province(spellings["province"][0]) if provinces else None
    variants = {k: v for k, v in spellings.items() if len(v[1]) > 1}
    return Org(first.org_type, spellings["organisation"][0], district, province), variants


def read_metadata(document: Document) -> Metadata:
    title, text = _title(document), all_text(document)
    fiscal = first_year(FISCAL_YEAR, title) or first_year(FISCAL_YEAR, text)
    org, spellings = _organisation(title, text)
    return Metadata(org, fiscal, first_year(ITA_YEAR, text), spellings)
