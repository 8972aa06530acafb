"""pipeline.extract.item_status: done / not done from ticked boxes and their labels."""

from __future__ import annotations

import pytest

from pipeline.extract.item_status import read_status
from pipeline.ita.vocabulary import DONE, DONE_LABELS, NOT_DONE, NOT_DONE_LABELS, UNKNOWN

NOT_DONE_LABEL = "ยังไม่ได้ดำเนินการ"
DONE_LABEL = "ดำเนินการ"


@pytest.mark.parametrize(("text", "status"), [
    (f"☑ {DONE_LABEL} ☐ {NOT_DONE_LABEL}", DONE),
    (f"☐ {DONE_LABEL} ☑ {NOT_DONE_LABEL}", NOT_DONE),
    (f"☐ {NOT_DONE_LABEL} ☑ {DONE_LABEL}", DONE),
    (f"☑ {NOT_DONE_LABEL} ☐ {DONE_LABEL}", NOT_DONE),
])
def test_ticked_box_on_one_line_in_either_order(text: str, status: str) -> None:
    assert read_status(text)[0] == status


@pytest.mark.parametrize(("text", "status"), [
    (f"☐ {NOT_DONE_LABEL}\n☑ {DONE_LABEL}", DONE),
    (f"☑ {NOT_DONE_LABEL}\n☐ {DONE_LABEL}", NOT_DONE),
    (f"  ☑ {DONE_LABEL}\n  ☐ {NOT_DONE_LABEL}", DONE),
    (f"☐ {DONE_LABEL}\n☑ {NOT_DONE_LABEL}", NOT_DONE),
])
def test_ticked_box_on_two_lines_in_either_order(text: str, status: str) -> None:
    assert read_status(text)[0] == status


@pytest.mark.parametrize("tick", ["✓", "✔", "☒", "■"])
def test_other_tick_glyphs_count_as_ticked(tick: str) -> None:
    assert read_status(f"☐ {NOT_DONE_LABEL}\n{tick} {DONE_LABEL}")[0] == DONE
    assert read_status(f"{tick} {NOT_DONE_LABEL}\n☐ {DONE_LABEL}")[0] == NOT_DONE


def test_white_square_counts_as_unticked() -> None:
    assert read_status(f"□ {NOT_DONE_LABEL}\n✓ {DONE_LABEL}")[0] == DONE
    assert read_status(f"✓ {NOT_DONE_LABEL}\n□ {DONE_LABEL}")[0] == NOT_DONE


def test_both_labels_without_boxes_are_unknown() -> None:
    # as in 002, where the converter dropped the Word check boxes
    assert read_status(f"  {NOT_DONE_LABEL}\n  {DONE_LABEL}")[0] == UNKNOWN
    assert read_status(f"{DONE_LABEL} {NOT_DONE_LABEL}")[0] == UNKNOWN


@pytest.mark.parametrize(("text", "status"), [
    (DONE_LABEL, DONE),
    ("ดำเนินการแล้ว", DONE),
    (NOT_DONE_LABEL, NOT_DONE),
    ("ยังไม่ดำเนินการ", NOT_DONE),
])
def test_a_single_bare_label_gives_its_status(text: str, status: str) -> None:
    assert read_status(text)[0] == status


@pytest.mark.parametrize(("text", "status"), [
    *((label, DONE) for label in DONE_LABELS),
    *((label, NOT_DONE) for label in NOT_DONE_LABELS),
])
def test_every_label_of_the_vocabulary_reads_as_its_status(text: str, status: str) -> None:
    assert read_status(f"☐ {text}")[0] == UNKNOWN
    assert read_status(f"☑ {text}") == (status, "")


def test_nothing_ticked_is_unknown() -> None:
    assert read_status(f"☐ {NOT_DONE_LABEL}\n☐ {DONE_LABEL}")[0] == UNKNOWN
    assert read_status(f"□ {DONE_LABEL} □ {NOT_DONE_LABEL}")[0] == UNKNOWN


def test_both_ticked_is_unknown() -> None:
    assert read_status(f"☑ {NOT_DONE_LABEL}\n☑ {DONE_LABEL}")[0] == UNKNOWN
    assert read_status(f"✓ {DONE_LABEL} ✔ {NOT_DONE_LABEL}")[0] == UNKNOWN


def test_text_without_any_label_has_no_status() -> None:
    assert read_status("- เปิดเผยข้อมูลบนเว็บไซต์หลักของหน่วยงาน") == (
        None, "- เปิดเผยข้อมูลบนเว็บไซต์หลักของหน่วยงาน",
    )


@pytest.mark.parametrize("sentence", [
    "- ดำเนินการจัดทำช่องทางการร้องเรียนการทุจริตบนเว็บไซต์",
    "หน่วยงานได้ดำเนินการแล้วเสร็จตามแผน",
    "ยังไม่ได้ดำเนินการเนื่องจากงบประมาณไม่เพียงพอ",
])
def test_label_words_inside_a_sentence_are_not_labels(sentence: str) -> None:
    assert read_status(sentence) == (None, sentence)


def test_label_lines_are_dropped_and_the_rest_is_kept() -> None:
    status, text = read_status(
        f"☐ {NOT_DONE_LABEL}\n☑ {DONE_LABEL}\n- เปิดเผยข้อมูลบนเว็บไซต์หลักของหน่วยงาน"
    )
    assert (status, text) == (DONE, "- เปิดเผยข้อมูลบนเว็บไซต์หลักของหน่วยงาน")


def test_kept_lines_keep_their_order() -> None:
    _, text = read_status(
        f"- จัดทำคู่มือ\n☑ {DONE_LABEL} ☐ {NOT_DONE_LABEL}\n- เผยแพร่ผ่านเว็บไซต์"
    )
    assert text.index("จัดทำคู่มือ") < text.index("เผยแพร่ผ่านเว็บไซต์")
    assert DONE_LABEL not in text and "☑" not in text


def test_only_labels_leave_no_text() -> None:
    assert read_status(f"☑ {DONE_LABEL}\n☐ {NOT_DONE_LABEL}") == (DONE, "")
