"""PyThaiNLP's dictionary words in a run of Thai letters: where they lie, end and start.

Words are matched only between character-cluster boundaries: a word neither starts nor ends
before a character that cannot start a syllable (a tone mark, a vowel above or below, a
following vowel), so that มา กับ does not read as มาก. The dictionary is read once and indexed
for the lookups the Thai repairs make: every prefix of a word (a walk forward from a place stops
at the first piece that starts no word), the lengths of those prefixes by their last letters (the
pieces ending at a place that start a word: where the words that contain it or end there can
start), and two regexes for the SARA AM words written with SARA AA. The index of words and
prefixes is kept on disk for the next process (`normalise.disk_cache`).
"""

import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable, Iterator
from functools import cache, cached_property, lru_cache
from itertools import chain
from pathlib import Path

import pythainlp
from pythainlp.corpus import thai_words

from normalise.disk_cache import cached

SARA_AA = "\u0e32"
SARA_AM = "\u0e33"
TONE_MARKS = "\u0e48\u0e49\u0e4a\u0e4b"  # ่ ้ ๊ ๋
# ั ิ ี ึ ื ุ ู ฺ ็ ์ ํ ๎: written above or below their consonant.
ABOVE_BELOW_MARKS = "\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e3a\u0e47\u0e4c\u0e4d\u0e4e"
FOLLOWING_VOWELS = "\u0e30\u0e32\u0e33\u0e45"  # ะ า ำ ๅ
# No Thai syllable starts with these: a space before one is always an extraction artefact.
NON_INITIAL = TONE_MARKS + ABOVE_BELOW_MARKS + FOLLOWING_VOWELS
LETTERS = "\u0e01-\u0e3a\u0e40-\u0e4e"  # Thai consonants, vowels and marks; no digits
_LETTER_RUN = re.compile(f"[{LETTERS}]+")
# The prefixes and words ending at a place are looked up by their last _TAIL letters.
_TAIL = 3


class Lexicon:
    """The Thai-letter words of PyThaiNLP's dictionary and the indexes the lookups use; those
    only the repairs of damaged text use are made when first used."""

    def __init__(self, words: frozenset[str], prefixes: frozenset[str],
                 prefix_lengths: dict[str, tuple[int, ...]],
                 word_lengths: dict[str, tuple[int, ...]]) -> None:
        self.words = words
        self.prefixes = prefixes
        """Every prefix of a word."""
        self.prefix_lengths = prefix_lengths
        """The lengths of the prefixes of _TAIL letters or more, by their last _TAIL."""
        self.word_lengths = word_lengths
        """The lengths of the words of _TAIL letters or more, by their last _TAIL."""
        self.longest = max(map(len, words))

    @cached_property
    def bigrams(self) -> frozenset[str]:
        """Every two letters in a row in a word."""
        return frozenset(w[k : k + 2] for w in self.words for k in range(len(w) - 1))

    @cached_property
    def lost_sara_am(self) -> tuple[re.Pattern[str], re.Pattern[str]]:
        """Where a SARA AM word is written with SARA AA for one SARA AM and is no word
        (ประจา, กาหนด): that SARA AA, found in text and in text reversed."""
        return _lost_sara_am_patterns(self.words)


_Index = tuple[frozenset[str], frozenset[str], dict[str, tuple[int, ...]],
               dict[str, tuple[int, ...]]]


def _index() -> _Index:
    """The words, their prefixes, and the lengths of each by their last _TAIL letters."""
    words = frozenset(w for w in thai_words() if _LETTER_RUN.fullmatch(w))
    prefixes = frozenset(w[:k] for w in words for k in range(1, len(w) + 1))
    return words, prefixes, _lengths_by_tail(prefixes), _lengths_by_tail(words)


def _is_index(value: object) -> bool:
    return (isinstance(value, tuple) and len(value) == 4 and bool(value[0])
            and [type(part) for part in value] == [frozenset, frozenset, dict, dict])


def index_key() -> bytes:
    """What the index is built from: the dictionary's release and this module's code."""
    return f"pythainlp {pythainlp.__version__}|".encode() + Path(__file__).read_bytes()


@cache
def lexicon() -> Lexicon:
    """The dictionary, read once; its index is read from the disk cache (`normalise.disk_cache`)
    when an earlier process built it, a tenth of the time building it takes."""
    return Lexicon(*cached("thai-lexicon", index_key(), _index, _is_index))


def _lengths_by_tail(strings: Iterable[str]) -> dict[str, tuple[int, ...]]:
    """The lengths, ascending, of the strings of _TAIL letters or more, by their last _TAIL."""
    lengths: defaultdict[str, set[int]] = defaultdict(set)
    for string in strings:
        if len(string) >= _TAIL:
            lengths[string[-_TAIL:]].add(len(string))
    return {tail: tuple(sorted(n)) for tail, n in lengths.items()}


def _lost_sara_am_patterns(words: frozenset[str]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Regexes matching the SARA AA of a SARA AM word written with it for one SARA AM, that is
    no word: one for the words whose letters after that SARA AA are more than those before it,
    and one, to search the text reversed, for the others. Each matches the SARA AA only, so
    that a search looks at SARA AA alone, and walks the letters on the longer side as a trie;
    where they end, a lookbehind checks the whole word."""
    after: defaultdict[str, set[str]] = defaultdict(set)
    before: defaultdict[str, set[str]] = defaultdict(set)
    for word in (w for w in words if SARA_AM in w):
        for k in (k for k, ch in enumerate(word) if ch == SARA_AM):
            written = word[:k] + SARA_AA + word[k + 1 :]
            if written in words:
                continue
            if len(word) - k - 1 > k:
                after[written[k + 1 :]].add(f"(?<={re.escape(written)})")
            else:
                before[written[:k][::-1]].add(f"(?<={re.escape(written[::-1])})")

    def at_sara_aa(paths: dict[str, set[str]]) -> re.Pattern[str]:
        return re.compile(f"{SARA_AA}(?={_trie_pattern(paths)})")

    return at_sara_aa(after), at_sara_aa(before)


def _trie_pattern(paths: dict[str, set[str]]) -> str:
    """Regex walking the letters of paths as a trie of groups, instead of trying each path:
    where a path ends, one of its checks (zero-width regexes) must hold."""
    trie: dict[str, dict] = {}  # a letter: the node after it; "": the checks ending there
    for path, checks in paths.items():
        node = trie
        for ch in path:
            node = node.setdefault(ch, {})
        node.setdefault("", {}).update(dict.fromkeys(checks))

    def pattern(node: dict[str, dict]) -> str:
        branches = [re.escape(ch) + pattern(node[ch]) for ch in sorted(node) if ch]
        branches += sorted(node.get("", {}))
        return branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches) or '(?!)'})"

    return pattern(trie)


def is_boundary(run: str, pos: int) -> bool:
    """Whether a word may start or end at pos: not before a character that cannot start a
    syllable, which would split a character cluster."""
    return pos == len(run) or run[pos] not in NON_INITIAL


def word_ends_from(run: str, start: int, end: int) -> Iterator[int]:
    """Ends b >= end (> start), at boundaries, of the dictionary words run[start:b], shortest
    first; start is taken to be a boundary."""
    lex = lexicon()
    for b in range(end, min(len(run), start + lex.longest) + 1):
        piece = run[start:b]
        if piece not in lex.prefixes:
            return
        if (b == len(run) or run[b] not in NON_INITIAL) and piece in lex.words:
            yield b


def words_containing(run: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans (a, b) of the dictionary words in run that contain run[start:end] (start < end),
    by start, then end. Such a word starts where a piece run[a:end], of end - start letters or
    more, begins a word: its length is one of those of the prefixes ending as it does."""
    lex = lexicon()
    shortest = end - start
    lengths = list(range(shortest, min(_TAIL, end + 1)))
    if end >= _TAIL:
        longer = lex.prefix_lengths.get(run[end - _TAIL : end], ())
        lengths += longer[bisect_left(longer, shortest) :]
    return [
        (end - n, b)
        for n in reversed(lengths)
        if n <= end and run[end - n] not in NON_INITIAL and run[end - n : end] in lex.prefixes
        for b in word_ends_from(run, end - n, end)
    ]


def word_lengths_before(run: str, pos: int) -> Iterator[int]:
    """Lengths n, shortest first, of the dictionary words run[pos - n:pos] that start at a
    boundary."""
    lex = lexicon()
    longer = lex.word_lengths.get(run[pos - _TAIL : pos], ()) if pos >= _TAIL else ()
    for n in chain(range(1, min(_TAIL, pos + 1)), longer):
        if n <= pos and run[pos - n] not in NON_INITIAL and run[pos - n : pos] in lex.words:
            yield n


def longest_word(run: str, start: int, end: int) -> int:
    """Length of the longest dictionary word in run that contains run[start:end], else 0."""
    return max((b - a for a, b in words_containing(run, start, end)), default=0)


def word_ends_at(run: str, pos: int) -> bool:
    """Whether pos is the start of run or a dictionary word ends there."""
    return pos == 0 or next(word_lengths_before(run, pos), 0) > 0


def word_starts_at(run: str, pos: int) -> bool:
    """Whether pos is the end of run or a dictionary word starts there."""
    return pos == len(run) or (
        is_boundary(run, pos) and next(word_ends_from(run, pos, pos + 1), None) is not None
    )


def _word_ends(run: str) -> list[list[int]]:
    """At each place a of run, the ends b of the dictionary words run[a:b] between cluster
    boundaries."""
    return [
        list(word_ends_from(run, a, a + 1)) if is_boundary(run, a) else [] for a in range(len(run))
    ]


# Pieces a run reads in: dictionary words between cluster boundaries and single characters.
@lru_cache(maxsize=1 << 10)
def pieces_before(run: str) -> tuple[int, ...]:
    """At each place k of run, the fewest pieces run[:k] reads in."""
    fewest = list(range(len(run) + 1))
    for a, ends in enumerate(_word_ends(run)):
        for b in (a + 1, *ends):
            fewest[b] = min(fewest[b], fewest[a] + 1)
    return tuple(fewest)


@lru_cache(maxsize=1 << 10)
def pieces_after(run: str) -> tuple[int, ...]:
    """At each place k of run, the fewest pieces run[k:] reads in."""
    word_ends = _word_ends(run)
    fewest = [0] * (len(run) + 1)
    for a in reversed(range(len(run))):
        fewest[a] = 1 + min(fewest[b] for b in (a + 1, *word_ends[a]))
    return tuple(fewest)


def word_count(run: str) -> int:
    """The fewest pieces run reads in."""
    return pieces_before(run)[-1]


def lost_sara_am_spots(text: str) -> set[int]:
    """Places of SARA AA in text where a SARA AM word is so written, that is no word itself."""
    forward, backward = lexicon().lost_sara_am
    last = len(text) - 1
    return {match.start() for match in forward.finditer(text)} | {
        last - match.start() for match in backward.finditer(text[::-1])
    }
