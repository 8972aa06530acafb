"""Check-box glyphs of every kind, and their reading as the model's ☑ (ticked) or ☐ (empty).

Symbol-font codes follow Unicode's Wingdings/Webdings correspondence
(WDingsSources.txt, UTC L2/12-368). Filled squares count as ticked: reports
pair them with empty boxes (■ ดำเนินการ □ ยังไม่ได้ดำเนินการ).
"""

from __future__ import annotations

import regex

from parsers.model import CHECKED, UNCHECKED

CHECKED_GLYPHS = frozenset("☑☒✓✔✅■▣◼◾⬛⊠✗✘⌧🗸🗴🗵🗶🗷🗹⮽🞍🗙")
UNCHECKED_GLYPHS = frozenset("☐□◻▢❏❐❑❒⬜🞎🞏🞐🞑🞒🞓🗆")

SYMBOL_CHECKBOXES: dict[str, dict[int, str]] = {
    "wingdings": {
        0x6E: CHECKED,  # ◼ black medium square
        0x6F: UNCHECKED,  # 🞏 medium white square
        0x70: UNCHECKED,  # 🞐 bold white square
        0x71: UNCHECKED,  # ❑ lower right shadowed white square
        0x72: UNCHECKED,  # ❒ upper right shadowed white square
        0x78: CHECKED,  # ⌧ X in a rectangle box
        0xA8: UNCHECKED,  # 🞎 light white square
        0xFB: CHECKED,  # 🗶 ballot bold script X
        0xFC: CHECKED,  # ✓ check mark
        0xFD: CHECKED,  # 🗷 ballot box with bold script X
        0xFE: CHECKED,  # 🗹 ballot box with bold check
    },
    "wingdings 2": {
        0x4F: CHECKED,  # 🗴 ballot script X
        0x50: CHECKED,  # 🗸 light check mark
        0x51: CHECKED,  # 🗵 ballot box with script X
        0x52: CHECKED,  # ☑ ballot box with check
        0x53: CHECKED,  # ⮽ ballot box with light X
        0x54: CHECKED,  # ☒ ballot box with X
        0xA0: CHECKED,  # 🞍 black slightly small square
        0xA1: CHECKED,  # ◾ black medium small square
        0xA2: CHECKED,  # ■ black square
        0xA3: UNCHECKED,  # □ white square
        0xA4: UNCHECKED,  # 🞑 heavy white square
        0xA5: UNCHECKED,  # 🞒 very heavy white square
        0xA6: UNCHECKED,  # 🞓 extremely heavy white square
        0xA8: CHECKED,  # ▣ white square containing black small square
    },
    "webdings": {
        0x61: CHECKED,  # ✔ heavy check mark
        0x63: UNCHECKED,  # ⬜ white large square
        0x67: CHECKED,  # ⬛ black large square
        0x72: CHECKED,  # 🗙 cancellation X
    },
}
"""Symbol-font check boxes: font (lower case) → byte → ☑ / ☐. Word writes byte + 0xF000."""


def symbol_box(font: str | None, code: int) -> str | None:
    """☑ or ☐ for a symbol-font check box, None for any other symbol."""
    table = SYMBOL_CHECKBOXES.get((font or "").strip().lower())
    if table is None:
        return None
    return table.get(code - 0xF000 if code >= 0xF020 else code)


SYMBOL_AREA = range(0xF020, 0xF100)
"""Where symbol fonts' characters land in text layers (byte + 0xF000), as in `w:sym`."""
SYMBOL_FONT_ORDER = ("wingdings 2", "wingdings", "webdings")
"""Tables tried, in this order, for a symbol character whose font name was substituted."""


def symbol_text(text: str, font: str | None) -> str:
    """Symbol-area characters of a PDF text layer as ☑ / ☐ where they are check boxes.

    A PDF made by Word names the symbol font; LibreOffice substitutes OpenSymbol and
    keeps the code, so then the first table that knows the code decides.
    """
    if not any(ord(c) in SYMBOL_AREA for c in text):
        return text
    name = (font or "").split("+", 1)[-1].replace("-", " ").lower()
    fonts = [f for f in SYMBOL_FONT_ORDER if f.replace(" ", "") in name.replace(" ", "")]
    out = []
    for c in text:
        box = None
        if ord(c) in SYMBOL_AREA:
            box = next((b for f in fonts or SYMBOL_FONT_ORDER if (b := symbol_box(f, ord(c)))),
                       None)
        out.append(box or c)
    return "".join(out)


_AS_MODEL_GLYPH = str.maketrans({**dict.fromkeys(CHECKED_GLYPHS, CHECKED),
                                  **dict.fromkeys(UNCHECKED_GLYPHS, UNCHECKED)})
_FROM_FIRST_BOX = regex.compile(f"[{min(CHECKED_GLYPHS | UNCHECKED_GLYPHS)}-\U0010ffff]+")
"""Runs of characters from the first box glyph's code point on, the only ones a box can be in:
text with none (Thai, Latin) is found unchanged at a fraction of the cost of a look-up per
character."""


def _as_model_glyphs(run: regex.Match[str]) -> str:
    return run.group().translate(_AS_MODEL_GLYPH)


def normalise_glyphs(text: str) -> str:
    """Any Unicode box or tick as the model's ☑ / ☐; other characters unchanged."""
    return _FROM_FIRST_BOX.sub(_as_model_glyphs, text)
