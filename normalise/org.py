"""Local-government organisations, districts and provinces named in report text."""

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

from pythainlp.corpus import provinces
from rapidfuzz.distance import Levenshtein

from normalise.text import clean_text

# (code, full prefix, abbreviations) of each type of local administrative organisation.
ORG_TYPES = (
    ("sao", "องค์การบริหารส่วนตำบล", ("อบต.",)),
    ("subdistrict_municipality", "เทศบาลตำบล", ("ทต.",)),
    ("town_municipality", "เทศบาลเมือง", ("ทม.",)),
    ("city_municipality", "เทศบาลนคร", ("ทน.",)),
    ("pao", "องค์การบริหารส่วนจังหวัด", ("อบจ.",)),
)
DISTRICT_PREFIXES = ("อำเภอ", "อ.")
PROVINCE_PREFIXES = ("จังหวัด", "จ.")
# Words that follow a name in running text without a space; a name ends where one begins.
NAME_FOLLOWERS = (
    "ประจำ", "ในปี", "ปีงบ", "อำเภอ", "จังหวัด", "ได้", "และ", "โดย", "ซึ่ง", "เพื่อ",
    "ดำเนิน", "เป็น", "มี",
    # seen after names in the corpus
    "กับ", "เรียบร้อย", "รักษาการ",
)  # fmt: skip
MIN_NAME_LENGTH = 2  # shorter runs are abbreviations such as อ.ส.ม., not names

_THAI_LETTERS = "\u0e01-\u0e3a\u0e40-\u0e4e"  # consonants, vowels and marks; no digits
_NAME = re.compile(f"[{_THAI_LETTERS}]+")
_FOLLOWER = re.compile("|".join(NAME_FOLLOWERS))
_FULL_PREFIXES = {code: full for code, full, _ in ORG_TYPES}
_TYPE_OF_PREFIX = {
    prefix: code for code, full, abbreviations in ORG_TYPES for prefix in (full, *abbreviations)
}


def _prefix_pattern(prefixes: tuple[str, ...]) -> re.Pattern[str]:
    """Any of the prefixes, longest first, and the spaces after it; an abbreviation (ending
    in ".") only at the start of a word."""

    def one(prefix: str) -> str:
        word_start = f"(?<![{_THAI_LETTERS}])" if prefix.endswith(".") else ""
        return word_start + re.escape(prefix)

    alternatives = "|".join(map(one, sorted(prefixes, key=len, reverse=True)))
    return re.compile(f"(?P<prefix>{alternatives})\\s*")


_ORG = _prefix_pattern(tuple(_TYPE_OF_PREFIX))
_DISTRICT = _prefix_pattern(DISTRICT_PREFIXES)
_PROVINCE = _prefix_pattern(PROVINCE_PREFIXES)


@dataclass(frozen=True)
class Org:
    """An organisation; name is without the type prefix (ทองเอน)."""

    org_type: str
    name: str
    district: str | None = None
    province: str | None = None

    @property
    def full_name(self) -> str:
        """Official name with its type prefix (องค์การบริหารส่วนตำบลทองเอน)."""
        return _FULL_PREFIXES[self.org_type] + self.name

    @property
    def org_id(self) -> str:
        """Stable key: <org_type>:<name>[:<province>]."""
        return f"{self.org_type}:{self.name}" + (f":{self.province}" if self.province else "")


def _name_at(text: str, pos: int) -> str | None:
    """The name starting at pos: Thai letters up to whitespace or a following word."""
    run = _NAME.match(text, pos)
    if run is None:
        return None
    follower = _FOLLOWER.search(run.group())
    name = run.group()[: follower.start()] if follower else run.group()
    return name if len(name) >= MIN_NAME_LENGTH else None


def _first_name_after(prefix: re.Pattern[str], text: str) -> str | None:
    names = (_name_at(text, match.end()) for match in prefix.finditer(text))
    return next((name for name in names if name), None)


def find_places(text: str) -> tuple[list[str], list[str]]:
    """Every district and every province named in text (without prefix), in order."""
    cleaned = clean_text(text)

    def names(prefix: re.Pattern[str]) -> list[str]:
        return [n for m in prefix.finditer(cleaned) if (n := _name_at(cleaned, m.end()))]

    return names(_DISTRICT), names(_PROVINCE)


def variant_limit(name: str) -> int:
    """How many letters two spellings of one name may differ by (ร่อนทอง / ร้อนทอง)."""
    return max(1, len(name) // 4)


def canonical_spelling(names: list[str], preferred: str) -> tuple[str, dict[str, int]]:
    """The most frequent spelling among those near `preferred` (ties: `preferred`), and the
    count of each spelling seen."""
    near = [n for n in names if Levenshtein.distance(n, preferred) <= variant_limit(preferred)]
    counts = Counter(near or [preferred])
    best = max(counts, key=lambda n: (counts[n], n == preferred))
    return best, dict(counts)


@cache
def _provinces() -> tuple[str, ...]:
    return tuple(p["name_th"] for p in provinces(details=True))


def canonical_province(name: str) -> str:
    """The official spelling of a province written with a typo, when only one is that near."""
    known = _provinces()
    if name in known:
        return name
    near = [p for p in known if Levenshtein.distance(name, p) <= variant_limit(p)]
    return near[0] if len(near) == 1 else name


def find_place(text: str) -> tuple[str | None, str | None]:
    """(district, province) of the first อำเภอ/อ. and จังหวัด/จ. mentions, without prefix."""
    cleaned = clean_text(text)
    return _first_name_after(_DISTRICT, cleaned), _first_name_after(_PROVINCE, cleaned)


def find_orgs(text: str) -> list[Org]:
    """Every organisation mention in order, each with the text's district and province."""
    cleaned = clean_text(text)
    district, province = find_place(cleaned)
    orgs = []
    for match in _ORG.finditer(cleaned):
        name = _name_at(cleaned, match.end())
        if name:
            org_type = _TYPE_OF_PREFIX[match["prefix"]]
            orgs.append(Org(org_type, name, district, province))
    return orgs
