"""Convert input files into the contract's rows; a broken file becomes a `failed` row."""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass, field

import pipeline
from parsers import ParseError, detect_format, parse_bytes
from parsers.detect import UNKNOWN
from parsers.limits import MB
from pipeline.extract.document import extract
from pipeline.extract.ocr_confidence import mark_ocr_scores
from pipeline.extract.text_repair import repair_document
from pipeline.ita.findings import ERROR, INFO, WARNING, Finding
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


def _failed(out: Converted, message: str) -> Converted:
    doc = out.document
    doc.update(status="failed", error=message)
    out.tables["findings"].append(Finding(ERROR, "UNREADABLE", message).row(doc["doc_id"]))
    return out


def _pages_text(pages: list[int]) -> str:
    """`3`, `3-5`, `1, 4-6`: pages as a person writes them."""
    runs: list[list[int]] = []
    for page in pages:
        if runs and page == runs[-1][-1] + 1:
            runs[-1].append(page)
        else:
            runs.append([page])
    return ", ".join(str(r[0]) if len(r) == 1 else f"{r[0]}-{r[-1]}" for r in runs)


def _report_lost_pages(out: Converted, pages: list[int], page_count: int | None, code: str,
                       why: str) -> None:
    """Pages whose content is missing make the document partial, or failed when all are."""
    if not pages:
        return
    doc = out.document
    every = page_count is not None and len(pages) >= page_count
    many = len(pages) > 1
    message = (f"Page{'s' if many else ''} {_pages_text(pages)} of {page_count} "
               + why.format(has="have" if many else "has") + ", so "
               + ("nothing could be read." if every else
                  f"{'their' if many else 'its'} content is missing."))
    if doc["status"] != "failed":
        doc.update(status="failed" if every else "partial",
                   error="; ".join(filter(None, [doc["error"], message])))
    out.tables["findings"].append(
        Finding(ERROR if every else WARNING, code, message, pages[0]).row(doc["doc_id"]))


def _begun(item: Input, doc_id: str, fmt: str | None, size: int) -> Converted:
    """The rows of a file before it is read: its documents row, `ok` until told otherwise,
    and a note if its name had to be decoded."""
    out = Converted(size=size)
    out.tables["documents"].append(_document_row(doc_id, item.source_path, fmt))
    if item.name_note:
        out.tables["findings"].append(
            Finding(INFO, "FILE_NAME_ENCODING", item.name_note).row(doc_id))
    return out


def _started(item: Input, data: bytes) -> Converted:
    """The rows of a file whose bytes were read."""
    fmt = detect_format(data) if data else UNKNOWN
    return _begun(item, hashlib.sha256(data).hexdigest(), None if fmt == UNKNOWN else fmt,
                  len(data))


def failed_result(item: Input, message: str, seconds: float = 0.0) -> Converted:
    """The rows of a file that could not be converted: a failed document and its finding.
    Its key is the hash of its content, streamed, or of its path if it cannot be read."""
    out = _unread(item, message)
    out.seconds = seconds
    return out


def convert_file(item: Input) -> Converted:
    """Rows for one file. Never raises for a bad file: the error is in the `documents` row."""
    if item.refusal:
        return _unread(item, item.refusal)
    start = time.perf_counter()
    try:
        out = _convert(item)
    except MemoryError:
        limit = item.limits.max_memory_bytes
        out = _unread(item, f"Reading this file needed more than the memory limit of "
                            f"{limit / MB:,.0f} MB (--max-memory-mb); it was given up.")
    out.seconds = time.perf_counter() - start
    return out


def _unread(item: Input, message: str) -> Converted:
    """The rows of a file given up without holding it in memory (its hash is streamed; the
    hash of its path stands in when it cannot be read)."""
    try:
        size = item.path.stat().st_size if item.refusal is None else 0
    except OSError:
        size = 0
    digest = None if item.refusal else file_sha256(item.path)
    return _failed(_begun(item, digest or path_id(item.source_path), None, size), message)


def _too_large(item: Input, size: int) -> Converted:
    limit = item.limits.max_file_bytes
    return _unread(item, f"The file is {size / MB:,.0f} MB, more than the limit of "
                         f"{limit / MB:,.0f} MB (--max-file-mb); it was not read.")


def _convert(item: Input) -> Converted:
    try:
        size = item.path.stat().st_size
        if size > item.limits.max_file_bytes:
            return _too_large(item, size)
        data = item.path.read_bytes()
    except OSError as exc:
        return _unread(item, f"The file could not be opened: {exc.strerror or exc}.")
    out = _started(item, data)
    doc_id, fmt = out.document["doc_id"], out.document["source_format"] or UNKNOWN
    try:
        document = parse_bytes(data, fmt, item.limits, item.ocr)
        repairs = repair_document(document)
        result = extract(document, doc_id)
    except ParseError as exc:
        return _failed(out, str(exc))
    except MemoryError:
        raise  # convert_file reports it, once the file's data is let go
    except Exception as exc:  # a defect of ours must not stop the other files
        return _failed(out, f"Internal error while reading this file ({type(exc).__name__}: "
                            f"{exc}); please report it with the file.")
    meta, org = result.metadata, result.metadata.org
    out.document.update(
        source_format=document.source_format, page_count=document.page_count, repairs=repairs,
        org_id=org.org_id if org else None, org_name=org.full_name if org else None,
        org_type=org.org_type if org else None, district=org.district if org else None,
        province=org.province if org else None, fiscal_year=meta.fiscal_year,
        assessment_year=meta.assessment_year, unread_rows=result.unread_rows,
        ocr_pages=len(document.ocr_pages) or None,
    )
    out.tables["scores"] = result.scores
    out.tables["measures"] = result.measures
    out.tables["o_items"] = result.o_items
    out.tables["findings"] += [f.row(doc_id) for f in result.findings]
    out.tables["findings"] += [f.row(doc_id) for f in mark_ocr_scores(document, result.scores)]
    for repair in document.repairs:
        out.tables["findings"].append(Finding(WARNING, "FILE_REPAIRED", repair).row(doc_id))
    _report_lost_pages(out, document.pages_without_text, document.page_count, "NO_TEXT_LAYER",
                       "{has} no text layer (scanned images) and could not be read by OCR: "
                       + (document.ocr_unavailable or "OCR found nothing to read"))
    _report_lost_pages(out, document.pages_without_unicode, document.page_count,
                       "UNREADABLE_TEXT", "{has} text in fonts without a Unicode map (it reads "
                       "as `(cid:N)`): the words cannot be recovered from the text layer")
    damaged = sorted(document.damaged_pages)
    _report_lost_pages(out, damaged, document.page_count, "DAMAGED_PAGES",
                       "could not be read: the PDF is damaged there "
                       f"({document.damaged_pages[damaged[0]]})" if damaged else "")
    return out
