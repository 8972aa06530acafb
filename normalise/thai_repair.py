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
"""

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache, partial

from pythainlp.corpus import thai_words

from normalise.org import DISTRICT_PREFIXES, ORG_TYPES, PROVINCE_PREFIXES
from normalise.pua import PUA_TO_THAI

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
SARA_AA = "\u0e32"
SARA_AM = "\u0e33"
REPLACEMENT_CHARACTER = "\ufffd"
CONSONANTS = "".join(map(chr, range(0x0E01, 0x0E2F)))  # ก to ฮ
TONE_MARKS = "\u0e48\u0e49\u0e4a\u0e4b"  # ่ ้ ๊ ๋
# ั ิ ี ึ ื ุ ู ฺ ็ ์ ํ ๎: written above or below their consonant.
ABOVE_BELOW_MARKS = "\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e3a\u0e47\u0e4c\u0e4d\u0e4e"
FOLLOWING_VOWELS = "\u0e30\u0e32\u0e33\u0e45"  # ะ า ำ ๅ
LEADING_VOWELS = "\u0e40\u0e41\u0e42\u0e43\u0e44"  # เ แ โ ใ ไ
# No Thai syllable starts with these: a space before one is always an extraction artefact.
NON_INITIAL = TONE_MARKS + ABOVE_BELOW_MARKS + FOLLOWING_VOWELS
# Thai writes spaces around these signs (ทั่ว ๆ ไป, ฯลฯ): a space next to one is kept.
SPACED_SIGNS = "\u0e46\u0e2f"  # ๆ ฯ
# Vowels and marks that Thai never writes twice in a row.
UNDOUBLED = TONE_MARKS + ABOVE_BELOW_MARKS + FOLLOWING_VOWELS + LEADING_VOWELS
# What a U+FFFD may stand for (inside a word of two characters or more): SARA AM, tone marks and
# vowels, then consonants.
FFFD_CANDIDATES = (
    SARA_AM + TONE_MARKS + ABOVE_BELOW_MARKS + FOLLOWING_VOWELS + LEADING_VOWELS + CONSONANTS
)

_LETTERS = "\u0e01-\u0e3a\u0e40-\u0e4e"  # Thai consonants, vowels and marks; no digits
_RUN = re.compile(f"[{_LETTERS}]+")
_RUN_WITH_FFFD = re.compile(
    f"[{_LETTERS}]*{REPLACEMENT_CHARACTER}[{_LETTERS}{REPLACEMENT_CHARACTER}]*"
)
_DOUBLE_SARA_E = re.compile(f"{SARA_E}{SARA_E}(?=[{CONSONANTS}])")
_DOUBLED = re.compile(f"([{UNDOUBLED}])\\1|{SARA_AM}{SARA_AA}")
_LOST_SARA_AM = re.compile(f"(?<=[{CONSONANTS}{TONE_MARKS}]){SARA_AA}")
_SPACE_IN_CLUSTER = re.compile(f"(?<=[{_LETTERS}]) (?=[{NON_INITIAL}])")
# Damage correct Thai never holds: what the repairs that are not inferred look for.
_EVIDENT = re.compile(
    f"{_DOUBLE_SARA_E.pattern}|{_DOUBLED.pattern}|{REPLACEMENT_CHARACTER}"
    f"|{_SPACE_IN_CLUSTER.pattern}"
)
# What PDF text extraction, and no typist, leaves: SARA AM doubled (ำา, ำำ), U+FFFD, a space
# inside a character cluster (เพ ื่อ). (เเ and doubled tone marks are typists' slips too.)
_PDF_DAMAGE = re.compile(
    f"{SARA_AM}[{SARA_AA}{SARA_AM}]|\u0e4d[\u0e48-\u0e4b]?{SARA_AA}|{REPLACEMENT_CHARACTER}|"
    f"{_SPACE_IN_CLUSTER.pattern}"
)
_SPACED_RUNS = re.compile(f"(?<![{_LETTERS}])([{_LETTERS}]++) (?=([{_LETTERS}]+))")


def _prefix_alternatives(prefixes: tuple[str, ...]) -> str:
    """Regex alternation of the prefixes, longest first; SARA AM also matches as lost or doubled,
    and an abbreviation only at the start of a word."""

    def one(prefix: str) -> str:
        pattern = re.escape(prefix).replace(SARA_AM, f"(?:{SARA_AM}{SARA_AA}?|{SARA_AA})")
        return f"(?<![{_LETTERS}])" + pattern if prefix.endswith(".") else pattern

    return "|".join(map(one, sorted(prefixes, key=len, reverse=True)))


_PLACE_PREFIX = _prefix_alternatives(ORG_PREFIXES + ABBREVIATED_PREFIXES)
# A letter of a name: a name ends where an organisation or place prefix begins.
_NAME_LETTER = f"(?:(?!{_PLACE_PREFIX})[{_LETTERS}])"
# The protected text is the group that matched: the name after an organisation or place prefix
# (and its spaces); a person's title with the first name right after it and the surname.
_NAME = re.compile(
    f"(?:{_PLACE_PREFIX}) *(?P<name>{_NAME_LETTER}+)"
    f"|(?P<person>(?:{_prefix_alternatives(PERSON_TITLES)}){_NAME_LETTER}+(?: {_NAME_LETTER}+)?)"
)


@dataclass(frozen=True)
class Repaired:
    """Repaired text and the number of repairs made."""

    text: str
    count: int


@cache
def _dictionary() -> tuple[frozenset[str], frozenset[str], int]:
    """Thai-letter words of PyThaiNLP's dictionary, all their prefixes, the longest length."""
    words = frozenset(w for w in thai_words() if _RUN.fullmatch(w))
    prefixes = frozenset(w[:k] for w in words for k in range(1, len(w) + 1))
    return words, prefixes, max(map(len, words))


@lru_cache(maxsize=1 << 16)
def _word_count(run: str) -> int:
    """The fewest pieces run reads in, each a dictionary word between cluster boundaries or a
    single character that is in no word."""
    words, prefixes, _ = _dictionary()
    boundary = [_is_boundary(run, pos) for pos in range(len(run) + 1)]
    fewest = list(range(len(run) + 1))
    for a in range(len(run)):
        after = fewest[a] + 1
        if after < fewest[a + 1]:
            fewest[a + 1] = after
        if not boundary[a]:
            continue
        for b in range(a + 1, len(run) + 1):
            piece = run[a:b]
            if piece not in prefixes:
                break
            if boundary[b] and after < fewest[b] and piece in words:
                fewest[b] = after
    return fewest[-1]


@cache
def _bigrams() -> frozenset[str]:
    """Every two characters in a row in a dictionary word."""
    words, _, _ = _dictionary()
    return frozenset(w[k : k + 2] for w in words for k in range(len(w) - 1))


def _is_boundary(run: str, pos: int) -> bool:
    """Whether a word may start or end at pos: not before a character that cannot start a
    syllable, which would split a character cluster."""
    return pos == len(run) or run[pos] not in NON_INITIAL


def _words_containing(run: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans (a, b) of the dictionary words in run that contain run[start:end]."""
    words, prefixes, longest = _dictionary()
    found = []
    for a in range(max(0, end - longest), start + 1):
        if run[a:end] not in prefixes or not _is_boundary(run, a):
            continue
        for b in range(end, min(len(run), a + longest) + 1):
            piece = run[a:b]
            if piece not in prefixes:
                break
            if piece in words and _is_boundary(run, b):
                found.append((a, b))
    return found


def _longest_word(run: str, start: int, end: int) -> int:
    """Length of the longest dictionary word in run that contains run[start:end], else 0."""
    return max((b - a for a, b in _words_containing(run, start, end)), default=0)


def _word_ends_at(run: str, pos: int) -> bool:
    """Whether pos is the start of run or a dictionary word ends there."""
    words, _, longest = _dictionary()
    return pos == 0 or any(
        run[a:pos] in words and _is_boundary(run, a) for a in range(max(0, pos - longest), pos)
    )


def _word_starts_at(run: str, pos: int) -> bool:
    """Whether pos is the end of run or a dictionary word starts there."""
    return pos == len(run) or any(a == pos for a, _ in _words_containing(run, pos, pos + 1))


def _longest_fitting_word(run: str, start: int, end: int, longer_than: Callable[[], int]) -> int:
    """Length of the longest dictionary word in run that contains run[start:end], is longer
    than longer_than() (called only if some word contains it) and has a word or an end of the
    run on either side; else 0."""
    spans = sorted(_words_containing(run, start, end), key=lambda span: span[0] - span[1])
    floor = longer_than() if spans else 0
    return next(
        (
            b - a
            for a, b in spans
            if b - a > floor and _word_ends_at(run, a) and _word_starts_at(run, b)
        ),
        0,
    )


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
            edited, i - shift, i - shift + 1, partial(_longest_word, run, i, i + 2)
        )
    ]
    dropped = {i + 1 for i in kept}
    return "".join(ch for k, ch in enumerate(run) if k not in dropped), len(kept)


def _restore_sara_am(run: str) -> tuple[str, int]:
    """SARA AA after a consonant or tone mark made SARA AM where that makes a dictionary word."""
    count = 0
    for match in _LOST_SARA_AM.finditer(run):
        i = match.start()
        edited = run[:i] + SARA_AM + run[i + 1 :]
        if _longest_fitting_word(
            edited, i, i + 1, partial(_longest_word, run, i, i + 1)
        ) and _word_count(edited) < _word_count(run):
            run, count = edited, count + 1
    return run, count


def _fill(left: str, right: str) -> str:
    """The one Thai character that makes the longest word between left and right, when exactly
    one does; else U+FFFD."""
    bigrams = _bigrams()
    found = {
        ch: _longest_fitting_word(left + ch + right, len(left), len(left) + 1, lambda: 1)
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


def _whole_words_join(left: str, right: str) -> bool | None:
    """When whole words stand on both sides of the space: whether one dictionary word covers
    the longest of each (จัดซื้อ จัดจ้าง); None when a side is not a word (a broken one)."""
    words, _, longest = _dictionary()
    starts = [len(left) - k for k in range(1, min(longest, len(left)) + 1)
              if left[-k:] in words and _is_boundary(left, len(left) - k)]
    ends = [k for k in range(1, min(longest, len(right)) + 1)
            if right[:k] in words and _is_boundary(right, k)]
    if not starts or not ends:
        return None
    joined = left + right
    return bool(_words_containing(joined, min(starts), len(left) + max(ends)))


def _joins(left: str, right: str, inferred: bool) -> bool:
    """Whether the space between two Thai runs is inside a word: before a character that cannot
    start a syllable; if `inferred`, where two whole words stand beside it that one word
    covers, or else joining makes a word longer than those beside the space, and the runs
    read in fewer words joined."""
    if left[-1] in SPACED_SIGNS or right[0] in SPACED_SIGNS:
        return False
    if right[0] in NON_INITIAL:
        return True
    if not inferred:
        return False
    whole = _whole_words_join(left, right)
    if whole is None:

        def beside() -> int:
            return max(_longest_word(left, len(left) - 1, len(left)), _longest_word(right, 0, 1))

        whole = bool(_longest_fitting_word(left + right, len(left) - 1, len(left) + 1, beside))
    return whole and _word_count(left + right) < _word_count(left) + _word_count(right)


def _join_split_words(segment: str, inferred: bool) -> tuple[str, int]:
    """Single spaces between two Thai runs removed where they split a word."""
    runs = [match.span() for match in _RUN.finditer(segment)]
    cuts = [
        end
        for (start, end), (next_start, next_end) in zip(runs, runs[1:], strict=False)
        if next_start == end + 1
        and segment[end] == " "
        and _joins(segment[start:end], segment[next_start:next_end], inferred)
    ]
    starts = [0, *(cut + 1 for cut in cuts)]
    ends = [*cuts, len(segment)]
    return "".join(segment[a:b] for a, b in zip(starts, ends, strict=True)), len(cuts)


def _map_runs(
    pattern: re.Pattern[str], repair: Callable[[str], tuple[str, int]], segment: str
) -> tuple[str, int]:
    """Apply a run repair to every match of pattern in segment."""
    total = 0

    def one(match: re.Match[str]) -> str:
        nonlocal total
        text, count = repair(match.group())
        total += count
        return text

    return pattern.sub(one, segment), total


def _repair_free(segment: str, inferred: bool) -> tuple[str, int]:
    """One pass of the repairs over text that holds no proper name."""
    segment, total = _DOUBLE_SARA_E.subn(SARA_AE, segment)
    repairs = [(_RUN_WITH_FFFD, _fill_replacement_characters), (_RUN, _undouble)]
    if inferred:
        repairs.append((_RUN, _restore_sara_am))
    for pattern, repair in repairs:
        segment, count = _map_runs(pattern, repair, segment)
        total += count
    segment, count = _join_split_words(segment, inferred)
    return segment, total + count


def _repair_pass(text: str, inferred: bool) -> tuple[str, int]:
    """One pass of the repairs over the text outside proper names."""
    pieces, total, pos = [], 0, 0
    for match in _NAME.finditer(text):
        name_start = match.start(match.lastgroup)
        fixed, count = _repair_free(text[pos:name_start], inferred)
        pieces += [fixed, text[name_start : match.end()]]
        total, pos = total + count, match.end()
    fixed, count = _repair_free(text[pos:], inferred)
    return "".join([*pieces, fixed]), total + count


def _splits_word(left: str, right: str) -> bool:
    """Whether the space between two Thai runs cuts a word: no word ends the left run, and
    joining the runs makes one (เพื่ อ)."""
    return not _word_ends_at(left, len(left)) and _joins(left, right, inferred=True)


def shows_pdf_damage(text: str) -> bool:
    """Whether text holds what PDF text extraction leaves and correct Thai does not: SARA AM
    in two glyphs (NIKHAHIT + SARA AA) or doubled, U+FFFD, a space inside a cluster or, by
    the dictionary, inside a word. Legacy PUA glyphs are not damage: they are another
    encoding of the same letters, mapped back exactly (`normalise.pua`)."""
    text = text.translate(PUA_TO_THAI)  # read as the letters they are
    return (
        bool(_PDF_DAMAGE.search(text))
        or any(_splits_word(m[1], m[2]) for m in _SPACED_RUNS.finditer(text))
    )


def repair_thai(text: str, inferred: bool = True) -> Repaired:
    """Repair PDF extraction damage to Thai text, pass after pass until nothing changes; the
    inferred repairs only if `inferred` (the text is known to have PDF damage)."""
    if not inferred and not _EVIDENT.search(text):
        return Repaired(text, 0)
    total = 0
    while True:
        text, count = _repair_pass(text, inferred)
        if not count:
            return Repaired(text, total)
        total += count
