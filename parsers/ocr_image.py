"""A page image made ready for OCR: the page cut out of a photo, turned upright, deskewed,
its lighting evened out and its ink separated from the paper (black text on white)."""

from __future__ import annotations

import cv2
import numpy as np
from PIL import Image, ImageOps

from parsers.ocr import OcrSettings, rotation

MAX_SKEW = 6.0
"""Degrees of skew looked for (a page laid crooked on a scanner, a hand-held photo)."""
PAGE_SHARE = 0.3
"""A photo's page must cover at least this share of the picture to be cut out."""
_TURN = {90: cv2.ROTATE_90_CLOCKWISE, 180: cv2.ROTATE_180, 270: cv2.ROTATE_90_COUNTERCLOCKWISE}


def grey(image: Image.Image) -> np.ndarray:
    """A PIL image as greyscale pixels, turned as its EXIF orientation says."""
    return np.asarray(ImageOps.exif_transpose(image).convert("L"))


def _order(quad: np.ndarray) -> np.ndarray:
    """Corners as top-left, top-right, bottom-right, bottom-left."""
    sums, diffs = quad.sum(axis=1), np.diff(quad, axis=1).ravel()
    return np.array([quad[sums.argmin()], quad[diffs.argmin()], quad[sums.argmax()],
                     quad[diffs.argmax()]], np.float32)


def flatten_page(pixels: np.ndarray) -> np.ndarray:
    """A photographed page cut out of its background and seen square-on; the image as it is
    when no page-shaped bright quadrilateral stands in it."""
    small = cv2.GaussianBlur(pixels, (9, 9), 0)
    _, mask = cv2.threshold(small, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    contours, _ = cv2.findContours(mask, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    if not contours:
        return pixels
    page = max(contours, key=cv2.contourArea)
    area = cv2.contourArea(page)
    quad = cv2.approxPolyDP(page, 0.02 * cv2.arcLength(page, True), True)
    if len(quad) != 4 or not PAGE_SHARE < area / pixels.size < 0.95:
        return pixels
    corners = _order(quad.reshape(4, 2).astype(np.float32))
    tl, tr, br, bl = corners
    width = int(max(np.linalg.norm(tr - tl), np.linalg.norm(br - bl)))
    height = int(max(np.linalg.norm(bl - tl), np.linalg.norm(br - tr)))
    target = np.array([[0, 0], [width, 0], [width, height], [0, height]], np.float32)
    matrix = cv2.getPerspectiveTransform(corners, target)
    return cv2.warpPerspective(pixels, matrix, (width, height), borderValue=255)


def even_lighting(pixels: np.ndarray) -> np.ndarray:
    """The page divided by its paper's brightness (shadows and a phone's uneven light gone)."""
    paper = cv2.dilate(pixels, cv2.getStructuringElement(cv2.MORPH_RECT, (25, 25)))
    paper = cv2.medianBlur(paper, 21)
    return cv2.divide(pixels, paper, scale=255)


def binarise(pixels: np.ndarray, despeckle: bool = True) -> np.ndarray:
    """Ink black (0) on paper white (255); speckle removed unless asked not to (a median
    filter also thickens strokes, which merges a bold font's stacked Thai marks)."""
    source = cv2.medianBlur(pixels, 3) if despeckle else pixels
    _, binary = cv2.threshold(source, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    return binary


def _profile_score(ink: np.ndarray, angle: float) -> float:
    """How sharply the rows of ink separate when the page is turned by `angle` degrees."""
    h, w = ink.shape
    matrix = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    turned = cv2.warpAffine(ink, matrix, (w, h), flags=cv2.INTER_NEAREST)
    rows = turned.sum(axis=1, dtype=np.float64)
    return float(np.sum(np.diff(rows) ** 2))


def skew(binary: np.ndarray) -> float:
    """The turn in degrees (counter-clockwise positive) that sets the page's lines of text
    level."""
    scale = 1000 / max(binary.shape)
    ink = cv2.resize(255 - binary, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    best = 0.0
    for step in (0.5, 0.1):
        span = MAX_SKEW if step == 0.5 else 0.5
        angles = np.arange(best - span, best + span + step / 2, step)
        best = float(max(angles, key=lambda a: _profile_score(ink, a)))
    return best


def rotate(pixels: np.ndarray, angle: float) -> np.ndarray:
    """The image turned by `angle` degrees (counter-clockwise positive) on white paper."""
    if abs(angle) < 0.05:
        return pixels
    h, w = pixels.shape
    matrix = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    return cv2.warpAffine(pixels, matrix, (w, h), flags=cv2.INTER_LINEAR,
                          borderValue=255)


def prepare(pixels: np.ndarray, settings: OcrSettings) -> tuple[np.ndarray, np.ndarray]:
    """A greyscale page image upright, deskewed and binarised twice: for Tesseract (strokes
    as thin as printed) and despeckled (to find rules and cut out glyphs)."""
    pixels = even_lighting(flatten_page(pixels))
    binary = binarise(pixels)
    half = cv2.resize(binary, None, fx=0.5, fy=0.5, interpolation=cv2.INTER_AREA)
    if turn := rotation(half, settings):
        pixels = cv2.rotate(pixels, _TURN[turn])
        binary = cv2.rotate(binary, _TURN[turn])
    if abs(angle := skew(binary)) >= 0.05:
        pixels = rotate(pixels, angle)
        binary = binarise(pixels)
    return binarise(pixels, despeckle=False), binary
