"""The audit as an Excel workbook for clerks: a summary sheet, then one sheet per year with
organisations as rows and items as columns, coloured by state, headers frozen."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import xlsxwriter
from xlsxwriter.exceptions import FileCreateError
from xlsxwriter.worksheet import Worksheet

from pipeline.audit.matrix import STATE_COLOURS, STATE_LABELS, YearMatrix
from pipeline.audit.states import STATES
from pipeline.output.writers import atomic_write

FONT = "Tahoma"  # shows Thai on Windows, macOS and LibreOffice alike
ORG_HEADERS = ("องค์กรปกครองส่วนท้องถิ่น", "ประเภท", "จังหวัด")
SUMMARY_SHEET = "สรุป"


def sheet_name(year: int) -> str:
    return f"ITA {year}"


class _Formats:
    def __init__(self, book: xlsxwriter.Workbook) -> None:
        base = {"font_name": FONT, "font_size": 10, "valign": "vcenter", "border": 1,
                "border_color": "#BFBFBF"}
        self.title = book.add_format({"font_name": FONT, "bold": True, "font_size": 14})
        self.note = book.add_format({"font_name": FONT, "font_size": 9, "italic": True})
        self.warning = book.add_format({"font_name": FONT, "bold": True, "font_color": "#9C0006"})
        self.head = book.add_format({**base, "bold": True, "bg_color": "#D9E1F2",
                                     "text_wrap": True, "align": "center"})
        self.item_title = book.add_format({**base, "font_size": 8, "text_wrap": True,
                                           "bg_color": "#EDF1F9", "valign": "top"})
        self.text = book.add_format(base)
        self.number = book.add_format({**base, "align": "center"})
        self.state = {s: book.add_format({**base, "align": "center", "text_wrap": True,
                                          "bg_color": fill, "font_color": ink})
                      for s, (fill, ink) in STATE_COLOURS.items()}


def _printable(sheet: Worksheet, header_rows: int, header_columns: int = 0) -> None:
    """A4 landscape with the header rows (and columns) on every page; a sheet without header
    columns is fitted to one page wide."""
    sheet.set_paper(9)
    sheet.set_landscape()
    sheet.repeat_rows(0, header_rows - 1)
    if header_columns:
        sheet.repeat_columns(0, header_columns - 1)
        sheet.set_print_scale(55)
    else:
        sheet.fit_to_pages(1, 0)


def _year_sheet(sheet: Worksheet, matrix: YearMatrix, f: _Formats) -> None:
    first = len(ORG_HEADERS)
    _printable(sheet, 2, first)
    for col, header in enumerate(ORG_HEADERS):
        sheet.merge_range(0, col, 1, col, header, f.head)
    for col, column in enumerate(matrix.columns, first):
        sheet.write(0, col, column.code, f.head)
        sheet.write(1, col, column.title or "", f.item_title)
    for row, org in enumerate(matrix.organisations, 2):
        sheet.write(row, 0, org.name, f.text)
        sheet.write(row, 1, org.type_label, f.text)
        sheet.write(row, 2, org.province or "", f.text)
        for col, column in enumerate(matrix.columns, first):
            cell = matrix.cells[org.org_id, column.code]
            sheet.write(row, col, STATE_LABELS[cell["state"]], f.state[cell["state"]])
            if cell["source_path"]:
                sheet.write_comment(row, col, f"{column.code}: {cell['source_path']}",
                                    {"visible": False, "font_name": FONT})
    sheet.set_row(1, 90)
    sheet.set_column(0, 0, 30)
    sheet.set_column(1, 2, 15)
    sheet.set_column(first, first + len(matrix.columns) - 1, 13)
    sheet.freeze_panes(2, first)
    sheet.autofilter(1, 0, 1 + len(matrix.organisations), first + len(matrix.columns) - 1)


CountLine = tuple[int, str, str, Counter[str], int]
"""A summary line: year, two labels, counts by state, and the total they are out of."""


def _counts(sheet: Worksheet, row: int, headers: list[str], lines: list[CountLine],
            f: _Formats) -> int:
    """A table of counts by state from `row`; the last row written."""
    sheet.write_row(row, 0, headers, f.head)
    for year, first, second, counts, total in lines:
        row += 1
        sheet.write(row, 0, year, f.number)
        sheet.write(row, 1, first, f.text)
        sheet.write(row, 2, second, f.text)
        for col, state in enumerate(STATES, 3):
            sheet.write(row, col, counts[state], f.number)
        sheet.write(row, 3 + len(STATES), total, f.number)
    return row


def _summary(sheet: Worksheet, years: list[YearMatrix], notes: list[str], f: _Formats) -> None:
    """The legend, what the audit left out, and counts per organisation and per item, for every
    year."""
    _printable(sheet, 1)
    labels = [STATE_LABELS[s] for s in STATES]
    sheet.write(0, 0, "การตรวจการเปิดเผยข้อมูล (O-items) ตามผลการแปลงรายงาน ITA", f.title)
    sheet.write(1, 0, "สี:", f.text)
    for col, state in enumerate(STATES, 1):
        sheet.write(1, col, STATE_LABELS[state], f.state[state])
    for row, note in enumerate(notes, 2):
        sheet.write(row, 0, note, f.warning)
    first = 3 + len(notes)
    by_org = [(m.year, o.name, o.province or "", m.org_counts(o.org_id), len(m.columns))
              for m in years for o in m.organisations]
    row = _counts(sheet, first, ["ปี ITA", "องค์กร", "จังหวัด", *labels, "รายการ"], by_org, f)
    by_item = [(m.year, c.code, c.title or "", m.item_counts(c.code), len(m.organisations))
               for m in years for c in m.columns]
    _counts(sheet, row + 2, ["ปี ITA", "รายการ", "ชื่อรายการ", *labels, "องค์กร"], by_item, f)
    sheet.set_column(0, 0, 9)
    sheet.set_column(1, 1, 34)
    sheet.set_column(2, 2, 40)
    sheet.set_column(3, 3 + len(STATES), 14)
    sheet.freeze_panes(first, 0)


def write_xlsx(path: Path, years: list[YearMatrix], notes: list[str]) -> None:
    """The workbook; `notes` (what the audit left out) head the summary sheet."""

    def write(tmp: Path) -> None:
        book = xlsxwriter.Workbook(str(tmp), {"strings_to_formulas": False,
                                              "strings_to_urls": False})
        formats = _Formats(book)
        _summary(book.add_worksheet(SUMMARY_SHEET), years, notes, formats)
        for matrix in years:
            _year_sheet(book.add_worksheet(sheet_name(matrix.year)), matrix, formats)
        try:
            book.close()
        except FileCreateError as exc:  # it wraps the OSError that says why
            raise exc.args[0] from exc

    atomic_write(path, write)
