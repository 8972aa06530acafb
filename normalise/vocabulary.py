"""The one home of the words and patterns reports use: item codes, indicator numbers, list
numbering and Buddhist-Era years. The next issues extend it with header synonyms and phrasings.

Patterns are regular-expression source text that `re` and `regex` read alike; each module
compiles what it needs. Where two readers need slightly different patterns, both are named
here, each saying why.
"""

THAI_LETTERS = "\u0e01-\u0e3a\u0e40-\u0e4e"
"""Thai consonants, vowels and marks, no digits: a character class's inside (`[{THAI_LETTERS}]`),
to tell where a Thai word goes on."""

O_LETTERS = ("O", "o", "\uff2f", "\uff4f")
"""Ways the letter O of an item code is typed: Latin, fullwidth Ｏ ｏ."""
ZERO_FOR_O = "0"
"""The digit typed for the letter O in tables (Thai ๐ becomes 0 once digits are converted)."""
ITEM_WORD = "ข้อ"
"""The word (clause) that, before a zero-typed code, marks it as an item in running text."""

_O = "[" + "".join(O_LETTERS) + "]"
ITEM_CODE = rf"(?:{_O}|{ZERO_FOR_O}) ?(?P<n>\d{{1,2}})\.?"
"""A whole cell that is an item code (`O13`, `o 13`, `013`, `O13.`), its number as group n."""
ITEM_MENTION = (
    rf"(?<![A-Za-z0-9]){_O} ?(?P<n>\d{{1,2}})(?![A-Za-z0-9]|\.\d)"
    rf"|{ITEM_WORD} ?{ZERO_FOR_O}(?P<z>\d{{1,2}})(?!\d|\.\d)"
)
"""An item code in cleaned running text (`O13`, `ข้อ 013`), its number as group n or z."""
SCORED_ITEM = r"(?<![A-Za-z0-9])[Oo]\s?(\d{1,2})(?!\d)"
"""An item a score sentence names, number as group 1: its text is not cleaned, so any one
space (a line break too) may stand between O and number."""

INDICATOR_WORD = "ตัวชี้วัด(?:ย่อย)?ที่"
"""`ตัวชี้วัดที่` or `ตัวชี้วัดย่อยที่`: the words before an indicator or sub-indicator number."""
SUBINDICATOR_WORD = "ตัวชี้วัดย่อยที่"
"""`ตัวชี้วัดย่อยที่`: the words before a sub-indicator number only."""
INDICATOR_REF = rf"{INDICATOR_WORD}\s*(\d{{1,2}}(?:\.\d)?)"
"""An indicator (`ตัวชี้วัดที่ 9`) or sub-indicator (`ตัวชี้วัดย่อยที่9.4`) in a row label or a
score sentence, its number as written as group 1; the indicator's name follows it."""
SUBINDICATOR_REF = rf"{INDICATOR_WORD}\s*(\d{{1,2}}\.\d)"
"""A sub-indicator (`ตัวชี้วัดย่อยที่ 9.4`), its number as group 1: a heading that opens the
O-items of that sub-indicator."""
INDICATOR_PARTS = rf"{INDICATOR_WORD}\s*(?P<main>\d{{1,2}})(?:\.(?P<sub>\d{{1,2}}))?(?!\d)"
"""An indicator reference split in groups main and sub, no digit after: for collecting every
reference in cleaned text, whose numbers are then checked against the framework's range."""

BULLETS = "-–•"
"""Bullets that start a list item."""
LIST_MARK = rf"(?:[{BULLETS}*]|\(?\d{{1,2}}[.)])(?!\d)\s*"
"""List numbering or a bullet and the space after it (`1.` `2)` `(3)` `-` `•` `*`), not the
`1.` of `1.5`: it may start any piece of a cell that lists units."""
LEADING_LIST_MARK = rf"^\s*(?:\(?\d{{1,2}}[.)]\s*|[{BULLETS}]\s*)"
"""List numbering or a bullet before a score table's row label (`1.` `(2)` `-`)."""
LEADING_SEQ_NUMBER = r"^\s*(?:\d{1,2}[.)]?\s*)"
"""A measure's sequence number before its topic, the dot optional (`1 การใช้อำนาจ`)."""

BE_YEARS = range(2400, 2700)
"""Four-digit years read as Buddhist Era; wide, as it only tells them from CE_YEARS."""
CE_YEARS = range(1900, 2200)
"""Four-digit years read as Common Era (BE = CE + 543)."""
BE_CENTURIES = (2500, 2600)
"""The centuries a two-digit BE year (`ต.ค. 67`) may belong to."""
REPORT_YEARS = range(2540, 2601)
"""Years a report may speak of when its fiscal year is unknown; narrow, so that a typo
(2668 for 2568) falls outside and can be repaired."""
YEAR_HEADER = r"2[45]\d\d"
"""A year heading a score column (2400-2599): narrower than BE_YEARS, so a header typed
2668 is not read as a year column."""

OVERALL_ROW = (
    r"(?:ผล)?(?:การประเมิน)?(?:ค่า)?(?:คะแนน)?(?:เฉลี่ย|รวม)*(?:ภาพรวม|ITA)"
    r"(?:ของหน่วยงาน|เฉลี่ย|รวม|ภาพรวม|ITA)*|overall(?:score)?|ITAscore"
)
"""A score table's row label that names the overall ITA score (`ภาพรวม`, `คะแนน ITA`,
`ผลการประเมินภาพรวม`), matched whole, ignoring case, against the label without spaces or
brackets. The row labels below are matched the same way."""
TOTAL_ROW = r"(?:ผล)?(?:ค่า)?(?:คะแนน)?(?:เฉลี่ย|รวม)+|total|average"
"""A score table's row label for its average or total (`คะแนนเฉลี่ย`, `คะแนนรวม`,
`ผลคะแนนรวม`, `ค่าเฉลี่ย`): the overall score, unless the table scores one tool's indicators."""
GRADE_ROW = r"(?:ผลการประเมิน)?ระดับ(?:ผล)?(?:การประเมิน|คะแนน)?(?:ITA)?|rating|grade|เกรด"
"""A score table's row label for the grades of its total (`ระดับ`, `ระดับผลการประเมิน`,
`ระดับการประเมิน`, `Rating`)."""
CHANGE_ROW = (
    r"(?:คะแนน)?(?:ที่)?(?:ผลต่าง|ส่วนต่าง|ความแตกต่าง|การเปลี่ยนแปลง|เพิ่มขึ้น|ลดลง|\+/?-).*"
    r"|difference|change"
)
"""A score table's row label for the change between two years (`ผลต่าง`, `เพิ่มขึ้น/ลดลง`,
`คะแนนที่เพิ่มขึ้น`): never a score."""
