"""What must not change under a meaning-preserving transformation, and how to say what did.

A conversion is reduced to its `Tables`: the rows of scores, measures and o_items without the
columns that may move with the layout (doc_id, page, page_start, page_end, evidence), text
compared with all whitespace removed and numbers exactly, and the findings' codes as a
multiset (their page, evidence and message may move too).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline import convert_file

COMPARED_TABLES = ("scores", "measures", "o_items")
IGNORED_COLUMNS = frozenset({"doc_id", "page", "page_start", "page_end", "evidence"})
SHOWN_ROWS = 6
"""How many lost or gained rows a failure message shows per table."""

Key = tuple[tuple[str, Hashable], ...]


@dataclass(frozen=True)
class Tables:
    """The comparable content of one conversion."""

    rows: dict[str, tuple[Key, ...]]
    findings: Counter[str]
    status: str


def squash(value: Any) -> Hashable:
    """A cell value as compared: text without whitespace, lists element-wise, the rest as is."""
    if isinstance(value, str):
        return "".join(value.split())
    if isinstance(value, list | tuple):
        return tuple(squash(v) for v in value)
    return value


def row_key(row: dict[str, Any]) -> Key:
    """A row without its layout columns, squashed, in column order."""
    return tuple((k, squash(v)) for k, v in row.items() if k not in IGNORED_COLUMNS)


def tables_of(path: Path, source_path: str) -> Tables:
    """Convert a file (its rows named `source_path`) and keep what is compared."""
    converted = convert_file(path, source_path)
    rows = {name: tuple(row_key(r) for r in converted.tables[name]) for name in COMPARED_TABLES}
    findings = Counter(str(f["code"]) for f in converted.tables["findings"])
    return Tables(rows, findings, str(converted.document["status"]))


def _show(key: Key) -> str:
    """A row in one line: its non-empty columns, long texts shortened."""
    parts = []
    for name, value in key:
        if value in (None, "", ()):
            continue
        text = str(value)
        parts.append(f"{name}={text[:40]}…" if len(text) > 40 else f"{name}={text}")
    return "{" + ", ".join(parts) + "}"


def _changes(lost: Key, gained: Key) -> list[str]:
    """The columns in which two rows differ."""
    return [f"{name}: {_short(a)!r} → {_short(b)!r}"
            for (name, a), (_, b) in zip(lost, gained, strict=True) if a != b]


def _short(value: Hashable) -> Hashable:
    text = str(value)
    return text if len(text) <= 60 else text[:60] + "…"


def _pair(lost: list[Key], gained: list[Key]) -> list[tuple[Key, Key]]:
    """Lost and gained rows that are one row changed: same columns, at most 3 of them differ."""
    pairs = []
    for row in list(lost):
        match = next((g for g in gained if len(g) == len(row)
                      and len(_changes(row, g)) <= 3), None)
        if match is not None:
            pairs.append((row, match))
            lost.remove(row)
            gained.remove(match)
    return pairs


def _table_difference(name: str, expected: tuple[Key, ...], actual: tuple[Key, ...]) -> list[str]:
    """Lines saying how one table differs: rows changed, lost, gained, or only their order."""
    if expected == actual:
        return []
    lost = list((Counter(expected) - Counter(actual)).elements())
    gained = list((Counter(actual) - Counter(expected)).elements())
    lines = [f"{name}: {len(expected)} rows expected, {len(actual)} got"]
    if not lost and not gained:
        return [*lines, f"  {name}: same rows in another order"]
    shown = [f"  changed {_show(a)[:90]}: " + "; ".join(_changes(a, b))
             for a, b in _pair(lost, gained)]
    shown += [f"  lost: {_show(key)}" for key in lost]
    shown += [f"  gained: {_show(key)}" for key in gained]
    if len(shown) > SHOWN_ROWS:
        shown = [*shown[:SHOWN_ROWS], f"  … and {len(shown) - SHOWN_ROWS} more"]
    return lines + shown


def difference(expected: Tables, actual: Tables) -> str:
    """Empty when the conversions agree, else what was lost and gained."""
    lines: list[str] = []
    if expected.status != actual.status:
        lines.append(f"status: expected {expected.status}, got {actual.status}")
    for name in COMPARED_TABLES:
        lines += _table_difference(name, expected.rows[name], actual.rows[name])
    if expected.findings != actual.findings:
        lost = sorted((expected.findings - actual.findings).elements())
        gained = sorted((actual.findings - expected.findings).elements())
        lines.append(f"findings: lost {lost}, gained {gained}")
    return "\n".join(lines)
