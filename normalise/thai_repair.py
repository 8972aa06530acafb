"""Repair the damage PDF text extraction does to Thai, deciding with PyThaiNLP's dictionary.

Two repairs are unconditional: เเ before a consonant becomes แ, and a single space between Thai
letters goes when the next character cannot start a syllable. Every other repair (a doubled
vowel or mark, or ำา, written once; SARA AA made SARA AM; U+FFFD filled in; a space inside a
word removed) is an edit that must make a word: it is made only when the edited text has a
dictionary word containing the edited place that is longer than every dictionary word
containing the damaged place in the original (for a space, every word beside it) and that has
a word or an end of the Thai run on either side. So a damaged form that is not a word becomes
a word, and a Thai run that is a dictionary word is never changed. Words are matched only
between character-cluster boundaries, so that มา กับ does not join on มาก. Passes repeat until
one changes nothing, so repairing repaired text changes nothing.

Two repairs edit text that reads as correct Thai (a SARA AA, a space between words), so they
are `inferred`, made only where the caller knows the text has PDF damage (`shows_pdf_damage`),
and only when the edited Thai run reads in fewer dictionary words than the original: the
pieces a damaged word fell into (ดา|เนิน|การ, ประ|จา|ปี) join into one word, while a word of
the original is never made another (มี|การ|ออก stays: มี|กำรอ|อก is as many words). The
others mend what correct Thai never holds, wherever it is.

Digits, Latin text and codes are never changed (only Thai letters are edited and only spaces
between two Thai letters removed), nor are proper names: the Thai run after an organisation
or place prefix (up to a space or the next such prefix), and a person's title with the first
name right after it and the surname.

The dictionary lookups are `normalise.thai_words`'s. A repair takes up only the Thai runs that
hold what it can change (a doubled mark, U+FFFD, a SARA AM word written with SARA AA that is no
word itself), found by regex searches of the whole text.
"""

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache, partial

from normalise.org import DISTRICT_PREFIXES, ORG_TYPES, PROVINCE_PREFIXES
from normalise.pua import PUA_THAI, PUA_TO_THAI
from normalise.thai_words import (
    ABOVE_BELOW_MARKS,
    FOLLOWING_VOWELS,
    LETTERS,
    NON_INITIAL,
    SARA_AA,
    SARA_AM,
    TONE_MARKS,
    lexicon,
    longest_word,
    lost_sara_am_spots,
    pieces_after,
    pieces_before,
    word_count,
    word_ends_at,
    word_ends_from,
    word_lengths_before,
    word_starts_at,
    words_containing,
)

# Organisation and place prefixes that a proper name follows (those of normalise.org, and
# ตำบล/ต.); abbreviated ones are recognised only at the start of a word.
_PLACES: tuple[tuple[str, tuple[str, ...]], ...] = (
    *((full, abbreviations) for _, full, abbreviations in ORG_TYPES),
    (DISTRICT_PREFIXES[0], DISTRICT_PREFIXES[1:]),
    (PROVINCE_PREFIXES[0], PROVINCE_PREFIXES[1:]),
    ("ตำบล", ("ต.",)),
)
ORG_PREFIXES = tuple(full for full, _ in _PLACES)
ABBREVIATED_PREFIXES = tuple(short for _, group in _PLACES for short in group)
# A person's title, followed at once by the first name and, after one space, the surname.
PERSON_TITLES = ("นางสาว", "นาย", "นาง")

SARA_E = "\u0e40"
SARA_AE = "\u0e41"
REPLACEMENT_CHARACTER = "\ufffd"
CONSONANTS = "".join(map(chr, range(0x0E01, 0x0E2F)))  # ก to ฮ
LEADING_VOWELS = "\u0e40\u0e41\u0e42\u0e43\u0e44"  # เ แ โ ใ ไ
# Thai writes spaces around these signs (ทั่ว ๆ ไป, ฯลฯ): a space next to one is kept.
SPACED_SIGNS = "\u0e46\u0e2f"  # ๆ ฯ
# Vowels and marks that Thai never writes twice in a row.
UNDOUBLED = TONE_MARKS + ABOVE_BELOW_MARKS + FOLLOWING_VOWELS + LEADING_VOWELS
# What a U+FFFD may stand for (inside a word of two characters or more): SARA AM, tone marks and
# vowels, then consonants.
FFFD_CANDIDATES = (
    SARA_AM + TONE_MARKS + ABOVE_BELOW_MARKS + FOLLOWING_VOWELS + LEADING_VOWELS + CONSONANTS
)

_RUN = re.compile(f"[{LETTERS}]+")
_FFFD = re.compile(REPLACEMENT_CHARACTER)
_RUN_WITH_FFFD = re.compile(
    f"[{LETTERS}]*{REPLACEMENT_CHARACTER}[{LETTERS}{REPLACEMENT_CHARACTER}]*"
)
_DOUBLE_SARA_E = re.compile(f"{SARA_E}{SARA_E}(?=[{CONSONANTS}])")
_DOUBLED_MARK = re.compile(f"([{UNDOUBLED}])\\1")
_AM_AA = re.compile(f"{SARA_AM}{SARA_AA}")
_DOUBLED = re.compile(f"{_DOUBLED_MARK.pattern}|{_AM_AA.pattern}")
_LOST_SARA_AM = re.compile(f"(?<=[{CONSONANTS}{TONE_MARKS}]){SARA_AA}")
# (The space comes first, and the letter before it is looked behind at, so that a search for
# this and the patterns built with it looks at spaces only.)
_SPACE_IN_CLUSTER = re.compile(f" (?<=[{LETTERS}] )(?=[{NON_INITIAL}])")
# Damage correct Thai never holds: what the repairs that are not inferred look for (each
# looked for on its own, the slowest to look for last: a search for their alternation is
# several times slower).
_EVIDENT = (_DOUBLE_SARA_E, _AM_AA, _FFFD, _SPACE_IN_CLUSTER, _DOUBLED_MARK)
# What PDF text extraction, and no typist, leaves: SARA AM doubled (ำา, ำำ), U+FFFD, a space
# inside a character cluster (เพ ื่อ). (เเ and doubled tone marks are typists' slips too.)
_PDF_DAMAGE = re.compile(
    f"{SARA_AM}[{SARA_AA}{SARA_AM}]|\u0e4d[\u0e48-\u0e4b]?{SARA_AA}|{REPLACEMENT_CHARACTER}|"
    f"{_SPACE_IN_CLUSTER.pattern}"
)
# A single space between two Thai letters (looked for from the space, as _SPACE_IN_CLUSTER).
_SPACE_BETWEEN_LETTERS = re.compile(f" (?<=[{LETTERS}] )(?=[{LETTERS}])")
_PUA = re.compile(f"[{PUA_THAI}]")


def _prefix_alternatives(prefixes: tuple[str, ...]) -> str:
    """Regex alternation of the prefixes, longest first; SARA AM also matches as lost or doubled,
    and an abbreviation only at the start of a word (looked behind at from its second letter,
    so that every alternative starts with a letter, which a search looks for alone)."""

    def one(prefix: str) -> str:
        pattern = re.escape(prefix).replace(SARA_AM, f"(?:{SARA_AM}{SARA_AA}?|{SARA_AA})")
        return f"{pattern[0]}(?<![{LETTERS}].){pattern[1:]}" if prefix.endswith(".") else pattern

    return "|".join(map(one, sorted(prefixes, key=len, reverse=True)))


_PLACE_PREFIX = _prefix_alternatives(ORG_PREFIXES + ABBREVIATED_PREFIXES)
# A letter of a name: a name ends where an organisation or place prefix begins.
_NAME_LETTER = f"(?:(?!{_PLACE_PREFIX})[{LETTERS}])"
# The protected text is the group that matched: the name after an organisation or place prefix
# (and its spaces); a person's title with the first name right after it and the surname.
_NAME = re.compile(
    f"(?:{_PLACE_PREFIX}) *(?P<name>{_NAME_LETTER}+)"
    f"|(?P<person>(?:{_prefix_alternatives(PERSON_TITLES)}){_NAME_LETTER}+(?: {_NAME_LETTER}+)?)"
)
# Where _NAME can match: a search for this skips to the prefixes' first letters.
_NAME_START = re.compile(_prefix_alternatives(ORG_PREFIXES + ABBREVIATED_PREFIXES + PERSON_TITLES))


def _names(text: str) -> Iterator[re.Match[str]]:
    """The matches of _NAME in text, as its finditer gives them, trying it only where
    _NAME_START finds a prefix."""
    pos = 0
    while start := _NAME_START.search(text, pos):
        match = _NAME.match(text, start.start())
        pos = match.end() if match else start.start() + 1
        if match:
            yield match


@dataclass(frozen=True)
class Repaired:
    """Repaired text and the number of repairs made."""

    text: str
    count: int


def _longest_fitting_word(
    run: str, spans: Iterable[tuple[int, int]], longer_than: Callable[[], int]
) -> int:
    """Length of the longest of spans (the dictionary words in run that contain one place)
    that has a word or an end of the run on either side, if it is longer than longer_than()
    (called only then); else 0."""
    fitting = (
        b - a
        for a, b in sorted(spans, key=lambda span: span[0] - span[1])
        if word_ends_at(run, a) and word_starts_at(run, b)
    )
    longest = next(fitting, 0)
    return longest if longest and longest > longer_than() else 0


def _undouble(run: str) -> tuple[str, int]:
    """Doubled vowels and marks (and ำา) written once where that makes a dictionary word, each
    judged with all of them written once, so that neighbouring ones (ทำาคำา) do not block
    each other."""
    places = [match.start() for match in _DOUBLED.finditer(run)]
    edited = _DOUBLED.sub(lambda match: match.group()[0], run)
    kept = [
        i
        for shift, i in enumerate(places)
        if _longest_fitting_word(
            edited,
            words_containing(edited, i - shift, i - shift + 1),
            partial(longest_word, run, i, i + 2),
        )
    ]
    dropped = {i + 1 for i in kept}
    return "".join(ch for k, ch in enumerate(run) if k not in dropped), len(kept)


@lru_cache(maxsize=1 << 12)
def _restore_sara_am(run: str) -> tuple[str, int]:
    """SARA AA after a consonant or tone mark made SARA AM where that makes a dictionary word.
    The word made can be longer than those of the run only where the run holds it written
    with that SARA AA as no word (`lost_sara_am_spots`)."""
    count = 0
    spots = lost_sara_am_spots(run)
    for match in _LOST_SARA_AM.finditer(run):
        i = match.start()
        if i not in spots:
            continue
        edited = run[:i] + SARA_AM + run[i + 1 :]
        if _longest_fitting_word(
            edited, words_containing(edited, i, i + 1), partial(longest_word, run, i, i + 1)
        ) and word_count(edited) < word_count(run):
            run, count = edited, count + 1
            spots = lost_sara_am_spots(run)
    return run, count


def _fill(left: str, right: str) -> str:
    """The one Thai character that makes the longest word between left and right, when exactly
    one does; else U+FFFD."""
    bigrams = lexicon().bigrams

    def longest(ch: str) -> int:
        text = left + ch + right
        spans = words_containing(text, len(left), len(left) + 1)
        return _longest_fitting_word(text, spans, lambda: 1)

    found = {
        ch: longest(ch)
        for ch in FFFD_CANDIDATES
        if left[-1:] + ch in bigrams or ch + right[:1] in bigrams
    }
    best = max(found.values(), default=0)
    winners = [ch for ch, length in found.items() if length == best]
    return winners[0] if best and len(winners) == 1 else REPLACEMENT_CHARACTER


def _fill_replacement_characters(run: str) -> tuple[str, int]:
    """Each U+FFFD filled in from the Thai letters between it and the next U+FFFD each side."""
    pieces = run.split(REPLACEMENT_CHARACTER)
    fills = [
        _fill(left, right) if left or right else REPLACEMENT_CHARACTER
        for left, right in zip(pieces, pieces[1:], strict=False)
    ]
    filled = pieces[0] + "".join(
        fill + piece for fill, piece in zip(fills, pieces[1:], strict=True)
    )
    return filled, sum(fill != REPLACEMENT_CHARACTER for fill in fills)


def _joins(left: str, right: str, inferred: bool) -> bool:
    """Whether the space between two Thai runs is inside a word: before a character that cannot
    start a syllable; if `inferred`, where the dictionary says so (`_joins_words`)."""
    if left[-1] in SPACED_SIGNS or right[0] in SPACED_SIGNS:
        return False
    return right[0] in NON_INITIAL or (inferred and _joins_words(left, right))


@lru_cache(maxsize=1 << 12)
def _joins_words(left: str, right: str) -> bool:
    """Whether two whole words stand beside the space between two Thai runs that one word
    covers (จัดซื้อ จัดจ้าง: the longest of each), or else (a side is not a word, a broken one)
    joining makes a word longer than those beside the space; and the runs read in fewer words
    joined."""
    joined = left + right
    across = words_containing(joined, len(left) - 1, len(left) + 1)
    if not across:  # either way a word must reach across the space; most spaces have none
        return False
    left_word = max(word_lengths_before(left, len(left)), default=0)
    right_word = max(word_ends_from(right, 0, 1), default=0)
    if left_word and right_word:
        start, end = len(left) - left_word, len(left) + right_word
        whole = any(a <= start and b >= end for a, b in across)
    else:
        whole = bool(_longest_fitting_word(joined, across, lambda: max(left_word, right_word)))
    if not whole:
        return False
    # The runs read in fewer words joined only with a word across the space.
    before, after = pieces_before(left), pieces_after(right)
    return any(before[a] + 1 + after[b - len(left)] < before[-1] + after[0] for a, b in across)


def _spaced_runs(text: str) -> Iterator[tuple[int, str, str]]:
    """Each single space between two Thai runs: where it is, and the whole run on either side.
    (Found from the spaces, each run then matched from the space: many times faster than a
    search for the runs.)"""
    backwards = text[::-1]
    for space in _SPACE_BETWEEN_LETTERS.finditer(text):
        at = space.start()
        left = _RUN.match(backwards, len(text) - at)
        right = _RUN.match(text, at + 1)
        yield at, left.group()[::-1], right.group()


def _join_split_words(segment: str, inferred: bool) -> tuple[str, int]:
    """Single spaces between two Thai runs removed where they split a word."""
    pairs = _spaced_runs(segment)
    cuts = [at for at, left, right in pairs if _joins(left, right, inferred)]
    starts = [0, *(cut + 1 for cut in cuts)]
    ends = [*cuts, len(segment)]
    return "".join(segment[a:b] for a, b in zip(starts, ends, strict=True)), len(cuts)


def _starts(pattern: re.Pattern[str], text: str) -> list[int]:
    """Where the matches of pattern in text start."""
    return [match.start() for match in pattern.finditer(text)]


def _map_runs(
    pattern: re.Pattern[str],
    repair: Callable[[str], tuple[str, int]],
    segment: str,
    places: list[int],
) -> tuple[str, int]:
    """Apply a run repair to the matches of pattern in segment that hold one of places
    (ascending); the others it would leave as they are."""
    total = 0

    def one(match: re.Match[str]) -> str:
        nonlocal total
        k = bisect_left(places, match.start())
        if k == len(places) or places[k] >= match.end():
            return match.group()
        text, count = repair(match.group())
        total += count
        return text

    return pattern.sub(one, segment), total


def _repair_free(segment: str, inferred: bool) -> tuple[str, int]:
    """One pass of the repairs over text that holds no proper name."""
    segment, total = _DOUBLE_SARA_E.subn(SARA_AE, segment)
    # Each run repair, the runs it takes, and the places in them where it can change anything.
    repairs = [
        (_RUN_WITH_FFFD, _fill_replacement_characters, partial(_starts, _FFFD)),
        (_RUN, _undouble, partial(_starts, _DOUBLED)),
    ]
    if inferred:
        repairs.append((_RUN, _restore_sara_am, lost_sara_am_spots))
    for pattern, repair, places_in in repairs:
        places = sorted(places_in(segment))
        if places:
            segment, count = _map_runs(pattern, repair, segment, places)
            total += count
    segment, count = _join_split_words(segment, inferred)
    return segment, total + count


def _repair_pass(text: str, inferred: bool) -> tuple[str, int]:
    """One pass of the repairs over the text outside proper names."""
    pieces, total, pos = [], 0, 0
    for match in _names(text):
        name_start = match.start(match.lastgroup)
        fixed, count = _repair_free(text[pos:name_start], inferred)
        pieces += [fixed, text[name_start : match.end()]]
        total, pos = total + count, match.end()
    fixed, count = _repair_free(text[pos:], inferred)
    return "".join([*pieces, fixed]), total + count


def _splits_word(left: str, right: str) -> bool:
    """Whether the space between two Thai runs cuts a word: no word ends the left run, and
    joining the runs makes one (เพื่ อ)."""
    return not word_ends_at(left, len(left)) and _joins(left, right, True)


def shows_pdf_damage(text: str) -> bool:
    """Whether text holds what PDF text extraction leaves and correct Thai does not: SARA AM
    in two glyphs (NIKHAHIT + SARA AA) or doubled, U+FFFD, a space inside a cluster or, by
    the dictionary, inside a word. Legacy PUA glyphs are not damage: they are another
    encoding of the same letters, mapped back exactly (`normalise.pua`)."""
    if _PUA.search(text):
        text = text.translate(PUA_TO_THAI)  # read as the letters they are
    return (
        bool(_PDF_DAMAGE.search(text))
        or any(_splits_word(left, right) for _, left, right in _spaced_runs(text))
    )


def may_repair(text: str, inferred: bool) -> bool:
    """Whether `repair_thai` may change text: with the inferred repairs, always; else only where
    it holds damage correct Thai never holds (which no line break is part of)."""
    return inferred or any(pattern.search(text) for pattern in _EVIDENT)


def repair_thai(text: str, inferred: bool = True) -> Repaired:
    """Repair PDF extraction damage to Thai text, pass after pass until nothing changes; the
    inferred repairs only if `inferred` (the text is known to have PDF damage)."""
    if not may_repair(text, inferred):
        return Repaired(text, 0)
    total = 0
    while True:
        text, count = _repair_pass(text, inferred)
        if not count:
            return Repaired(text, total)
        total += count
