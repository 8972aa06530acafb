"""OIT item codes (O1 … O99) and ITA indicator references (9, 9.4)."""

import re

from normalise.text import clean_text
from normalise.vocabulary import INDICATOR_PARTS, ITEM_CODE, ITEM_MENTION

ITEM_RANGE = range(1, 100)
INDICATOR_RANGE = range(1, 11)

_ITEM_CODE = re.compile(ITEM_CODE)
_ITEM_MENTION = re.compile(ITEM_MENTION)
_INDICATOR = re.compile(INDICATOR_PARTS)


def _item(number: str) -> str | None:
    return f"O{int(number)}" if int(number) in ITEM_RANGE else None


def item_number(code: str) -> int:
    """The number of a canonical item code, for ordering: "O13" → 13."""
    return int(code[1:])


def parse_item_code(text: str) -> str | None:
    """The normalised code ("O13") when the whole text is an item code, else None."""
    match = _ITEM_CODE.fullmatch(clean_text(text))
    return _item(match["n"]) if match else None


def find_item_codes(text: str) -> list[str]:
    """Item codes mentioned in running text, in order of first mention."""
    codes = (_item(m["n"] or m["z"]) for m in _ITEM_MENTION.finditer(clean_text(text)))
    return list(dict.fromkeys(code for code in codes if code))


def _indicator(main: str, sub: str | None) -> str | None:
    if int(main) not in INDICATOR_RANGE or (sub is not None and int(sub) == 0):
        return None
    return str(int(main)) if sub is None else f"{int(main)}.{int(sub)}"


def find_indicator_refs(text: str) -> list[str]:
    """Indicator ("9") and sub-indicator ("9.4") numbers after ตัวชี้วัด(ย่อย)ที่, in order."""
    refs = (_indicator(m["main"], m["sub"]) for m in _INDICATOR.finditer(clean_text(text)))
    return list(dict.fromkeys(ref for ref in refs if ref))
