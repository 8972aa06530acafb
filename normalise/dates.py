"""Thai months, Buddhist-Era years, fiscal years and periods as written in reports."""

import calendar
import re
from datetime import date

from normalise.digits import to_arabic_digits
from normalise.errors import NormaliseError
from normalise.text import clean_text
from normalise.vocabulary import BE_CENTURIES, BE_YEARS, CE_YEARS

BE_CE_OFFSET = 543
FISCAL_YEAR_START_MONTH = 10  # the Thai fiscal year runs 1 October - 30 September

FULL_MONTHS = (
    "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
    "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม",
)  # fmt: skip
ABBREVIATED_MONTHS = (
    "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.",
    "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.",
)  # fmt: skip
# Misspellings that can only mean one month (ambiguous ones such as จ.ค. are left out).
MISSPELT_MONTHS = {"กรกฏาคม": 7}

# Words between the two ends of a period, longest first.
PERIOD_SEPARATORS = ("ถึงเดือน", "จนถึง", "ถึง", "-", "–", "—")
# Phrases meaning "the whole fiscal year" (ตลอดปี also covers ตลอดปีงบประมาณ).
WHOLE_YEAR_PHRASES = ("ตลอดทั้งปี", "ตลอดปี", "ปีงบประมาณ")
QUARTER_WORDS = ("ไตรมาสที่", "ไตรมาส")
BE_ERA_MARK = r"พ\.\s?ศ\.?"


def _abbreviation_spellings(abbreviation: str) -> tuple[str, ...]:
    """Ways an abbreviation is written: ต.ค. gives ต.ค. ต.ค ตค. ตค ต. ค. ต. ค"""
    parts = abbreviation.rstrip(".").split(".")
    joined = (".".join(parts), "".join(parts), ". ".join(parts))
    return tuple(spelling + end for spelling in joined for end in (".", ""))


MONTHS: dict[str, int] = {
    **{name: number for number, name in enumerate(FULL_MONTHS, start=1)},
    **MISSPELT_MONTHS,
    **{
        spelling: number
        for number, abbreviation in enumerate(ABBREVIATED_MONTHS, start=1)
        for spelling in _abbreviation_spellings(abbreviation)
    },
}

_THAI_LETTER = "\u0e01-\u0e4e"
_FULL_MONTH_SPELLINGS = frozenset(FULL_MONTHS) | frozenset(MISSPELT_MONTHS)


def _month_alternative(spelling: str) -> str:
    """A full name matches anywhere; an abbreviation only where it is not part of a word."""
    if spelling in _FULL_MONTH_SPELLINGS:
        return re.escape(spelling)
    before = rf"(?:(?<![{_THAI_LETTER}.])|(?<=เดือน)|(?<=ถึง))"
    after = "" if spelling.endswith(".") else rf"(?![{_THAI_LETTER}])"
    return before + re.escape(spelling) + after


_MONTH = "|".join(map(_month_alternative, sorted(MONTHS, key=len, reverse=True)))
_SEPARATOR = r"\s*(?:" + "|".join(map(re.escape, PERIOD_SEPARATORS)) + r")\s*"
_YEAR = rf"(?:{BE_ERA_MARK}\s*)?(?:\d{{4}}|\d{{2}})(?!\d)"


def _point(n: int) -> str:
    """Pattern for one end of a period: [day] month [year], groups suffixed with n."""
    return rf"(?:(?<!\d)(?P<day{n}>\d{{1,2}})\s*)?(?P<month{n}>{_MONTH})\s*(?P<year{n}>{_YEAR})?"


_MONTH_PERIOD = re.compile(_point(1) + f"(?:{_SEPARATOR}{_point(2)})?")
_QUARTER_WORD = "(?:" + "|".join(QUARTER_WORDS) + r")\s*"
_QUARTERS = re.compile(
    rf"{_QUARTER_WORD}(?P<first>[1-4])(?!\d)(?:{_SEPARATOR}(?:{_QUARTER_WORD})?(?P<last>[1-4])(?!\d))?"
)
_STATED_FISCAL_YEAR = re.compile(rf"ปีงบประมาณ\s*(?P<year>{_YEAR})")
_WHOLE_YEAR = re.compile("|".join(WHOLE_YEAR_PHRASES))

Period = tuple[date | None, date | None]
_NO_PERIOD: Period = (None, None)


def be_year(value: str | int, ref_be: int | None = None) -> int | None:
    """Buddhist-Era year from a 4-digit BE or CE year or a 2-digit BE year, else None.

    A 2-digit year is put in the 25xx/26xx century nearest ref_be (25xx without ref_be).
    """
    digits = to_arabic_digits(str(value)).strip()
    if not (digits.isascii() and digits.isdigit()):
        return None
    year = int(digits)
    if len(digits) == 4:
        if year in BE_YEARS:
            return year
        return year + BE_CE_OFFSET if year in CE_YEARS else None
    if len(digits) == 2:
        candidates = [century + year for century in BE_CENTURIES]
        return candidates[0] if ref_be is None else min(candidates, key=lambda be: abs(be - ref_be))
    return None


def ce_year(be: int) -> int:
    """Common-Era year of a Buddhist-Era year."""
    return be - BE_CE_OFFSET


def _month_start(be: int, month: int) -> date:
    return date(ce_year(be), month, 1)


def _month_end(be: int, month: int) -> date:
    ce = ce_year(be)
    return date(ce, month, calendar.monthrange(ce, month)[1])


def _fiscal_month_year(fy_be: int, month: int) -> int:
    """BE calendar year of a month of fiscal year fy_be (Oct-Dec fall in the year before)."""
    return fy_be - 1 if month >= FISCAL_YEAR_START_MONTH else fy_be


def quarter_range(fy_be: int, q: int) -> tuple[date, date]:
    """First and last day of fiscal quarter q (1-4) of fiscal year fy_be; Q1 is Oct-Dec."""
    if q not in range(1, 5):
        raise NormaliseError(f"fiscal quarter must be 1-4, got {q}")
    if not date.min.year < ce_year(fy_be) <= date.max.year:
        raise NormaliseError(f"fiscal year {fy_be} is outside the calendar")
    first = (FISCAL_YEAR_START_MONTH - 1 + 3 * (q - 1)) % 12 + 1
    last = first + 2
    return (
        _month_start(_fiscal_month_year(fy_be, first), first),
        _month_end(_fiscal_month_year(fy_be, last), last),
    )


def fiscal_year_range(fy_be: int) -> tuple[date, date]:
    """First and last day of Thai fiscal year fy_be (1 Oct of the year before - 30 Sep)."""
    return quarter_range(fy_be, 1)[0], quarter_range(fy_be, 4)[1]


def _quarters(match: re.Match[str], fy_be: int | None) -> Period:
    first, last = int(match["first"]), int(match["last"] or match["first"])
    if fy_be is None or last < first:
        return _NO_PERIOD
    return quarter_range(fy_be, first)[0], quarter_range(fy_be, last)[1]


def _month_years(
    months: tuple[int, int], years: tuple[int | None, int | None], fy_be: int | None
) -> tuple[int, int] | None:
    """BE years of the start and end month; a year written once applies to both ends."""
    (start_month, end_month), (start_year, end_year) = months, years
    crosses = int(end_month < start_month)  # e.g. ต.ค. - ก.ย. runs into the next year
    if start_year is None and end_year is not None:
        start_year = end_year - crosses
    if start_year is None and fy_be is not None:
        start_year = _fiscal_month_year(fy_be, start_month)
    if start_year is None:
        return None
    return start_year, end_year if end_year is not None else start_year + crosses


def _written_year(written: str | None, fy_be: int | None) -> int | None:
    """BE year of a year as matched (perhaps with พ.ศ.), or None when none was written."""
    return None if written is None else be_year(re.sub(r"\D", "", written), fy_be)


def _month_period(match: re.Match[str], fy_be: int | None) -> Period:
    end = "2" if match["month2"] else "1"  # a single month is both ends
    months = (MONTHS[match["month1"]], MONTHS[match["month" + end]])
    years = (_written_year(match["year1"], fy_be), _written_year(match["year" + end], fy_be))
    resolved = _month_years(months, years, fy_be)
    if resolved is None:
        return _NO_PERIOD
    start_day, end_day = match["day1"], match["day" + end]
    try:
        start = _month_start(resolved[0], months[0]).replace(day=int(start_day or 1))
        last = _month_end(resolved[1], months[1])
        return start, last.replace(day=int(end_day)) if end_day else last
    except ValueError:  # a day the month does not have
        return _NO_PERIOD


def parse_period(text: str, fiscal_year: int | None = None) -> Period:
    """Common-Era first and last day of a period written in a report, or (None, None).

    Years missing from the text come from fiscal_year (a BE fiscal year); a fiscal year
    stated in the text (ปีงบประมาณ พ.ศ. 2568) takes precedence.
    """
    cleaned = clean_text(text)
    stated = _STATED_FISCAL_YEAR.search(cleaned)
    fy_be = _written_year(stated["year"], fiscal_year) if stated else fiscal_year
    if quarters := _QUARTERS.search(cleaned):
        return _quarters(quarters, fy_be)
    if months := _MONTH_PERIOD.search(cleaned):
        return _month_period(months, fy_be)
    if fy_be is not None and (stated or _WHOLE_YEAR.search(cleaned)):
        return fiscal_year_range(fy_be)
    return _NO_PERIOD
