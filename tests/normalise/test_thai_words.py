"""The indexed dictionary lookups of normalise.thai_words against plain definitions: every
start and end tried, on Thai text made of dictionary words with PDF damage."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st
from pythainlp.corpus import thai_words

from normalise import thai_words as tw

WORDS = sorted(w for w in thai_words() if re.fullmatch(f"[{tw.LETTERS}]+", w))
WORD_SET = frozenset(WORDS)
PREFIXES = frozenset(w[:k] for w in WORDS for k in range(1, len(w) + 1))
# SARA AM words written with SARA AA for one SARA AM, that are no word (ประจา for ประจำ): where
# that SARA AA is in them.
LOST_SARA_AM: dict[str, set[int]] = {}
for _word in WORDS:
    for _k, _ch in enumerate(_word):
        _written = _word[:_k] + tw.SARA_AA + _word[_k + 1 :]
        if _ch == tw.SARA_AM and _written not in WORD_SET:
            LOST_SARA_AM.setdefault(_written, set()).add(_k)


def damage(word: str, kind: int, position: int) -> str:
    """The word with one kind of damage: none, SARA AM lost, a letter doubled or dropped."""
    i = position % len(word)
    return [word, word.replace(tw.SARA_AM, tw.SARA_AA), word[: i + 1] + word[i:],
            word[:i] + word[i + 1 :]][kind % 4]


RUN = st.lists(
    st.builds(damage, st.sampled_from(WORDS), st.integers(0, 3), st.integers(0, 50)),
    min_size=1,
    max_size=6,
).map("".join).filter(bool)


def boundary(run: str, pos: int) -> bool:
    return pos == len(run) or run[pos] not in tw.NON_INITIAL


def spans(run: str) -> list[tuple[int, int]]:
    """Every dictionary word of run between boundaries, by start, then end."""
    return [
        (a, b)
        for a in range(len(run))
        for b in range(a + 1, len(run) + 1)
        if run[a:b] in WORD_SET and boundary(run, a) and boundary(run, b)
    ]


@settings(deadline=None)
@given(RUN, st.data())
def test_words_containing_a_place(run: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(run) - 1))
    end = data.draw(st.integers(start + 1, len(run)))
    expected = [(a, b) for a, b in spans(run) if a <= start and b >= end]
    assert list(tw.words_containing(run, start, end)) == expected
    assert tw.longest_word(run, start, end) == max((b - a for a, b in expected), default=0)


@settings(deadline=None)
@given(RUN)
def test_words_ending_and_starting_at_each_place(run: str) -> None:
    found = spans(run)
    for pos in range(len(run) + 1):
        # (the words ending at pos need not end at a boundary)
        ending = [pos - a for a in reversed(range(pos)) if run[a:pos] in WORD_SET]
        ending = [n for n in ending if boundary(run, pos - n)]
        assert list(tw.word_lengths_before(run, pos)) == ending
        assert tw.word_ends_at(run, pos) == (pos == 0 or bool(ending))
        assert tw.word_starts_at(run, pos) == (
            pos == len(run) or any(a == pos for a, _ in found)
        )
        if boundary(run, pos) and pos < len(run):
            assert list(tw.word_ends_from(run, pos, pos + 1)) == [b for a, b in found if a == pos]


@settings(deadline=None)
@given(RUN)
def test_pieces_before_and_after_each_place(run: str) -> None:
    found = spans(run)
    before = list(range(len(run) + 1))
    for b in range(1, len(run) + 1):
        before[b] = min([before[b - 1] + 1] + [before[a] + 1 for a, end in found if end == b])
    after = [len(run) - k for k in range(len(run) + 1)]
    for a in reversed(range(len(run))):
        after[a] = min([after[a + 1] + 1] + [after[b] + 1 for start, b in found if start == a])
    assert (tw.pieces_before(run), tw.pieces_after(run)) == (tuple(before), tuple(after))
    assert tw.word_count(run) == before[-1]


@settings(deadline=None)
@given(RUN, RUN)
def test_joined_runs_read_in_fewer_pieces_only_with_a_word_across(left: str, right: str) -> None:
    """How thai_repair tells whether two runs read in fewer words joined without reading the
    joined run (the right one starts at a boundary, as it does there)."""
    if not boundary(right, 0):
        return
    across = tw.words_containing(left + right, len(left) - 1, len(left) + 1)
    before, after = tw.pieces_before(left), tw.pieces_after(right)
    with_across = [before[a] + 1 + after[b - len(left)] for a, b in across]
    assert tw.word_count(left + right) == min([before[-1] + after[0], *with_across])


@settings(deadline=None)
@given(RUN)
def test_lost_sara_am_spots(run: str) -> None:
    expected = {
        a + k
        for a in range(len(run))
        for b in range(a + 1, len(run) + 1)
        for k in LOST_SARA_AM.get(run[a:b], ())
    }
    assert tw.lost_sara_am_spots(run) == expected


def test_prefixes_are_those_of_the_words() -> None:
    assert tw.lexicon().prefixes == PREFIXES
    assert tw.lexicon().longest == max(map(len, WORDS))
