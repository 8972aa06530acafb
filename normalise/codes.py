"""OIT item codes (O1 … O99) and ITA indicator references (9, 9.4)."""

import re
from typing import NamedTuple

from normalise.text import clean_text, holds_any, matches_starting
from normalise.vocabulary import (
    INDICATOR_PARTS,
    ITEM_CODE,
    ITEM_MENTION,
    ITEM_WORD,
    LEADING_LIST_MARK,
    O_LETTERS,
    ZERO_FOR_O,
)

ITEM_RANGE = range(1, 100)
INDICATOR_RANGE = range(1, 11)

_ITEM_CODE = re.compile(ITEM_CODE)
_ITEM_MENTION = re.compile(ITEM_MENTION)
_INDICATOR = re.compile(INDICATOR_PARTS)
_LEADING_CODE = re.compile(
    rf"(?:{LEADING_LIST_MARK})?"
    rf"(?:(?i:OIT)|[{''.join(O_LETTERS)}] ?|(?<!\d[.)])(?P<zero>{ZERO_FOR_O}))(?P<n>\d{{1,2}})"
    r"(?!\d|\s?[.,/:\-–]\s?\d)\s*[.:：)\-–]?\s*(?P<rest>.*)",
    re.DOTALL,
)
"""An item code that opens a line (`O1 โครงสร้าง`, `O1โครงสร้าง`, `08Q&A`, `OIT1`, `O39 :`,
`- 02 …`), after any list numbering or bullet; never the start of a number, date, time or phone
number (`0.5`, `1.05`, `01/10/2566`, `09.00`, `02-123-4567`, `0812345678`)."""


def _item(number: str) -> str | None:
    return f"O{int(number)}" if int(number) in ITEM_RANGE else None


def item_number(code: str) -> int:
    """The number of a canonical item code, for ordering: "O13" → 13."""
    return int(code[1:])


def parse_item_code(text: str) -> str | None:
    """The normalised code ("O13") when the whole text is an item code, else None."""
    match = _ITEM_CODE.fullmatch(clean_text(text))
    return _item(match["n"]) if match else None


class LeadingCode(NamedTuple):
    """An item code that opens a line, the rest of the line, and whether the code was typed
    with a zero for the letter O (`02`), which numbers too may look like."""

    code: str
    rest: str
    zero_typed: bool


def may_open_with_code(line: str) -> bool:
    """Whether a line (in Arabic digits) holds a letter O or a zero, with one of which every
    item code `leading_item_code` reads is written: a line without opens with none."""
    return holds_any(line, (*O_LETTERS, ZERO_FOR_O))


def leading_item_code(line: str) -> LeadingCode | None:
    """The item code a line of text opens with (numbering aside), or None."""
    match = _LEADING_CODE.match(clean_text(line))
    code = _item(match["n"]) if match else None
    return LeadingCode(code, match["rest"], bool(match["zero"])) if match and code else None


def find_item_codes(text: str) -> list[str]:
    """Item codes mentioned in running text, in order of first mention."""
    # (every mention starts with a letter O or ข้อ)
    mentions = matches_starting(_ITEM_MENTION, clean_text(text), (*O_LETTERS, ITEM_WORD))
    codes = (_item(m["n"] or m["z"]) for m in mentions)
    return list(dict.fromkeys(code for code in codes if code))


def _indicator(main: str, sub: str | None) -> str | None:
    if int(main) not in INDICATOR_RANGE or (sub is not None and int(sub) == 0):
        return None
    return str(int(main)) if sub is None else f"{int(main)}.{int(sub)}"


def find_indicator_refs(text: str) -> list[str]:
    """Indicator ("9") and sub-indicator ("9.4") numbers after ตัวชี้วัด(ย่อย)ที่, in order."""
    refs = (_indicator(m["main"], m["sub"]) for m in _INDICATOR.finditer(clean_text(text)))
    return list(dict.fromkeys(ref for ref in refs if ref))
