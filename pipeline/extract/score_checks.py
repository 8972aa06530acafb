"""Cross-checks of a document's scores: contradictions become findings, never corrections."""

from __future__ import annotations

from collections import defaultdict
from statistics import fmean

from pipeline.ita.findings import WARNING, Finding
from pipeline.ita.framework import framework
from pipeline.output.schema import Row


def _f(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


def grade_findings(scores: list[Row]) -> list[Finding]:
    """A grade outside its score band (GRADE_MISMATCH)."""
    out = []
    for row in scores:
        band = framework().grade_band(row["grade"]) if row["grade"] else None
        if band and not band[0] <= row["score"] <= band[1]:
            what = row["code"] or row["name"]
            out.append(Finding(
                WARNING, "GRADE_MISMATCH",
                f"The {row['scope']} score {what} for {row['assessment_year']} is "
                f"{_f(row['score'])} but is graded {row['grade']}, whose band is "
                f"{_f(band[0])}-{_f(band[1])}.",
                row["page"], row["evidence"]))
    return out


def total_findings(scores: list[Row]) -> list[Finding]:
    """An overall score that is not the weighted sum of the tools, or a tool score that is not
    the mean of its indicators, beyond the framework's tolerance (TOTAL_MISMATCH)."""
    fw = framework()
    by_year: dict[int, dict[tuple[str, str | None], Row]] = defaultdict(dict)
    for row in scores:
        by_year[row["assessment_year"]][(row["scope"], row["code"])] = row
    out = []
    for year, found in sorted(by_year.items()):
        checks: list[tuple[Row, float, str]] = []
        tools = {t: found.get(("tool", t)) for t in fw.tool_weights}
        overall = found.get(("overall", "ITA"))
        if overall and all(tools.values()):
            total = sum(fw.tool_weights[t] * r["score"] for t, r in tools.items() if r)
            checks.append((overall, total, " + ".join(
                f"{w:g}×{t} {_f(tools[t]['score'])}" for t, w in fw.tool_weights.items()
                if tools[t])))
        for tool, row in tools.items():
            parts = [found.get(("indicator", code)) for code in fw.indicators_of(tool)]
            if row and parts and all(parts):
                codes = ", ".join(p["code"] for p in parts if p)
                mean = fmean(p["score"] for p in parts if p)
                checks.append((row, mean, f"the mean of indicators {codes}"))
        for row, computed, how in checks:
            if abs(row["score"] - computed) > fw.total_tolerance:
                out.append(Finding(
                    WARNING, "TOTAL_MISMATCH",
                    f"The {row['scope']} score {row['code']} for {year} is stated as "
                    f"{_f(row['score'])} but {how} is {computed:.2f}.",
                    row["page"], row["evidence"]))
    return out


def score_findings(scores: list[Row]) -> list[Finding]:
    return grade_findings(scores) + total_findings(scores)
