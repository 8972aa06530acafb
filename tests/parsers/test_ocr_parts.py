"""The OCR reader's parts on images made here: rules and cells, skew, digits, a missing
Tesseract. Expected values are the ones drawn into the images."""

from __future__ import annotations

import io
import shutil

import cv2
import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from parsers import ParseError, parse_bytes
from parsers.ocr_digits import FONT_DIR, _fonts, _sample_text, _scanned, read_number
from parsers.ocr_image import binarise, rotate, skew
from parsers.ocr_settings import OFF, OcrSettings
from parsers.ocr_tables import find_tables

needs_fonts = pytest.mark.skipif(not FONT_DIR.exists(), reason="fonts-thai-tlwg not installed")
needs_tesseract = pytest.mark.skipif(shutil.which("tesseract") is None,
                                     reason="tesseract-ocr not installed")
LAKSAMAN = FONT_DIR / "Laksaman.ttf"


def _ruled_page() -> np.ndarray:
    """An A4 page at 150 dpi with a table of 3 rows × 3 columns whose first column's last two
    cells are one merged cell (no rule between them), and one wide cell spanning columns 2-3
    in the first row."""
    page = np.full((1754, 1240), 255, np.uint8)
    xs, ys = [100, 400, 700, 1100], [300, 420, 540, 660]
    for y in ys:
        cv2.line(page, (xs[0], y), (xs[-1], y), 0, 3)
    cv2.line(page, (xs[0], ys[2]), (xs[1], ys[2]), 255, 3)  # rows 2-3 of column 1 merged
    for x in xs:
        cv2.line(page, (x, ys[0]), (x, ys[-1]), 0, 3)
    cv2.line(page, (xs[2], ys[0] + 3), (xs[2], ys[1] - 2), 255, 3)  # row 1: columns 2-3 one
    return page


def test_a_ruled_table_gives_its_grid_and_merged_cells() -> None:
    tables = find_tables(binarise(_ruled_page()))
    assert len(tables) == 1
    table = tables[0]
    assert (table.n_rows, table.n_cols) == (3, 3)
    spans = {(c.row, c.col): (c.rows, c.cols) for c in table.cells}
    assert spans == {(0, 0): (1, 1), (0, 1): (1, 2), (1, 0): (2, 1), (1, 1): (1, 1),
                     (1, 2): (1, 1), (2, 1): (1, 1), (2, 2): (1, 1)}


@needs_fonts
@pytest.mark.parametrize("angle", [-2.0, 1.3, 0.0])
def test_skew_is_measured_from_the_lines_of_text(angle: float) -> None:
    page = Image.new("L", (1240, 1754), 255)
    draw = ImageDraw.Draw(page)
    font = ImageFont.truetype(str(LAKSAMAN), 40)
    for i in range(20):
        draw.text((100, 150 + 60 * i), "ตามที่ได้ดำเนินการวิเคราะห์ผลการประเมิน ITA ประจำปี",
                  font=font, fill=0)
    turned = rotate(np.asarray(page), angle)
    assert skew(binarise(turned)) == pytest.approx(-angle, abs=0.15)


@needs_fonts
@pytest.mark.parametrize("number", ["๙๙.๒๔", "๙๘.๗๘", "๑๐๐", "๒๕๖๖", "85.48", "(๙๖.๕๓)"])
def test_a_number_in_thai_or_arabic_digits_is_read_exactly(number: str) -> None:
    font = ImageFont.truetype(str(LAKSAMAN), 60)
    word = _scanned(number, font, np.random.default_rng(5))
    reading = read_number(word, (0, 0, word.shape[1], word.shape[0]))
    assert reading is not None and reading.text == number and reading.confidence == 1.0


@needs_fonts
def test_held_out_numbers_are_exact_or_unsure() -> None:
    """Numbers the recogniser never saw (another seed), in every upright tlwg font, damaged
    as by a scanner down to 165 dpi: most are exact, and few wrong ones are fully sure."""
    rng = np.random.default_rng(2024)
    exact = sure_and_wrong = total = 0
    for path in _fonts():
        for _ in range(12):
            font = ImageFont.truetype(str(path), int(rng.integers(40, 75)))
            number = _sample_text(rng)
            word = _scanned(number, font, rng)
            reading = read_number(word, (0, 0, word.shape[1], word.shape[0]))
            total += 1
            exact += reading is not None and reading.text == number
            sure_and_wrong += (reading is not None and reading.text != number
                               and reading.confidence == 1.0)
    assert exact / total >= 0.85
    assert sure_and_wrong / total <= 0.03


def _png_of_text() -> bytes:
    page = Image.new("L", (600, 200), 255)
    ImageDraw.Draw(page).text((20, 80), "ITA 99.24", fill=0)
    out = io.BytesIO()
    page.save(out, "PNG")
    return out.getvalue()


def test_an_image_without_tesseract_says_which_packages_to_install() -> None:
    missing = OcrSettings(command="/nonexistent/tesseract")
    with pytest.raises(ParseError, match="tesseract-ocr tesseract-ocr-tha"):
        parse_bytes(_png_of_text(), ocr=missing)


def test_an_image_with_ocr_turned_off_says_so() -> None:
    with pytest.raises(ParseError, match="--ocr off"):
        parse_bytes(_png_of_text(), ocr=OcrSettings(mode=OFF))


def test_bad_ocr_settings_are_refused() -> None:
    with pytest.raises(ValueError, match="choose from"):
        OcrSettings(mode="sometimes")
    with pytest.raises(ValueError, match="tha\\+eng"):
        OcrSettings(languages="tha; rm -rf /")
