"""O-item catalogues by assessment year: the bundled data files and a user's own.

A catalogue lists a year's items (code, sub-indicator, title). Titles are matched
loosely, so that a report's item title confirms its code; a code whose title is
another item's becomes a finding, and the code stays as printed.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import regex
from rapidfuzz import fuzz

from normalise.codes import item_number, parse_item_code
from normalise.text import clean_text
from normalise.vocabulary import BE_YEARS
from pipeline.errors import ItaError
from pipeline.ita.findings import INFO, WARNING, Finding
from pipeline.output.schema import Row

BUNDLED = Path(__file__).parents[1] / "data" / "catalogues"
MATCH = 85.0
"""Similarity (0-100) from which a report's title is taken to name a catalogue item."""
_NOT_KEY = regex.compile(r"[\s\p{P}\p{S}]+")
CSV_COLUMNS = ("assessment_year", "code", "subindicator", "title")


class CatalogueError(ItaError):
    """A catalogue file that cannot be used; the message names the file and the line."""


@dataclass(frozen=True)
class Item:
    code: str
    subindicator: str | None
    title: str | None


@dataclass(frozen=True)
class Catalogue:
    year: int
    items: tuple[Item, ...]
    complete: bool
    """Whether the list is the year's whole list (else documents' own items are added)."""
    source: str

    def item(self, code: str) -> Item | None:
        return next((i for i in self.items if i.code == code), None)


def _title_key(title: str) -> str:
    """A title for comparison: case, spaces, punctuation and symbols aside."""
    return _NOT_KEY.sub("", clean_text(title)).casefold()


def similarity(a: str, b: str) -> float:
    """0-100: how well two item titles agree; 100 when one begins with the other."""
    ka, kb = _title_key(a), _title_key(b)
    if not ka or not kb:
        return 0.0
    shorter, longer = sorted((ka, kb), key=len)
    if len(shorter) >= 4 and longer.startswith(shorter):
        return 100.0
    return fuzz.ratio(ka, kb)


def _item(raw: dict[str, Any], where: str) -> Item:
    code = parse_item_code(str(raw.get("code") or ""))
    if code is None:
        raise CatalogueError(f"{where}: {raw.get('code')!r} is not an item code such as O13.")
    title = clean_text(str(raw.get("title") or "")) or None
    subindicator = clean_text(str(raw.get("subindicator") or "")) or None
    return Item(code, subindicator, title)


def _year(value: Any, where: str) -> int:
    text = clean_text(str(value or ""))
    if not text.isdigit() or int(text) not in BE_YEARS:
        raise CatalogueError(f"{where}: assessment year {value!r} is not a year such as 2566 "
                             "(Buddhist Era).")
    return int(text)


def _catalogue(year: int, items: list[Item], complete: bool, source: str) -> Catalogue:
    codes = [i.code for i in items]
    if doubled := sorted({c for c in codes if codes.count(c) > 1}):
        raise CatalogueError(f"{source}: {', '.join(doubled)} listed twice for {year}.")
    ordered = sorted(items, key=lambda i: item_number(i.code))
    return Catalogue(year, tuple(ordered), complete, source)


def _from_json(path: Path) -> list[Catalogue]:
    data = json.loads(path.read_text("utf-8"))
    out = []
    for entry in data if isinstance(data, list) else [data]:
        year = _year(entry.get("assessment_year"), str(path))
        items = [_item(raw, f"{path}, {year} item {n}")
                 for n, raw in enumerate(entry.get("items") or [], 1)]
        out.append(_catalogue(year, items, bool(entry.get("complete", True)),
                              str(entry.get("source") or path)))
    return out


def _from_csv(path: Path) -> list[Catalogue]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh)
        if missing := [c for c in CSV_COLUMNS if c not in (reader.fieldnames or [])]:
            raise CatalogueError(f"{path}: no column {', '.join(missing)}; a catalogue CSV has "
                                 f"the columns {', '.join(CSV_COLUMNS)}.")
        by_year: dict[int, list[Item]] = {}
        for line, raw in enumerate(reader, 2):
            where = f"{path}, line {line}"
            by_year.setdefault(_year(raw["assessment_year"], where), []).append(_item(raw, where))
    return [_catalogue(year, items, True, str(path)) for year, items in by_year.items()]


def read_catalogue_file(path: Path) -> list[Catalogue]:
    """The catalogues in a `.json` file (the bundled form) or a `.csv` file (one item a row)."""
    try:
        if path.suffix.lower() == ".csv":
            return _from_csv(path)
        if path.suffix.lower() == ".json":
            return _from_json(path)
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, csv.Error) as exc:
        raise CatalogueError(f"Cannot read the catalogue {path}: {exc}") from exc
    raise CatalogueError(f"{path}: a catalogue is a .json or .csv file.")


def catalogues(extra: Path | None = None) -> dict[int, Catalogue]:
    """The bundled catalogues by year; a user's file replaces the years it gives."""
    found = {c.year: c for p in sorted(BUNDLED.glob("*.json")) for c in read_catalogue_file(p)}
    if extra is not None:
        found.update({c.year: c for c in read_catalogue_file(extra)})
    return found


def check_item(row: Row, catalogue: Catalogue) -> Finding | None:
    """Whether a report's O-item agrees with the catalogue of its year; sets catalogue_title."""
    code, title, year = row["code"], row.get("title"), catalogue.year
    item = catalogue.item(code)
    if item is None:
        if not catalogue.complete:
            return None
        return Finding(WARNING, "ITEM_NOT_IN_CATALOGUE",
                       f"{code} is not in the {year} catalogue of {len(catalogue.items)} items.",
                       row.get("page"), title)
    row["catalogue_title"] = item.title
    if not title or not item.title or similarity(title, item.title) >= MATCH:
        return None
    best = max((i for i in catalogue.items if i.title), key=lambda i: similarity(title, i.title))
    if similarity(title, best.title) >= MATCH:
        return Finding(WARNING, "ITEM_CODE_MISMATCH",
                       f"The report lists {code} as “{title}”, which is {best.code} in the {year} "
                       f"catalogue ({code} there is “{item.title}”); the code is kept as printed.",
                       row.get("page"), title)
    return Finding(INFO, "ITEM_TITLE_MISMATCH",
                   f"The report's title of {code}, “{title}”, does not match the {year} "
                   f"catalogue's “{item.title}”.", row.get("page"), title)


def apply_catalogues(batch: dict[str, list[Row]], known: dict[int, Catalogue]) -> int:
    """Check a batch's O-items against their years' catalogues; the number of findings added."""
    added = 0
    for row in batch["o_items"]:
        catalogue = known.get(row["assessment_year"])
        if catalogue is not None and (finding := check_item(row, catalogue)) is not None:
            batch["findings"].append(finding.row(row["doc_id"]))
            added += 1
    return added
