"""Findings: what a reader of a report should look at. Codes are stable.

`CODES` is the registry of every code, with the severities it is given with and what it
means; a `Finding` with a code or severity the registry does not know is refused. README.md
lists the same codes.
"""

from __future__ import annotations

from dataclasses import dataclass

ERROR, WARNING, INFO = "error", "warning", "info"


@dataclass(frozen=True)
class FindingKind:
    """A finding code, the severities it may have and what it means, in one line."""

    code: str
    severities: frozenset[str]
    meaning: str


def _kinds(*kinds: tuple[str, tuple[str, ...], str]) -> dict[str, FindingKind]:
    return {code: FindingKind(code, frozenset(sev), meaning) for code, sev, meaning in kinds}


_LOST = (ERROR, WARNING)
"""Pages lost: an error when no page could be read (the document failed), else a warning."""

CODES: dict[str, FindingKind] = _kinds(
    ("UNREADABLE", (ERROR,),
     "The file could not be converted at all; the document failed."),
    ("NO_TEXT_LAYER", _LOST,
     "Pages with no text layer (scans); error if no page could be read, else warning."),
    ("UNREADABLE_TEXT", _LOST,
     "Pages in fonts with no Unicode map; error if no page could be read, else warning."),
    ("OCR_LABEL_UNCERTAIN", (WARNING,),
     "A score read by OCR under a label that names no indicator; OCR may have cut the label."),
    ("OCR_LOW_CONFIDENCE", (WARNING,),
     "A score read by OCR whose digits the recogniser is not sure of; the evidence is what "
     "was read."),
    ("DAMAGED_PAGES", _LOST,
     "Damaged PDF pages not read; error if no page could be read, else warning."),
    ("FILE_REPAIRED", (WARNING,),
     "The file's structure was rebuilt before it was read; check it against the original."),
    ("EMPTY_DOCUMENT", (WARNING,),
     "The document holds no text; nothing was extracted."),
    ("UNKNOWN_TABLE", (WARNING,),
     "A table headed like a score, measures or O-item table was not mapped; rows left out."),
    ("UNKNOWN_COLUMN", (WARNING,),
     "A column of a mapped table whose header names no known role; its cells are left out."),
    ("UNREAD_ROWS", (WARNING,),
     "Table rows no extractor could read and not known to be anything but data; not in output."),
    ("SCORE_OUT_OF_RANGE", (WARNING,),
     "A score outside 0-100; it was not recorded."),
    ("CONFLICTING_SCORE", (WARNING,),
     "One score given with two values; the first is kept."),
    ("GRADE_MISMATCH", (WARNING,),
     "A score outside the band of the grade it is given."),
    ("TOTAL_MISMATCH", (WARNING,),
     "A total unlike its parts (overall vs weighted IIT, EIT, OIT; tool vs its indicators)."),
    ("CHANGE_LABEL_MISMATCH", (WARNING,),
     "A stated change (a number, up, down, the same) that the two years' scores contradict."),
    ("YEAR_TYPO", (WARNING,),
     "A year that cannot be right, read as the year meant; the evidence is what was written."),
    ("ITEM_NOT_IN_CATALOGUE", (WARNING,),
     "An O-item code not in its year's catalogue."),
    ("ITEM_CODE_MISMATCH", (WARNING,),
     "An O-item titled as another code of the catalogue; the code is kept as printed."),
    ("ITEM_TITLE_MISMATCH", (INFO,),
     "An O-item whose title differs from its catalogue title."),
    ("ITEMS_WITHOUT_YEAR", (WARNING,),
     "O-items listed by a document that states no year; named in the finding, not in o_items."),
    ("ITEM_STATUS_CONFLICT", (WARNING,),
     "An O-item listed twice with different statuses; the first mention (a table's) is kept."),
    ("NAME_VARIANTS", (INFO,),
     "The organisation, district or province is written several ways; one is used."),
    ("PLACE_CORRECTED", (INFO,),
     "A district or province written other than its official name; the official name is used."),
    ("PLACE_UNKNOWN", (WARNING,),
     "A district or province not in the official list nor close to one name in it; kept."),
    ("COLUMN_MISMATCH", (INFO,),
     "A measure's responsible units stood in another column; the two were swapped."),
    ("SCORE_NOT_ATTRIBUTED", (INFO,),
     "A score whose text says neither what it scores nor its year; it was not recorded."),
    ("NOT_ITA_REPORT", (INFO,),
     "The document does not look like an ITA report; nothing was extracted."),
    ("DUPLICATE_FILE", (INFO,),
     "A file with the same content as another; it was converted once."),
    ("FILE_NAME_ENCODING", (INFO,),
     "The file's name is not UTF-8; it was read as TIS-620 or shown with \\x escapes."),
)
"""Every finding code: code → its kind."""


@dataclass(frozen=True)
class Finding:
    severity: str
    code: str
    message: str
    page: int | None = None
    evidence: str | None = None

    def __post_init__(self) -> None:
        """Refuse a code the registry does not know, or a severity it does not give the code."""
        kind = CODES.get(self.code)
        if kind is None:
            raise ValueError(f"Unknown finding code {self.code!r}: add it to CODES.")
        if self.severity not in kind.severities:
            allowed = " or ".join(sorted(kind.severities))
            raise ValueError(f"Finding {self.code} is {allowed}, not {self.severity!r}.")

    def row(self, doc_id: str) -> dict[str, object]:
        return {
            "doc_id": doc_id,
            "severity": self.severity,
            "code": self.code,
            "message": self.message,
            "page": self.page,
            "evidence": self.evidence,
        }
