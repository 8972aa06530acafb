"""The audit as one self-contained HTML page: a heat map per year, sortable, filterable by
province, organisation type and name; no network access, readable on a phone."""

from __future__ import annotations

import json
from pathlib import Path

from pipeline.audit import STATES
from pipeline.audit_matrix import ORG_TYPE_LABELS, STATE_LABELS, YearMatrix
from pipeline.writers import atomic_write

TEMPLATE = Path(__file__).parent / "data" / "audit.html"
PLACEHOLDER = "__AUDIT_DATA__"


def payload(years: list[YearMatrix]) -> dict[str, object]:
    """What the page's script draws from."""
    return {
        "states": list(STATES),
        "labels": STATE_LABELS,
        "typeLabels": ORG_TYPE_LABELS,
        "years": [{
            "year": m.year,
            "columns": [{"code": c.code, "title": c.title, "subindicator": c.subindicator}
                        for c in m.columns],
            "organisations": [{
                "id": o.org_id, "name": o.name, "short": o.short_name, "type": o.org_type,
                "typeLabel": o.type_label,
                "province": o.province,
                "states": [m.state(o.org_id, c.code) for c in m.columns],
                "sources": [m.cells[o.org_id, c.code]["source_path"] for c in m.columns],
                "counts": dict.fromkeys(STATES, 0) | m.org_counts(o.org_id),
            } for o in m.organisations],
        } for m in years],
    }


def render(years: list[YearMatrix]) -> str:
    # inside <script>, "<" is written as \u003c so that no text can close the element
    data = json.dumps(payload(years), ensure_ascii=False).replace("<", "\\u003c")
    return TEMPLATE.read_text("utf-8").replace(PLACEHOLDER, data)


def write_html(path: Path, years: list[YearMatrix]) -> None:
    page = render(years)
    atomic_write(path, lambda tmp: tmp.write_text(page, "utf-8"))
