"""What a table's columns mean, read from their headers, never from their position.

A header's role is decided by the keyword it contains, not by its exact text: `ROLE_KEYWORDS`
is plain data, (role, keywords) pairs searched in the header with all whitespace removed
(headers arrive broken by spaces and line breaks: `ระยะเวลา ดำเนินการ`, and joined by
slashes: `ผู้รับผิดชอบ/ผู้ที่เกี่ยวข้อง`). The keyword that starts first wins, and of two that
start at the same place the longer: `ผลการประเมิน` is a score where `ผลการ` is a result,
`แนวทางการดำเนินการ` a method where `แนวทาง` is a measure, and `หน่วยงานผู้รับผิดชอบ` a
responsible unit. A year anywhere in a header that is otherwise a score or nothing makes it
a score column of that year (`๒๕๖๖`, `ผลการประเมินปี ๒๕๖๖`, `ปีงบประมาณ ๒๕๖๖`). A cell that
reads as a value (a number, a bullet, a sentence) has no role, so a row of data is not taken
for a header.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property, lru_cache

import regex

from normalise.text import clean_text, copies_header, without_marks
from normalise.vocabulary import BULLETS, YEAR_HEADER
from parsers.glyphs import CHECKED_GLYPHS, UNCHECKED_GLYPHS
from parsers.model import Row, Table
from pipeline.ita.findings import WARNING, Finding

ROLE_KEYWORDS: tuple[tuple[str, str], ...] = (
    ("outcome", r"ผลลัพธ์|ผลสัมฤทธิ์"),
    ("result", r"ผลการ|ผลดำเนิน|สรุปผล|ติดตาม|ความก้าวหน้า|รายงานผล|สถานะ"),
    ("score", r"ผลการประเมิน|ผลคะแนน|คะแนน"),
    ("responsible", r"รับผิดชอบ|ผู้ดำเนินการ|ผู้(?:ที่)?เกี่ยวข้อง|ส่วนราชการ|หน่วยงาน"),
    ("period", r"เวลา|แล้วเสร็จ"),
    ("method", r"วิธี|ขั้นตอน|แนวทางการดำเนิน"),
    ("measure", r"มาตรการ|มาตราการ|แนวทาง|โครงการ|กิจกรรม"),
    ("suggestion", r"ข้อเสนอแนะ|หมายเหตุ"),
    ("seq", r"^ลำดับ|^ที่$|^[Nn]o\.?$"),
    ("tool", r"^แบบ$|แบบวัด|แบบตรวจ|เครื่องมือ"),
    ("item_code", r"^ข้อ$|^ข้อที่$|รหัส"),
    ("item_title", r"^ข้อมูล$|รายการ|ชื่อข้อมูล"),
    ("item_detail", r"องค์ประกอบ|รายละเอียด"),
    ("indicator", r"ตัวชี้วัด|ประเด็นการประเมิน|หัวข้อการประเมิน"),
    ("topic", r"หัวข้อ|ประเด็น|ข้อบกพร่อง|จุดอ่อน|จุดที่(?:ควร|ต้อง)"),
    ("grade", r"(?<!ยก)ระดับ"),
    ("respondents", r"จำนวนผู้|ผู้ตอบ"),
    ("status_not_done", r"^(?:ยังไม่|ไม่ได้ดำเนินการ|ไม่ดำเนินการ)"),
    ("status_done", r"^(?:ดำเนินการแล้ว|ดำเนินการ$)"),
    ("change", r"ผลต่าง|เพิ่มขึ้น|ลดลง|เปลี่ยนแปลง|แตกต่าง"),
)
_KEYWORD = regex.compile(
    "|".join(f"(?P<{role}>{keywords})" for role, keywords in ROLE_KEYWORDS), regex.POSIX
)
"""All keywords at once, matched leftmost-longest (POSIX): the match's group is the role."""
_KEYWORD_UNMARKED = regex.compile(without_marks(_KEYWORD.pattern), regex.POSIX)
"""The keywords without their marks, for a header that matches none as written: OCR of a bold
header drops some (`ตัวชีวัด`, `หมายเหต`), a typist doubles one."""

NOT_A_SCORE = r"เกณฑ์|ช่วงคะแนน|น้ำหนัก|เป้าหมาย|(?<!ปี)งบประมาณ|บาท"
"""Words that make a header naming a score or a year no score column: a grading band's
`เกณฑ์คะแนน`, a weight `น้ำหนักคะแนน`, a target `ค่าเป้าหมาย`, a budget `งบประมาณปี 2567`."""
_NOT_A_SCORE = regex.compile(NOT_A_SCORE)
_YEAR = regex.compile(rf"(?<!\d)({YEAR_HEADER})(?!\d)")
_BRACKETED = regex.compile(r"\([^)]*\)")
_DIGIT = regex.compile(r"\d")
_LETTER = regex.compile(r"\p{L}")
_VALUE_MARKS = regex.compile(
    rf"^[{BULLETS}]|[{regex.escape(''.join(sorted(CHECKED_GLYPHS | UNCHECKED_GLYPHS)))}]")
"""A bullet before a cell's text or a check box in it: a value, not a header."""

HEADER_MAX_CHARS = 60
"""A header is a label: a cell of more characters (whitespace aside) is a sentence of data.
The longest header of the corpus has 39 (`สรุปผลการดำเนินการตามมาตรการหรือกิจกรรม`)."""
KEYWORD_MAX_START = 16
"""A header names its column in its first words: a keyword further in (`แผนยุทธศาสตร์หรือแผน
พัฒนาหน่วยงาน`) belongs to a value's sentence. Known headers have theirs within the first 5
characters (`การติดตามผล`, `ชื่อหน่วยงาน`); the rest leaves room for a longer qualifier."""


@dataclass(frozen=True)
class ColumnRole:
    role: str
    year: int | None = None


def _reads_as_value(key: str) -> bool:
    """Whether a cell's squashed text is a value, not a header: too long, a bullet or a check
    box, a number other than a year outside brackets (`๑๐๐ คะแนน`, `ตัวชี้วัดที่ ๑`)."""
    return (len(key) > HEADER_MAX_CHARS or bool(_VALUE_MARKS.search(key))
            or bool(_DIGIT.search(_YEAR.sub("", _BRACKETED.sub("", key)))))


@lru_cache(maxsize=1 << 10)
def column_role(header: str) -> ColumnRole | None:
    """The role of a column under this header; None for a header without a known keyword near
    its start, and for a cell that reads as a value."""
    key = "".join(clean_text(header).split())
    if _reads_as_value(key):
        return None
    found = _KEYWORD.search(key) or _KEYWORD_UNMARKED.search(without_marks(key))
    role = found.lastgroup if found and found.start() <= KEYWORD_MAX_START else None
    if role not in (None, "score"):
        return ColumnRole(role)
    if _NOT_A_SCORE.search(key):
        return None
    years = set(_YEAR.findall(key))
    if len(years) > 1:
        return None
    if years:
        return ColumnRole("score_year", int(years.pop()))
    return ColumnRole(role) if role else None


def grid_texts(table: Table) -> tuple[list[list[str]], list[frozenset[int]]]:
    """Each row's text per grid column (a spanned cell's text once, a merged cell's text
    copied from the row above), and the grid columns whose text was so copied."""
    width = max((sum(c.col_span for c in r.cells) for r in table.rows), default=0)
    grids: list[list[str]] = []
    merged: list[frozenset[int]] = []
    for row in table.rows:
        texts = [""] * width
        from_above: set[int] = set()
        pos = 0
        for cell in row.cells:
            if cell.merged_from_above and grids:
                texts[pos] = grids[-1][pos]
                from_above.add(pos)
            else:
                texts[pos] = cell.text
            pos += cell.col_span
        grids.append(texts)
        merged.append(frozenset(from_above))
    return grids, merged


def squashed(row: Row) -> tuple[str, ...]:
    """A row's cell texts without whitespace: what two copies of a header have in common."""
    return tuple("".join(c.text.split()) for c in row.cells)


@dataclass
class TableView:
    """A table seen through its header row: which column plays which role."""

    table: Table
    roles: dict[int, ColumnRole]
    grids: dict[int, list[str]]
    """Grid texts of each row, keyed by `id(row)`."""
    merged: dict[int, frozenset[int]] = field(default_factory=dict)
    """Grid columns of each row whose text came from a cell merged down from above (Word's
    vertical merge), keyed by `id(row)`."""

    @cached_property
    def rows(self) -> list[Row]:
        """The rows under the header, without rows that repeat it (a header repeated per page);
        worked out once, as telling a copy of the header compares every cell."""
        header = squashed(self.table.rows[0])
        return [row for row in self.table.rows[1:]
                if not copies_header(squashed(row), header)]

    def text(self, row: Row, col: int) -> str:
        texts = self.grids[id(row)]
        return texts[col] if col < len(texts) else ""

    @cached_property
    def _columns(self) -> dict[str, tuple[int, ...]]:
        """The columns of each role present, in order (a view's roles are read once)."""
        by_role: dict[str, list[int]] = {}
        for i, r in sorted(self.roles.items()):
            by_role.setdefault(r.role, []).append(i)
        return {role: tuple(columns) for role, columns in by_role.items()}

    def has(self, *roles: str) -> bool:
        return all(r in self._columns for r in roles)

    def any_of(self, *roles: str) -> bool:
        return any(r in self._columns for r in roles)

    def columns(self, role: str) -> list[int]:
        return list(self._columns.get(role, ()))

    def cell(self, row: Row, role: str) -> str:
        """Text of the row's cells in the role's columns, joined by line breaks."""
        parts = [self.text(row, i) for i in self._columns.get(role, ())]
        return "\n".join(p for p in parts if p.strip())

    def from_above(self, row: Row, role: str) -> bool:
        """Whether the row's text in the role's columns came from a cell merged down."""
        merged = self.merged.get(id(row))
        return bool(merged) and any(i in merged and self.text(row, i).strip()
                                    for i in self._columns.get(role, ()))


def _recurring(grids: list[list[str]], merged: list[frozenset[int]]) -> set[int]:
    """Columns whose first-row text is written again below (not as a repeated header, nor by
    a merge): such a cell is a value of its column (`ได้คะแนนเฉลี่ย` on every row), not its
    header."""
    first = ["".join(t.split()) for t in grids[0]]
    recurring: set[int] = set()
    for grid, from_above in zip(grids[1:], merged[1:], strict=True):
        squashed = ["".join(t.split()) for t in grid]
        same = {i for i, text in enumerate(first)
                if text and i not in from_above and squashed[i] == text}
        # (whether the row copies the header is asked only of a row that would add a column)
        if not same <= recurring and not copies_header(squashed, first):
            recurring |= same
    return recurring


def view(table: Table) -> TableView | None:
    """Read the first row as a header; None when fewer than two of its cells have a role."""
    if len(table.rows) < 2:
        return None
    grids, merged = grid_texts(table)
    values = _recurring(grids, merged)
    roles = {i: r for i, text in enumerate(grids[0])
             if i not in values and (r := column_role(text)) is not None}
    if len(roles) < 2:
        return None
    return TableView(table, roles, {id(row): g for row, g in zip(table.rows, grids, strict=True)},
                     {id(row): m for row, m in zip(table.rows, merged, strict=True)})


ROW_NAME_ROLES = ("indicator", "topic", "item_title", "measure", "item_code")
"""Roles of a column that names a table's rows. A table without one names its rows by its first
column without a role: scores read it as the row's label, O-items as the item's code."""


def _unread_columns(tv: TableView) -> list[int]:
    """Columns with a header of words, no role and text in some row, that no extractor reads."""
    header = tv.grids[id(tv.table.rows[0])]
    roleless = [i for i in range(len(header)) if i not in tv.roles]
    if not tv.any_of(*ROW_NAME_ROLES):
        roleless = roleless[1:]
    return [i for i in roleless
            if _LETTER.search(header[i]) and any(tv.text(row, i).strip() for row in tv.rows)]


def unknown_columns(tv: TableView) -> list[Finding]:
    """One UNKNOWN_COLUMN finding per column of a mapped table whose header has no known role
    and whose cells therefore are not in the output."""
    header = tv.grids[id(tv.table.rows[0])]
    out = []
    for i in _unread_columns(tv):
        filled = sum(1 for row in tv.rows if tv.text(row, i).strip())
        name = clean_text(header[i])
        out.append(Finding(
            WARNING, "UNKNOWN_COLUMN",
            f"Column {i + 1} of a table read as data is headed '{name}', which names no column "
            f"the pipeline knows; its {filled} filled cell{'s' if filled > 1 else ''} "
            f"{'are' if filled > 1 else 'is'} not in the output.",
            tv.table.page, name))
    return out
