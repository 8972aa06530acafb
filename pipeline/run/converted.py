"""The rows one input file gives (`Converted`), and those of a file that could not be read.

The driver of a run builds these itself for a file whose worker died or overran, so this
module loads neither the parsers nor the extractors (`one_file` converts a file).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pipeline
from pipeline.ita.findings import ERROR, INFO, Finding
from pipeline.output.schema import OUTPUT_TABLES, Row
from pipeline.run.inputs import Input, file_sha256, path_id

PARSER_VERSION = pipeline.__version__


@dataclass
class Converted:
    """All rows one input file gives, and what the manifest records of it."""

    tables: dict[str, list[Row]] = field(default_factory=lambda: {t: [] for t in OUTPUT_TABLES})
    size: int = 0
    seconds: float = 0.0

    def manifest_row(self) -> Row:
        doc = self.document
        return {"source_path": doc["source_path"], "doc_id": doc["doc_id"], "size": self.size,
                "sha256": doc["doc_id"], "status": doc["status"], "seconds": self.seconds}

    @property
    def document(self) -> Row:
        return self.tables["documents"][0]


def _document_row(doc_id: str, source_path: str, fmt: str | None) -> Row:
    return {
        "doc_id": doc_id, "source_path": source_path, "source_format": fmt, "page_count": None,
        "status": "ok", "error": None, "org_id": None, "org_name": None, "org_type": None,
        "district": None, "province": None, "fiscal_year": None, "assessment_year": None,
        "parser_version": PARSER_VERSION, "repairs": None, "unread_rows": None,
        "ocr_pages": None,
    }


def mark_failed(out: Converted, message: str) -> Converted:
    """The document failed, for `message`: its status, error and finding."""
    doc = out.document
    doc.update(status="failed", error=message)
    out.tables["findings"].append(Finding(ERROR, "UNREADABLE", message).row(doc["doc_id"]))
    return out


def begun(item: Input, doc_id: str, fmt: str | None, size: int) -> Converted:
    """The rows of a file before it is read: its documents row, `ok` until told otherwise,
    and a note if its name had to be decoded."""
    out = Converted(size=size)
    out.tables["documents"].append(_document_row(doc_id, item.source_path, fmt))
    if item.name_note:
        out.tables["findings"].append(
            Finding(INFO, "FILE_NAME_ENCODING", item.name_note).row(doc_id))
    return out


def failed_result(item: Input, message: str, seconds: float = 0.0) -> Converted:
    """The rows of a file given up without holding it in memory: a failed document and its
    finding. Its key is the hash of its content, streamed, or of its path if it cannot be
    read."""
    try:
        size = item.path.stat().st_size if item.refusal is None else 0
    except OSError:
        size = 0
    digest = None if item.refusal else file_sha256(item.path)
    out = mark_failed(begun(item, digest or path_id(item.source_path), None, size), message)
    out.seconds = seconds
    return out
