"""Format-independent table assembly: one logical table from pieces split by pages."""

from __future__ import annotations

from parsers.model import Block, Row, Table


def _signature(row: Row) -> tuple[str, ...]:
    return tuple("".join(c.text.split()) for c in row.cells)


def is_repeat_of(row: Row, header: Row) -> bool:
    """Whether a row repeats the header row (whitespace aside)."""
    return any(c.text.strip() for c in row.cells) and _signature(row) == _signature(header)


def drop_repeated_headers(table: Table) -> Table:
    """Drop rows that repeat the first row (a header repeated per page); mark the row after."""
    if not table.rows:
        return table
    header, kept, mark = table.rows[0], [table.rows[0]], False
    for row in table.rows[1:]:
        if is_repeat_of(row, header):
            mark = True
            continue
        if mark:
            row.after_break, mark = True, False
        kept.append(row)
    table.rows = kept
    return table


def stitch_tables(blocks: list[Block]) -> list[Block]:
    """Join consecutive tables whose first rows are the same header into one table."""
    out: list[Block] = []
    for block in blocks:
        if isinstance(block, Table):
            block = drop_repeated_headers(block)
            prev = out[-1] if out else None
            if isinstance(prev, Table) and prev.rows and block.rows and is_repeat_of(
                block.rows[0], prev.rows[0]
            ):
                continuation = block.rows[1:]
                if continuation:
                    continuation[0].after_break = True
                prev.rows.extend(continuation)
                if prev.span and block.span:
                    prev.span.end = block.span.end
                continue
        out.append(block)
    return out
