"""One document model in, the contract's rows out: scores, measures, O-items, findings.

Blocks are walked in reading order so that a statement takes its ITA year from
what the report said before it, and an O-item its sub-indicator from the
heading above it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import groupby

import regex

from normalise.digits import to_arabic_digits
from normalise.text import clean_text
from parsers.model import Document, Paragraph, Row, Table
from pipeline.extract import non_data, subjects
from pipeline.extract.column_roles import TableView, unknown_columns, view
from pipeline.extract.ledger import Ledger
from pipeline.extract.measures import extract_measures, is_measures_table
from pipeline.extract.metadata import Metadata, read_metadata
from pipeline.extract.o_item_lines import ItemLines
from pipeline.extract.o_items import extract_oitems, is_oitem_table, one_per_code, without_year
from pipeline.extract.score_checks import score_findings
from pipeline.extract.score_prose import find_mentions, may_state_score
from pipeline.extract.scores import ScoreSheet, is_score_table, table_scores
from pipeline.extract.section_headings import last_subindicator
from pipeline.extract.subjects import Subject
from pipeline.extract.years import YearResolver, last_ita_year
from pipeline.ita.findings import INFO, WARNING, Finding
from pipeline.ita.vocabulary import TOOLS
from pipeline.output.schema import Row as OutRow


@dataclass
class Extraction:
    metadata: Metadata
    ledger: Ledger
    """Where each table row of the document went."""
    scores: list[OutRow] = field(default_factory=list)
    measures: list[OutRow] = field(default_factory=list)
    o_items: list[OutRow] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)

    @property
    def unread_rows(self) -> int:
        """Table rows no extractor placed; each is named in an UNREAD_ROWS finding."""
        return len(self.ledger.unread())


@dataclass
class _Walk:
    """State carried through the document in reading order."""

    sheet: ScoreSheet
    years: YearResolver
    year: int | None
    ledger: Ledger
    subindicator: str | None = None
    previous_paragraph: str = ""

    def read_prose(self, text: str, page: int | None, fallback: Subject | None = None,
                   context: str = "") -> list[str]:
        """Read the scores a text states; where each went (`ledger.READ_INTO`)."""
        text = to_arabic_digits(text)
        places: list[str] = []
        for mention in find_mentions(text, fallback, to_arabic_digits(context)):
            written = mention.year_written
            year = self.years.resolve(written, clean_text(mention.evidence)) if written else None
            year = year or (None if mention.own_year_only else self.year)
            if mention.subject is None or year is None:
                what = "what it scores" if mention.subject is None else "its ITA year"
                places.append(self.sheet.not_attributed(mention.score, what, page,
                                                        mention.evidence))
                continue
            places.append(self.sheet.add_mention(mention, year, page))
        if (stated := last_ita_year(text)) is not None:
            self.year = self.years.resolve(stated, clean_text(text)[:200]) or self.year
        return places

    def read_row_prose(self, row: Row, text: str, fallback: Subject | None = None) -> None:
        """Read a table row's text as prose; the row is placed where its scores went."""
        for place in self.read_prose(text, row.page_start, fallback):
            self.ledger.read(row, place)


def _row_topic(tv: TableView, row: Row) -> Subject | None:
    for role in ("topic", "indicator", "measure"):
        if label := clean_text(tv.cell(row, role)):
            return subjects.from_label(label)
    return None


def _read_table(walk: _Walk, table: Table, tv: TableView | None) -> None:
    if tv is None:  # no header: each row reads as a line of text
        for row in table.rows:
            walk.read_row_prose(row, " ".join(c.text for c in row.cells))
        return
    score_columns = set()
    if is_score_table(tv):
        table_scores(tv, walk.sheet, walk.year, walk.ledger)
        score_columns = {i for i, r in tv.roles.items() if r.role in ("score", "score_year")}
    for row in tv.rows:
        texts = [text for i, text in enumerate(tv.grids[id(row)]) if i not in score_columns]
        # The topic scores a score no cell names a subject for: read for a row that may state one.
        topic = _row_topic(tv, row) if any(map(may_state_score, texts)) else None
        for text in texts:
            walk.read_row_prose(row, text, fallback=topic)


DATA_ROLES = ("measure", "score", "score_year", "item_code", "item_title", "indicator",
              "responsible", "result")
"""Column roles of the tables this pipeline maps: a table with some but not enough is flagged."""


def extract(document: Document, doc_id: str) -> Extraction:
    meta = read_metadata(document)
    org_id = meta.org.org_id if meta.org else None
    findings: list[Finding] = []
    for what, (used, counts) in meta.spellings.items():
        seen = ", ".join(f"{name} ({n}×)" for name, n in counts.items())
        findings.append(Finding(INFO, "NAME_VARIANTS",
                                f"The {what} is written several ways: {seen}; {used} is used."))
    findings.extend(meta.findings)  # places corrected to, or missing from, the official list
    ledger = Ledger(document.tables())
    walk = _Walk(ScoreSheet(doc_id, org_id, findings), YearResolver(meta.fiscal_year, findings),
                 year=None, ledger=ledger)
    measure_tables: list[TableView] = []
    o_items: list[OutRow] = []
    item_year = meta.fiscal_year or meta.assessment_year
    lines = ItemLines(doc_id, org_id, item_year, ledger)
    views: dict[int, TableView | None] = {}
    for block in document.blocks:
        if isinstance(block, Paragraph):
            walk.read_prose(block.text, block.page, context=walk.previous_paragraph)
            lines.paragraph(block, walk.subindicator)
            walk.previous_paragraph = block.text
            walk.subindicator = last_subindicator(block.text) or walk.subindicator
            continue
        walk.previous_paragraph = ""
        lines.end()
        tv = views[id(block)] = view(block)
        _read_table(walk, block, tv)
        mapped = False
        if tv is not None and is_measures_table(tv):
            measure_tables.append(tv)
            mapped = True
        if tv is not None and is_oitem_table(tv):
            rows, walk.subindicator = extract_oitems(tv, walk.subindicator, doc_id, org_id,
                                                     item_year, ledger)
            o_items.extend(rows)
            mapped = True
        if tv is not None and (mapped or is_score_table(tv)):
            findings.extend(unknown_columns(tv))
        elif not lines.table(block, walk.subindicator) and tv is not None \
                and tv.any_of(*DATA_ROLES):
            findings.append(_unknown_table(tv))
    lines.end()
    o_items, conflicts = one_per_code(o_items, lines.rows)
    findings.extend(conflicts)
    items_listed = bool(o_items)
    if item_year is None and o_items:
        findings.append(without_year(o_items))
        o_items = []
    measures = extract_measures(measure_tables, doc_id, org_id, meta.fiscal_year, findings,
                                ledger)
    findings.extend(score_findings(walk.sheet.rows))
    lost = document.pages_without_text or document.pages_without_unicode or document.damaged_pages
    if not document.blocks and not lost:
        findings.append(Finding(
            WARNING, "EMPTY_DOCUMENT",
            "The document holds no text (a blank page, or only pictures, headers or "
            "properties); nothing was extracted."))
    ita_report = bool(walk.sheet.rows or measures or items_listed or _speaks_of_ita(document))
    if document.blocks and not ita_report:
        findings.append(Finding(
            INFO, "NOT_ITA_REPORT",
            "This document does not look like an ITA report: it names no ITA assessment, "
            "and no score, measure or O-item was found in it; nothing was extracted."))
    for table in document.tables():
        _leave_out_non_data(ledger, table, views[id(table)], ita_report)
    findings.extend(unread_findings(ledger))
    _mark_reading(document, walk.sheet.rows, "page")
    _mark_reading(document, measures, "page_start")
    _mark_reading(document, o_items, "page")
    return Extraction(meta, ledger, walk.sheet.rows, measures, o_items, findings)


def _mark_reading(document: Document, rows: list[OutRow], page_column: str) -> None:
    """Say how each row's text was read (`read_by`), unless its extractor already did."""
    ocr = set(document.ocr_pages)
    for row in rows:
        row.setdefault("read_by", "ocr" if row[page_column] in ocr else "text")
        if "score" in row:
            row.setdefault("confidence", None)


_ITA_TERMS = regex.compile(rf"\bITA\b|คุณธรรมและความโปร่งใส|\b(?:{'|'.join(TOOLS)})\b")


def _speaks_of_ita(document: Document) -> bool:
    """Whether any text of the document names the assessment (ITA, คุณธรรมและความโปร่งใส)."""
    for block in document.blocks:
        texts = ([block.text] if isinstance(block, Paragraph)
                 else [c.text for r in block.rows for c in r.cells])
        if any(_ITA_TERMS.search(t) for t in texts):
            return True
    return False


def _is_mapped(tv: TableView | None) -> bool:
    """Whether a table's header makes it one the pipeline maps, or would map if it could."""
    return tv is not None and (tv.any_of(*DATA_ROLES) or is_oitem_table(tv))


def _leave_out_non_data(ledger: Ledger, table: Table, tv: TableView | None,
                        ita_report: bool) -> None:
    """Give each row of the table that no extractor read its reason not to be data, if any;
    no table of a document that is not an ITA report is an ITA table."""
    header = table.rows[0] if tv is not None else None
    ita_table = ita_report and (_is_mapped(tv) or non_data.speaks_of_ita(table))
    for row in table.rows:
        if not ledger.fates(row) and (why := non_data.reason(row, header, ita_table)):
            ledger.skip(row, why)


_EVIDENCE_CHARS = 80
"""A row's text in an UNREAD_ROWS finding is cut to this length."""


def _shortened(text: str) -> str:
    return text if len(text) <= _EVIDENCE_CHARS else text[:_EVIDENCE_CHARS - 1] + "…"


def unread_findings(ledger: Ledger) -> list[Finding]:
    """One UNREAD_ROWS finding per table with rows no extractor placed, naming each row."""
    out = []
    for table_no, refs in groupby(ledger.unread(), key=lambda ref: ref.table):
        refs = list(refs)
        numbers = ", ".join(str(ref.row) for ref in refs)
        many = len(refs) > 1
        out.append(Finding(
            WARNING, "UNREAD_ROWS",
            f"Table {table_no} has {len(refs)} row{'s' if many else ''} ({numbers}) that no "
            f"extractor could read and that {'are' if many else 'is'} not known to be anything "
            f"but data; {'they are' if many else 'it is'} not in the output.",
            refs[0].source.page_start,
            "; ".join(f"row {ref.row}: {_shortened(non_data.row_text(ref.source))}"
                      for ref in refs)))
    return out


def _unknown_table(tv: TableView) -> Finding:
    header = " | ".join(c.text.replace("\n", " ") for c in tv.table.rows[0].cells)
    return Finding(
        WARNING, "UNKNOWN_TABLE",
        f"A table of {len(tv.rows)} rows has a header like a score, measures or O-item table "
        f"but could not be mapped; its rows are not in the output.",
        tv.table.page, clean_text(header))
