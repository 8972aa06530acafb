"""Lines of a PDF cell joined into its text: a decimal number broken by a narrow column is
one number again; two numbers on two lines stay two."""

from __future__ import annotations

from parsers.pdf_text import Glyph, Line, join_lines

WIDTH = 11.5
"""A Thai digit at 17 pt, as LibreOffice draws it."""


def _line(text: str, x0: float, top: float) -> Line:
    glyphs, x = [], x0
    for char in text:
        width = 4.1 if char == "." else WIDTH
        glyphs.append(Glyph(char, x, x + width, top, top + 17.0, 17.0))
        x += width
    return Line(glyphs)


def test_a_decimal_broken_by_a_narrow_column_is_one_number() -> None:
    # the column (199.7 to 240) holds ๙.๔๕ (38.5 pt) but not ๙๙.๔๕ (50 pt): broken after ๙
    lines = [_line("๙", 199.7, 270.7), _line("๙.๔๕", 199.7, 299.9)]
    assert join_lines(lines, 240.0) == "๙๙.๔๕"


def test_two_whole_numbers_on_two_lines_stay_two() -> None:
    lines = [_line("๑๐๐", 199.7, 270.7), _line("๑๐๐", 199.7, 299.9)]
    assert join_lines(lines, 240.0) != "๑๐๐๑๐๐"


def test_a_decimal_that_would_have_fitted_was_not_broken_by_the_column() -> None:
    # in a wide column ๙ and ๙.๔๕ on two lines are two values the writer put there
    lines = [_line("๙", 199.7, 270.7), _line("๙.๔๕", 199.7, 299.9)]
    assert join_lines(lines, 400.0) != "๙๙.๔๕"
