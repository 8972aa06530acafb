"""Thai text mended in a whole document before extraction, with the repairs counted.

Every format's paragraphs and cells pass here between parsing and extraction: legacy font
glyphs become standard Thai (`normalise.pua`) in all of them, and the dictionary repairs
(`normalise.thai_repair`) that infer damage from correct-looking Thai run only in a document
whose text shows PDF damage somewhere; elsewhere only damage correct Thai never holds is
mended.
"""

from __future__ import annotations

from collections.abc import Iterator

from normalise.pua import standard_thai
from normalise.thai_repair import may_repair, repair_thai, shows_pdf_damage
from parsers.model import Cell, Document, Paragraph


def _texts(document: Document) -> Iterator[Paragraph | Cell]:
    """Every paragraph and table cell, in reading order."""
    for block in document.blocks:
        if isinstance(block, Paragraph):
            yield block
        else:
            for row in block.rows:
                yield from row.cells


def repair_document(document: Document) -> int:
    """Mend every paragraph and cell in place; the dictionary repairs made."""
    holders = list(_texts(document))
    # No sign of PDF damage reaches over a line break, nor does anything the mending changes:
    # the texts are looked at in one, and mended one by one only when the whole needs it.
    text = "\n".join(holder.text for holder in holders)
    inferred = shows_pdf_damage(text)
    if not may_repair(text, inferred) and standard_thai(text) == text:
        return 0
    count = 0
    for holder in holders:
        result = repair_thai(standard_thai(holder.text), inferred)
        holder.text, count = result.text, count + result.count
    return count
