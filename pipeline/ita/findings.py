"""Findings: what a reader of a report should look at. Codes are stable."""

from __future__ import annotations

from dataclasses import dataclass

ERROR, WARNING, INFO = "error", "warning", "info"


@dataclass(frozen=True)
class Finding:
    severity: str
    code: str
    message: str
    page: int | None = None
    evidence: str | None = None

    def row(self, doc_id: str) -> dict[str, object]:
        return {
            "doc_id": doc_id,
            "severity": self.severity,
            "code": self.code,
            "message": self.message,
            "page": self.page,
            "evidence": self.evidence,
        }
