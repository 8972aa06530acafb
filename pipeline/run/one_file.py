"""Convert input files into the contract's rows; a broken file becomes a `failed` row."""

from __future__ import annotations

import hashlib
import time

from parsers import ParseError, detect_format, parse_bytes
from parsers.detect import UNKNOWN
from parsers.limits import MB
from pipeline.extract.document import extract
from pipeline.extract.ocr_confidence import mark_ocr_scores
from pipeline.extract.text_repair import repair_document
from pipeline.ita.findings import ERROR, WARNING, Finding
from pipeline.run.converted import Converted, begun, failed_result, mark_failed
from pipeline.run.inputs import Input


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


def _started(item: Input, data: bytes) -> Converted:
    """The rows of a file whose bytes were read."""
    fmt = detect_format(data) if data else UNKNOWN
    return begun(item, hashlib.sha256(data).hexdigest(), None if fmt == UNKNOWN else fmt,
                 len(data))


def convert_file(item: Input) -> Converted:
    """Rows for one file. Never raises for a bad file: the error is in the `documents` row."""
    if item.refusal:
        return failed_result(item, item.refusal)
    start = time.perf_counter()
    try:
        out = _convert(item)
    except MemoryError:
        limit = item.limits.max_memory_bytes
        out = failed_result(item, f"Reading this file needed more than the memory limit of "
                                  f"{limit / MB:,.0f} MB (--max-memory-mb); it was given up.")
    out.seconds = time.perf_counter() - start
    return out


def _too_large(item: Input, size: int) -> Converted:
    limit = item.limits.max_file_bytes
    return failed_result(item, f"The file is {size / MB:,.0f} MB, more than the limit of "
                               f"{limit / MB:,.0f} MB (--max-file-mb); it was not read.")


def _convert(item: Input) -> Converted:
    try:
        size = item.path.stat().st_size
        if size > item.limits.max_file_bytes:
            return _too_large(item, size)
        data = item.path.read_bytes()
    except OSError as exc:
        return failed_result(item, f"The file could not be opened: {exc.strerror or exc}.")
    out = _started(item, data)
    doc_id, fmt = out.document["doc_id"], out.document["source_format"] or UNKNOWN
    try:
        document = parse_bytes(data, fmt, item.limits, item.ocr)
        repairs = repair_document(document)
        result = extract(document, doc_id)
    except ParseError as exc:
        return mark_failed(out, str(exc))
    except MemoryError:
        raise  # convert_file reports it, once the file's data is let go
    except Exception as exc:  # a defect of ours must not stop the other files
        return mark_failed(out, f"Internal error while reading this file "
                                f"({type(exc).__name__}: {exc}); please report it with the file.")
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
