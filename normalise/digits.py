"""Thai and Arabic digits, and numbers written as a report cell."""

import re

import regex

# One number (optionally with thousands separators and decimals), optionally followed by
# "คะแนน" (points) and trailing spaces or punctuation; "%" and dashes are not allowed after it.
_NUMBER = re.compile(
    r"\s*(?P<number>[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)\s*(?:คะแนน)?[\s.,;:]*"
)


_THAI_DIGITS = regex.compile("[๐-๙]+")
"""(The `regex` module looks for a character class in Thai text several times faster than `re`.)"""


def to_arabic_digits(text: str) -> str:
    """Replace Thai digits ๐-๙ with 0-9, leaving every other character untouched (only the
    digit runs are translated: `str.translate` over a whole report is ten times slower)."""
    if not _THAI_DIGITS.search(text):
        return text
    from pythainlp.util import thai_digit_to_arabic_digit  # PyThaiNLP is loaded when needed

    return _THAI_DIGITS.sub(lambda run: thai_digit_to_arabic_digit(run.group()), text)


def parse_number(text: str) -> float | None:
    """The value of a text that is exactly one number (e.g. a score cell), else None."""
    match = _NUMBER.fullmatch(to_arabic_digits(text))
    if match is None:
        return None
    return float(match["number"].replace(",", ""))
