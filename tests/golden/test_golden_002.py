"""002: องค์การบริหารส่วนตำบลพันชนะ, report of FY 2566. Values read off the report."""

from __future__ import annotations

from datetime import date

from tests.support.golden import converted, scores_by_key

DOC = "002"

# code, title as written, sub-indicator heading above it, responsible units
O_ITEMS = [
    ("O1", "โครงสร้าง", "9.1"),
    ("O2", "ข้อมูลผู้บริหาร", "9.1"),
    ("O3", "อำนาจหน้าที่", "9.1"),
    ("O4", "แผนยุทธศาสตร์หรือแผนพัฒนาหน่วยงาน", "9.1"),
    ("O5", "ข้อมูลการติดต่อ", "9.1"),
    ("O6", "กฎหมายที่เกี่ยวข้อง", "9.1"),
    ("O7", "ข่าวประชาสัมพันธ์", "9.1"),
    ("O8", "Q&A", "9.1"),
    ("O9", "Social Network", "9.1"),
    ("O10", "นโยบายคุ้มครองข้อมูลส่วนบุคคล", "9.1"),
    ("O11", "แผนดำเนินงานและการใช้จ่ายงบประมาณประจำปี", "9.2"),
    ("O12", "รายงานการกำกับติดตามการดำเนินงานและการใช้จ่ายงบประมาณประจำปีรอบ 6 เดือน", "9.2"),
    ("O13", "รายงานผลการดำเนินงานประจำปี", "9.2"),
    ("O14", "คู่มือมาตรฐานการปฏิบัติงาน", "9.2"),
    ("O15", "คู่มือหรือมาตรฐาน การให้บริการ", "9.2"),
    ("O16", "ข้อมูลเชิงสถิติการให้บริการ", "9.2"),
    ("O17", "รายงานผลการสำรวจความพึงพอใจการให้บริการ", "9.2"),
    ("O18", "E-Service", "9.2"),
    ("O19", "แผนการจัดซื้อจัดจ้างหรือการจัดหาพัสดุ", "9.3"),
    ("O20", "ประกาศต่างๆเกี่ยวกับการจัดซื้อจัดจ้างหรือการจัดหาพัสดุ", "9.3"),
    ("O21", "สรุปผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุรายเดือน", "9.3"),
    ("O22", "รายงานผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุประจำปี", "9.3"),
    ("O23", "นโยบายการบริหารทรัพยากรบุคคล", "9.4"),
    ("O24", "การดำเนินการตามนโยบายการบริหารทรัพยากรบุคคล", "9.4"),
    ("O25", "หลักเกณฑ์การบริหารและพัฒนาทรัพยากรบุคคล", "9.4"),
    ("O26", "รายงานผลการบริหารและพัฒนาทรัพยากรบุคคลประจำปี", "9.4"),
    ("O27", "แนวปฏิบัติการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ", "9.5"),
    ("O28", "ช่องทางแจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ", "9.5"),
    ("O29", "ข้อมูลเชิงสถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบประจำปี", "9.5"),
    ("O30", "การเปิดโอกาสให้เกิดการมีส่วนร่วม", "9.5"),
    ("O31", "ประกาศเจตนารมณ์นโยบาย No Gift Policy จากการปฏิบัติหน้าที่", "10.1"),
    ("O32", "การสร้างวัฒนธรรม No Gift Policy", "10.1"),
    ("O33", "รายงานผลตานโยบาย No Gift Policy", "10.1"),
    ("O34", "การประเมินความเสี่ยงการทุจริตและประพฤติมิชอบประจำปี", "10.1"),
    ("O35", "การดำเนินการเพื่อจัดการความเสี่ยงการทุจริตและประพฤติมิชอบ", "10.1"),
    ("O36", "แผนปฏิบัติการป้องกันการทุจริต", "10.1"),
    ("O37", "รายงานการกำกับติดตามการดำเนินการป้องกันการทุจริตประจำปีรอบ 6 เดือน", "10.1"),
    ("O38", "รายงานผลการดำเนินการป้องกันการทุจริตประจำปี", "10.1"),
    ("O39", "ประมวลจริยธรรมสำหรับเจ้าหน้าที่ของรัฐ", "10.2"),
    ("O40", "การขับเคลื่อนจริยธรรม", "10.2"),
    ("O41", "การประเมินจริยธรรมของเจ้าหน้าที่ของรัฐ", "10.2"),
    ("O42", "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน", "10.2"),
    ("O43", "การดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน", "10.2"),
]
RESPONSIBLE = {
    "O11": ["สำนักปลัด", "กองคลัง"],
    "O12": ["สำนักปลัด", "กองคลัง"],
    "O13": ["สำนักปลัด", "กองคลัง"],
    "O14": ["สำนักปลัด", "กองช่าง", "กองคลัง"],
    **{f"O{n}": ["กองคลัง"] for n in range(19, 23)},
}


def test_metadata() -> None:
    doc = converted(DOC).document
    assert doc["org_name"] == "องค์การบริหารส่วนตำบลพันชนะ"
    assert doc["org_type"] == "sao"
    assert (doc["district"], doc["province"]) == ("ด่านขุนทด", "นครราชสีมา")
    assert doc["org_id"] == "sao:พันชนะ:นครราชสีมา"
    assert doc["fiscal_year"] == 2566
    assert doc["assessment_year"] == 2566


def test_scores() -> None:
    assert scores_by_key(DOC) == {
        (2566, "overall", "ITA"): 85.48,
        (2566, "tool", "IIT"): 98.79,
        (2566, "tool", "EIT"): 90.81,
        (2566, "tool", "OIT"): 71.50,
    }
    overall = next(r for r in converted(DOC).tables["scores"] if r["scope"] == "overall")
    assert overall["grade"] == "pass"  # อยู่ในระดับ ผ่าน


def test_all_43_o_items() -> None:
    items = converted(DOC).tables["o_items"]
    assert [(i["code"], i["title"], i["subindicator"]) for i in items] == O_ITEMS
    for item in items:
        assert item["responsible"] == RESPONSIBLE.get(item["code"], ["สำนักปลัด"]), item["code"]
        assert item["assessment_year"] == 2566


def test_o_item_status_is_unknown_where_the_ticks_were_lost() -> None:
    items = converted(DOC).tables["o_items"]
    # both labels stand bare in every row of the text export: never guess
    assert {i["status"] for i in items} == {"unknown"}


def test_o_item_evidence_is_the_progress_text_only() -> None:
    items = {i["code"]: i for i in converted(DOC).tables["o_items"]}
    assert items["O1"]["evidence"] == "- เปิดเผยข้อมูลบนเว็บไซต์หลักของหน่วยงานครบตามองค์ประกอบ"
    assert items["O18"]["evidence"] == (
        "- จัดทำคู่มือการให้บริการประชาชน ซึ่งเผยแพร่ผ่านเว็บไซต์องค์การบริหารส่วนตำบลพันชนะ"
    )  # the 9.3 heading that follows it in the export is not evidence
    assert all("ดำเนินการ\n" not in (i["evidence"] or "") for i in items.values())


def test_measures() -> None:
    measures = converted(DOC).tables["measures"]
    assert len(measures) == 11  # 3 measures, then one row per IIT/EIT indicator 1-8
    assert {m["stage"] for m in measures} == {"report"}
    assert measures[0]["measure"] == (
        "มาตราการเสริมสร้างความซื่อสัตย์สุจริต และปลูกฝังทัศนคติ วัฒนธรรมที่ดีในการต่อต้านการทุจริต"
    )
    assert measures[0]["responsible"] == ["สำนักปลัด"]
    assert measures[0]["period_text"] == "ตลอดปีงบประมาณ"
    assert measures[2]["responsible"] == [
        "คณะกรรมการทบทวน ปรับปรุงการจัดทำคู่มือการใช้ทรัพย์สินของทางราชการ", "กองคลัง"
    ]
    assert "ประเด็นการประเมิน" not in measures[2]["outcome"]
    assert [m["indicators"] for m in measures] == [["9.4"], ["8"], ["4"]] + [
        [str(n)] for n in range(1, 9)
    ]
    assert [m["topic"] for m in measures[3:5]] == [
        "ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่", "ตัวชี้วัดที่ 2 การใช้งบประมาณ"
    ]
    assert [m["responsible"] for m in measures[3:]] == [
        ["ทุกส่วนงาน"], ["สำนักปลัด", "กองคลัง"], ["สำนักปลัด"], ["กองคลัง"], ["สำนักปลัด"],
        ["สำนักปลัด"], ["สำนักปลัด"], ["สำนักปลัด"],
    ]
    fy_2566 = (date(2022, 10, 1), date(2023, 9, 30))
    assert all((m["period_start"], m["period_end"]) == fy_2566 for m in measures)
    assert measures[3]["period_text"] == "ต.ค. 65 ถึง ก.ย. 66"


def test_measure_2_units_written_in_the_wrong_column_are_flagged() -> None:
    measure = converted(DOC).tables["measures"][1]
    assert measure["responsible"] == [
        "เจ้าหน้าที่ประชาสัมพันธ์", "สำนักปลัด", "กองคลัง", "กองช่าง", "กองการศึกษาฯ",
        "กองสวัสดิการสังคม", "กองสาธารณสุข",
    ]
    codes = [f["code"] for f in converted(DOC).tables["findings"]]
    assert codes == ["COLUMN_MISMATCH"]
