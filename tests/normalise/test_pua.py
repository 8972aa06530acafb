"""Legacy Thai font glyphs (Private Use Area variants, SARA AM in two glyphs) as standard Thai."""

from __future__ import annotations

import pytest

from normalise.pua import PUA_TO_THAI, has_legacy_glyphs, standard_thai

# Words as Word + TH SarabunPSK draws them: a tone mark with no vowel above it is shifted down
# (U+F70A–F70E), a vowel or tone mark on a tall consonant (ป ฝ ฟ ฬ) shifted left (U+F701–F717).
DRAWN = [
    ("ผู\uf70bรับผิดชอบ", "ผู้รับผิดชอบ"),  # MAI THO shifted down
    ("หน\uf70aวยงานผู\uf70bรับผิดชอบ", "หน่วยงานผู้รับผิดชอบ"),  # MAI EK, MAI THO shifted down
    ("ประจำป\uf702งบประมาณ", "ประจำปีงบประมาณ"),  # SARA II shifted left, on ป
    ("ป\uf701\uf714ง", "ปิ้ง"),  # SARA I and MAI THO shifted left
    ("ป\uf705าไม\uf70b", "ป่าไม้"),  # MAI EK shifted down-left, on ป; MAI THO shifted down
    ("ประชาสัมพันธ\uf70e", "ประชาสัมพันธ์"),  # THANTHAKHAT shifted down
    ("เว็บไซต\uf70e", "เว็บไซต์"),
    ("\uf700านข\uf70bอมูล", "ฐานข้อมูล"),  # THO THAN without its descender
    ("ผู\uf88eรับผิดชอบ", "ผู้รับผิดชอบ"),  # Mac fonts' MAI THO shifted down
    ("ประจ\u0e4d\u0e32ป\uf702", "ประจำปี"),  # SARA AM drawn as NIKHAHIT + SARA AA
    ("น\u0e4d\u0e49\u0e32", "น้ำ"),  # ... with the tone mark between
    ("น\u0e33\u0e49", "น้ำ"),  # tone mark typed after SARA AM
]


@pytest.mark.parametrize(("drawn", "meant"), DRAWN)
def test_drawn_glyphs_become_standard_thai(drawn: str, meant: str) -> None:
    assert standard_thai(drawn) == meant


@pytest.mark.parametrize(("drawn", "meant"), DRAWN)
def test_mapping_twice_changes_nothing(drawn: str, meant: str) -> None:
    assert standard_thai(standard_thai(drawn)) == meant


def test_both_ranges_of_the_domain_notes_are_mapped_into_thai() -> None:
    # DOMAIN.md: Windows U+F700–U+F71A, Mac U+F884–U+F89E
    assert set(PUA_TO_THAI) == {*range(0xF700, 0xF71B), *range(0xF884, 0xF89F)}
    assert all(0x0E01 <= thai <= 0x0E4E for thai in PUA_TO_THAI.values())


@pytest.mark.parametrize("text", [
    "ผู้รับผิดชอบ ประจำปีงบประมาณ พ.ศ. ๒๕๖๖",
    "O13 คะแนน 96.26",
    "\uf0fe ดำเนินการ",  # a Wingdings check box in the symbol area stays for the parser
    "\ue000",  # other Private Use Area code points are no Thai glyphs
    "ํ",  # NIKHAHIT alone, as Pali spelling writes it
])
def test_other_text_unchanged(text: str) -> None:
    assert standard_thai(text) == text
    assert not has_legacy_glyphs(text)


@pytest.mark.parametrize("drawn", [d for d, _ in DRAWN if "\u0e33" not in d])
def test_drawn_glyphs_are_told(drawn: str) -> None:
    assert has_legacy_glyphs(drawn)
