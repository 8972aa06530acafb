"""The web-page reader on small pages written in the test: what a reader of the page sees, in
order, in the page's own charset; what is the site's, not the page's, left out."""

from __future__ import annotations

import pytest

from parsers import detect_format, parse_bytes
from parsers.errors import ParseError
from parsers.html import ERROR_PAGE, parse_html
from parsers.html_charset import decode_html
from parsers.model import Document, Paragraph, Table

Shown = list[tuple[str, object]]


def page(body: str, head: str = "") -> bytes:
    return f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>".encode()


def shown(document: Document) -> Shown:
    """Paragraphs as ("P", text), tables as ("T", rows of (text, col_span, merged))."""
    out: Shown = []
    for block in document.blocks:
        if isinstance(block, Paragraph):
            out.append(("P", block.text))
        else:
            out.append(("T", [[(c.text, c.col_span, c.merged_from_above) for c in r.cells]
                              for r in block.rows]))
    return out


def texts(document: Document) -> list[str]:
    return [b.text for b in document.blocks if isinstance(b, Paragraph)]


def only_table(document: Document) -> Table:
    [table] = document.tables()
    return table


# --- charset ---------------------------------------------------------------------------------

THAI = "รายงานผลการดำเนินการ ประจำปีงบประมาณ พ.ศ. ๒๕๖๗"


@pytest.mark.parametrize("declaration", [
    '<meta charset="windows-874">',
    '<meta charset="TIS-620">',
    '<meta http-equiv="Content-Type" content="text/html; charset=tis-620">',
    "<meta http-equiv='content-type' content='text/html;charset=ISO-8859-11'>",
])
def test_a_thai_page_is_read_in_the_charset_it_declares(declaration: str) -> None:
    data = f"<html><head>{declaration}</head><body><p>{THAI}</p></body></html>".encode("cp874")
    assert texts(parse_html(data)) == [THAI]


def test_a_page_that_declares_nothing_is_read_as_utf8_else_windows_874() -> None:
    body = f"<html><body><p>{THAI}</p></body></html>"
    assert texts(parse_html(body.encode("utf-8"))) == [THAI]
    assert texts(parse_html(body.encode("cp874"))) == [THAI]


def test_a_declaration_the_bytes_do_not_decode_in_gives_way() -> None:
    data = f'<html><head><meta charset="utf-8"></head><body><p>{THAI}</p></body></html>'
    assert texts(parse_html(data.encode("cp874"))) == [THAI]


def test_a_byte_order_mark_wins_over_the_declaration() -> None:
    body = f'<html><head><meta charset="windows-874"></head><body><p>{THAI}</p></body></html>'
    assert texts(parse_html(b"\xef\xbb\xbf" + body.encode("utf-8"))) == [THAI]
    utf16 = "\ufeff" + body
    assert detect_format(utf16.encode("utf-16-le")) == "html"
    assert texts(parse_bytes(utf16.encode("utf-16-le"))) == [THAI]


def test_bytes_no_charset_decodes_are_shown_as_replacement_and_said() -> None:
    data = "<html><body><p>ทดสอบ</p>".encode() + b"\xff<p>end</p></body></html>"
    text, repairs = decode_html(data)
    assert "ทดสอบ" in text and "\ufffd" in text
    assert len(repairs) == 1 and repairs[0].startswith("1 byte sequence of the web page")
    document = parse_html(data)
    assert texts(document) == ["ทดสอบ", "\ufffd", "end"]
    assert document.repairs == repairs


# --- recognising a page ----------------------------------------------------------------------

@pytest.mark.parametrize("data", [
    b"<!DOCTYPE html>\n<html><body><p>x</p></body></html>",
    b"  <html lang='th'><body>x</body></html>",
    b"<!-- saved from url=(0042)https://www.example.go.th/ita/report.html -->\r\n"
    b"<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01//EN\">\n<html><body>x</body></html>",
    b"<?xml version='1.0' encoding='utf-8'?>\n<html xmlns='http://www.w3.org/1999/xhtml'>"
    b"<body>x</body></html>",
])
def test_web_pages_are_recognised_from_their_start(data: bytes) -> None:
    assert detect_format(data) == "html"


def test_a_text_export_with_markup_residue_stays_text() -> None:
    assert detect_format("<p>รายงานผล</p>\n\tมาตรการ\n".encode()) == "txt"


def test_a_page_reads_as_html_with_no_page_count() -> None:
    document = parse_bytes(page("<p>ข้อความ</p>"))
    assert (document.source_format, document.page_count) == ("html", None)


# --- text ------------------------------------------------------------------------------------

def test_headings_paragraphs_and_line_breaks() -> None:
    document = parse_html(page(
        "<h1>รายงานผล<br>ประจำปี ๒๕๖๗</h1>"
        "<p>  บรรทัด   แรก\n   ต่อกัน<br>บรรทัดสอง</p>"
        "<div>ย่อหน้า<br><br>ใหม่</div>"
        "<p>เว้น&nbsp;&nbsp;สองช่อง <b>ตัวหนา</b></p>"
        "ข้อความนอกย่อหน้า"))
    assert shown(document) == [
        ("P", "รายงานผล\nประจำปี ๒๕๖๗"), ("P", "บรรทัด แรก ต่อกัน\nบรรทัดสอง"),
        ("P", "ย่อหน้า"), ("P", "ใหม่"), ("P", "เว้น  สองช่อง ตัวหนา"),
        ("P", "ข้อความนอกย่อหน้า")]
    assert [b.bold for b in document.paragraphs()] == [True, False, False, False, False, False]


def test_a_paragraph_all_in_bold_is_bold() -> None:
    document = parse_html(page("<p><strong>มาตรการ</strong> <b>ที่ ๑</b></p><p>ปกติ</p>"))
    assert [(b.text, b.bold) for b in document.paragraphs()] == [
        ("มาตรการ ที่ ๑", True), ("ปกติ", False)]


def test_list_items_are_paragraphs_and_ordered_ones_numbered() -> None:
    document = parse_html(page(
        "<ul><li>ข้อ ก<ul><li>ย่อย</li></ul></li><li>ข้อ ข</li></ul>"
        "<ol><li>หนึ่ง</li><li><p>สอง</p><ol type='a'><li>เอ</li><li>บี</li></ol></li></ol>"
        "<ol start='3' type='i'><li>สาม</li><li value='9'>เก้า</li><li>สิบ</li></ol>"
        "<ol reversed><li>ก</li><li>ข</li></ol>"))
    assert texts(document) == [
        "ข้อ ก", "ย่อย", "ข้อ ข", "1. หนึ่ง", "2. สอง", "a. เอ", "b. บี",
        "iii. สาม", "ix. เก้า", "x. สิบ", "2. ก", "1. ข"]


def test_check_boxes_become_the_models_glyphs() -> None:
    document = parse_html(page(
        "<p><input type='checkbox' checked> ดำเนินการ <input type='checkbox'>"
        " ยังไม่ได้ดำเนินการ</p>"
        "<p><input type='radio' name='s' checked disabled><label>ดำเนินการแล้ว</label></p>"
        "<p><span role='checkbox' aria-checked='false'></span>ยังไม่ดำเนินการ</p>"
        "<p>&#10003; ดำเนินการ &#9633; ยังไม่ได้ดำเนินการ</p>"
        "<p><input type='checkbox' role='button' aria-label='เมนู'>เมนู</p>"
        "<p><input type='text' value='ค้นหา'><button>ตกลง</button>"
        "<select><option>2567</option></select>ฟอร์ม</p>"))
    assert texts(document) == [
        "☑ ดำเนินการ ☐ ยังไม่ได้ดำเนินการ", "☑ ดำเนินการแล้ว", "☐ ยังไม่ดำเนินการ",
        "☑ ดำเนินการ ☐ ยังไม่ได้ดำเนินการ", "เมนู", "ฟอร์ม"]


def test_boxes_typed_in_a_symbol_font_as_word_writes_them() -> None:
    document = parse_html(page(
        "<p><span style=\"font-family:'Wingdings 2';mso-bidi-font-family:Tahoma\">R</span>"
        " ดำเนินการ <span style='font-family:\"Wingdings 2\"'>&#xF0A3;</span>"
        " ยังไม่ได้ดำเนินการ</p>"
        "<p><font face='Wingdings'>&thorn;</font> ดำเนินการแล้ว "
        "<font face='Wingdings'>&#168;</font> ยังไม่ดำเนินการ</p>"
        "<p><span style='font-family: Wingdings'>&#216;</span> หัวข้อ</p>"
        "<p><span style='font-family:Wingdings'><input type='checkbox' checked></span> ทำแล้ว</p>"
        "<p><span style='font-family:Wingdings'>&thorn; <span style='font-family:Tahoma'>"
        "ข้อความ</span></span></p>"))
    assert texts(document) == [
        "☑ ดำเนินการ ☐ ยังไม่ได้ดำเนินการ", "☑ ดำเนินการแล้ว ☐ ยังไม่ดำเนินการ", "หัวข้อ",
        "☑ ทำแล้ว", "☑ ข้อความ"]


def test_the_sites_chrome_scripts_and_styles_are_left_out() -> None:
    document = parse_html(page(
        "<header><h1>เว็บไซต์ อบต.ตัวอย่าง</h1><nav><a>ITA ปี 2566</a></nav></header>"
        "<div role='navigation'><a>O1 โครงสร้าง</a></div>"
        "<nav aria-label='breadcrumb'>หน้าหลัก / ITA</nav>"
        "<main><article><header><h2>ชื่อรายงาน</h2></header><p>เนื้อหา</p>"
        "<aside>หมายเหตุของบทความ</aside><footer>ผู้เขียน</footer></article></main>"
        "<aside class='sidebar'>ข่าว ได้ 88.50 คะแนน</aside>"
        "<footer>Copyright © 2568</footer>"
        "<script>var s = 'ได้ 91.25 คะแนน';</script><noscript>เปิด JavaScript</noscript>"
        "<template><p>แม่แบบ</p></template><img alt='ตราสัญลักษณ์' src='logo.png'>",
        head="<title>รายงาน</title><style>p{color:red}</style><script>x=1</script>"))
    assert texts(document) == ["ชื่อรายงาน", "เนื้อหา", "หมายเหตุของบทความ", "ผู้เขียน"]


def test_templates_without_html5_elements_name_their_chrome() -> None:
    document = parse_html(page(
        "<div id='header'><h1>อบต.ตัวอย่าง</h1><div class='top'>ปีงบประมาณ 2568</div></div>"
        "<ul class='nav navbar-nav'><li>ITA 2566</li></ul><div id='menu'>O1 โครงสร้าง</div>"
        "<div class='breadcrumb'>หน้าหลัก / ITA</div>"
        "<div id='content'><div class='page-header'><h2>รายงานผล</h2></div><p>เนื้อหา</p>"
        "<div class='article'><section><div class='footer'>ท้ายส่วน</div></section></div></div>"
        "<div class='sidebar col-3'>ข่าว ได้ 88.50 คะแนน</div>"
        "<div id='footer'>Copyright © 2568</div>"))
    assert texts(document) == ["รายงานผล", "เนื้อหา", "ท้ายส่วน"]


# --- tables ----------------------------------------------------------------------------------

def test_rowspan_continues_as_merged_cells_and_colspan_widens() -> None:
    table = only_table(parse_html(page(
        "<table border='1'><tr><td>แบบ</td><td colspan='2'>ตัวชี้วัด</td></tr>"
        "<tr><td rowspan='2'>IIT</td><td>1</td><td>การปฏิบัติหน้าที่</td></tr>"
        "<tr><td>2</td><td>การใช้งบประมาณ</td></tr>"
        "<tr><td>EIT</td><td colspan='2' rowspan='9'>การสื่อสาร<br>ภายนอก</td></tr>"
        "<tr><td>OIT</td></tr></table>")))
    assert [[(c.text, c.col_span, c.merged_from_above) for c in r.cells]
            for r in table.rows] == [
        [("แบบ", 1, False), ("ตัวชี้วัด", 2, False)],
        [("IIT", 1, False), ("1", 1, False), ("การปฏิบัติหน้าที่", 1, False)],
        [("", 1, True), ("2", 1, False), ("การใช้งบประมาณ", 1, False)],
        [("EIT", 1, False), ("การสื่อสาร\nภายนอก", 2, False)],
        [("OIT", 1, False), ("", 2, True)]]


def test_rowspan_stops_at_its_row_group_and_zero_reaches_its_end() -> None:
    table = only_table(parse_html(page(
        "<table><thead><tr><th rowspan='3'>หัว</th><th>ก</th></tr></thead>"
        "<tbody><tr><td rowspan='0'>ทั้งกลุ่ม</td><td>1</td></tr><tr><td>2</td></tr></tbody>"
        "<tbody><tr><td>ใหม่</td><td>3</td></tr></tbody></table>")))
    assert [[(c.text, c.merged_from_above) for c in r.cells] for r in table.rows] == [
        [("หัว", False), ("ก", False)],
        [("ทั้งกลุ่ม", False), ("1", False)],
        [("", True), ("2", False)],
        [("ใหม่", False), ("3", False)]]


def test_a_header_of_two_rows_is_folded_and_a_title_row_goes_before() -> None:
    document = parse_html(page(
        "<table><thead>"
        "<tr><th colspan='4'>ตัวชี้วัดย่อยที่ 9.1 ข้อมูลพื้นฐาน</th></tr>"
        "<tr><th rowspan='2'>ข้อ</th><th rowspan='2'>ข้อมูล</th>"
        "<th colspan='2'>ผลการดำเนินการ</th></tr>"
        "<tr><th>ดำเนินการแล้ว</th><th>ยังไม่ดำเนินการ</th></tr></thead>"
        "<tbody><tr><td>O1</td><td>โครงสร้าง</td><td>✓</td><td></td></tr></tbody></table>"))
    assert shown(document) == [
        ("P", "ตัวชี้วัดย่อยที่ 9.1 ข้อมูลพื้นฐาน"),
        ("T", [[("ข้อ", 1, False), ("ข้อมูล", 1, False),
                ("ผลการดำเนินการ\nดำเนินการแล้ว", 1, False),
                ("ผลการดำเนินการ\nยังไม่ดำเนินการ", 1, False)],
               [("O1", 1, False), ("โครงสร้าง", 1, False), ("☑", 1, False), ("", 1, False)]])]


def test_header_rows_of_th_without_thead_are_folded_but_not_a_row_heading() -> None:
    folded = only_table(parse_html(page(
        "<table><tr><th rowspan='2'>ตัวชี้วัด</th><th colspan='2'>คะแนน</th></tr>"
        "<tr><th>ปี 2566</th><th>ปี 2567</th></tr>"
        "<tr><td>การเปิดเผยข้อมูล</td><td>90.10</td><td>95.20</td></tr></table>")))
    assert [c.text for c in folded.rows[0].cells] == [
        "ตัวชี้วัด", "คะแนน\nปี 2566", "คะแนน\nปี 2567"]
    pivot = only_table(parse_html(page(
        "<table><tr><th>ปี</th><th>เดือน</th><th>คะแนน</th></tr>"
        "<tr><th rowspan='3'>2567</th></tr>"
        "<tr><td>ต.ค.</td><td>90</td></tr><tr><td>พ.ย.</td><td>92</td></tr></table>")))
    assert [[(c.text, c.merged_from_above) for c in r.cells] for r in pivot.rows] == [
        [("ปี", False), ("เดือน", False), ("คะแนน", False)], [("2567", False)],
        [("", True), ("ต.ค.", False), ("90", False)],
        [("", True), ("พ.ย.", False), ("92", False)]]


def test_a_table_written_all_in_header_cells_keeps_its_rows() -> None:
    rows = "".join(f"<tr><th>O{n}</th><th>ข้อมูล {n}</th></tr>" for n in range(1, 9))
    for html in (f"<table><thead>{rows}</thead></table>", f"<table>{rows}</table>"):
        table = only_table(parse_html(page(html)))
        assert [[c.text for c in r.cells] for r in table.rows] == [
            [f"O{n}", f"ข้อมูล {n}"] for n in range(1, 9)]


def test_cells_keep_their_lines_and_a_nested_table_is_a_line_per_row() -> None:
    table = only_table(parse_html(page(
        "<table border='1'><tr><td><p>บรรทัด 1</p><p>บรรทัด 2</p></td>"
        "<td>ก<br>ข<ul><li>ค</li></ul></td>"
        "<td><table><tr><td>ใน 1</td><td>ใน 2</td></tr><tr><td>ใน 3</td></tr></table></td>"
        "</tr></table>")))
    assert [c.text for c in table.rows[0].cells] == [
        "บรรทัด 1\nบรรทัด 2", "ก\nข\nค", "ใน 1  ใน 2\nใน 3"]


def test_a_caption_and_text_outside_cells_come_before_the_table() -> None:
    document = parse_html(page(
        "<table><caption>ตารางที่ 1</caption>หลงมา<tr><td>ก</td><td>ข</td></tr></table>"))
    assert shown(document) == [
        ("P", "ตารางที่ 1"), ("P", "หลงมา"), ("T", [[("ก", 1, False), ("ข", 1, False)]])]


def test_a_layout_table_is_read_as_the_pages_flow() -> None:
    document = parse_html(page(
        "<table width='100%'><tr><td>เมนูซ้าย</td><td><h2>รายงาน</h2>"
        "<table border='1'><tr><th>มาตรการ</th><th>ผู้รับผิดชอบ</th></tr>"
        "<tr><td>จัดทำคู่มือ</td><td>สำนักปลัด</td></tr></table>"
        "<p>หมายเหตุ</p></td></tr></table>"
        "<table><tr><td><p>กล่องข้อความ</p></td></tr></table>"
        "<table role='presentation'><tr><td>ซ้าย</td><td>ขวา</td></tr></table>"))
    assert shown(document) == [
        ("P", "เมนูซ้าย"), ("P", "รายงาน"),
        ("T", [[("มาตรการ", 1, False), ("ผู้รับผิดชอบ", 1, False)],
               [("จัดทำคู่มือ", 1, False), ("สำนักปลัด", 1, False)]]),
        ("P", "หมายเหตุ"), ("P", "กล่องข้อความ"), ("P", "ซ้าย"), ("P", "ขวา")]


def test_tables_next_to_each_other_are_assembled_as_other_formats_are() -> None:
    header = "<tr><th>มาตรการ</th><th>ผู้รับผิดชอบ</th></tr>"
    document = parse_html(page(
        f"<table>{header}<tr><td>1. จัดทำคู่มือ</td><td>สำนักปลัด</td></tr></table>"
        f"<table>{header}<tr><td>2. เผยแพร่</td><td>กองคลัง</td></tr></table>"))
    assert [[c.text for c in r.cells] for r in only_table(document).rows] == [
        ["มาตรการ", "ผู้รับผิดชอบ"], ["1. จัดทำคู่มือ", "สำนักปลัด"], ["2. เผยแพร่", "กองคลัง"]]


# --- pages refused, and hostile ones ---------------------------------------------------------

@pytest.mark.parametrize("title", ["404 Not Found", "503 Service Unavailable", "Error",
                                   "ไม่พบหน้าที่คุณต้องการ"])
def test_an_error_page_is_refused(title: str) -> None:
    with pytest.raises(ParseError) as caught:
        parse_bytes(page("<h1>ขออภัย</h1>", head=f"<title>{title}</title>"))
    assert str(caught.value) == ERROR_PAGE


@pytest.mark.parametrize(("body", "words"), [
    ("<script>render()</script><nav>หน้าหลัก</nav><footer>© 2568</footer>",
     "with no text outside its menus and scripts"),
    ("<iframe src='https://www.example.go.th/ita/o13.pdf'></iframe>",
     "another file shown in it (https://www.example.go.th/ita/o13.pdf): download that file"),
    ("<object data='report.pdf'>เบราว์เซอร์แสดง PDF ไม่ได้</object><embed src='plan.pdf'>",
     "other files shown in it (report.pdf, plan.pdf)"),
])
def test_a_page_with_no_text_of_its_own_is_refused(body: str, words: str) -> None:
    with pytest.raises(ParseError) as caught:
        parse_html(page(body))
    assert str(caught.value).startswith("The file is a saved web page (HTML)")
    assert words in str(caught.value)


def test_a_frameset_names_its_frames() -> None:
    data = b"<html><frameset cols='20%,80%'><frame src='menu.html'><frame src='ita.pdf'>" \
           b"</frameset></html>"
    with pytest.raises(ParseError, match=r"\(menu\.html, ita\.pdf\)"):
        parse_html(data)


def test_nesting_past_libxml2s_depth_is_refused_not_cut_short() -> None:
    data = page("<p>ก่อน</p>" + "<div>" * 300 + "ลึก" + "</div>" * 300 + "<p>หลัง</p>")
    with pytest.raises(ParseError, match="nested too deep"):
        parse_html(data)


def test_deep_nesting_within_the_depth_is_read() -> None:
    tables = "<table><tr><td>ก</td><td>" * 80 + "ลึก" + "</td></tr></table>" * 80
    document = parse_html(page("<div>" * 5 + tables + "</div>" * 5))
    [table] = document.tables()
    assert table.rows[0].cells[0].text == "ก"
    assert "ลึก" in table.rows[0].cells[1].text


def test_spans_past_the_standards_limits_are_clamped() -> None:
    table = only_table(parse_html(page(
        "<table><tr><td colspan='99999'>กว้าง</td></tr><tr><td colspan='x'>ก</td>"
        "<td rowspan='-3'>ข</td></tr></table>")))
    assert [[(c.text, c.col_span) for c in r.cells] for r in table.rows] == [
        [("กว้าง", 1000)], [("ก", 1), ("ข", 1)]]


def test_a_table_that_spans_down_and_across_without_end_is_refused() -> None:
    rows = "<tr><td colspan='1000' rowspan='65534'>x</td></tr>" * 50
    with pytest.raises(ParseError, match="more than 1,000 columns"):
        parse_html(page(f"<table>{rows}</table>"))


def test_overlapping_cells_keep_every_text() -> None:
    table = only_table(parse_html(page(
        "<table><tr><td>ก</td><td rowspan='2'>ข</td></tr>"
        "<tr><td colspan='3'>ค กว้าง</td><td>ง</td></tr></table>")))
    assert [c.text for r in table.rows for c in r.cells if c.text] == ["ก", "ข", "ค กว้าง", "ง"]
