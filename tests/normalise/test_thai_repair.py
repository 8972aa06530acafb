import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pythainlp.corpus import thai_words

from normalise.thai_repair import Repaired, repair_thai, shows_pdf_damage

THAI_LETTER_RUN = re.compile("[\u0e01-\u0e3a\u0e40-\u0e4e]+")
# Dictionary entries made only of Thai letters (some entries hold spaces, dots or ๆ after a space).
WORDS = sorted(w for w in thai_words() if THAI_LETTER_RUN.fullmatch(w))
WORD_SET = frozenset(WORDS)
WORD = st.sampled_from(WORDS)
# What a repair may not change: everything but Thai letters, spaces and U+FFFD.
KEPT = re.compile("[^\u0e01-\u0e3a\u0e40-\u0e4e \ufffd]")
DIGIT_OR_LATIN_RUN = re.compile("[0-9\u0e50-\u0e59A-Za-z]+")


@pytest.mark.parametrize(
    ("damaged", "correct", "count"),
    [
        # two SARA E for SARA AE
        ("เเละ", "และ", 1),
        ("เเปลก", "แปลก", 1),
        # doubled vowels and marks, SARA AM doubled as ำา
        ("ดำำ", "ดำ", 1),
        ("ก่่อน", "ก่อน", 1),
        ("ดำาเนินการ", "ดำเนินการ", 1),
        ("จัดทำาคำาสั่ง", "จัดทำคำสั่ง", 2),
        # SARA AM lost to SARA AA
        ("ประจาปี", "ประจำปี", 1),
        ("ดาเนินการ", "ดำเนินการ", 1),
        ("กาหนด", "กำหนด", 1),
        ("สานัก", "สำนัก", 1),
        ("นาไปใช้", "นำไปใช้", 1),
        ("การดาเนินการตามแผนประจาปี", "การดำเนินการตามแผนประจำปี", 2),
        # spaces inside words
        ("เพื่ อ", "เพื่อ", 1),
        ("เพ ื่อ", "เพื่อ", 1),
        ("เสข ุนทด", "เสขุนทด", 1),  # no syllable starts with ุ, though เสขุนทด is no entry
        ("ดำเนิน การ", "ดำเนินการ", 1),
        ("ประจำ ปี", "ประจำปี", 1),
        ("ดาเนิน การ", "ดำเนินการ", 2),
        ("ดาเนิ นการ", "ดำเนินการ", 2),
        # U+FFFD for a lost character
        ("ดำเนินกา\ufffd", "ดำเนินการ", 1),
        ("ข้อ\ufffdูล", "ข้อมูล", 1),
        ("ประจ\ufffdปี", "ประจำปี", 1),
        # around names, numbers and Latin text
        ("องค์การบริหารส่วนตาบลพันชนะ", "องค์การบริหารส่วนตำบลพันชนะ", 1),
        ("องค์การบริหารส่วนตำบลพันชนะ ดาเนินการ", "องค์การบริหารส่วนตำบลพันชนะ ดำเนินการ", 1),
        ("ผลการดาเนินการ ITA ปี 2567 ได้ 96.26", "ผลการดำเนินการ ITA ปี 2567 ได้ 96.26", 1),
        ("O13 ประจาปี ๒๕๖๖", "O13 ประจำปี ๒๕๖๖", 1),
    ],
)
def test_repairs(damaged: str, correct: str, count: int) -> None:
    assert repair_thai(damaged) == Repaired(correct, count)


@pytest.mark.parametrize(
    "text",
    [
        "ตา",
        "นา",
        "มา",
        "การ",
        "ตากลม",
        "ภาษา",
        "มาตรการ",
        "ประชาชน",
        "ดังนี้",
        "ทางการ",
        "เจ้าหน้าที่ต่างๆ",
        "เกี่ยวข้องการการดำเนินงาน",  # a word written twice, as in a report: not การกำร
        "ประชาชน มีส่วนร่วม",
        "มา กับ",
        "ทั่ว ๆ ไป",
    ],
)
def test_correct_text_unchanged(text: str) -> None:
    assert repair_thai(text) == Repaired(text, 0)


@pytest.mark.parametrize("text", ["ดำเนิน  การ", "ดำเนิน\nการ", "ดำเนิน\tการ", "ดำเนิน\u00a0การ"])
def test_only_a_single_space_is_joined(text: str) -> None:
    assert repair_thai(text) == Repaired(text, 0)


def test_ambiguous_replacement_character_kept() -> None:
    # กา, กี, กู, กง, กร ... are all words: which character was lost is unknown
    assert repair_thai("ก\ufffd") == Repaired("ก\ufffd", 0)


def test_every_dictionary_word_unchanged() -> None:
    assert [w for w in WORDS if repair_thai(w) != Repaired(w, 0)] == []


@pytest.mark.parametrize(
    "text",
    [
        "องค์การบริหารส่วนตำบลพันชนะ",
        "นายจเร เสขุนทด",
        # names that would be repaired as ordinary text (สำราญ, จำเนียร, ดำรง, ชำนาญ, สำโรง)
        "นายจาเนียร สาราญ",
        "นางสาวสาราญ ดารง",
        "องค์การบริหารส่วนตำบลสาราญ",
        "เทศบาลตำบลชานาญ",
        "อำเภอ สาโรง",
        "อ.สาโรง จ.นครราชสีมา",
        "O13",
        "ITA ปี2567 ได้คะแนน 96.26",
        "Facebook https://www.example.go.th/ita?o=O13",
    ],
)
def test_names_and_codes_untouched(text: str) -> None:
    assert repair_thai(text) == Repaired(text, 0)


@pytest.mark.xfail(strict=True, reason="the joined form is not in PyThaiNLP's dictionary")
@pytest.mark.parametrize(
    ("damaged", "correct"),
    [
        ("จัด ประชุม", "จัดประชุม"),
        ("การ ให้บริการ", "การให้บริการ"),
        ("นาไป", "นำไป"),  # นา and ไป are words; นำไป is not an entry
        ("ก่่", "ก่"),  # ก่ alone is not a word
    ],
)
def test_repairs_beyond_the_dictionary(damaged: str, correct: str) -> None:
    assert repair_thai(damaged).text == correct


def damage(word: str, kind: int, position: int) -> str:
    """The word with one kind of PDF damage at a position: none, SARA AM lost, a character
    doubled, a space inserted, a character replaced by U+FFFD, แ written as เเ."""
    i = position % len(word)
    return [
        word,
        word.replace("ำ", "า"),
        word[: i + 1] + word[i:],
        word[:i] + " " + word[i:],
        word[:i] + "\ufffd" + word[i + 1 :],
        word.replace("แ", "เเ"),
    ][kind % 6]


DAMAGED_WORD = st.builds(damage, WORD, st.integers(0, 5), st.integers(0, 50))
THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
NUMBER = st.one_of(
    st.integers(0, 10**6).map(str),
    st.decimals(0, 100, places=2).map(str),
    st.integers(0, 9999).map(lambda n: str(n).translate(THAI_DIGITS)),
)
LATIN = st.one_of(
    st.from_regex(r"[A-Za-z]{1,8}", fullmatch=True),
    st.from_regex(r"O[0-9]{1,2}", fullmatch=True),
    st.sampled_from(["ITA", "Facebook", "https://www.example.go.th/ita"]),
)
MIXED_TEXT = st.lists(
    st.tuples(st.one_of(DAMAGED_WORD, NUMBER, LATIN), st.sampled_from(["", " ", "  ", "\n"])),
    max_size=12,
).map(lambda parts: "".join(token + separator for token, separator in parts))


@settings(deadline=None)
@given(MIXED_TEXT)
def test_digits_latin_and_codes_never_change(text: str) -> None:
    """Everything but Thai letters, spaces and U+FFFD comes back in order, in the same runs."""
    repaired = repair_thai(text).text
    assert KEPT.findall(repaired) == KEPT.findall(text)
    assert DIGIT_OR_LATIN_RUN.findall(repaired) == DIGIT_OR_LATIN_RUN.findall(text)


def joins_into_word(left: str, right: str) -> bool:
    """Whether a dictionary word occurs in left + right across their junction."""
    joined, cut = left + right, len(left)
    return any(joined[a:b] in WORD_SET for a in range(cut) for b in range(cut + 1, len(joined) + 1))


@st.composite
def unjoinable_word_texts(draw: st.DrawFn) -> str:
    """Dictionary words joined by single spaces: of the words drawn, those that do not join
    into a word with the word kept before them."""
    kept, *rest = draw(st.lists(WORD, min_size=1, max_size=8))
    words = [kept]
    for word in rest:
        if not joins_into_word(words[-1], word):
            words.append(word)
    return " ".join(words)


@settings(deadline=None)
@given(unjoinable_word_texts())
def test_dictionary_words_between_spaces_unchanged(text: str) -> None:
    """Dictionary words (Thai letters only) joined by single spaces, where no dictionary word
    occurs in two neighbours' concatenation across their junction, come back unchanged."""
    assert repair_thai(text) == Repaired(text, 0)


@settings(deadline=None)
@given(MIXED_TEXT)
def test_idempotent(text: str) -> None:
    """Repairing repaired text changes nothing and counts nothing."""
    repaired = repair_thai(text).text
    assert repair_thai(repaired) == Repaired(repaired, 0)


@pytest.mark.parametrize("text", [
    # 002's title: two whole words whose join is no word, though งาน+ประจำ is one
    "รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ 2566",
    "ประชาชน มีส่วนร่วม",
])
def test_a_space_between_whole_words_stays_unless_one_word_covers_both(text: str) -> None:
    assert repair_thai(text) == Repaired(text, 0)


@pytest.mark.parametrize("text", [
    "มีการออก",
    "มีการออกประกาศเจตจำนงสุจริต",  # มี|กำรอ|อก would be as many words: การ stays
    "การออกแบบ",
    "ส่งเสริมการอยู่ร่วมกัน",
    "เพื่อพัฒนาหน้าที่",
    "ดำเนินการอย่างต่อเนื่อง",
])
def test_a_word_is_never_made_another(text: str) -> None:
    """Even in text known to have PDF damage, SARA AA in a word stays unless the edit joins
    the pieces a broken word fell into."""
    assert repair_thai(text) == Repaired(text, 0)


@pytest.mark.parametrize("text", ["ประจาปี", "ดาเนินการ", "นาไปใช้", "ดำเนิน การ", "จัดซื้อ จัดจ้าง"])
def test_text_without_pdf_damage_keeps_its_sara_aa_and_spaces(text: str) -> None:
    assert repair_thai(text, inferred=False) == Repaired(text, 0)


@pytest.mark.parametrize(("damaged", "correct"), [
    ("เเละ", "และ"),
    ("อยู่่", "อยู่"),
    ("ดำาเนินการ", "ดำเนินการ"),
    ("เพ ื่อ", "เพื่อ"),
    ("ข้อ\ufffdูล", "ข้อมูล"),
])
def test_damage_correct_thai_never_holds_is_mended_anywhere(damaged: str, correct: str) -> None:
    assert repair_thai(damaged, inferred=False) == Repaired(correct, 1)


@pytest.mark.parametrize("text", [
    "ประจ\u0e4d\u0e32ปี",  # SARA AM in two glyphs
    "ดำาเนินการ",  # SARA AM doubled
    "ข้อ\ufffdูล",
    "เพ ื่อ",  # a space inside a cluster
    "จัด ประชุม เพื่ อ สร้าง กระบวนการ",  # 000 of the corpus: a space inside a word
])
def test_pdf_damage_is_told(text: str) -> None:
    assert shows_pdf_damage(text)


@pytest.mark.parametrize("text", [
    "ผู\uf70bรับผิดชอบ",  # a PUA glyph variant: another encoding, mapped back exactly
    "มีการออกประกาศเจตจำนงสุจริต",
    "ยกตัวอย่าง เช่น Web board",  # a space a writer puts between words
    "ประชาชน มีส่วนร่วม",
    "ทั่ว ๆ ไป",
    "คะเเนน อยู่่",  # a typist's slips, not a PDF's
    "นายจเร เสขุนทด",
])
def test_correct_text_and_typing_slips_show_no_pdf_damage(text: str) -> None:
    assert not shows_pdf_damage(text)


@settings(deadline=None)
@given(st.lists(WORD, min_size=1, max_size=8).map(" ".join))
def test_dictionary_words_between_spaces_show_no_pdf_damage(text: str) -> None:
    assert not shows_pdf_damage(text)
