"""Document metadata: organisation, fiscal year, assessment year."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from normalise.digits import to_arabic_digits
from normalise.org import Org, find_orgs, find_place
from parsers.model import Document, Paragraph
from pipeline.years import FISCAL_YEAR, ITA_YEAR, first_year

TITLE_PARAGRAPHS = 2
"""Paragraphs before the first table read as the report's title."""


@dataclass(frozen=True)
class Metadata:
    org: Org | None
    fiscal_year: int | None
    assessment_year: int | None


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


def _organisation(title: str, text: str) -> Org | None:
    """The organisation the title names, else the one the document names most."""
    orgs = find_orgs(title) or find_orgs(text)
    if not orgs:
        return None
    counts = Counter((o.org_type, o.name) for o in find_orgs(text))
    org = orgs[0] if find_orgs(title) else max(orgs, key=lambda o: counts[(o.org_type, o.name)])
    if org.district is None or org.province is None:
        district, province = find_place(text)
        org = Org(org.org_type, org.name, org.district or district, org.province or province)
    return org


def read_metadata(document: Document) -> Metadata:
    title, text = _title(document), all_text(document)
    fiscal = first_year(FISCAL_YEAR, title) or first_year(FISCAL_YEAR, text)
    return Metadata(_organisation(title, text), fiscal, first_year(ITA_YEAR, text))
