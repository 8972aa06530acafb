"""Thai text repair applied to a whole document before extraction, with the repairs counted."""

from __future__ import annotations

from normalise.thai_repair import repair_thai
from parsers.model import Document, Paragraph


def repair_document(document: Document) -> int:
    """Repair every paragraph and cell in place (`normalise.thai_repair`); the repairs made."""
    count = 0

    def repaired(text: str) -> str:
        nonlocal count
        result = repair_thai(text)
        count += result.count
        return result.text

    for block in document.blocks:
        if isinstance(block, Paragraph):
            block.text = repaired(block.text)
        else:
            for row in block.rows:
                for cell in row.cells:
                    cell.text = repaired(cell.text)
    return count
