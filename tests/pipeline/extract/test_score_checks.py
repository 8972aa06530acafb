"""Every cross-check fires where a report contradicts itself, on reports made for the purpose."""

from __future__ import annotations

from parsers.text import parse_text
from pipeline.extract.document import Extraction, extract
from pipeline.run.one_file import Input, convert_file
from tests.support.paths import FIXTURES

TITLE = "รายงานผลการดำเนินการ องค์การบริหารส่วนตำบลหนองบัว ประจำปีงบประมาณ พ.ศ. 2567\n\n"
YEAR = "ผลการประเมิน ITA ประจำปี พ.ศ. 2566\n\n"


def run(body: str) -> Extraction:
    return extract(parse_text((TITLE + body).encode("utf-8")), "test-doc")


def only(x: Extraction, code: str) -> list:
    return [f for f in x.findings if f.code == code]


def test_a_grade_outside_its_band() -> None:
    x = run(YEAR + "คะแนนภาพรวมของหน่วยงาน 84.10 คะแนน ระดับผลการประเมิน AA\n")
    [finding] = only(x, "GRADE_MISMATCH")
    assert "84.1" in finding.message and "AA" in finding.message and "95-100" in finding.message
    assert x.scores[0]["score"] == 84.10 and x.scores[0]["grade"] == "AA"  # kept as printed


def test_pass_and_fail_follow_the_pass_mark() -> None:
    assert only(run(YEAR + "โดยภาพรวมได้คะแนน 80.00 อยู่ในระดับ ผ่าน\n"), "GRADE_MISMATCH")
    assert not only(run(YEAR + "โดยภาพรวมได้คะแนน 86.00 อยู่ในระดับ ผ่าน\n"), "GRADE_MISMATCH")


TOOLS = (
    "(IIT) คะแนนรวม 98.79 คะแนน\n\n(EIT) คะแนนรวม 90.81 คะแนน\n\n(OIT) คะแนนรวม 71.50 คะแนน\n"
)


def test_an_overall_score_that_is_not_the_weighted_tools() -> None:
    # 0.3 × 98.79 + 0.3 × 90.81 + 0.4 × 71.50 = 85.48
    good = run(YEAR + "คะแนนภาพรวม 85.48 คะแนน\n\n" + TOOLS)
    assert not only(good, "TOTAL_MISMATCH")
    bad = run(YEAR + "คะแนนภาพรวม 88.48 คะแนน\n\n" + TOOLS)
    [finding] = only(bad, "TOTAL_MISMATCH")
    assert "88.48" in finding.message and "85.48" in finding.message
    assert [r["score"] for r in bad.scores if r["scope"] == "overall"] == [88.48]


def test_a_tool_score_that_is_not_the_mean_of_its_indicators() -> None:
    indicators = "".join(f"ตัวชี้วัดที่ {n} ได้คะแนนเฉลี่ย {s} คะแนน\n\n"
                         for n, s in ((6, "99.58"), (7, "97.51"), (8, "96.53")))
    # (99.58 + 97.51 + 96.53) / 3 = 97.873…
    assert not only(run(YEAR + "(EIT) คะแนนรวม 97.87 คะแนน\n\n" + indicators), "TOTAL_MISMATCH")
    [finding] = only(run(YEAR + "(EIT) คะแนนรวม 95.87 คะแนน\n\n" + indicators),
                     "TOTAL_MISMATCH")
    assert "95.87" in finding.message and "97.87" in finding.message


def test_a_change_column_that_contradicts_its_scores() -> None:
    x = run(
        "ตัวชี้วัด\tปี 2565\tปี 2566\tผลต่าง\tเพิ่มขึ้น/ลดลง\n"
        "การปฏิบัติหน้าที่\t95.50\t97.25\t1.75\tเพิ่มขึ้น\n"
        "การใช้งบประมาณ\t96.00\t94.00\t2.00\tเพิ่มขึ้น\n"
        "การใช้อำนาจ\t90.00\t91.00\t3.00\tเพิ่มขึ้น\n"
    )
    findings = only(x, "CHANGE_LABEL_MISMATCH")
    assert len(findings) == 2
    assert "96 (2565)" in findings[0].message and "94 (2566)" in findings[0].message
    assert "3" in findings[1].message and "+1.00" in findings[1].message
    assert len(x.scores) == 6  # the scores are kept as printed


def test_a_table_that_looks_like_data_but_cannot_be_mapped() -> None:
    x = run("ตัวชี้วัด\tผู้รับผิดชอบ\tงบประมาณ\nการใช้อำนาจ\tกองคลัง\t50,000\n")
    [finding] = only(x, "UNKNOWN_TABLE")
    assert "ตัวชี้วัด | ผู้รับผิดชอบ" in finding.evidence


def test_the_corpus_raises_no_false_alarm() -> None:
    for fmt in ("txt", "docx", "pdf"):
        for path in sorted((FIXTURES / fmt).glob(f"*.{fmt}")):
            findings = convert_file(Input(path, path.name)).tables["findings"]
            alarms = [f["code"] for f in findings if f["severity"] in ("warning", "error")]
            # 000 writes its ITA year 2568 as 2668 once: a true finding
            expected = ["YEAR_TYPO"] if path.name.startswith("000") else []
            assert alarms == expected, path.name


def test_scores_are_unique_per_document_year_scope_and_code() -> None:
    for fmt in ("txt", "docx", "pdf"):
        for path in sorted((FIXTURES / fmt).glob(f"*.{fmt}")):
            rows = convert_file(Input(path, path.name)).tables["scores"]
            keys = [(r["doc_id"], r["assessment_year"], r["scope"],
                     r["name"] if r["scope"] == "question" else r["code"]) for r in rows]
            assert len(keys) == len(set(keys)), path.name
