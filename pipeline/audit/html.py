"""The audit as one self-contained HTML page: a heat map per year, sortable, filterable by
province, organisation type and name; no network access, readable on a phone."""

from __future__ import annotations

import html
import json
from pathlib import Path

from pipeline.audit.matrix import ORG_TYPE_LABELS, STATE_LABELS, YearMatrix
from pipeline.audit.states import STATES
from pipeline.output.writers import atomic_write

TEMPLATE = Path(__file__).parents[1] / "data" / "audit.html"
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


def footer(notes: list[str]) -> str:
    """What the audit left out, as a footer under the matrix; empty when nothing."""
    if not notes:
        return ""
    lines = "".join(f"<p>{html.escape(note)}</p>" for note in notes)
    return f'<footer class="status" id="not-audited">{lines}</footer>\n'


def render(years: list[YearMatrix], notes: list[str]) -> str:
    # inside <script>, "<" is written as \u003c so that no text can close the element
    data = json.dumps(payload(years), ensure_ascii=False).replace("<", "\\u003c")
    head, body_end, tail = TEMPLATE.read_text("utf-8").replace(PLACEHOLDER, data).rpartition(
        "</body>")
    return head + footer(notes) + body_end + tail


def write_html(path: Path, years: list[YearMatrix], notes: list[str]) -> None:
    page = render(years, notes)
    atomic_write(path, lambda tmp: tmp.write_text(page, "utf-8"))
