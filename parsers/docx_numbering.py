"""Word's automatic list numbers (`w:numPr`), rendered as the reader sees them: `1.`, `๑)`."""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from parsers.docx_xml import W, attr, first

THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
THAI_LETTERS = "กขคงจฉชซฌญฎฏฐฑฒณดตถทธนบปผฝพฟภมยรลวศษสหฬอฮ"
MAX_START = 32767
"""Word's largest list start value: a larger one is not Word's (and would render huge labels)."""
MAX_LEVEL = 9
"""Word's deepest list level (levels 0-8)."""
_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
          (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))


def number(text: str | None, default: int, base: int = 10) -> int:
    """An integer attribute's value; `default` when it is missing or no integer."""
    try:
        return int(text, base) if text else default
    except ValueError:
        return default


def _start(el: etree._Element | None) -> int:
    return max(0, min(number(attr(el, "val"), 1), MAX_START))


def _roman(n: int) -> str:
    out = ""
    for value, letters in _ROMAN:
        while n >= value:
            out, n = out + letters, n - value
    return out


def _letters(n: int, alphabet: str) -> str:
    return alphabet[(n - 1) % len(alphabet)] * ((n - 1) // len(alphabet) + 1)


FORMATS = {
    "decimal": str,
    "decimalZero": lambda n: f"{n:02d}",
    "thaiNumbers": lambda n: str(n).translate(str.maketrans("0123456789", THAI_DIGITS)),
    "thaiLetters": lambda n: _letters(n, THAI_LETTERS),
    "lowerLetter": lambda n: _letters(n, "abcdefghijklmnopqrstuvwxyz"),
    "upperLetter": lambda n: _letters(n, "ABCDEFGHIJKLMNOPQRSTUVWXYZ"),
    "lowerRoman": _roman,
    "upperRoman": lambda n: _roman(n).upper(),
}
"""`w:numFmt` values with a meaning a reader uses; others (bullets, none) give no label."""


@dataclass(frozen=True)
class _Level:
    start: int
    fmt: str
    text: str


@dataclass
class Numbering:
    """Counts list items through the document and renders each item's label."""

    levels: dict[str, dict[int, _Level]]
    counters: dict[str, list[int]] = field(default_factory=dict)

    @classmethod
    def from_part(cls, root: etree._Element | None) -> Numbering:
        if root is None:
            return cls({})
        abstract: dict[str, dict[int, _Level]] = {}
        for an in root.iterchildren(f"{W}abstractNum"):
            levels = {}
            for lvl in an.iterchildren(f"{W}lvl"):
                levels[number(attr(lvl, "ilvl"), 0)] = _Level(
                    _start(first(lvl, f"{W}start")),
                    attr(first(lvl, f"{W}numFmt"), "val") or "decimal",
                    attr(first(lvl, f"{W}lvlText"), "val") or "",
                )
            abstract[attr(an, "abstractNumId") or ""] = levels
        levels_by_num = {}
        for num in root.iterchildren(f"{W}num"):
            base = dict(abstract.get(attr(first(num, f"{W}abstractNumId"), "val") or "", {}))
            for override in num.iterchildren(f"{W}lvlOverride"):
                ilvl = number(attr(override, "ilvl"), 0)
                start = first(override, f"{W}startOverride")
                if start is not None and ilvl in base:
                    old = base[ilvl]
                    base[ilvl] = _Level(_start(start), old.fmt, old.text)
            levels_by_num[attr(num, "numId") or ""] = base
        return cls(levels_by_num)

    def label(self, num_id: str, ilvl: int) -> str:
        """The next label of list `num_id` at level `ilvl` ('' for bullets and unknown lists)."""
        levels = self.levels.get(num_id)
        if not levels or ilvl not in levels or num_id == "0" or not 0 <= ilvl < MAX_LEVEL:
            return ""
        counts = self.counters.setdefault(num_id, [0] * MAX_LEVEL)
        counts[ilvl] += 1
        for deeper in range(ilvl + 1, len(counts)):
            counts[deeper] = 0
        level = levels[ilvl]
        if level.fmt not in FORMATS:
            return ""
        text = level.text
        for k in range(ilvl + 1):
            lv = levels.get(k)
            if lv is None:
                continue
            value = counts[k] + lv.start - 1 if counts[k] else lv.start
            fmt = FORMATS.get(lv.fmt, str)
            text = text.replace(f"%{k + 1}", fmt(value))
        return text
