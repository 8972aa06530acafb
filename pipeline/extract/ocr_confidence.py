"""Scores read by OCR: each takes the recogniser's confidence in its printed number, and a
score whose digits the recogniser is unsure of gets a finding that shows what was read, as
does one whose label names no indicator (OCR cuts and misreads labels: `การใช้`).

A score row knows its page and value; the parser recorded every number it read by OCR with
its page and confidence (`Document.ocr_numbers`). A score takes the least confidence of the
numbers of its page that have its value (a value printed twice is as sure as its worse
reading), and 0 when no number read on its page has it (it was read some other way, and
nothing vouches for its digits).
"""

from __future__ import annotations

from normalise.digits import parse_number
from parsers.model import Document
from pipeline.ita.findings import WARNING, Finding
from pipeline.output.schema import Row

DOUBTFUL_BELOW = 0.9
"""A score read by OCR with less confidence than this gets an OCR_LOW_CONFIDENCE finding."""


def mark_ocr_scores(document: Document, scores: list[Row]) -> list[Finding]:
    """Set `confidence` on the score rows read by OCR; findings for the doubtful ones."""
    by_page: dict[tuple[int, float], float] = {}
    for number in document.ocr_numbers:
        if (value := parse_number(number.text.lstrip("(").replace(")", ""))) is not None:
            key = (number.page, value)
            by_page[key] = min(by_page.get(key, 1.0), number.confidence)
    findings = []
    for row in scores:
        if row.get("read_by") != "ocr":
            continue
        confidence = by_page.get((row["page"], row["score"]), 0.0)
        row["confidence"] = confidence
        if confidence < DOUBTFUL_BELOW:
            what = row["code"] or row["name"] or row["scope"]
            findings.append(Finding(
                WARNING, "OCR_LOW_CONFIDENCE",
                f"The {row['scope']} score {what} for {row['assessment_year']} was read by OCR "
                f"as {row['score']:g}, but the recogniser is not sure of its digits "
                f"(confidence {confidence:.2f}); check it against the page.",
                row["page"], row["evidence"]))
        elif row["scope"] == "question":
            findings.append(Finding(
                WARNING, "OCR_LABEL_UNCERTAIN",
                f"A score of {row['score']:g} for {row['assessment_year']} was read by OCR "
                f"under the label '{row['name']}', which names no indicator: OCR may have cut "
                "or misread the label; check what it scores against the page.",
                row["page"], row["evidence"]))
    return findings
