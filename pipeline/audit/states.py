"""`ita audit`: the state of every O-item per organisation and assessment year.

The items of a year are its catalogue's, plus those its reports list that the
catalogue lacks (all of them for a year without a catalogue). An organisation is
audited for each year its reports are about or list items of. Where several
reports speak of an item, the one with the latest fiscal year wins; among
reports of the same fiscal year, one that says done or not done wins over one
that does not say.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from normalise.codes import item_number
from pipeline import database
from pipeline.ita.catalogue import Catalogue
from pipeline.ita.vocabulary import DONE, NOT_DONE, UNKNOWN
from pipeline.output.folder import read_table
from pipeline.output.schema import Row

MISSING = "missing"
STATES = (DONE, NOT_DONE, UNKNOWN, MISSING)
DOCUMENT_COLUMNS = ("doc_id", "source_path", "status", "org_id", "org_name", "org_type",
                    "province", "fiscal_year", "assessment_year")
ITEM_COLUMNS = ("doc_id", "assessment_year", "code", "subindicator", "title", "status")


def read_folder(home: Path) -> tuple[list[Row], list[Row]]:
    """The documents and O-items under `home`, where a converted folder keeps its Parquet tables
    (`output_folder.dataset_tables_home`)."""
    return tuple(read_table(home / f"{table}.parquet", cols).to_pylist()
                 for table, cols in (("documents", DOCUMENT_COLUMNS), ("o_items", ITEM_COLUMNS)))


def read_database(url: str) -> tuple[list[Row], list[Row]]:
    """The documents and O-items loaded into a database."""
    target = database.connect(url, create=False)
    try:
        return target.rows("documents", DOCUMENT_COLUMNS), target.rows("o_items", ITEM_COLUMNS)
    finally:
        target.close()


@dataclass(frozen=True)
class ItemInfo:
    code: str
    subindicator: str | None
    title: str | None
    listed_by: str


def _most_common(values: Iterable[str | None]) -> str | None:
    counted = Counter(v for v in values if v)
    return counted.most_common(1)[0][0] if counted else None


def year_items(year: int, listed: list[Row], catalogue: Catalogue | None) -> list[ItemInfo]:
    """The items audited in a year: the catalogue's and those the year's reports add."""
    items = {i.code: ItemInfo(i.code, i.subindicator, i.title, "catalogue")
             for i in (catalogue.items if catalogue else ())}
    by_code: dict[str, list[Row]] = defaultdict(list)
    for row in listed:
        by_code[row["code"]].append(row)
    for code, rows in by_code.items():
        if code not in items:
            items[code] = ItemInfo(code, _most_common(r["subindicator"] for r in rows),
                                   _most_common(r["title"] for r in rows), "documents")
    return sorted(items.values(), key=lambda i: item_number(i.code))


def _recency(document: Row, item: Row) -> tuple[int, bool, str]:
    return (document["fiscal_year"] or -1, item["status"] != UNKNOWN, document["doc_id"])


def _audited_documents(documents: list[Row]) -> dict[str, Row]:
    """The documents the audit reads, by doc_id: those read, that name an organisation."""
    return {d["doc_id"]: d for d in documents if d["status"] != "failed" and d["org_id"]}


def _org_years(docs: dict[str, Row], items: list[Row]) -> dict[str, set[int]]:
    """The assessment years each organisation's reports are about or list items of."""
    years: dict[str, set[int]] = defaultdict(set)
    for d in docs.values():
        if d["assessment_year"]:
            years[d["org_id"]].add(d["assessment_year"])
    for item in items:
        years[docs[item["doc_id"]]["org_id"]].add(item["assessment_year"])
    return years


def audit(documents: list[Row], o_items: list[Row],
          catalogues: dict[int, Catalogue]) -> list[Row]:
    """One row per organisation × assessment year × item, ordered by those three."""
    docs = _audited_documents(documents)
    latest_doc, provinces = {}, {}
    for d in sorted(docs.values(), key=lambda d: (d["fiscal_year"] or -1, d["doc_id"])):
        latest_doc[d["org_id"]] = d
        if d["province"]:
            provinces[d["org_id"]] = d["province"]
    items = [i for i in o_items if i["doc_id"] in docs]
    years = _org_years(docs, items)
    by_year: dict[int, list[Row]] = defaultdict(list)
    spoken: dict[tuple[str, int, str], Row] = {}
    for item in items:
        org, year = docs[item["doc_id"]]["org_id"], item["assessment_year"]
        by_year[year].append(item)
        key = (org, year, item["code"])
        if key not in spoken or (_recency(docs[item["doc_id"]], item)
                                 > _recency(docs[spoken[key]["doc_id"]], spoken[key])):
            spoken[key] = item
    audited = {y: year_items(y, by_year[y], catalogues.get(y))
               for y in {y for ys in years.values() for y in ys}}
    out = []
    for org in sorted(years):
        info = latest_doc[org]
        for year in sorted(years[org]):
            for entry in audited[year]:
                said = spoken.get((org, year, entry.code))
                source = docs[said["doc_id"]] if said else None
                out.append({
                    "org_id": org, "org_name": info["org_name"], "assessment_year": year,
                    "code": entry.code, "catalogue_title": entry.title,
                    "state": said["status"] if said else MISSING,
                    "doc_id": said["doc_id"] if said else None,
                    "org_type": info["org_type"], "province": provinces.get(org),
                    "subindicator": (said and said["subindicator"]) or entry.subindicator,
                    "title": said["title"] if said else None,
                    "source_path": source["source_path"] if source else None,
                    "listed_by": entry.listed_by,
                })
    return out


@dataclass(frozen=True)
class NotAudited:
    """What the documents speak of that the audit has no rows for."""

    org_years: dict[int, int]
    """Organisations per assessment year that has no catalogue and whose reports list no
    items: there is nothing to audit them against."""
    documents: int
    """Documents read that name no organisation, or no assessment year and list no items."""

    def lines(self) -> list[str]:
        """The command's summary lines; none when everything was audited."""
        out = []
        if self.org_years:
            years = ", ".join(f"{y} ({n})" for y, n in sorted(self.org_years.items()))
            out.append(f"not audited: {sum(self.org_years.values())} organisation-year(s) with "
                       "no O-item catalogue for their ITA year and no O-items in their reports: "
                       f"{years}; give one with --catalogue")
        if self.documents:
            out.append(f"{self.documents} document(s) name no organisation or ITA year and "
                       "were not audited")
        return out


def not_audited(documents: list[Row], o_items: list[Row], rows: list[Row]) -> NotAudited:
    """The organisation-years and documents left out of `rows`, the audit of these documents."""
    docs = _audited_documents(documents)
    items = [i for i in o_items if i["doc_id"] in docs]
    audited = {(r["org_id"], r["assessment_year"]) for r in rows}
    left = Counter(year for org, years in _org_years(docs, items).items() for year in years
                   if (org, year) not in audited)
    listing = {i["doc_id"] for i in items}
    nameless = sum(1 for d in documents if d["status"] != "failed" and (
        d["doc_id"] not in docs or not (d["assessment_year"] or d["doc_id"] in listing)))
    return NotAudited(dict(left), nameless)
