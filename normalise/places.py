"""Official names of Thailand's provinces and districts, and the official name a written one means.

The list is the Department of Provincial Administration's (77 provinces, 878 districts and
Bangkok's 50 khet, 7,436 subdistricts), from the `geothai` package. It is read once, on first
use, so that importing this module costs nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import cache
from typing import TYPE_CHECKING, TypeVar

from rapidfuzz.distance import Levenshtein

if TYPE_CHECKING:
    from geothai import District, Province

BANGKOK = "กรุงเทพมหานคร"
KHET = "เขต"
"""What Bangkok's districts (เขต) are called; their names are given without it, as districts'
are without อำเภอ."""
_BANGKOK_CODE = "10"
_Area = TypeVar("_Area")


def variant_limit(name: str) -> int:
    """How many letters two spellings of one name may differ by (ร่อนทอง / ร้อนทอง)."""
    return max(1, len(name) // 4)


def _district_name(district: District) -> str:
    """A district's official name without its prefix (a Bangkok khet without เขต)."""
    if district.province_code == _BANGKOK_CODE:
        return district.name_th.removeprefix(KHET)
    return district.name_th


@cache
def _provinces() -> tuple[Province, ...]:
    import geothai  # here, not at module level: the list loads on first use

    return tuple(geothai.provinces())


@cache
def _districts() -> tuple[tuple[District, str], ...]:
    """Every district with the official name of its province."""
    import geothai

    return tuple((d, p.name_th) for p in _provinces() for d in geothai.districts(p.code))


@cache
def place_names() -> frozenset[str]:
    """Every official province, district and subdistrict name (a khet with and without เขต)."""
    import geothai

    districts = [d for d, _ in _districts()]
    return frozenset((
        *(p.name_th for p in _provinces()),
        *(d.name_th for d in districts), *map(_district_name, districts),
        *(s.name_th for d in districts for s in geothai.subdistricts(d.code)),
    ))


def _matches(
    written: str,
    areas: Iterable[_Area],
    is_area: Callable[[_Area, str], bool],
    name: Callable[[_Area], str],
) -> set[str]:
    """Official names of the areas the written name is (by the list's own reading, which knows
    short forms such as อยุธยา and อ.เมือง), else of those it is near (a misspelling)."""
    import geothai

    key = geothai.normalize(written)
    if not key:
        return set()
    areas = tuple(areas)
    exact = {name(a) for a in areas if is_area(a, key)}
    if exact:
        return exact
    near = set()
    for area in areas:
        official = geothai.normalize(name(area))
        limit = variant_limit(official)
        if Levenshtein.distance(key, official, score_cutoff=limit) <= limit:
            near.add(name(area))
    return near


@cache
def provinces_meant(written: str) -> frozenset[str]:
    """Official names of the provinces a written name is, or is close to."""
    import geothai

    return frozenset(_matches(written, _provinces(), geothai.is_province, lambda p: p.name_th))


@cache
def districts_meant(written: str, province: str | None = None) -> frozenset[str]:
    """Official names (without prefix) of the districts a written name is, or is close to;
    only those of `province` (an official name) when it is given."""
    import geothai

    districts = (d for d, p in _districts() if province is None or p == province)
    return frozenset(_matches(written, districts, geothai.is_district, _district_name))


def canonical_province(written: str) -> str | None:
    """The official name of the province written: itself, a short form's (อยุธยา), or the one
    official name a misspelling is close to; None when the list has none, or several."""
    meant = provinces_meant(written)
    return next(iter(meant)) if len(meant) == 1 else None


def canonical_district(written: str, province: str | None = None) -> str | None:
    """The official name (without prefix) of the district written, among those of `province`
    when it is known; None when the list has none, or several."""
    meant = districts_meant(written, province)
    return next(iter(meant)) if len(meant) == 1 else None
