"""What the PDF reader tunes, as data: one frozen `PdfSettings`, checked when it is made.

Each field has its default and says what it does, as pdfplumber's `TableSettings` does for
table finding; `parse_pdf` takes a `PdfSettings` and passes it to where each is used.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from pdfplumber.table import TableSettings


@dataclass(frozen=True)
class PdfSettings:
    """How the PDF reader finds tables, stitches them over pages and judges unreadable pages."""

    ruled_tables: Mapping[str, Any] = field(default_factory=lambda: {
        "vertical_strategy": "lines",
        "horizontal_strategy": "lines",
        "snap_tolerance": 3,
        "join_tolerance": 3,
        "intersection_tolerance": 3,
    })
    """pdfplumber settings for tables drawn with lines (what Word and LibreOffice export)."""
    unruled_tables: Mapping[str, Any] = field(default_factory=lambda: {
        "vertical_strategy": "text",
        "horizontal_strategy": "text",
        "min_words_vertical": 3,
        "min_words_horizontal": 2,
    })
    """Fallback for a page with no ruled table: columns from aligned text."""
    unruled_filled: float = 0.6
    """Share of an unruled candidate's rows that must have two filled cells."""
    same_column: float = 2.0
    """Points within which two tables' column edges count as the same column."""
    cut_text_gap: float = 1.5
    """At most this many character heights of space below a row's text if a page cut the row."""
    cut_lines: float = 2.0
    """A cut row ends within this many font sizes of the lowest edge tables reach (the line
    that did not fit went to the next page)."""
    undecodable_share: float = 0.5
    """A page more than this share of whose characters (not counting spaces) read `(cid:N)`
    is unreadable: its fonts have no Unicode map."""

    def __post_init__(self) -> None:
        """Refuse bad shares, tolerances and table settings; make the table settings read-only."""
        for name in ("unruled_filled", "undecodable_share"):
            if not 0 <= getattr(self, name) <= 1:
                raise ValueError(f"PdfSettings.{name} is a share: it must be between 0 and 1.")
        for name in ("same_column", "cut_text_gap", "cut_lines"):
            if not getattr(self, name) > 0:
                raise ValueError(f"PdfSettings.{name} is a tolerance: it must be above 0.")
        for name in ("ruled_tables", "unruled_tables"):
            tables = dict(getattr(self, name))
            try:
                TableSettings.resolve(tables)
            except (TypeError, ValueError) as exc:
                raise ValueError(f"PdfSettings.{name}: {exc}") from exc
            object.__setattr__(self, name, MappingProxyType(tables))


DEFAULT_SETTINGS = PdfSettings()
"""The settings the reader uses unless told otherwise."""
