"""A report's organisation, district, province and fiscal year, as its title and text name them."""

from __future__ import annotations

import pytest

from parsers.text import parse_text
from pipeline.extract.metadata import Metadata, read_metadata


def _meta(*paragraphs: str) -> Metadata:
    return read_metadata(parse_text("\n\n".join(paragraphs).encode("utf-8")))


def _findings(meta: Metadata, code: str) -> list[tuple[str, str]]:
    return [(f.severity, f.message) for f in meta.findings if f.code == code]


def test_the_official_district_wins_over_a_misspelling_written_more_often() -> None:
    meta = _meta(
        "รายงานผลการดำเนินการ องค์การบริหารส่วนตำบลร่อนทอง อำเภอสตีก จังหวัดบุรีรัมย์",
        "ประจำปีงบประมาณ พ.ศ. ๒๕๖๗",
        "องค์การบริหารส่วนตำบลร่อนทอง อำเภอสตีก ได้ดำเนินการตามมาตรการ",
        "ณ ที่ว่าการอำเภอสตึก",
    )
    assert meta.org is not None
    assert (meta.org.district, meta.org.province) == ("สตึก", "บุรีรัมย์")
    assert meta.org.org_id == "sao:ร่อนทอง:บุรีรัมย์"
    assert meta.spellings["district"] == ("สตึก", {"สตีก": 2, "สตึก": 1})
    [(severity, message)] = _findings(meta, "PLACE_CORRECTED")
    assert severity == "info"
    assert "สตีก (2×)" in message and "official name สตึก" in message
    assert _findings(meta, "PLACE_UNKNOWN") == []


def test_a_misspelling_alone_gives_the_official_name_and_says_what_was_written() -> None:
    meta = _meta("รายงานผลการดำเนินการ อบต.ร่อนทอง อ.สตีก จ.บุรีรัมม์ ประจำปีงบประมาณ 2567")
    assert meta.org is not None
    assert (meta.org.district, meta.org.province) == ("สตึก", "บุรีรัมย์")
    assert "district" not in meta.spellings  # one spelling seen: no variants to list
    messages = [m for _, m in _findings(meta, "PLACE_CORRECTED")]
    assert len(messages) == 2
    assert "district is written สตีก (1×)" in messages[0]
    assert "province is written บุรีรัมม์ (1×)" in messages[1]


def test_a_province_the_list_lacks_is_kept_as_written_with_a_warning() -> None:
    meta = _meta("รายงานผลการดำเนินการ องค์การบริหารส่วนตำบลพันชนะ จังหวัดโคราช")
    assert meta.org is not None
    assert meta.org.province == "โคราช"
    assert meta.org.org_id == "sao:พันชนะ:โคราช"
    [(severity, message)] = _findings(meta, "PLACE_UNKNOWN")
    assert severity == "warning"
    assert "province โคราช is not in the official list" in message


def test_a_district_of_another_province_is_kept_as_written_with_a_warning() -> None:
    meta = _meta("รายงาน องค์การบริหารส่วนตำบลพันชนะ อำเภอด่านขุนทด จังหวัดขอนแก่น")
    assert meta.org is not None
    assert (meta.org.district, meta.org.province) == ("ด่านขุนทด", "ขอนแก่น")
    [(_, message)] = _findings(meta, "PLACE_UNKNOWN")
    assert "district ด่านขุนทด" in message and "of ขอนแก่น" in message


def test_a_bangkok_office_names_its_khet_and_bangkok() -> None:
    meta = _meta("รายงานผลการดำเนินงาน สำนักงานเขตบางรัก ประจำปีงบประมาณ พ.ศ. ๒๕๖๖")
    assert meta.org is not None
    assert (meta.org.org_type, meta.org.full_name) == ("other", "สำนักงานเขตบางรัก")
    assert (meta.org.district, meta.org.province) == ("บางรัก", "กรุงเทพมหานคร")
    assert meta.org.org_id == "other:สำนักงานเขตบางรัก:กรุงเทพมหานคร"
    assert meta.fiscal_year == 2566
    assert meta.findings == ()


def test_a_hyphenated_name_and_the_capital_district() -> None:
    meta = _meta(
        "รายงานผลการดำเนินการ เทศบาลตำบลบ้านใหม่-หนองบัว อำเภอเมือง จังหวัดนครราชสีมา",
        "เทศบาลตำบลบ้านใหม่-หนองบัวได้ดำเนินการ",
    )
    assert meta.org is not None
    assert meta.org.full_name == "เทศบาลตำบลบ้านใหม่-หนองบัว"
    assert meta.org.org_id == "subdistrict_municipality:บ้านใหม่-หนองบัว:นครราชสีมา"
    assert meta.org.district == "เมืองนครราชสีมา"
    [(_, message)] = _findings(meta, "PLACE_CORRECTED")
    assert "written เมือง (1×)" in message


@pytest.mark.parametrize(
    ("title", "org_name", "org_id"),
    [
        ("รายงานประจำปี ๒๕๖๕ มหาวิทยาลัยราชภัฏนครราชสีมา",
         "มหาวิทยาลัยราชภัฏนครราชสีมา", "other:มหาวิทยาลัยราชภัฏนครราชสีมา"),
        ("รายงานผลการดำเนินงาน กรมส่งเสริมการปกครองท้องถิ่น ประจำปีงบประมาณ ๒๕๖๕",
         "กรมส่งเสริมการปกครองท้องถิ่น", "other:กรมส่งเสริมการปกครองท้องถิ่น"),
        ("รายงานการประเมิน ITA โรงเรียนบ้านหนองบัว ประจำปีงบประมาณ ๒๕๖๕",
         "โรงเรียนบ้านหนองบัว", "other:โรงเรียนบ้านหนองบัว"),
        ("รายงานผลการดำเนินงาน โรงพยาบาลด่านขุนทด อำเภอด่านขุนทด จังหวัดนครราชสีมา",
         "โรงพยาบาลด่านขุนทด", "other:โรงพยาบาลด่านขุนทด:นครราชสีมา"),
        ("มาตรการส่งเสริมคุณธรรม การไฟฟ้าส่วนภูมิภาคอำเภอพล ประจำปีงบประมาณ ๒๕๖๕",
         "การไฟฟ้าส่วนภูมิภาคอำเภอพล", "other:การไฟฟ้าส่วนภูมิภาคอำเภอพล"),
    ],
)
def test_another_agency_is_its_own_organisation(title: str, org_name: str, org_id: str) -> None:
    meta = _meta(title, "ผลการประเมิน ITA ได้คะแนน ๙๒.๑๐ คะแนน")
    assert meta.org is not None
    assert (meta.org.org_type, meta.org.full_name, meta.org.org_id) == ("other", org_name, org_id)


def test_a_local_organisation_in_the_title_wins_over_the_agency_it_cites() -> None:
    meta = _meta("รายงานผลตามแนวทางของกรมส่งเสริมการปกครองท้องถิ่น ขององค์การบริหารส่วนตำบลทองเอน")
    assert meta.org is not None
    assert meta.org.org_id == "sao:ทองเอน"


def test_agencies_cited_in_the_text_are_not_the_organisation() -> None:
    meta = _meta(
        "รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส",
        "ตามหนังสือกรมส่งเสริมการปกครองท้องถิ่น และสำนักงานคณะกรรมการป้องกันและปราบปรามการทุจริต",
        "องค์การบริหารส่วนตำบลทองเอนได้ดำเนินการ",
    )
    assert meta.org is not None
    assert meta.org.org_id == "sao:ทองเอน"
    not_in_title = _meta("รายงานผลการดำเนินการ", "ผลการประเมิน ITA",
                         "ตามหนังสือกรมส่งเสริมการปกครองท้องถิ่น")
    assert not_in_title.org is None


def test_an_agency_named_in_its_title_and_more_than_a_local_one_is_the_organisation() -> None:
    meta = _meta(
        "รายงานผลการดำเนินงาน กรมส่งเสริมการปกครองท้องถิ่น",
        "ประจำปีงบประมาณ พ.ศ. ๒๕๖๖",
        "กรมส่งเสริมการปกครองท้องถิ่นได้ติดตามผล องค์การบริหารส่วนตำบลทองเอน",
    )
    assert meta.org is not None
    assert meta.org.org_id == "other:กรมส่งเสริมการปกครองท้องถิ่น"


@pytest.mark.parametrize(
    "title",
    [
        "รายงานประจำปี ๒๕๖๕ องค์การบริหารส่วนตำบลทองเอน",
        "รายงานประจำปี พ.ศ. ๒๕๖๕ องค์การบริหารส่วนตำบลทองเอน",
        "รายงานผลการดำเนินการ ประจำปีงบประมาณ ๒๕๖๕ องค์การบริหารส่วนตำบลทองเอน",
        "รายงานผลการดำเนินการ ปีงบประมาณ พ.ศ. ๒๕๖๕ องค์การบริหารส่วนตำบลทองเอน",
        "รายงานผลการดำเนินการ ปีงบประมาณ พ.ศ.2565 องค์การบริหารส่วนตำบลทองเอน",
    ],
)
def test_each_way_a_title_gives_the_fiscal_year(title: str) -> None:
    # the text speaks of another fiscal year first: the title's is the report's
    meta = _meta(title, "ตามแผนของปีงบประมาณ ๒๕๖๔ ที่ผ่านมา")
    assert meta.fiscal_year == 2565


def test_a_list_of_institution_kinds_is_not_a_province() -> None:
    meta = _meta(
        "รายงานผลการดำเนินการ องค์การบริหารส่วนตำบลทองเอน",
        "การประเมิน ITA ครอบคลุมหน่วยงานภาครัฐ ได้แก่ กระทรวง กรม จังหวัด กองทุน สถาบัน "
        "องค์การมหาชน",
    )
    assert meta.org is not None
    assert (meta.org.province, meta.org.org_id) == (None, "sao:ทองเอน")
    assert meta.findings == ()


def test_place_findings_reach_the_findings_table(tmp_path) -> None:
    """What metadata says of places is in the converted file's findings, not only in memory."""
    from pipeline import convert_file

    report = tmp_path / "report.txt"
    report.write_text("รายงานผลการดำเนินการ อบต.ร่อนทอง อ.สตีก จ.บุรีรัมม์ "
                      "ประจำปีงบประมาณ 2567\n", "utf-8")
    converted = convert_file(report)
    assert converted.document["district"] == "สตึก"
    assert converted.document["province"] == "บุรีรัมย์"
    codes = [f["code"] for f in converted.tables["findings"]]
    assert codes.count("PLACE_CORRECTED") == 2
