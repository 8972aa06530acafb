"""Digits read again, glyph by glyph: Tesseract's Thai model misreads Thai digits (๙ as ๕).

A number's glyphs are the connected ink shapes of its word box (a decimal point is one,
a `%` or `:` is one after pieces one above the other are joined). Each is classified by
its nearest neighbours among glyphs rendered from the Thai fonts Debian ships
(fonts-thai-tlwg) with a scanner's damage (blur, noise, JPEG, low resolution, a slight
turn), cut out by the same code. The training set is made on first use and cached; it
depends only on the fonts and this module's constants.

Every glyph gets a confidence (the share of its neighbours that agree, lowered when even
the nearest is far); a number's confidence is its least sure glyph's.
"""

from __future__ import annotations

import hashlib
import io
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont

from parsers.ocr_image import binarise, rotate

THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
ARABIC_DIGITS = "0123456789"
SIGNS = ".,()-/"
CLASSES = THAI_DIGITS + ARABIC_DIGITS + SIGNS
FONT_DIR = Path("/usr/share/fonts/truetype/tlwg")
FONT_STYLES = ("", "-Bold")
"""Upright styles only: obliques are not how reports are typed."""
K = 5
GLYPH = 16
"""Glyph images are scaled into a square of this many pixels."""
SHAPE_WEIGHT = 4.0
"""Weight of the size and position features against the 256 pixel features."""
SAMPLES_PER_FONT = 120
VERSION = "5"
"""Changes with anything that changes the training set (the cache key)."""


@dataclass(frozen=True)
class Reading:
    """A number read glyph by glyph: its text, and the least confidence among its glyphs."""

    text: str
    confidence: float


def _join_stacked(boxes: list[list[int]]) -> list[list[int]]:
    """Pieces one above the other (a stroke broken across by noise) joined into one glyph:
    boxes apart in height that overlap by half the narrower's width."""
    out: list[list[int]] = []
    for box in sorted(boxes, key=lambda b: b[0]):
        if out:
            last = out[-1]
            overlap = min(last[2], box[2]) - max(last[0], box[0])
            apart = box[1] >= last[3] or last[1] >= box[3]
            if apart and overlap > 0.5 * min(last[2] - last[0], box[2] - box[0]):
                out[-1] = [min(last[0], box[0]), min(last[1], box[1]),
                           max(last[2], box[2]), max(last[3], box[3])]
                continue
        out.append(box)
    return out


def _within(box: list[int], core: tuple[int, int, int, int]) -> bool:
    """Whether most of a glyph's width, and some of its height, lies in the word's box."""
    inside = min(box[2], core[2]) - max(box[0], core[0])
    return inside >= 0.5 * (box[2] - box[0]) and box[1] < core[3] and box[3] > core[1]


JOINED_GAP = 0.1
"""Glyphs closer than this share of the word's height to its first or last glyph are part of
it (an OCR engine's word box may leave out a glyph at either end)."""


def _adjoining(found: list[list[int]], kept: list[list[int]], height: int) -> list[list[int]]:
    """The kept glyphs with those of `found` that continue them to the left or right
    without a space between."""
    if not kept:
        return kept
    out = list(kept)
    for side in (-1, 1):
        while True:
            edge = out[0] if side < 0 else out[-1]
            near = [b for b in found if b not in out and b[1] < edge[3] and b[3] > edge[1] and (
                0 <= (edge[0] - b[2] if side < 0 else b[0] - edge[2]) <= JOINED_GAP * height)]
            if not near:
                break
            out = sorted(out + near[:1])
    return out


def glyphs(word: np.ndarray, core: tuple[int, int, int, int] | None = None
           ) -> tuple[list[np.ndarray], list[np.ndarray]]:
    """The glyphs of a binarised word image (ink black) left to right: each glyph's ink mask,
    and its features. With `core` (left, top, right, bottom), the image holds a margin around
    the word (its box as an OCR engine found it may cut a glyph's edge): only glyphs lying
    mostly inside the core count, whole."""
    ink = (word < 128).astype(np.uint8)
    _, _, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    height = word.shape[0] if core is None else core[3] - core[1]
    speck = max(3, int((0.04 * height) ** 2))
    core = core or (0, 0, word.shape[1], word.shape[0])
    found = sorted([x, y, x + w, y + h] for x, y, w, h, area in stats[1:] if area >= speck)
    boxes = _adjoining(found, [b for b in found if _within(b, core)], height)
    boxes = _join_stacked(boxes)
    if not boxes:
        return [], []
    heights = np.array([b[3] - b[1] for b in boxes], float)
    tall = [b for b, h in zip(boxes, heights, strict=True) if h >= 0.5 * heights.max()]
    ref = float(np.median([b[3] - b[1] for b in tall]))
    middle = float(np.median([(b[1] + b[3]) / 2 for b in tall]))
    masks, feats = [], []
    for box in boxes:
        for x0, y0, x1, y1 in _split_touching(ink, box, ref):
            mask = ink[y0:y1, x0:x1] * 255
            masks.append(mask)
            feats.append(_features(mask, ref, (y0 + y1) / 2 - middle))
    return masks, feats


WIDEST = 1.75
"""A glyph wider than this many digit heights is two glyphs touching (ink ran together)."""


def _split_touching(ink: np.ndarray, box: list[int], ref: float) -> list[list[int]]:
    """A box cut where its ink is thinnest while it is wider than one glyph can be; each
    piece's box shrunk to its ink."""
    x0, y0, x1, y1 = box
    if x1 - x0 <= WIDEST * ref:
        return [box]
    band = ink[y0:y1, x0:x1]
    columns = band.sum(axis=0)
    lo = max(1, int(0.3 * ref))
    hi = (x1 - x0) - lo
    if hi <= lo:
        return [box]
    cut = x0 + lo + int(np.argmin(columns[lo:hi]))
    pieces = []
    for a, b in ((x0, cut), (cut, x1)):
        rows = np.flatnonzero(ink[y0:y1, a:b].any(axis=1))
        if len(rows):
            pieces += _split_touching(ink, [a, y0 + rows[0], b, y0 + rows[-1] + 1], ref)
    return pieces


def _features(mask: np.ndarray, ref: float, offset: float) -> np.ndarray:
    """A glyph's scaled image (aspect kept), with its shape, size and height in the line."""
    h, w = mask.shape
    scale = (GLYPH - 2) / max(h, w)
    small = cv2.resize(mask, (max(1, round(w * scale)), max(1, round(h * scale))),
                       interpolation=cv2.INTER_AREA)
    square = np.zeros((GLYPH, GLYPH), np.float32)
    top, left = (GLYPH - small.shape[0]) // 2, (GLYPH - small.shape[1]) // 2
    square[top:top + small.shape[0], left:left + small.shape[1]] = small / 255.0
    square = cv2.GaussianBlur(square, (3, 3), 0)
    shape = np.array([np.log(w / h), h / ref, w / ref, offset / ref], np.float32) * SHAPE_WEIGHT
    return np.concatenate([square.ravel(), shape])


def _fonts() -> list[Path]:
    return [p for p in sorted(FONT_DIR.glob("*.ttf"))
            if ("-" + p.stem.partition("-")[2]).rstrip("-") in FONT_STYLES]


def _sample_text(rng: np.random.Generator) -> str:
    """A number as reports print them: a score, a year, a count, in Thai or Arabic digits."""
    digits = THAI_DIGITS if rng.random() < 0.6 else ARABIC_DIGITS
    pick = "".join(rng.choice(list(digits), size=6))
    shape = rng.integers(6)
    text = [f"{pick[:2]}.{pick[2:4]}", f"{pick[:3]}.{pick[3:5]}", pick[:4],
            f"{pick[0]}.{pick[1:3]}", f"({pick[:2]}.{pick[2:4]})", f"{pick[:2]},{pick[2:5]}"][shape]
    if rng.random() < 0.1:
        text = text.replace(".", rng.choice(["-", "/"]), 1)
    return text


def _scanned(text: str, font: ImageFont.FreeTypeFont, rng: np.random.Generator) -> np.ndarray:
    """A word rendered black on white and damaged as a scanner does, then binarised."""
    left, top, right, bottom = font.getbbox(text)
    pad = 12
    canvas = Image.new("L", (right - left + 2 * pad, bottom - top + 2 * pad), 255)
    ImageDraw.Draw(canvas).text((pad - left, pad - top), text, font=font, fill=0)
    pixels = np.asarray(canvas)
    pixels = rotate(pixels, float(rng.uniform(-1.0, 1.0)))
    factor = float(rng.uniform(0.55, 1.0))
    small = cv2.resize(pixels, None, fx=factor, fy=factor, interpolation=cv2.INTER_AREA)
    small = cv2.GaussianBlur(small, (3, 3), float(rng.uniform(0.1, 0.9)))
    noisy = np.clip(small + rng.normal(0, rng.uniform(0, 20), small.shape), 0, 255)
    out = io.BytesIO()
    Image.fromarray(noisy.astype(np.uint8)).save(out, "JPEG", quality=int(rng.integers(35, 90)))
    return binarise(np.asarray(Image.open(out)))


def _training_set() -> tuple[np.ndarray, np.ndarray]:
    """Glyph features and their class numbers, from every font, at several sizes."""
    rng = np.random.default_rng(17)
    feats, labels = [], []
    for path in _fonts():
        for n in range(SAMPLES_PER_FONT):
            font = ImageFont.truetype(str(path), int(rng.integers(36, 80)))
            text = _sample_text(rng)
            if n < len(CLASSES):  # every class in every font at least once, alone
                text = CLASSES[n] * 3 if CLASSES[n] not in "()" else f"({THAI_DIGITS[n % 10]})"
            masks, found = glyphs(_scanned(text, font, rng))
            if len(found) != len(text):
                continue  # damage joined or broke glyphs: no clean labels
            feats += found
            labels += [CLASSES.index(c) for c in text]
    return np.array(feats, np.float32), np.array(labels, np.int32)


def _cache_file() -> Path:
    fonts = "".join(f"{p.name}:{p.stat().st_size};" for p in _fonts())
    key = hashlib.sha256(f"{VERSION}|{GLYPH}|{SHAPE_WEIGHT}|{SAMPLES_PER_FONT}|{fonts}".encode())
    home = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return home / "ita-pipeline" / f"digits-{key.hexdigest()[:16]}.npz"


@lru_cache(maxsize=1)
def model() -> tuple[np.ndarray, np.ndarray, float]:
    """The training glyphs (features, classes) and the distance beyond which a glyph is
    unlike any of them; made once and cached on disk."""
    path = _cache_file()
    if path.exists():
        with np.load(path) as saved:
            return saved["feats"], saved["labels"], float(saved["far"])
    feats, labels = _training_set()
    if len(feats) == 0:
        raise RuntimeError(f"No Thai fonts to train the digit reader from in {FONT_DIR} "
                           "(install fonts-thai-tlwg).")
    nearest = _distances(feats[::7], feats)
    nearest.sort(axis=1)
    far = float(np.quantile(nearest[:, 1], 0.99)) * 1.5  # column 0 is the glyph itself
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(f".{os.getpid()}.npz")
    np.savez_compressed(partial, feats=feats, labels=labels, far=far)
    partial.replace(path)
    return feats, labels, far


def _distances(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    sq = (a * a).sum(1)[:, None] + (b * b).sum(1)[None, :] - 2 * a @ b.T
    return np.sqrt(np.maximum(sq, 0))


def classify(feats: list[np.ndarray]) -> list[tuple[str, float]]:
    """Each glyph's character and confidence (0-1)."""
    if not feats:
        return []
    train, labels, far = model()
    dist = _distances(np.array(feats, np.float32), train)
    order = np.argsort(dist, axis=1)[:, :K]
    out = []
    for i, nearest in enumerate(order):
        votes = np.bincount(labels[nearest], minlength=len(CLASSES))
        best = int(votes.argmax())
        confidence = votes[best] / K
        closest = float(dist[i, nearest[0]])
        if closest > far:
            confidence *= far / closest
        out.append((CLASSES[best], float(confidence)))
    return out


def read_number(page: np.ndarray, box: tuple[int, int, int, int]) -> Reading | None:
    """The characters of the number in `box` (left, top, right, bottom) of a binarised
    page; None if it has no glyphs."""
    left, top, right, bottom = box
    pad = max(4, (bottom - top) // 2)
    x0, y0 = max(left - pad, 0), max(top - pad, 0)
    crop = page[y0:bottom + pad, x0:right + pad]
    _, feats = glyphs(crop, (left - x0, top - y0, right - x0, bottom - y0))
    found = classify(feats)
    if not found:
        return None
    return Reading("".join(c for c, _ in found), min(p for _, p in found))
