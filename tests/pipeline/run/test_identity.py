"""One organisation, one spelling in a document and one org_id across the files of a batch."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from parsers.text import parse_text
from pipeline.cli import main
from pipeline.extract.document import extract
from pipeline.extract.metadata import read_metadata

TITLE = "รายงานผลการดำเนินการ องค์การบริหารส่วนตำบลร้อนทอง อำเภอสตีก จังหวัดบุรีรัมม์ ประจำปีงบประมาณ พ.ศ. 2567"
BODY = (
    "\n\nองค์การบริหารส่วนตำบลร่อนทอง อำเภอสตึก จังหวัดบุรีรัมย์ ได้ดำเนินการ"
    "\n\nอบต.ร่อนทอง อำเภอสตึก จัดประชุม\n\nเทศบาลตำบลร่อนทอง อำเภอสตึก จังหวัดบุรีรัมย์\n"
)


def test_the_spelling_used_most_wins_and_the_province_is_the_official_one() -> None:
    # the title misspells ร่อนทอง, สตึก and บุรีรัมย์; the body spells them right, more often
    meta = read_metadata(parse_text((TITLE + BODY).encode("utf-8")))
    assert meta.org is not None
    assert (meta.org.org_type, meta.org.name) == ("sao", "ร่อนทอง")
    assert (meta.org.district, meta.org.province) == ("สตึก", "บุรีรัมย์")
    assert meta.org.full_name == "องค์การบริหารส่วนตำบลร่อนทอง"
    assert meta.org.org_id == "sao:ร่อนทอง:บุรีรัมย์"


def test_a_name_spelt_several_ways_is_an_info_finding() -> None:
    findings = extract(parse_text((TITLE + BODY).encode("utf-8")), "d").findings
    variants = [f for f in findings if f.code == "NAME_VARIANTS"]
    assert [f.severity for f in variants] == ["info"] * 3
    assert "ร่อนทอง (2×)" in variants[0].message and "ร้อนทอง (1×)" in variants[0].message


def test_abbreviated_and_full_names_are_one_organisation() -> None:
    short = read_metadata(parse_text("รายงาน อบต.ทองเอน ประจำปีงบประมาณ พ.ศ. 2568\n".encode()))
    full = read_metadata(parse_text(
        "รายงาน องค์การบริหารส่วนตำบลทองเอน ประจำปีงบประมาณ พ.ศ. 2567\n".encode()))
    assert short.org is not None and full.org is not None
    assert short.org.org_id == full.org.org_id == "sao:ทองเอน"


def test_a_file_without_province_gets_the_one_its_other_files_name(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "2566.txt").write_text(
        "รายงาน องค์การบริหารส่วนตำบลพันชนะ อำเภอด่านขุนทด จังหวัดนครราชสีมา "
        "ประจำปีงบประมาณ 2566\n\nโดยภาพรวมได้คะแนน 85.48 อยู่ในระดับ ผ่าน\n", "utf-8")
    (folder / "2567.txt").write_text(
        "รายงาน อบต.พันชนะ ประจำปีงบประมาณ 2567\n\n"
        "ผลการประเมิน ITA ประจำปี พ.ศ. 2567 คะแนนภาพรวม 90.10 คะแนน\n", "utf-8")
    (folder / "other.txt").write_text(
        "รายงาน เทศบาลตำบลพันชนะ ประจำปีงบประมาณ 2567\n", "utf-8")
    assert main(["convert", str(folder), "--out", str(tmp_path / "out"), "--quiet"]) == 0
    docs = pd.read_parquet(tmp_path / "out" / "documents.parquet").set_index("source_path")
    assert docs.loc["2566.txt", "org_id"] == docs.loc["2567.txt", "org_id"] == (
        "sao:พันชนะ:นครราชสีมา")
    assert docs.loc["other.txt", "org_id"] == "subdistrict_municipality:พันชนะ"  # another body
    scores = pd.read_parquet(tmp_path / "out" / "scores.parquet")
    assert set(scores["org_id"]) == {"sao:พันชนะ:นครราชสีมา"}
