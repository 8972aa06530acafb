"""Organisations, districts and provinces named in report text."""

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache

from rapidfuzz.distance import Levenshtein

from normalise.places import (
    BANGKOK,
    KHET,
    canonical_district,
    canonical_province,
    districts_meant,
    place_names,
    provinces_meant,
    variant_limit,
)
from normalise.text import clean_text, matches_starting

# (code, full prefix, abbreviations) of each type of local administrative organisation.
ORG_TYPES = (
    ("sao", "องค์การบริหารส่วนตำบล", ("อบต.",)),
    ("subdistrict_municipality", "เทศบาลตำบล", ("ทต.",)),
    ("town_municipality", "เทศบาลเมือง", ("ทม.",)),
    ("city_municipality", "เทศบาลนคร", ("ทน.",)),
    ("pao", "องค์การบริหารส่วนจังหวัด", ("อบจ.",)),
)
OTHER = "other"
"""The type of any other agency, whose name is given whole (กรมส่งเสริมการปกครองท้องถิ่น)."""
AGENCY_PREFIXES = (
    "กระทรวง", "กรม", "สำนักงาน", "มหาวิทยาลัย", "โรงเรียน", "โรงพยาบาล", "การไฟฟ้า",
    "การประปา",
)  # fmt: skip
"""Words other agencies' names start with."""
NOT_AGENCIES = ("กรมธรรม์", "สำนักงานปลัด")
"""Words that start like an agency and are not one: an insurance policy, an organisation's own
office."""
DISTRICT_PREFIXES = ("อำเภอ", "อ.")
PROVINCE_PREFIXES = ("จังหวัด", "จ.")
# Words that follow a name in running text without a space; a name ends where one begins.
NAME_FOLLOWERS = (
    "ประจำ", "ในปี", "ปีงบ", "อำเภอ", "จังหวัด", "ได้", "และ", "โดย", "ซึ่ง", "เพื่อ",
    "ดำเนิน", "เป็น", "มี",
    # seen after names in the corpus
    "กับ", "เรียบร้อย", "รักษาการ",
)  # fmt: skip
PLACE_WORDS = (DISTRICT_PREFIXES[0], PROVINCE_PREFIXES[0])
"""Followers that are part of an agency's name (สำนักงานสาธารณสุขจังหวัดขอนแก่น)."""
MIN_NAME_LENGTH = 2  # shorter runs are abbreviations such as อ.ส.ม., not names
HYPHENS = "-\u2010\u2011\u2013"
"""Marks a name may hold between its parts (เทศบาลตำบลบ้านใหม่-หนองบัว); kept as written."""

_THAI_LETTERS = "\u0e01-\u0e3a\u0e40-\u0e4e"  # consonants, vowels and marks; no digits
_NAME = re.compile(f"[{_THAI_LETTERS}]+(?:[{HYPHENS}][{_THAI_LETTERS}]+)*")
_FOLLOWER = re.compile("|".join(NAME_FOLLOWERS))
_AGENCY_FOLLOWER = re.compile("|".join(w for w in NAME_FOLLOWERS if w not in PLACE_WORDS))
_FULL_PREFIXES = {code: full for code, full, _ in ORG_TYPES}
_TYPE_OF_PREFIX = {
    prefix: code for code, full, abbreviations in ORG_TYPES for prefix in (full, *abbreviations)
}


class _Prefixes:
    """Any of some prefixes, longest first, and the spaces after it (the prefix: group
    `prefix`); an abbreviation (ending in ".") only at the start of a word."""

    def __init__(self, prefixes: tuple[str, ...]) -> None:
        def one(prefix: str) -> str:
            word_start = f"(?<![{_THAI_LETTERS}])" if prefix.endswith(".") else ""
            return word_start + re.escape(prefix)

        self.prefixes = prefixes
        alternatives = "|".join(map(one, sorted(prefixes, key=len, reverse=True)))
        self.pattern = re.compile(f"(?P<prefix>{alternatives})\\s*")

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """The pattern's matches in text, as `re.Pattern.finditer` gives them."""
        return matches_starting(self.pattern, text, self.prefixes)


_ORG = _Prefixes(tuple(_TYPE_OF_PREFIX))
_AGENCY = _Prefixes(AGENCY_PREFIXES)
_PLACE_PREFIXES = {
    "district": _Prefixes(DISTRICT_PREFIXES),
    "province": _Prefixes(PROVINCE_PREFIXES),
    "khet": _Prefixes((KHET,)),
}


@dataclass(frozen=True)
class Org:
    """An organisation; name is without the type prefix (ทองเอน), an agency's name whole."""

    org_type: str
    name: str
    district: str | None = None
    province: str | None = None

    @property
    def full_name(self) -> str:
        """Official name with its type prefix (องค์การบริหารส่วนตำบลทองเอน)."""
        return _FULL_PREFIXES.get(self.org_type, "") + self.name

    @property
    def org_id(self) -> str:
        """Stable key: <org_type>:<name>[:<province>]."""
        return f"{self.org_type}:{self.name}" + (f":{self.province}" if self.province else "")


@dataclass(frozen=True)
class PlaceName:
    """A district or province as a text names it."""

    used: str
    """The official name, or the name as written when the official list has no name near."""
    written: dict[str, int]
    """Each spelling of it the text writes, and how often."""
    official: bool


@dataclass(frozen=True)
class Places:
    district: PlaceName | None
    province: PlaceName | None


@cache
def _names_holding(followers: re.Pattern[str]) -> tuple[str, ...]:
    """Official place names with a following word inside (มีชัย, ดำเนินสะดวก), longest first."""
    names = (n for n in place_names() if followers.search(n) and not followers.fullmatch(n))
    return tuple(sorted(names, key=len, reverse=True))


def _name_at(text: str, pos: int, followers: re.Pattern[str] = _FOLLOWER) -> str | None:
    """The name starting at pos: Thai letters (and hyphens between them) up to whitespace or
    a following word, unless that word is inside an official place name the run starts with."""
    run = _NAME.match(text, pos)
    if run is None:
        return None
    word = run.group()
    follower = followers.search(word)
    if follower:
        holding = next((n for n in _names_holding(followers) if word.startswith(n)), "")
        follower = followers.search(word, len(holding))
    name = (word[: follower.start()] if follower else word).rstrip(HYPHENS)
    return name if len(name) >= MIN_NAME_LENGTH else None


def _is_place(kind: str, name: str, spaced: bool) -> bool:
    """Whether a name after a place prefix is a place: a khet of Bangkok's, or a name written
    against its prefix, or one after a space (จังหวัด กองทุน) that the official list has."""
    if kind == "khet":
        return bool(districts_meant(name, BANGKOK))
    if not spaced:
        return True
    return bool(provinces_meant(name) if kind == "province" else districts_meant(name))


@lru_cache(maxsize=16)
def _place_mentions(cleaned: str) -> tuple[tuple[str, str], ...]:
    """(kind, name) of each district, khet and province mention, in order (kept for a few
    texts: a document's text is searched for its places by several readers)."""
    found: list[tuple[int, str, str]] = []
    for kind, prefix in _PLACE_PREFIXES.items():
        for match in prefix.finditer(cleaned):
            name = _name_at(cleaned, match.end())
            if name and _is_place(kind, name, spaced=match.end() > match.end("prefix")):
                found.append((match.start(), kind, name))
    return tuple((kind, name) for _, kind, name in sorted(found))


def find_places(text: str) -> tuple[list[str], list[str]]:
    """Every district (a Bangkok khet too) and every province named in text (without prefix),
    in order, as written."""
    mentions = _place_mentions(clean_text(text))
    districts = [name for kind, name in mentions if kind != "province"]
    return districts, [name for kind, name in mentions if kind == "province"]


def canonical_spelling(names: list[str], preferred: str) -> tuple[str, dict[str, int]]:
    """The most frequent spelling among those near `preferred` (ties: `preferred`), and the
    count of each spelling seen."""
    near = [n for n in names if Levenshtein.distance(n, preferred) <= variant_limit(preferred)]
    counts = Counter(near or [preferred])
    best = max(counts, key=lambda n: (counts[n], n == preferred))
    return best, dict(counts)


def _read(written: list[str], meant: list[str | None]) -> PlaceName | None:
    """The place of the first name the official list knows, with the spellings written of it;
    when it knows none, the first name's most frequent spelling, as written."""
    official = next((m for m in meant if m), None)
    if official:
        counts = Counter(w for w, m in zip(written, meant, strict=True) if m == official)
        return PlaceName(official, dict(counts), official=True)
    if not written:
        return None
    used, counts = canonical_spelling(written, written[0])
    return PlaceName(used, counts, official=False)


def read_places(text: str, *, cleaned: bool = False) -> Places:
    """The district and province a text names, in their official names where the list has
    them (the district among the province's); a khet implies Bangkok. (`cleaned`: the text is
    `clean_text`'s already, as a document's whole text cleaned once for several readers.)"""
    return _places(text if cleaned else clean_text(text))


def _places(cleaned: str) -> Places:
    """`read_places` of a text already cleaned."""
    mentions = _place_mentions(cleaned)
    provinces = [name for kind, name in mentions if kind == "province"]
    province = _read(provinces, [canonical_province(name) for name in provinces])
    if province is None and any(kind == "khet" for kind, _ in mentions):
        province = PlaceName(BANGKOK, {}, official=True)
    known = province.used if province and province.official else None
    districts = [(kind, name) for kind, name in mentions if kind != "province"]
    meant = [canonical_district(name, BANGKOK if kind == "khet" and not known else known)
             for kind, name in districts]
    return Places(_read([name for _, name in districts], meant), province)


def find_place(text: str) -> tuple[str | None, str | None]:
    """(district, province) a text names, as `read_places` reads them."""
    return _names(read_places(text))


def _names(places: Places) -> tuple[str | None, str | None]:
    return (
        places.district.used if places.district else None,
        places.province.used if places.province else None,
    )


def find_orgs(text: str, *, cleaned: bool = False) -> list[Org]:
    """Every local organisation mention in order, each with the text's district and province
    (`cleaned` as for `read_places`)."""
    text = text if cleaned else clean_text(text)
    district, province = _names(_places(text))
    orgs = []
    for match in _ORG.finditer(text):
        name = _name_at(text, match.end())
        if name:
            org_type = _TYPE_OF_PREFIX[match["prefix"]]
            orgs.append(Org(org_type, name, district, province))
    return orgs


def find_agencies(text: str, *, cleaned: bool = False) -> list[Org]:
    """Every mention of another agency (กรม…, สำนักงาน…, มหาวิทยาลัย…) in order, named whole,
    each with the text's district and province (`cleaned` as for `read_places`)."""
    text = text if cleaned else clean_text(text)
    district, province = _names(_places(text))
    agencies = []
    for match in _AGENCY.finditer(text):
        if match.end() > match.end("prefix"):
            continue  # a kind of agency in a list (กรม จังหวัด กองทุน), not an agency's name
        rest = _name_at(text, match.end(), _AGENCY_FOLLOWER)
        name = match["prefix"] + rest if rest else ""
        if rest and not name.startswith(NOT_AGENCIES):
            agencies.append(Org(OTHER, name, district, province))
    return agencies
