"""Scores stated in running text: `คะแนนภาพรวมของหน่วยงาน 99.24 คะแนน ระดับ AA`.

A number is a score when `คะแนน` (`points`) follows it or a scoring phrase precedes it
(`ได้คะแนน`, `มีผลคะแนนเท่ากับ`, `ได้คะแนนต่ำสุด`, `คิดเป็นร้อยละ`), and it is none of what
reports write beside scores: a difference (`เพิ่มขึ้น 1.52`, `เพิ่มขึ้นจากปี 2564 12.48`), a
target or pass mark (`ค่าเป้าหมาย`, `ผ่านเกณฑ์ 85`), a weight (`ร้อยละ 30`), full marks, a bound,
a range, a date or part of a web address.

What it scores is the nearest subject named before it: an indicator by number or title, an item,
a tool, the assessment itself (`ผลการประเมิน ITA`, `ผลคะแนน ITA`, its full Thai name) or the
organisation (`อบต.ตัวอย่าง ได้ …`). Its year is the one written next to it (`ScoreYears`);
its grade a letter or a verdict (`ผ่านเกณฑ์`, `(ผ่าน)`) written right after or right before it.
Typists' damage (`คะเเนน`, `อยู่่`) is mended before extraction (`text_repair`).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import regex

from normalise.dates import ABBREVIATED_MONTHS, FULL_MONTHS
from normalise.org import ORG_TYPES
from normalise.text import holds_any, matches_starting, search_holding
from normalise.vocabulary import INDICATOR_REF, SCORED_ITEM, THAI_LETTERS
from pipeline.extract import subjects
from pipeline.extract.subjects import Subject
from pipeline.extract.years import YEAR_PHRASE, ScoreYears
from pipeline.ita.framework import framework
from pipeline.ita.vocabulary import GRADE_LETTERS, VERDICT_QUALIFIERS

_NUMBER = regex.compile(r"(?<![\d.,])(\d{1,3}(?:\.\d+)?)(?![\d]|\.\d)")
_URL = regex.compile(r"(?:https?://|www\.)\S+")
_DIGIT = regex.compile(r"[0-9]")
_UNIT_AFTER = regex.compile(r"^\s*(?:คะแนน|points?(?![A-Za-z]))")
_SCORE_WORDS = ("คะแนน", "ร้อยละ", "score", "point")
"""Words a score's unit (`_UNIT_AFTER`) or scoring phrase (`_SCORING_BEFORE`) holds one of: a
text with none of them states no score, and is not searched for one."""
_QUALIFIER = r"(?:เฉลี่ย|รวม|ภาพรวม|ต่ำสุด|สูงสุด|(?:น้อย|มาก)ที่สุด)"
"""Words written on to คะแนน before a score: `ได้คะแนนเฉลี่ย`, `ได้คะแนนต่ำสุด`."""
_PERCENT = r"(?:(?:คิดเป็น)?\s*ร้อยละ)"
_SCORING_BEFORE = regex.compile(
    rf"(?:(?:ผล)?คะแนน(?:ที่ได้)?{_QUALIFIER}*\s*(?:\(?ITA\)?)?"
    rf"(?:\s*(?:ประจำ)?{YEAR_PHRASE}\s*(?=อยู่ที่|เท่ากับ|คือ|:))?"
    r"|(?<![A-Za-z])(?:scored|score\s+(?:of|is|was)))"
    rf"\s*(?:อยู่ที่|เท่ากับ|คือ|ที่|:)?\s*{_PERCENT}?\s*$"
    rf"|(?:ได้|คิดเป็น|เท่ากับ)\s*ร้อยละ\s*$"
)
_CHANGE = "เพิ่มขึ้น|ลดลง|สูงขึ้น|ต่ำลง"
_DIFFERENCE_BEFORE = regex.compile(
    rf"(?:{_CHANGE}|ผลต่าง|ส่วนต่าง|ต่างกัน|แตกต่าง)"
    r"(?:\s*จาก\s*ปี(?:[^\d\n]{0,20}?\d{4}|ที่แล้ว|ที่ผ่านมา|ก่อน))?"
    rf"\s*(?:เป็นจำนวน|จำนวน|อีก|เท่ากับ|คือ|ประมาณ)?\s*{_PERCENT}?\s*$"
    r"|(?:^|[\s(])[+\-−]$"
)
"""A change between two scores (`เพิ่มขึ้น 1.52`, `ลดลงจากปีที่แล้ว 2.3`, `(+1.52)`): never a score."""
_DIFFERENCE_WORDS = ("เพิ่มขึ้น", "ลดลง", "สูงขึ้น", "ต่ำลง", "ต่าง", "+", "-", "−")
"""What every match of _DIFFERENCE_BEFORE holds one of."""
_FROM_VALUE = regex.compile(rf"(?:{_CHANGE})\s*จาก\s*$")
"""`เพิ่มขึ้นจาก 88.20 คะแนน`: the earlier score a change starts from, whose year is its own."""
_NOT_A_SCORE_BEFORE = regex.compile(
    r"(?:เกณฑ์|เป้าหมาย)(?:(?!ด้วย|โดย|และ|ส่วน|ซึ่ง|\()[^\d\n]){0,25}$"
    r"|(?<!(?:คิดเป็น|เท่ากับ|ได้|คะแนน\S*|คือ)\s*)ร้อยละ\s*$"
    rf"|(?<!(?:{_CHANGE})\s*)จาก\s*$"
    r"|(?:ไม่น้อยกว่า|ไม่ต่ำกว่า|มากกว่า|น้อยกว่า|สูงกว่า|ต่ำกว่า|ตั้งแต่|ถึง|เต็ม|วันที่"
    r"|จากปี\s*\d{4}|\d\s*[-–])\s*$"
)
"""A target or pass mark, a weight, full marks (`จาก 100`), a bound, a date, a range's end."""
_NOT_A_SCORE_WORDS = ("เกณฑ์", "เป้าหมาย", "ร้อยละ", "จาก", "กว่า", "ตั้งแต่", "ถึง", "เต็ม", "วันที่",
                      "-", "–")
"""What every match of _NOT_A_SCORE_BEFORE holds one of."""
_MONTH = "|".join(map(regex.escape, FULL_MONTHS + ABBREVIATED_MONTHS))
_NOT_A_SCORE_AFTER = regex.compile(
    rf"^\s*(?:[-–]\s*\d|ถึง\s*\d|%|(?:คะแนน)?\s*ขึ้นไป|{_MONTH})"
)
"""A range's start, a percentage, a threshold (`85 คะแนนขึ้นไป`), a day of a month."""

_LETTER = rf"(?P<letter>{'|'.join(GRADE_LETTERS)})(?![A-Za-z])"
_VERDICT = (
    rf"(?P<fail>ไม่)?ผ่าน(?:{'|'.join(VERDICT_QUALIFIERS)}|(?![{THAI_LETTERS}]))"
)
_GRADE = rf"(?:(?:ระดับ|เกรด|grade|rating)\s*(?:ผลการประเมิน)?\s*{_LETTER}|(?:ระดับ\s*)?{_VERDICT})"
"""A grade letter after `ระดับ` (`ระดับผลการประเมิน AA`, `grade A`), or a pass verdict."""
_GRADE_AFTER = regex.compile(
    r"^\s*(?:คะแนน|points?)?\s*\)?\s*,?\s*(?:และ|ซึ่ง|โดย)?\s*(?:อยู่ใน|อยู่)?\s*\(?\s*"
    rf"{_GRADE}\s*\)?"
)
_GRADE_BEFORE = regex.compile(
    rf"{_GRADE}\s*(?:\(|ด้วย|โดย|,)?\s*(?:(?:ได้|มี)?\s*(?:ผล)?คะแนน{_QUALIFIER}*)?"
    r"\s*(?:เท่ากับ|คือ|ที่)?\s*$"
)
"""`ได้รับผลการประเมินอยู่ในระดับ A (92.10 คะแนน)`, `ผ่านเกณฑ์ด้วยคะแนน 92.10`."""
_NOTE_CLOSE = regex.compile(r"\s*\)")
_RESPONDENTS = regex.compile(
    r"(?:ตอบแบบสอบถาม|ผู้ตอบ|ผู้ให้ข้อมูล|ผู้ให้ความร่วมมือ)[^\d\n]{0,30}?(\d{1,6})\s*คน"
)
_LOOK_BEHIND = 60
"""How far before a number its scoring, difference or grade words are looked for."""
_EVIDENCE_BEFORE = 160
_SUBJECT_REACH = 400
"""Evidence starts at the subject when it is this near, else _EVIDENCE_BEFORE back."""


@dataclass(frozen=True)
class _Marker:
    start: int
    end: int
    subject: Subject
    weak: bool = False


@dataclass(frozen=True)
class Mention:
    score: float
    subject: Subject | None
    year_written: int | None
    grade: str | None
    respondents: int | None
    evidence: str
    own_year_only: bool = False
    """The score takes only a year written with it, never the one the report speaks of
    (`เพิ่มขึ้นจาก 88.20 คะแนน`: the earlier score of a change)."""


_IND_REF = regex.compile(
    rf"{INDICATOR_REF}[ \t]*([^\d\n\t]*?)(?=\s*(?:ได้|มี|คะแนน|\n|\t|$))"
)
_ITEM = regex.compile(SCORED_ITEM)
_OVERALL = regex.compile(
    r"คะแนนภาพรวม|โดยภาพรวม|ภาพรวมของหน่วยงาน|\(ITA\)"
    r"|(?:ผล)?(?:การ)?ประเมิน(?:ผล)?\s*ITA|(?:ผล|(?<!\d\s*))คะแนน\s*(?:รวม\s*)?ITA"
    r"|ITA\s+(?:score|result|rating)s?"
    r"|(?:การ)?ประเมิน(?:ผล)?\s*(?:ระดับ)?\s*คุณธรรม\s*(?:และ)?\s*ความโปร่งใส่?"
    r"(?:\s*ในการดำเนินงาน(?:ของหน่วยงานภาครัฐ)?)?"
)
"""The assessment itself: `ผลการประเมิน ITA`, `ผลคะแนน ITA`, `(ITA)`, `The ITA score`, the full
Thai name; `ITA` alone is not, as `ITA ปี2567` labels the year of any subject's score (also after
a score's unit: `96.26 คะแนน ITA ปี2568`)."""
_OVERALL_WORDS = ("ภาพรวม", "ITA", "คุณธรรม")
"""What every match of _OVERALL holds one of."""
_OVERALL_WEAK = regex.compile(r"คะแนนที่ได้")
_ORG_PREFIXES = sorted((p for _, full, short in ORG_TYPES for p in (full, *short)), key=len,
                       reverse=True)
"""The names of organisation types, full and short, longest first: every match of _ORG_SUBJECT
starts with one."""
_ORG_PREFIX = "|".join(
    regex.escape(p)
    for p in _ORG_PREFIXES
)
_ORG_SUBJECT = regex.compile(
    rf"(?:{_ORG_PREFIX})\s*[{THAI_LETTERS}\-–]+?"
    rf"(?=\s*(?:(?:ประจำ)?{YEAR_PHRASE}\s*)?"
    r"(?:ได้(?:รับ)?|มี)\s*(?:ผล)?\s*(?:การ)?(?:คะแนน|ประเมิน|\d))"
)
"""The organisation as the subject of a score: `อบต.ตัวอย่าง ได้ 92.10`, `เทศบาลตำบลตัวอย่าง
ได้รับผลการประเมิน …`; the name alone elsewhere (`เว็บไซต์เทศบาลตำบล…`) scores nothing."""
_TOPIC = regex.compile(
    r"ในหัวข้อ(?:ด้าน)?\s*([^\n]+?(?:\n[^\n-•]+?)?)(?=\s*(?:ITA|มีคะแนน|ได้คะแนน|คะแนน|\n|$))"
)
"""`ในหัวข้อ<name>`: the name may go on over one line break (a wrapped line)."""
_TITLED_INDICATOR = regex.compile(
    rf"(?:ตัวชี้วัด(?:ย่อย)?(?!ที่)|ด้าน|ประเด็น)\s*(?:ด้าน)?\s*{subjects.indicator_title()}"
)
"""An indicator named by its title without its number: `ด้านการใช้ทรัพย์สินของราชการ`,
`ตัวชี้วัดการเปิดเผยข้อมูล`."""
_TITLED_INDICATOR_STARTS = ("ตัวชี้วัด", "ด้าน", "ประเด็น")
"""The words every match of _TITLED_INDICATOR starts with."""
_NAMED_INDICATOR = regex.compile(r"ตัวชี้วัด(?!ที่|ย่อย)\s*([^\s\dOo][^\s]*)")
_GLUED_SCORING = regex.compile(r"ได้(?:คะแนน)?(?:เฉลี่ย)?$")
"""`ได้`/`ได้คะแนน` written on to a name with no space (Thai needs none between words)."""


def _named(name: str) -> Subject:
    """`subjects.named`, also for a name with the scoring word after it glued on."""
    subject = subjects.named(name)
    if subject.scope == subjects.QUESTION and (m := _GLUED_SCORING.search(name)) and m.start():
        bare = subjects.named(name[:m.start()])
        if bare.scope != subjects.QUESTION:
            return bare
    return subject


def _tool_markers(text: str) -> Iterator[_Marker]:
    for code, pattern in framework().tool_patterns:
        spans = sorted((m.start(), m.end()) for m in pattern.finditer(text))
        merged: list[tuple[int, int]] = []
        for start, end in spans:  # `แบบวัด…ภายใน (IIT)` is one mention of one tool
            if merged and start - merged[-1][1] <= 3:
                merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
            else:
                merged.append((start, end))
        for start, end in merged:
            yield _Marker(start, end, subjects.tool(code, text[start:end]))


def _markers(text: str) -> list[_Marker]:
    """Every subject named in text; one named inside another's name (an organisation in a
    topic) is part of that name, not a subject of its own."""
    found: list[_Marker] = list(_tool_markers(text))
    for m in _IND_REF.finditer(text):
        subject = subjects.indicator(m.group(1), m.group(2) or None)
        found.append(_Marker(m.start(), m.end(), subject))
    for m in _ITEM.finditer(text):
        found.append(_Marker(m.start(), m.end(), subjects.item(f"O{int(m.group(1))}")))
    overall = _OVERALL.finditer(text) if holds_any(text, _OVERALL_WORDS) else ()
    for m in (*overall, *matches_starting(_ORG_SUBJECT, text, _ORG_PREFIXES)):
        found.append(_Marker(m.start(), m.end(), subjects.overall(m.group(0))))
    for m in _OVERALL_WEAK.finditer(text):
        found.append(_Marker(m.start(), m.end(), subjects.overall(m.group(0)), weak=True))
    for m in _TOPIC.finditer(text):
        found.append(_Marker(m.start(), m.end(), subjects.named(m.group(1))))
    for m in matches_starting(_TITLED_INDICATOR, text, _TITLED_INDICATOR_STARTS):
        found.append(_Marker(m.start(), m.end(), subjects.named(m.group("title"))))
    return [k for k in found if not any(_inside(k, other) for other in found)]


def _inside(marker: _Marker, other: _Marker) -> bool:
    """Whether marker lies within other's span, which is longer."""
    return (other.start <= marker.start and marker.end <= other.end
            and other.end - other.start > marker.end - marker.start)


def named_indicators(text: str) -> list[str]:
    """Codes of indicators a text names without a number (`ในหัวข้อการใช้อำนาจ`)."""
    names = [m.group(1) for p in (_TOPIC, _NAMED_INDICATOR) for m in p.finditer(text)]
    codes = (_named(name) for name in names)
    return [s.code for s in codes if s.scope != subjects.QUESTION and s.code]


def _numbers(text: str, start: int, end: int) -> Iterator[regex.Match[str]]:
    """Numbers of text[start:end] that are not part of a web address."""
    urls = [u.span() for u in _URL.finditer(text)]
    for m in _NUMBER.finditer(text, start, end):
        if not any(a <= m.start() < b for a, b in urls):
            yield m


def _is_score(text: str, start: int, end: int) -> bool:
    before, after = text[max(0, start - _LOOK_BEHIND):start], text[end:end + 16]
    if (search_holding(_DIFFERENCE_BEFORE, before, _DIFFERENCE_WORDS)
            or search_holding(_NOT_A_SCORE_BEFORE, before, _NOT_A_SCORE_WORDS)
            or _NOT_A_SCORE_AFTER.match(after)):
        return False
    return bool(_UNIT_AFTER.match(after) or search_holding(_SCORING_BEFORE, before, _SCORE_WORDS))


def _grade(text: str, start: int, end: int) -> tuple[str | None, int]:
    """The grade written right after the score, else right before it, and where the score's
    statement ends (its unit and a grade after it included)."""
    tail = text[end:]
    after, unit = _GRADE_AFTER.match(tail), _UNIT_AFTER.match(tail)
    stop = end + (after.end() if after else unit.end() if unit else 0)
    found = after or _GRADE_BEFORE.search(text, max(0, start - _LOOK_BEHIND), start)
    if found is None:
        return None, stop
    return found.group("letter") or ("fail" if found.group("fail") else "pass"), stop


def _subject_before(markers: list[_Marker], pos: int) -> _Marker | None:
    before = [m for m in markers if m.end <= pos]
    strong = [m for m in before if not m.weak]
    pool = strong or before
    return max(pool, key=lambda m: (m.end, -m.start), default=None)


def may_state_score(text: str) -> bool:
    """Whether text holds a word a score's unit or scoring phrase needs (`_SCORE_WORDS`): in a
    text without one, `find_mentions` finds no score."""
    return holds_any(text, _SCORE_WORDS)


def find_mentions(
    text: str, fallback: Subject | None = None, context: str = ""
) -> list[Mention]:
    """Scores stated in `text` (Arabic digits).

    What a score scores is the nearest subject before it, in `text` or else in
    `context` (the paragraph just before, whose heading line may stand alone; a
    subject it has already scored is not carried over); `fallback` when neither
    names one.
    """
    if not _DIGIT.search(text):
        return []
    head = f"{context}\n" if context else ""
    offset = len(head)
    text = head + text
    if not may_state_score(text):
        return []
    scores = [m for m in _numbers(text, offset, len(text)) if _is_score(text, *m.span())]
    if not scores:
        return []
    scored = [m.end() for m in _numbers(text, 0, offset) if _is_score(text, *m.span())]
    markers = [k for k in _markers(text) if k.start >= max(scored, default=0)]
    years = ScoreYears.of(text, offset)
    out: list[Mention] = []
    for m in scores:
        marker = _subject_before(markers, m.start())
        subject = marker.subject if marker else fallback
        grade, end = _grade(text, m.start(), m.end())
        own_only = bool(_FROM_VALUE.search(text, max(offset, m.start() - _LOOK_BEHIND),
                                           m.start()))
        year = years.take(m.start(), end, own_only=own_only)
        if text[:m.start()].rstrip().endswith("(") and (close := _NOTE_CLOSE.match(text, end)):
            end = close.end()  # `(92.10 คะแนน)`
        if year is not None and year.start >= end:  # a note after it: `(ปี 2566)`
            close = _NOTE_CLOSE.match(text, year.end)
            end = close.end() if close else year.end
        if marker and m.start() - marker.start <= _SUBJECT_REACH:
            start = marker.start
        else:
            start = max(offset, m.start() - _EVIDENCE_BEFORE)
        respondents = None
        if subject is not None and subject.scope == subjects.TOOL:
            counts = list(_RESPONDENTS.finditer(text, offset, m.start()))
            respondents = int(counts[-1].group(1)) if counts else None
        out.append(
            Mention(
                score=float(m.group(1)),
                subject=subject,
                year_written=year.year if year else None,
                grade=grade,
                respondents=respondents,
                evidence=text[start:end],
                own_year_only=own_only,
            )
        )
    return out
