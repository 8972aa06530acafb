"""Scores stated in running text: `คะแนนภาพรวมของหน่วยงาน 99.24 คะแนน ระดับ AA`.

A number is a score when `คะแนน` follows it or a scoring phrase (`ได้คะแนน`,
`คะแนนรวม` …) precedes it, and no phrase of difference, target or weight
(`เพิ่มขึ้น`, `เกณฑ์ไว้คือ`, `ร้อยละ` …) comes right before it. What it scores is
the nearest subject named before it in the same text.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from normalise.vocabulary import INDICATOR_REF, SCORED_ITEM
from pipeline.extract import subjects
from pipeline.extract.subjects import Subject
from pipeline.extract.years import ANY_YEAR
from pipeline.ita.framework import framework
from pipeline.ita.vocabulary import GRADE_LETTERS, PASS_FAIL

_NUMBER = regex.compile(r"(?<![\d.,])(\d{1,3}(?:\.\d+)?)(?![\d]|\.\d)")
_UNIT_AFTER = regex.compile(r"^\s*คะแนน")
_SCORING_BEFORE = regex.compile(
    r"(?:ได้คะแนน(?:เฉลี่ย)?|มีคะแนน(?:เฉลี่ย)?|คะแนนรวม|ผลคะแนน|คะแนนที่ได้|คะแนน)"
    r"\s*(?:เท่ากับ|คือ)?\s*$"
)
_NOT_A_SCORE_BEFORE = regex.compile(
    r"(?:เพิ่มขึ้น|ลดลง|ผลต่าง|ต่างกัน|แตกต่าง|(?:เกณฑ์|เป้าหมาย)\S{0,12}|ร้อยละ|ไม่น้อยกว่า"
    r"|ไม่ต่ำกว่า|มากกว่า|น้อยกว่า|สูงกว่า|ต่ำกว่า|ตั้งแต่|จากปี\s*\d{4}|จาก|ถึง|เต็ม|\d\s*[-–])\s*$"
)
_RANGE_OR_PERCENT_AFTER = regex.compile(r"^\s*(?:[-–]\s*\d|ถึง\s*\d|%)")
_GRADE_AFTER = regex.compile(
    r"^\s*(?:คะแนน)?\s*(?:และ)?\s*(?:อยู่ใน)?\s*ระดับ\s*(?:ผลการประเมิน)?\s*"
    rf"({'|'.join((*GRADE_LETTERS, *PASS_FAIL))})(?![A-Za-z])"
)
_RESPONDENTS = regex.compile(
    r"(?:ตอบแบบสอบถาม|ผู้ตอบ|ผู้ให้ข้อมูล|ผู้ให้ความร่วมมือ)[^\d\n]{0,30}?(\d{1,6})\s*คน"
)
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


_IND_REF = regex.compile(
    rf"{INDICATOR_REF}[ \t]*([^\d\n\t]*?)(?=\s*(?:ได้|มี|คะแนน|\n|\t|$))"
)
_ITEM = regex.compile(SCORED_ITEM)
_OVERALL = regex.compile(r"คะแนนภาพรวม|โดยภาพรวม|ภาพรวมของหน่วยงาน|\(ITA\)")
_OVERALL_WEAK = regex.compile(r"คะแนนที่ได้")
_TOPIC = regex.compile(
    r"ในหัวข้อ(?:ด้าน)?\s*([^\n]+?(?:\n[^\n-•]+?)?)(?=\s*(?:ITA|มีคะแนน|ได้คะแนน|คะแนน|\n|$))"
)
"""`ในหัวข้อ<name>`: the name may go on over one line break (a wrapped line)."""
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


def _markers(text: str) -> list[_Marker]:
    found: list[_Marker] = []
    for m in _IND_REF.finditer(text):
        subject = subjects.indicator(m.group(1), m.group(2) or None)
        found.append(_Marker(m.start(), m.end(), subject))
    for m in _ITEM.finditer(text):
        found.append(_Marker(m.start(), m.end(), subjects.item(f"O{int(m.group(1))}")))
    for code, pattern in framework().tool_patterns:
        spans = sorted((m.start(), m.end()) for m in pattern.finditer(text))
        merged: list[tuple[int, int]] = []
        for start, end in spans:  # `แบบวัด…ภายใน (IIT)` is one mention of one tool
            if merged and start - merged[-1][1] <= 3:
                merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
            else:
                merged.append((start, end))
        for start, end in merged:
            name = text[start:end]
            found.append(_Marker(start, end, subjects.tool(code, name)))
    for m in _OVERALL.finditer(text):
        found.append(_Marker(m.start(), m.end(), subjects.overall(m.group(0))))
    for m in _OVERALL_WEAK.finditer(text):
        found.append(_Marker(m.start(), m.end(), subjects.overall(m.group(0)), weak=True))
    for m in _TOPIC.finditer(text):
        found.append(_Marker(m.start(), m.end(), subjects.named(m.group(1))))
    for m in _NAMED_INDICATOR.finditer(text):
        subject = _named(m.group(1))
        if subject.scope != subjects.QUESTION:
            found.append(_Marker(m.start(), m.end(), subject))
    return found


def named_indicators(text: str) -> list[str]:
    """Codes of indicators a text names without a number (`ในหัวข้อการใช้อำนาจ`)."""
    names = [m.group(1) for p in (_TOPIC, _NAMED_INDICATOR) for m in p.finditer(text)]
    codes = (_named(name) for name in names)
    return [s.code for s in codes if s.scope != subjects.QUESTION and s.code]


def _is_score(text: str, start: int, end: int) -> bool:
    before, after = text[max(0, start - 40):start], text[end:end + 12]
    if _NOT_A_SCORE_BEFORE.search(before) or _RANGE_OR_PERCENT_AFTER.match(after):
        return False
    return bool(_UNIT_AFTER.match(after) or _SCORING_BEFORE.search(before))


def _subject_before(markers: list[_Marker], pos: int) -> _Marker | None:
    before = [m for m in markers if m.end <= pos]
    strong = [m for m in before if not m.weak]
    pool = strong or before
    return max(pool, key=lambda m: (m.end, -m.start), default=None)


def find_mentions(
    text: str, fallback: Subject | None = None, context: str = ""
) -> list[Mention]:
    """Scores stated in `text` (Arabic digits).

    What a score scores is the nearest subject before it, in `text` or else in
    `context` (the paragraph just before, whose heading line may stand alone; a
    subject it has already scored is not carried over); `fallback` when neither
    names one.
    """
    head = f"{context}\n" if context else ""
    offset = len(head)
    text = head + text
    scored = [m.end() for m in _NUMBER.finditer(text, 0, offset) if _is_score(text, *m.span())]
    markers = [k for k in _markers(text) if k.start >= max(scored, default=0)]
    out: list[Mention] = []
    for m in _NUMBER.finditer(text, offset):
        if not _is_score(text, m.start(), m.end()):
            continue
        marker = _subject_before(markers, m.start())
        subject = marker.subject if marker else fallback
        tail = text[m.end():]
        grade_match, unit = _GRADE_AFTER.match(tail), _UNIT_AFTER.match(tail)
        end = m.end() + (grade_match.end() if grade_match else unit.end() if unit else 0)
        if marker and m.start() - marker.start <= _SUBJECT_REACH:
            start = marker.start
        else:
            start = max(offset, m.start() - _EVIDENCE_BEFORE)
        years = list(ANY_YEAR.finditer(text, offset, m.start()))
        respondents = None
        if subject is not None and subject.scope == subjects.TOOL:
            counts = list(_RESPONDENTS.finditer(text, offset, m.start()))
            respondents = int(counts[-1].group(1)) if counts else None
        grade = grade_match.group(1) if grade_match else None
        out.append(
            Mention(
                score=float(m.group(1)),
                subject=subject,
                year_written=int(years[-1].group(1)) if years else None,
                grade=PASS_FAIL.get(grade, grade) if grade else None,
                respondents=respondents,
                evidence=text[start:end],
            )
        )
    return out
