"""Responsible units (สำนักปลัด, กองคลัง …) in a responsibility cell."""

import re
from functools import lru_cache

from normalise.text import clean_text
from normalise.vocabulary import LIST_MARK

# Words a unit, office holder or group responsible for a measure starts with.
UNIT_PREFIXES = (
    "สำนัก", "กอง", "ฝ่าย", "งาน", "ส่วน", "ทุก", "เจ้าหน้าที่", "คณะ", "หน่วย", "ปลัด",
    "รองปลัด", "นายก", "ผู้บริหาร", "ผู้อำนวยการ", "หัวหน้า", "ศูนย์", "พนักงาน", "บุคลากร",
    "โรงเรียน",
)  # fmt: skip

_LEADING_NUMBERING = re.compile(f"^(?:{LIST_MARK})+")
_NUMBERING_STARTS = re.compile(f"(?:^|(?<=\\s)){LIST_MARK}")
# Separators that split only when every part is a unit name, in the order they are tried.
_UNIT_SEPARATORS = (re.compile(r"\s*และ\s*"), re.compile(r"\s*/\s*"), re.compile(r"\s+"))
_TRAILING_PUNCTUATION = ",.;: "
# Offices (สำนักปลัด, กองคลัง) a PDF may glue with no space where a cell's line wrapped.
_OFFICE_PREFIXES = ("สำนัก", "กอง")
_BEFORE_OFFICE = re.compile(f"(?<=\\S)(?={'|'.join(_OFFICE_PREFIXES)})")
# What makes an office prefix a compound word, not an office: สำนักงาน (office), กองทุน (fund),
# กองทัพ (army), กองกำลัง (force).
_COMPOUNDS = ("งาน", "ทุน", "ทัพ", "กำลัง")


def _strip_numbering(text: str) -> str:
    return _LEADING_NUMBERING.sub("", text)


def looks_like_unit(text: str) -> bool:
    """Whether the text, without list numbering, starts with a unit prefix (สำนัก, กอง …)."""
    return _strip_numbering(clean_text(text)).startswith(UNIT_PREFIXES)


def _is_unit_name(text: str) -> bool:
    """A unit prefix followed by more (กองคลัง, ทุกสำนัก), not a bare prefix (กอง)."""
    unit = _strip_numbering(clean_text(text))
    return unit.startswith(UNIT_PREFIXES) and unit not in UNIT_PREFIXES


def _split_between_units(parts: list[str], separator: re.Pattern[str]) -> list[str]:
    """Split each part on separator where every piece it gives is a unit name."""
    result = []
    for part in parts:
        pieces = separator.split(part)
        result.extend(pieces if all(map(_is_unit_name, pieces)) else [part])
    return result


def _is_office_name(text: str) -> bool:
    """An office prefix and its name: สำนักปลัด, กองคลัง, not สำนักงาน… or กองทุน…."""
    prefix = next((p for p in _OFFICE_PREFIXES if text.startswith(p)), None)
    rest = text[len(prefix):] if prefix else ""
    return bool(rest) and not rest.startswith(_COMPOUNDS)


def _split_glued_offices(parts: list[str]) -> list[str]:
    """Split each part into offices written with no space between (สำนักปลัดกองคลัง) where
    every piece is an office's name; any other part stays whole."""
    result = []
    for part in parts:
        pieces = _BEFORE_OFFICE.split(part)
        result.extend(pieces if all(map(_is_office_name, pieces)) else [part])
    return result


def split_units(text: str) -> list[str]:
    """The units in a responsibility cell, one per element, cleaned, in order, unique."""
    return list(_units(text))


@lru_cache(maxsize=1 << 10)
def _units(text: str) -> tuple[str, ...]:
    """`split_units`, kept for the cells a report repeats (the same units on many rows)."""
    parts = [
        piece.strip()
        for line in text.splitlines()
        for numbered in _NUMBERING_STARTS.split(clean_text(line))
        for piece in numbered.split(",")
    ]
    for separator in _UNIT_SEPARATORS:
        parts = _split_between_units(parts, separator)
    parts = _split_glued_offices(parts)
    cleaned = (_strip_numbering(part).rstrip(_TRAILING_PUNCTUATION) for part in parts)
    return tuple(dict.fromkeys(unit for unit in cleaned if unit))
