import dataclasses

import pytest

from normalise.org import (
    ORG_TYPES,
    Org,
    PlaceName,
    find_agencies,
    find_orgs,
    find_place,
    find_places,
    read_places,
)


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


@pytest.mark.parametrize(
    ("text", "org_type", "name"),
    [
        ("เทศบาลตำบลบ้านใหม่-หนองบัว อำเภอเมือง", "subdistrict_municipality", "บ้านใหม่-หนองบัว"),
        ("ของเทศบาลตำบลบ้านใหม่-หนองบัวประจำปี", "subdistrict_municipality", "บ้านใหม่-หนองบัว"),
        ("ทม.สุไหงโก-ลก", "town_municipality", "สุไหงโก-ลก"),
        ("อบต.นาดี–นาดูน ได้ดำเนินการ", "sao", "นาดี–นาดูน"),  # an en dash, kept as written
        ("องค์การบริหารส่วนตำบลทองเอน-อำเภอเมือง", "sao", "ทองเอน"),  # a hyphen before a place
    ],
)
def test_a_name_is_not_cut_at_its_hyphen(text, org_type, name):
    [org] = find_orgs(text)
    assert (org.org_type, org.name) == (org_type, name)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("องค์การบริหารส่วนตำบลมีชัยได้ดำเนินการ", "มีชัย"),  # มี (has) opens the name
        ("องค์การบริหารส่วนตำบลตาเมียงอำเภอพนมดงรัก", "ตาเมียง"),  # มี inside it
        ("อบต.ดำเนินสะดวกเป็นผู้", "ดำเนินสะดวก"),  # ดำเนิน (carry out) opens it
    ],
)
def test_a_following_word_inside_an_official_place_name_does_not_cut_it(text, name):
    [org] = find_orgs(text)
    assert org.name == name


def test_a_following_word_that_is_also_a_place_name_still_ends_a_name():
    assert find_orgs("อบต.และประชาชน") == []  # และ is a subdistrict, here the word "and"


@pytest.mark.parametrize(
    ("text", "agencies"),
    [
        ("รายงานผลการดำเนินงาน กรมส่งเสริมการปกครองท้องถิ่น ประจำปีงบประมาณ 2565",
         ["กรมส่งเสริมการปกครองท้องถิ่น"]),
        ("รายงานประจำปี 2565 มหาวิทยาลัยราชภัฏนครราชสีมา", ["มหาวิทยาลัยราชภัฏนครราชสีมา"]),
        ("โรงเรียนบ้านหนองบัวได้รับการประเมิน", ["โรงเรียนบ้านหนองบัว"]),
        ("โรงพยาบาลส่งเสริมสุขภาพตำบลบ้านโนนประจำปี", ["โรงพยาบาลส่งเสริมสุขภาพตำบลบ้านโนน"]),
        ("การไฟฟ้าส่วนภูมิภาคอำเภอพล ได้รับ", ["การไฟฟ้าส่วนภูมิภาคอำเภอพล"]),
        # an agency's own province is part of its name
        ("สำนักงานสาธารณสุขจังหวัดขอนแก่น", ["สำนักงานสาธารณสุขจังหวัดขอนแก่น"]),
        ("สำนักงานเขตมีนบุรี กรุงเทพมหานคร", ["สำนักงานเขตมีนบุรี"]),
        ("หน่วยงานภาครัฐ ได้แก่ กระทรวง กรม จังหวัด กองทุน สถาบัน", []),  # kinds, no names
        ("กรมธรรม์ประกันภัย", []),  # an insurance policy
        ("สำนักงานปลัดองค์การบริหารส่วนตำบล", []),  # an organisation's own office
    ],
)
def test_find_agencies(text, agencies):
    found = find_agencies(text)
    assert [a.name for a in found] == agencies
    assert {a.org_type for a in found} <= {"other"}


def test_an_agency_is_named_whole_and_keyed_by_its_name():
    [agency] = find_agencies("สำนักงานสาธารณสุขจังหวัดขอนแก่น")
    assert agency.full_name == "สำนักงานสาธารณสุขจังหวัดขอนแก่น"
    assert agency.org_id == "other:สำนักงานสาธารณสุขจังหวัดขอนแก่น:ขอนแก่น"


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("หน่วยงาน ได้แก่ จังหวัด กองทุน สถาบัน", (None, None)),  # kinds of institution
        ("ระดับอำเภอ และจังหวัด", (None, None)),
        ("จังหวัด นครราชสีมา อำเภอ ด่านขุนทด", ("ด่านขุนทด", "นครราชสีมา")),  # spaced, official
        ("อ.สตีก จ.บุรีรัมม์", ("สตึก", "บุรีรัมย์")),  # misspelt, each close to one name
        ("อำเภอเมือง จังหวัดบุรีรัมย์", ("เมืองบุรีรัมย์", "บุรีรัมย์")),
        ("สำนักงานเขตบางรัก", ("บางรัก", "กรุงเทพมหานคร")),  # a khet is in Bangkok
        ("ในเขตพื้นที่ของจังหวัดขอนแก่น", (None, "ขอนแก่น")),  # เขต (area), no khet
        ("อำเภอสุไหงโก-ลก จังหวัดนราธิวาส", ("สุไหงโก-ลก", "นราธิวาส")),
        ("จังหวัดโคราช", (None, "โคราช")),  # not in the list: kept as written
    ],
)
def test_places_in_their_official_names(text, place):
    assert find_place(text) == place


def test_the_official_spelling_wins_over_the_most_written():
    text = "อำเภอสตีก จังหวัดบุรีรัมย์ ... อำเภอสตีก ... อำเภอสตึก"
    places = read_places(text)
    assert places.district == PlaceName("สตึก", {"สตีก": 2, "สตึก": 1}, official=True)
    assert places.province == PlaceName("บุรีรัมย์", {"บุรีรัมย์": 1}, official=True)


def test_a_district_is_read_among_its_provinces():
    # โนนสุง is as near โนนสูง (นครราชสีมา) as โนนสัง (หนองบัวลำภู): the province decides
    assert read_places("อำเภอโนนสุง จังหวัดนครราชสีมา").district == PlaceName(
        "โนนสูง", {"โนนสุง": 1}, official=True)
    assert read_places("อำเภอโนนสุง").district == PlaceName(
        "โนนสุง", {"โนนสุง": 1}, official=False)


def test_the_first_official_place_is_the_one_read():
    places = read_places("อำเภอไม่มีจริง อำเภอด่านขุนทด จังหวัดนครราชสีมา")
    assert places.district == PlaceName("ด่านขุนทด", {"ด่านขุนทด": 1}, official=True)


def test_a_place_the_list_lacks_keeps_its_most_written_spelling():
    places = read_places("จังหวัดโคราช จังหวัดโคราช จังหวัดโคลาช")
    assert places.province == PlaceName("โคราช", {"โคราช": 2, "โคลาช": 1}, official=False)


def test_find_places_leaves_out_words_after_a_spaced_prefix_that_are_no_place():
    text = "จังหวัด กองทุน สถาบัน อำเภอ ด่านขุนทด จังหวัดนครราชสีมา เขตพื้นที่ เขตบางรัก"
    assert find_places(text) == (["ด่านขุนทด", "บางรัก"], ["นครราชสีมา"])
