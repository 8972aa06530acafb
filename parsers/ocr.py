"""Tesseract, called as a program: words with boxes and confidences, and page orientation.

The command is `tesseract` on the PATH, or what `ITA_TESSERACT` names (a test points it at
a missing path to see what a machine without Tesseract says). Each call is one process
with one OpenMP thread: the pipeline already runs a worker per core.
"""

from __future__ import annotations

import csv
import io
import os
import re
import subprocess
from dataclasses import dataclass

import numpy as np
from PIL import Image

from parsers.errors import ParseError
from parsers.ocr_settings import INSTALL, OcrSettings


class OcrUnavailable(ParseError):
    """Tesseract or its language data is not installed; the message says what to install."""


@dataclass(frozen=True)
class Word:
    """A word Tesseract read: its text, box in pixels, confidence 0-1, and its place in
    Tesseract's layout (block, paragraph, line)."""

    text: str
    left: int
    top: int
    width: int
    height: int
    confidence: float
    block: int
    paragraph: int
    line: int

    @property
    def right(self) -> int:
        return self.left + self.width

    @property
    def bottom(self) -> int:
        return self.top + self.height

    @property
    def centre(self) -> tuple[float, float]:
        return self.left + self.width / 2, self.top + self.height / 2


def _png(image: np.ndarray) -> bytes:
    out = io.BytesIO()
    Image.fromarray(image).save(out, format="PNG", compress_level=1)
    return out.getvalue()


def _run(settings: OcrSettings, image: np.ndarray, *args: str) -> str:
    """Tesseract's output for an image; a ParseError saying what to install when it is
    missing or lacks the language data."""
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    try:
        done = subprocess.run([settings.command, "stdin", "stdout", *args], input=_png(image),
                              capture_output=True, env=env, check=False)
    except (FileNotFoundError, PermissionError) as exc:
        raise OcrUnavailable(f"Reading scanned pages needs Tesseract OCR, which is not installed "
                         f"here ({settings.command} not found): {INSTALL}.") from exc
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip()
        if "Failed loading language" in message or "Error opening data file" in message:
            raise OcrUnavailable(f"Tesseract OCR lacks the language data for {settings.languages}: "
                             f"{INSTALL} (and tesseract-ocr-eng for English).")
        raise ParseError(f"Tesseract OCR failed on a page: {message[-200:]}.")
    return done.stdout.decode("utf-8", "replace")


def check_tesseract(settings: OcrSettings) -> None:
    """Raise OcrUnavailable saying what to install if Tesseract or its language data is missing."""
    _run(settings, np.full((32, 32), 255, np.uint8), "-l", settings.languages, "--psm", "10")


SPACE_GAP = 0.45
"""A gap wider than this share of its line's median glyph height between two pieces
Tesseract read is a space."""


def _joined(pieces: list[Word]) -> Word:
    first = pieces[0]
    left, top = min(p.left for p in pieces), min(p.top for p in pieces)
    right, bottom = max(p.right for p in pieces), max(p.bottom for p in pieces)
    return Word("".join(p.text for p in pieces), left, top, right - left, bottom - top,
                min(p.confidence for p in pieces), first.block, first.paragraph, first.line)


def words_by_spaces(pieces: list[Word]) -> list[Word]:
    """Tesseract's pieces joined into words parted by spaces: for Thai, which is written
    without spaces between words, it gives every cluster as a word of its own."""
    lines: dict[tuple[int, int, int], list[Word]] = {}
    for piece in pieces:
        lines.setdefault((piece.block, piece.paragraph, piece.line), []).append(piece)
    out = []
    for line in lines.values():
        line.sort(key=lambda p: p.left)
        space = SPACE_GAP * float(np.median([p.height for p in line]))
        word = [line[0]]
        for piece in line[1:]:
            if piece.left - max(p.right for p in word) > space:
                out.append(_joined(word))
                word = []
            word.append(piece)
        out.append(_joined(word))
    return out


def read_words(image: np.ndarray, settings: OcrSettings, psm: int = 3) -> list[Word]:
    """The words Tesseract reads in a greyscale or binary image, in its reading order, each
    word as far as the next space."""
    tsv = _run(settings, image, "-l", settings.languages, "--psm", str(psm), "tsv")
    words = []
    for rec in csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE):
        text = (rec.get("text") or "").strip()
        if rec.get("level") != "5" or not text:
            continue
        words.append(Word(text, int(rec["left"]), int(rec["top"]), int(rec["width"]),
                          int(rec["height"]), max(float(rec["conf"]), 0.0) / 100,
                          int(rec["block_num"]), int(rec["par_num"]), int(rec["line_num"])))
    return words_by_spaces(words)


_ROTATE = re.compile(r"Rotate:\s*(\d+)")
_ORIENTATION_CONFIDENCE = re.compile(r"Orientation confidence:\s*([\d.]+)")
MIN_ORIENTATION_CONFIDENCE = 2.0
"""Tesseract's orientation confidence below which a page is left as it stands."""


def rotation(image: np.ndarray, settings: OcrSettings) -> int:
    """Degrees (0, 90, 180, 270) to turn the page clockwise so its text stands upright; 0 when
    Tesseract cannot tell (too little text, or no orientation data installed)."""
    try:
        found = _run(settings, image, "--psm", "0")
    except OcrUnavailable:
        raise
    except ParseError:  # too little text to tell, or no orientation data (tesseract-ocr-osd)
        return 0
    angle = _ROTATE.search(found)
    sure = _ORIENTATION_CONFIDENCE.search(found)
    if not angle or not sure or float(sure.group(1)) < MIN_ORIENTATION_CONFIDENCE:
        return 0
    return int(angle.group(1)) % 360
