"""Thai as legacy fonts draw it, back to standard Unicode: a pure function on strings.

Word with fonts such as TH SarabunPSK draws shifted tone marks and vowels with Private Use
Area glyphs; a PDF's text layer keeps those code points, and so does text copied out of the
PDF into a Word or text file. The table is HarfBuzz's Thai shaper's (hb-ot-shaper-thai.cc:
SD, SDL, SL and RD mappings), Windows (U+F700–U+F71A) and Mac (U+F884–U+F89E) variants.
SARA AM drawn in two glyphs (NIKHAHIT + SARA AA) is recomposed, and a tone mark written
after SARA AM is put before it, where Unicode has it.
"""

from __future__ import annotations

import regex

PUA_TO_THAI: dict[int, int] = {
    # shift down (SD)
    0xF70A: 0x0E48, 0xF88B: 0x0E48,  # MAI EK
    0xF70B: 0x0E49, 0xF88E: 0x0E49,  # MAI THO
    0xF70C: 0x0E4A, 0xF891: 0x0E4A,  # MAI TRI
    0xF70D: 0x0E4B, 0xF894: 0x0E4B,  # MAI CHATTAWA
    0xF70E: 0x0E4C, 0xF897: 0x0E4C,  # THANTHAKHAT
    0xF718: 0x0E38, 0xF89B: 0x0E38,  # SARA U
    0xF719: 0x0E39, 0xF89C: 0x0E39,  # SARA UU
    0xF71A: 0x0E3A, 0xF89D: 0x0E3A,  # PHINTHU
    # shift down-left (SDL)
    0xF705: 0x0E48, 0xF88C: 0x0E48,  # MAI EK
    0xF706: 0x0E49, 0xF88F: 0x0E49,  # MAI THO
    0xF707: 0x0E4A, 0xF892: 0x0E4A,  # MAI TRI
    0xF708: 0x0E4B, 0xF895: 0x0E4B,  # MAI CHATTAWA
    0xF709: 0x0E4C, 0xF898: 0x0E4C,  # THANTHAKHAT
    # shift left (SL)
    0xF713: 0x0E48, 0xF88A: 0x0E48,  # MAI EK
    0xF714: 0x0E49, 0xF88D: 0x0E49,  # MAI THO
    0xF715: 0x0E4A, 0xF890: 0x0E4A,  # MAI TRI
    0xF716: 0x0E4B, 0xF893: 0x0E4B,  # MAI CHATTAWA
    0xF717: 0x0E4C, 0xF896: 0x0E4C,  # THANTHAKHAT
    0xF710: 0x0E31, 0xF884: 0x0E31,  # MAI HAN-AKAT
    0xF701: 0x0E34, 0xF885: 0x0E34,  # SARA I
    0xF702: 0x0E35, 0xF886: 0x0E35,  # SARA II
    0xF703: 0x0E36, 0xF887: 0x0E36,  # SARA UE
    0xF704: 0x0E37, 0xF888: 0x0E37,  # SARA UEE
    0xF712: 0x0E47, 0xF889: 0x0E47,  # MAITAIKHU
    0xF711: 0x0E4D, 0xF899: 0x0E4D,  # NIKHAHIT
    # remove descender (RD)
    0xF70F: 0x0E0D, 0xF89A: 0x0E0D,  # YO YING
    0xF700: 0x0E10, 0xF89E: 0x0E10,  # THO THAN
}

PUA_THAI = "".join(sorted(map(chr, PUA_TO_THAI)))
"""Every Private Use Area code point the table maps."""

_LEGACY = regex.compile(f"[{PUA_THAI}]|\u0e4d[\u0e48-\u0e4b]?\u0e32")
_SARA_AM_SPLIT = regex.compile("\u0e4d([\u0e48-\u0e4b]?)\u0e32")
"""NIKHAHIT (a tone mark may sit between) + SARA AA: SARA AM drawn in two glyphs."""
_TONE_AFTER_AM = regex.compile("\u0e33([\u0e48-\u0e4b])")
_PUA_SPAN = regex.compile(f"[{PUA_THAI[0]}-{PUA_THAI[-1]}]")
"""The code points from the table's first to its last (a few between are not in it)."""


def has_legacy_glyphs(text: str) -> bool:
    """Whether text holds PUA glyph variants or SARA AM in two glyphs: it was copied from a
    PDF's text layer."""
    return bool(_LEGACY.search(text))


def standard_thai(text: str) -> str:
    """PUA variants mapped to standard Thai, SARA AM recomposed (tone mark before it)."""
    if not ("\u0e4d" in text or ("\u0e33" in text and _TONE_AFTER_AM.search(text))
            or _PUA_SPAN.search(text)):
        return text  # no NIKHAHIT, no tone mark after SARA AM, no PUA glyph: nothing to do
    text = text.translate(PUA_TO_THAI)
    text = _SARA_AM_SPLIT.sub(lambda m: m.group(1) + "\u0e33", text)
    return _TONE_AFTER_AM.sub(lambda m: m.group(1) + "\u0e33", text)
