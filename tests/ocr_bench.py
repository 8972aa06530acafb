"""OCR measured on scans of every PDF fixture (`python -m tests.ocr_bench [SCAN_DIR]`).

The scans are made by fixtures/scan_builder.py (into a temporary folder unless one holding
them is given). For each report, against the rows its text fixture gives:
- scores: exact, wrong with a finding, wrong without one (the number that must be 0),
  missed; a score row counts as wrong when the text fixture gives its key another value,
  or does not give its key at all;
- measure rows' recall (a measure matched by its text, at most 20 % character error);
- O-item statuses: the share of the text fixture's items read with the same status;
- character error rate (CER) of the OCR'd paragraphs against the same pages' text layer;
- OCR pages/s (rendering, preparing, Tesseract and the digit reader, on one core).
Numbers are measured on this machine, never asserted.
"""

from __future__ import annotations

import hashlib
import sys
import tempfile
import time
from pathlib import Path

from rapidfuzz.distance import Levenshtein

from fixtures.scan_builder import scan_all
from parsers import parse_bytes
from parsers.model import Document
from pipeline.extract.document import extract
from pipeline.extract.ocr_confidence import mark_ocr_scores
from pipeline.extract.text_repair import repair_document
from pipeline.run.one_file import Input, convert_file
from tests.support.paths import FIXTURES

FLAGS = {"OCR_LOW_CONFIDENCE", "OCR_LABEL_UNCERTAIN", "CONFLICTING_SCORE", "TOTAL_MISMATCH",
        "GRADE_MISMATCH",
         "CHANGE_LABEL_MISMATCH"}


def _key(row: dict) -> tuple:
    return row["assessment_year"], row["scope"], row["code"] or row["name"]


def _prose(document: Document) -> dict[int, str]:
    pages: dict[int, str] = {}
    for p in document.paragraphs():
        pages[p.page] = pages.get(p.page, "") + "".join(p.text.split())
    return pages


def _scores(rows: list[dict], expected: dict[tuple, float], findings: list[dict]) -> dict:
    flagged = {(f["page"], f["evidence"]) for f in findings if f["code"] in FLAGS}
    flagged_pages = {f["page"] for f in findings if f["code"] in FLAGS}
    out = {"exact": 0, "wrong_flagged": 0, "wrong_unflagged": 0, "wrong": []}
    for row in rows:
        if expected.get(_key(row)) == row["score"]:
            out["exact"] += 1
        elif (row["page"], row["evidence"]) in flagged or row["page"] in flagged_pages:
            out["wrong_flagged"] += 1
        else:
            out["wrong_unflagged"] += 1
            out["wrong"].append((_key(row), row["score"], expected.get(_key(row))))
    out["missed"] = len(set(expected) - {_key(r) for r in rows})
    return out


def _measure_recall(rows: list[dict], expected: list[dict]) -> tuple[int, int]:
    found = ["".join((r["measure"] or "").split()) for r in rows]
    hit = 0
    for row in expected:
        want = "".join((row["measure"] or "").split())
        if any(Levenshtein.normalized_distance(want, got) <= 0.2 for got in found):
            hit += 1
    return hit, len(expected)


def _statuses(rows: list[dict], expected: list[dict]) -> tuple[int, int]:
    got = {r["code"]: r["status"] for r in rows}
    return sum(got.get(r["code"]) == r["status"] for r in expected), len(expected)


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp()) / "scans"
    scans = sorted(folder.glob("*.pdf")) if folder.exists() else scan_all(folder)
    totals = {"exact": 0, "wrong_flagged": 0, "wrong_unflagged": 0, "missed": 0}
    measures, items, errors, chars, pages, seconds = [0, 0], [0, 0], 0, 0, 0, 0.0
    for scan in scans:
        data = scan.read_bytes()
        start = time.perf_counter()
        document = parse_bytes(data)
        seconds += time.perf_counter() - start
        pages += len(document.ocr_pages)
        reference = _prose(parse_bytes((FIXTURES / "pdf" / scan.name).read_bytes()))
        read = _prose(document)
        for page, text in reference.items():
            errors += Levenshtein.distance(text, read.get(page, ""))
            chars += len(text)
        repair_document(document)
        result = extract(document, hashlib.sha256(data).hexdigest())
        findings = [f.row("") for f in result.findings + mark_ocr_scores(document, result.scores)]
        text = convert_file(Input(FIXTURES / "txt" / (scan.stem + ".txt"), scan.stem)).tables
        expected = {_key(r): r["score"] for r in text["scores"]}
        got = _scores(result.scores, expected, findings)
        for name in totals:
            totals[name] += got[name]
        m, i = _measure_recall(result.measures, text["measures"]), _statuses(
            result.o_items, text["o_items"])
        measures = [measures[0] + m[0], measures[1] + m[1]]
        items = [items[0] + i[0], items[1] + i[1]]
        print(f"{scan.name}: {len(document.ocr_pages)} pages OCR'd; scores {got}; measures "
              f"{m[0]}/{m[1]}; O-item statuses {i[0]}/{i[1]}")
    print(f"scores: {totals}")
    print(f"measure rows' recall: {measures[0]}/{measures[1]} = "
          f"{measures[0] / max(measures[1], 1):.3f}")
    print(f"O-item statuses: {items[0]}/{items[1]} = {items[0] / max(items[1], 1):.3f}")
    print(f"CER of OCR'd prose against the text layer: {errors / max(chars, 1):.4f} "
          f"({errors} edits in {chars} characters)")
    print(f"OCR: {pages} pages in {seconds:.1f} s = {pages / seconds:.3f} pages/s")


if __name__ == "__main__":
    main()
