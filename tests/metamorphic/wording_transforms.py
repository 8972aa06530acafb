"""Meaning-preserving changes of wording, as other organisations write the same report.

What each does follows DOMAIN.md, "The same fact, written many ways" and "Thai text from
PDFs is often wrong":

- `header_synonym`: every table header cell whose role the wording shows (รับผิดชอบ,
  ระยะเวลา, วิธีการ, ผลการดำเนิน, ติดตาม, ความก้าวหน้า, มาตรการ, ประเด็นที่ต้องพัฒนา, หมายเหตุ)
  rewritten as another header of that role; one wording per role in the document, as a
  header repeated on every page is the same row;
- `abbreviated_name`: the organisation's type written short (องค์การบริหารส่วนตำบล → อบต.,
  เทศบาลตำบล → ทต. …) outside the tables, everywhere or where the seed chooses, the title
  included;
- `pua_glyphs`: Thai marks and tailless letters in the legacy Private-Use-Area code points
  that old Thai fonts draw them with (text pasted from such a PDF carries them).

The PUA table is written here from the fonts' published glyph list (Microsoft and Adobe
Thai fonts, U+F700-U+F71A), not taken from the program.
"""

from __future__ import annotations

import random
import re
import zlib
from collections.abc import Sequence

from tests.metamorphic.text_layout import text_tables
from tests.metamorphic.text_transforms import Lines, NotApplicable

SYNONYMS: dict[str, tuple[str, ...]] = {
    "responsible": ("ผู้รับผิดชอบ", "หน่วยงานผู้รับผิดชอบ", "หน่วยงานที่รับผิดชอบ",
                    "หน่วยงานรับผิดชอบ", "ส่วนราชการที่รับผิดชอบ", "ผู้รับผิดชอบ/ผู้ที่เกี่ยวข้อง"),
    "period": ("ระยะเวลา", "ระยะเวลาดำเนินการ", "ช่วงเวลา", "ห้วงเวลา", "กำหนดเวลา",
               "ระยะเวลาแล้วเสร็จ"),
    "method": ("วิธีการดำเนินการ", "วิธีการดำเนินงาน", "ขั้นตอน/วิธีการปฏิบัติ"),
    "result": ("ผลการดำเนินการ", "ผลการดำเนินงาน", "การติดตามผล", "การติดตามและรายงานผล",
               "ผลการติดตาม", "ผลการติดตามการดำเนินงาน", "ความก้าวหน้า"),
    "measure": ("มาตรการ", "มาตรการ/แนวทาง", "โครงการ/กิจกรรม", "มาตรการ/โครงการ/กิจกรรม"),
    "issue": ("ประเด็นที่ต้องพัฒนา", "ประเด็นที่ควรพัฒนา", "ประเด็นที่ต้องแก้ไข"),
    "suggestion": ("หมายเหตุ", "ข้อเสนอแนะ"),
}
"""Header wordings of one role, from DOMAIN.md's table."""

_ROLE_OF_HEADER = (
    ("responsible", re.compile(r"รับผิดชอบ")),
    ("period", re.compile(r"^(?:ระยะเวลา|ช่วงเวลา|ห้วงเวลา|กำหนดเวลา)")),
    ("method", re.compile(r"^(?:วิธี|ขั้นตอน)")),
    ("result", re.compile(r"^(?:สรุปผลการดำเนิน|ผลการดำเนิน|ความก้าวหน้า)|ติดตาม")),
    ("measure", re.compile(r"^(?:มาตรการ|แนวทาง)")),
    ("issue", re.compile(r"^ประเด็นที่(?:ต้อง|ควร)")),
    ("suggestion", re.compile(r"^(?:หมายเหตุ|ข้อเสนอแนะ)$")),
)
"""A header cell's role, as a reader sees it in the wording (whitespace removed)."""

ORG_TYPES = {
    "องค์การบริหารส่วนตำบล": "อบต.", "องค์การบริหารส่วนจังหวัด": "อบจ.",
    "เทศบาลตำบล": "ทต.", "เทศบาลเมือง": "ทม.", "เทศบาลนคร": "ทน.",
}

PUA_FORMS: dict[str, str] = {
    "\u0e10": "\uf700", "\u0e0d": "\uf70f",  # ฐ, ญ without their tail
    "\u0e34": "\uf701", "\u0e35": "\uf702", "\u0e36": "\uf703", "\u0e37": "\uf704",
    "\u0e48": "\uf705\uf70a\uf713", "\u0e49": "\uf706\uf70b\uf714",
    "\u0e4a": "\uf707\uf70c\uf715", "\u0e4b": "\uf708\uf70d\uf716",
    "\u0e4c": "\uf709\uf70e\uf717", "\u0e31": "\uf710", "\u0e4d": "\uf711", "\u0e47": "\uf712",
    "\u0e38": "\uf718", "\u0e39": "\uf719", "\u0e3a": "\uf71a",
}
"""Each Thai character and the legacy PUA glyphs that draw it (shifted left, low, or both)."""


def _role(cell: str) -> str | None:
    key = "".join(cell.split())
    return next((role for role, pattern in _ROLE_OF_HEADER if pattern.search(key)), None)


def _reworded(part: str, wording: dict[str, str]) -> str:
    """A header cell's text (or a line of it) in the document's wording for its role."""
    role = _role(part)
    if role is None:
        return part
    return part[:len(part) - len(part.lstrip())] + wording[role]


def header_synonym(lines: Sequence[str], rng: random.Random) -> Lines:
    wording = {role: rng.choice(words) for role, words in SYNONYMS.items()}
    renamed: dict[str, str] = {}  # a header cell's text (or line of it) → its new wording
    for table in text_tables(lines):
        if table.header is not None:
            for line in lines[table.header.start:table.header.end]:
                for part in line.split("\t"):
                    if (new := _reworded(part, wording)) != part:
                        renamed[part.strip()] = new.strip()
    if not renamed:
        raise NotApplicable("no table header whose role its wording shows")
    # every copy of the header, also those the layout reader does not see as a header row
    # (one glued onto the row above at a page break), so that the copies stay the same
    return ["\t".join(p[:len(p) - len(p.lstrip())] + renamed[p.strip()]
                       if p.strip() in renamed else p for p in line.split("\t"))
            for line in lines]


def _prose_lines(lines: Sequence[str]) -> list[int]:
    """Lines outside every table (a name in a cell is the cell's text, compared as is)."""
    in_tables = {i for t in text_tables(lines) for r in t.rows for i in range(r.start, r.end)}
    return [i for i, line in enumerate(lines) if i not in in_tables and "\t" not in line]


def abbreviated_name(lines: Sequence[str], rng: random.Random) -> Lines:
    pattern = re.compile("|".join(sorted(ORG_TYPES, key=len, reverse=True)))
    every = rng.random() < 0.5  # else each name is shortened or not, as the seed says

    def shorten(m: re.Match[str]) -> str:
        if every or rng.random() < 0.6:
            return ORG_TYPES[m.group(0)] + rng.choice(("", " "))
        return m.group(0)

    out = list(lines)
    for i in _prose_lines(lines):
        out[i] = pattern.sub(shorten, lines[i])
    if out == list(lines):
        raise NotApplicable("no organisation type written in full outside the tables")
    return out


def pua_text(text: str, salt: int) -> str:
    """Text with Thai characters in legacy PUA glyphs, as a font draws them: the glyph of a
    character depends on its neighbours (and on the font: `salt`), so the same words come
    out the same wherever they stand, a header repeated on each page included."""
    out = []
    for i, c in enumerate(text):
        forms = PUA_FORMS.get(c)
        if forms is None:
            out.append(c)
            continue
        context = zlib.crc32(f"{salt}{text[max(i - 1, 0):i + 2]}".encode())
        out.append(forms[context % len(forms)] if context % 4 else c)  # some stay standard
    return "".join(out)


def pua_glyphs(lines: Sequence[str], rng: random.Random) -> Lines:
    salt = rng.randrange(1 << 16)
    return [pua_text(line, salt) for line in lines]


WORDING_TRANSFORMS = {
    "header_synonym": header_synonym,
    "abbreviated_name": abbreviated_name,
    "pua_glyphs": pua_glyphs,
}
