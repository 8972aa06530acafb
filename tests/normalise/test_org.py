import dataclasses

import pytest

from normalise.org import ORG_TYPES, Org, find_orgs, find_place


def test_org_types():
    assert ORG_TYPES == (
        ("sao", "องค์การบริหารส่วนตำบล", ("อบต.",)),
        ("subdistrict_municipality", "เทศบาลตำบล", ("ทต.",)),
        ("town_municipality", "เทศบาลเมือง", ("ทม.",)),
        ("city_municipality", "เทศบาลนคร", ("ทน.",)),
        ("pao", "องค์การบริหารส่วนจังหวัด", ("อบจ.",)),
    )


def test_org_full_name_and_id():
    org = Org("sao", "พันชนะ", "ด่านขุนทด", "นครราชสีมา")
    assert org.full_name == "องค์การบริหารส่วนตำบลพันชนะ"
    assert org.org_id == "sao:พันชนะ:นครราชสีมา"
    assert Org("sao", "ทองเอน", None, None).org_id == "sao:ทองเอน"
    assert Org("subdistrict_municipality", "ลำน้ำพอง", None, None).full_name == "เทศบาลตำบลลำน้ำพอง"
    assert Org("pao", "ขอนแก่น", None, "ขอนแก่น").full_name == "องค์การบริหารส่วนจังหวัดขอนแก่น"


def test_org_is_frozen():
    with pytest.raises(dataclasses.FrozenInstanceError):
        Org("sao", "ทองเอน", None, None).name = "อื่น"  # type: ignore[misc]


def test_full_name_with_place():
    text = "องค์การบริหารส่วนตำบลพันชนะ    อำเภอด่านขุนทด  จังหวัดนครราชสีมา"
    [org] = find_orgs(text)
    assert org == Org("sao", "พันชนะ", "ด่านขุนทด", "นครราชสีมา")
    assert org.org_id == "sao:พันชนะ:นครราชสีมา"


@pytest.mark.parametrize(
    ("text", "org_type", "name"),
    [
        ("ขององค์การบริหารส่วนตำบลทองเอนในปีงบประมาณ", "sao", "ทองเอน"),
        ("เทศบาลตำบลลำน้ำพอง ประจำปี", "subdistrict_municipality", "ลำน้ำพอง"),
        ("อบต.ทองเอน", "sao", "ทองเอน"),
        ("อบต. พันชนะ", "sao", "พันชนะ"),
        ("ทต.ลำน้ำพอง", "subdistrict_municipality", "ลำน้ำพอง"),
        ("ทม.บ้านไผ่", "town_municipality", "บ้านไผ่"),
        ("เทศบาลเมืองบ้านไผ่", "town_municipality", "บ้านไผ่"),
        ("ทน.ขอนแก่น", "city_municipality", "ขอนแก่น"),
        ("เทศบาลนครขอนแก่น", "city_municipality", "ขอนแก่น"),
        ("องค์การบริหารส่วนจังหวัดขอนแก่น", "pao", "ขอนแก่น"),
        ("อบจ.ขอนแก่น", "pao", "ขอนแก่น"),
        ("รายงานของเทศบาลตำบลลำน้ำพอง**", "subdistrict_municipality", "ลำน้ำพอง"),
        ("องค์การบริหารส่วนตำบลพันชนะ\tโทร 044-300639", "sao", "พันชนะ"),
        ("ขององค์การบริหารส่วนตำบลพันชนะเพื่อเสริมสร้างวัฒนธรรม", "sao", "พันชนะ"),
        ("องค์การบริหารส่วนตำบลพันชนะเป็นปัจจุบัน", "sao", "พันชนะ"),
        ("องค์การบริหารส่วนตำบลพันชนะดำเนินการวิเคราะห์", "sao", "พันชนะ"),
        ("องค์การบริหารส่วนตำบลพันชนะได้จัดทำ", "sao", "พันชนะ"),
        ("องค์การบริหารส่วนตำบลพันชนะและประชาชน", "sao", "พันชนะ"),
        ("องค์การบริหารส่วนตำบลพันชนะโดยมี", "sao", "พันชนะ"),
        ("องค์การบริหารส่วนตำบลพันชนะซึ่ง", "sao", "พันชนะ"),
        ("องค์การบริหารส่วนตำบลพันชนะมีการ", "sao", "พันชนะ"),
        ("องค์การบริหารส่วนตำบลพันชนะปีงบประมาณ", "sao", "พันชนะ"),
        ("องค์การบริหารส่วนตำบลพันชนะกับประชาชน", "sao", "พันชนะ"),
        ("องค์การบริหารส่วนตำบลพันชนะเรียบร้อยแล้ว", "sao", "พันชนะ"),
        ("องค์การบริหารส่วนตำบลพันชนะรักษาการ", "sao", "พันชนะ"),
        ("องค์การบริหารส่วนตำบลพันชนะอำเภอด่านขุนทด", "sao", "พันชนะ"),
        ("องค์การบริหารส่วนตำบล\u200bทองเอน", "sao", "ทองเอน"),
    ],
)
def test_find_one_org(text, org_type, name):
    [org] = find_orgs(text)
    assert (org.org_type, org.name) == (org_type, name)


def test_pao_is_not_a_sao_named_after_the_province_word():
    [org] = find_orgs("องค์การบริหารส่วนจังหวัดนครราชสีมา")
    assert org.org_type == "pao"
    assert org.name == "นครราชสีมา"


def test_every_mention_in_order_with_the_place_of_the_text():
    text = "อบต.พันชนะ ร่วมกับเทศบาลตำบลลำน้ำพอง และองค์การบริหารส่วนตำบลพันชนะ อ.ด่านขุนทด จ.นครราชสีมา"
    assert find_orgs(text) == [
        Org("sao", "พันชนะ", "ด่านขุนทด", "นครราชสีมา"),
        Org("subdistrict_municipality", "ลำน้ำพอง", "ด่านขุนทด", "นครราชสีมา"),
        Org("sao", "พันชนะ", "ด่านขุนทด", "นครราชสีมา"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "",
        "รายงานผลการดำเนินการ",
        "เทศบาลที่ทำงานเกิน",  # "municipality" with no type and no name
        "อบต.ได้ดำเนินการ",  # the abbreviation used as a common noun
        "อบต.",
        "พัฒนา Website อบรม.ทองเอน",  # อบรม (training) is not อบต.
        "องค์การบริหารส่วนตำบล ประจำปี",
    ],
)
def test_no_org(text):
    assert find_orgs(text) == []


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("อำเภอด่านขุนทด  จังหวัดนครราชสีมา", ("ด่านขุนทด", "นครราชสีมา")),
        ("อ.บ้านไผ่ จ.ขอนแก่น", ("บ้านไผ่", "ขอนแก่น")),
        ("อ. บ้านไผ่ จ. ขอนแก่น", ("บ้านไผ่", "ขอนแก่น")),
        ("อำเภอด่านขุนทดจังหวัดนครราชสีมา", ("ด่านขุนทด", "นครราชสีมา")),
        ("จังหวัดนครราชสีมา อำเภอด่านขุนทด", ("ด่านขุนทด", "นครราชสีมา")),
        ("อำเภอพล อำเภอบ้านไผ่", ("พล", None)),
        ("อสม. และ จ.ส.ต. อ.ส.ม.", (None, None)),
        ("ทุกจังหวัดได้", (None, None)),
        ("", (None, None)),
    ],
)
def test_find_place(text, place):
    assert find_place(text) == place


def test_corpus_heading():
    text = (
        "รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ 2566\n"
        "องค์การบริหารส่วนตำบลพันชนะ    อำเภอด่านขุนทด  จังหวัดนครราชสีมา\n"
    )
    assert [org.org_id for org in find_orgs(text)] == ["sao:พันชนะ:นครราชสีมา"]
