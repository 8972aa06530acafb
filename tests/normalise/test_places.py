"""Official province and district names, and the official name a written one means."""

import pytest

from normalise.places import (
    BANGKOK,
    canonical_district,
    canonical_province,
    districts_meant,
    place_names,
    provinces_meant,
    variant_limit,
)


@pytest.mark.parametrize(
    ("written", "official"),
    [
        ("นครราชสีมา", "นครราชสีมา"),
        ("บุรีรัมย์", "บุรีรัมย์"),
        ("บุรีรัมม์", "บุรีรัมย์"),  # ย typed as ม
        ("ขอนแกน", "ขอนแก่น"),  # tone mark lost
        ("อยุธยา", "พระนครศรีอยุธยา"),  # the short form everyone writes
        ("กรุงเทพมหานคร", BANGKOK),
        ("กองทุน", None),  # a kind of institution, no province
        ("สถาบัน", None),
        ("โคราช", None),  # a nickname the list does not hold
        ("", None),
    ],
)
def test_canonical_province(written, official):
    assert canonical_province(written) == official


@pytest.mark.parametrize(
    ("written", "province", "official"),
    [
        ("สตึก", "บุรีรัมย์", "สตึก"),
        ("สตีก", "บุรีรัมย์", "สตึก"),  # ึ typed as ี
        ("สตีก", None, "สตึก"),  # no other district is that near
        ("ด่านขุนทด", None, "ด่านขุนทด"),
        ("ด่านขุนทด", "ขอนแก่น", None),  # a district of นครราชสีมา, not of ขอนแก่น
        ("เมือง", "บุรีรัมย์", "เมืองบุรีรัมย์"),  # อ.เมือง: the province's capital district
        ("เมือง", None, None),  # every province has one
        ("โนนสุง", "นครราชสีมา", "โนนสูง"),
        ("โนนสุง", None, None),  # near โนนสูง (นครราชสีมา) and โนนสัง (หนองบัวลำภู)
        ("สุไหงโกลก", "นราธิวาส", "สุไหงโก-ลก"),  # the official name has a hyphen
        ("พระนคร", BANGKOK, "พระนคร"),  # a khet, named without เขต
        ("เขตพระนคร", BANGKOK, "พระนคร"),
        ("บางลัก", BANGKOK, "บางรัก"),
        ("พื้นที่", BANGKOK, None),  # ในเขตพื้นที่: "in the area", no khet
        ("กองทุน", None, None),
    ],
)
def test_canonical_district(written, province, official):
    assert canonical_district(written, province) == official


def test_names_meant_are_every_candidate():
    assert provinces_meant("กองทุน") == frozenset()
    assert districts_meant("โนนสุง") == {"โนนสูง", "โนนสัง"}
    assert len(districts_meant("เมือง")) == 76  # the capital district of each province but Bangkok


def test_place_names_hold_every_level():
    names = place_names()
    assert {"นครราชสีมา", "ด่านขุนทด", "พันชนะ", "มีนบุรี", "เขตมีนบุรี", "ตาเมียง"} <= names
    assert "กองทุน" not in names


@pytest.mark.parametrize(("name", "limit"), [("พล", 1), ("สตึก", 1), ("ด่านขุนทด", 2)])
def test_variant_limit(name, limit):
    assert variant_limit(name) == limit
