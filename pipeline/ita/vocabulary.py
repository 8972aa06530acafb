"""The ITA's own words: grade letters, tool codes, and the labels that say done or not done.

Grades and tools are read off the framework (`pipeline/data/framework.json`), never typed
again; the done / not-done labels are defined here once, for the extractors that read them
and the audit that writes them.
"""

from __future__ import annotations

from pipeline.ita.framework import framework

GRADE_LETTERS: tuple[str, ...] = tuple(band.grade for band in framework().grade_bands)
"""The grades of the framework's bands, best first: AA A B C D E F."""
PASS_FAIL = {"ผ่าน": "pass", "ไม่ผ่าน": "fail"}
"""The pass / fail verdicts as reports write them, and the grade each stands for."""
VERDICT_QUALIFIERS = ("เกณฑ์", "ดีเยี่ยม", "ดีมาก")
"""Words written on to ผ่าน / ไม่ผ่าน in a verdict (`ผ่านเกณฑ์`, `ผ่านดีเยี่ยม`): the verdict is
still pass or fail, never a grade letter."""
TOOLS: tuple[str, ...] = framework().tool_codes
"""The tools' codes: IIT EIT OIT."""
ITEM_TOOL = next(framework().tool_of(i.code) for i in framework().indicators if "." in i.code)
"""The tool O-items are scored in (OIT): that of the sub-indicators (9.1 …) listing them."""

DONE, NOT_DONE, UNKNOWN = "done", "not_done", "unknown"
"""An O-item's status: done, not done, or not said (never guessed)."""
DONE_LABEL = "ดำเนินการแล้ว"
"""Done, as a clerk reads it in the audit."""
NOT_DONE_LABEL = "ยังไม่ดำเนินการ"
"""Not done, as a clerk reads it in the audit."""
DONE_LABELS = (DONE_LABEL, "ดำเนินการเรียบร้อยแล้ว", "ดำเนินการ")
"""How reports write done, in the order they are tried."""
NOT_DONE_LABELS = ("ยังไม่ได้ดำเนินการ", NOT_DONE_LABEL, "ไม่ได้ดำเนินการ", "อยู่ระหว่างดำเนินการ")
"""How reports write not done (in progress counts as not done), in the order they are tried."""
