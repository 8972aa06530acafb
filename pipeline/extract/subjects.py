"""What a score is the score of: overall, a tool, an indicator, an item or a question."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex

from normalise.codes import parse_item_code
from normalise.text import clean_text
from normalise.vocabulary import INDICATOR_REF, LEADING_LIST_MARK, THAI_LETTERS
from pipeline.ita.framework import framework
from pipeline.ita.vocabulary import ITEM_TOOL

OVERALL, TOOL, INDICATOR, SUBINDICATOR, ITEM, QUESTION = (
    "overall", "tool", "indicator", "subindicator", "item", "question"
)


@dataclass(frozen=True)
class Subject:
    scope: str
    code: str | None
    tool: str | None
    name: str | None

    @property
    def key(self) -> str | None:
        """The code, or for questions the name: what makes a score unique in a document."""
        return self.name if self.scope == QUESTION else self.code


_NUMBERING = regex.compile(LEADING_LIST_MARK)
_INDICATOR_REF = regex.compile(INDICATOR_REF)
_OVERALL_LABEL = regex.compile(r"^(?:คะแนน)?(?:รวม|ภาพรวม|ITA|คะแนนITA|ค่าเฉลี่ยรวม|เฉลี่ยรวม)")


def overall(name: str | None = None) -> Subject:
    return Subject(OVERALL, "ITA", None, name)


def tool(code: str, name: str | None = None) -> Subject:
    return Subject(TOOL, code, code, name)


def indicator(code: str, name: str | None = None) -> Subject:
    fw = framework()
    scope = SUBINDICATOR if "." in code else INDICATOR
    if not name and (known := fw.indicator(code)):
        name = known.names[0]
    return Subject(scope, code, fw.tool_of(code), name)


def item(code: str, name: str | None = None) -> Subject:
    return Subject(ITEM, code, ITEM_TOOL, name)


def named(name: str) -> Subject:
    """An indicator when the name is one, else a question scored on its own."""
    name = clean_text(name)
    bare = name.removeprefix("ด้าน")
    if known := framework().indicator_by_name(bare):
        return indicator(known.code, name)
    return Subject(QUESTION, None, None, name)


_TITLE_ENDS = rf"(?:(?![{THAI_LETTERS}])|(?=ได้|มี|คะแนน|ซึ่ง|อยู่|เท่ากับ|โดย|ที่))"
"""Where an indicator's title ends in running text: not inside a longer word, but glued words
that go on with the sentence (`การใช้อำนาจได้คะแนน`) are no part of it."""


@cache
def indicator_title() -> str:
    """Pattern source: any indicator or sub-indicator title of the framework in running text
    (group `title`; `named` reads it), spaces inside it allowed, the longest title first."""
    names = sorted((n for i in framework().indicators for n in i.names), key=len, reverse=True)
    spaced = (r"\s*".join(map(regex.escape, "".join(name.split()))) for name in names)
    return rf"(?P<title>{'|'.join(spaced)}){_TITLE_ENDS}"


def from_label(label: str, tool_hint: str | None = None) -> Subject | None:
    """Read a table row's label: `IIT`, `ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่`, `O13`, `คะแนนรวม`."""
    text = clean_text(label)
    if not text:
        return None
    if code := parse_item_code(text.split(" ")[0]):
        return item(code, text.split(" ", 1)[1] if " " in text else None)
    if m := _INDICATOR_REF.search(text):
        rest = clean_text(text[m.end():]) or None
        return indicator(m.group(1), rest)
    bare = _NUMBERING.sub("", text)
    if tool_code := framework().find_tool(bare):
        return tool(tool_code, bare)
    if _OVERALL_LABEL.match("".join(bare.split())):
        return overall(bare)
    subject = named(bare)
    if subject.scope == QUESTION and tool_hint and not subject.tool:
        return Subject(QUESTION, None, tool_hint, subject.name)
    return subject
