"""Ruled tables in a page image: their ruling lines found by morphology, cut into cells.

Horizontal and vertical strokes much longer than any letter are the rules. Each group of
crossing rules is a table; the distinct rule positions make a grid of elementary cells, and
neighbouring elementary cells not parted by a drawn rule are one (merged) cell, as a
text-layer PDF's table finder sees them.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

RULE_SHARE = 0.04
"""A rule is at least this share of the page's width (or height) long; letters are shorter."""
MIN_TABLE_SHARE = 0.02
"""A table covers at least this share of the page."""
RULE_PRESENT = 0.6
"""A border counts as drawn when this share of its length is ink on the rule mask."""


@dataclass(frozen=True)
class Box:
    """A rectangle in pixels: left, top, right, bottom."""

    left: int
    top: int
    right: int
    bottom: int

    def holds(self, x: float, y: float) -> bool:
        return self.left <= x < self.right and self.top <= y < self.bottom


@dataclass
class GridCell:
    """A cell of a found table: its box, first row and column, and the rows and columns it
    spans in the table's grid of rules."""

    box: Box
    row: int
    col: int
    rows: int = 1
    cols: int = 1


@dataclass
class FoundTable:
    box: Box
    cells: list[GridCell]
    n_rows: int
    n_cols: int


def rule_masks(binary: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Horizontal and vertical rules of a page (ink white on black)."""
    ink = 255 - binary
    h, w = ink.shape
    across = cv2.morphologyEx(ink, cv2.MORPH_OPEN, cv2.getStructuringElement(
        cv2.MORPH_RECT, (max(int(w * RULE_SHARE), 10), 1)))
    down = cv2.morphologyEx(ink, cv2.MORPH_OPEN, cv2.getStructuringElement(
        cv2.MORPH_RECT, (1, max(int(h * RULE_SHARE), 10))))
    bridge = cv2.getStructuringElement(cv2.MORPH_RECT, (3, 3))  # rules broken by noise
    return cv2.dilate(across, bridge), cv2.dilate(down, bridge)


def _positions(profile: np.ndarray, least: float) -> list[int]:
    """Centres of the runs of a profile at or above `least` (one per rule)."""
    on = profile >= least
    out, start = [], None
    for i, flag in enumerate(np.append(on, False)):
        if flag and start is None:
            start = i
        elif not flag and start is not None:
            out.append((start + i - 1) // 2)
            start = None
    return out


def _drawn(band: np.ndarray, along: int) -> bool:
    """Whether a rule runs along axis `along` (0 down, 1 across) of a thin band of the mask."""
    covered = band.max(axis=1 - along) if band.size else band
    return covered.size > 0 and np.count_nonzero(covered) >= RULE_PRESENT * covered.size


def _grid(across: np.ndarray, down: np.ndarray, box: Box) -> FoundTable | None:
    """The table inside `box`: rule positions, elementary cells merged where no rule parts them."""
    a = across[box.top:box.bottom, box.left:box.right]
    d = down[box.top:box.bottom, box.left:box.right]
    ys = _positions(np.count_nonzero(a, axis=1), 0.3 * (box.right - box.left))
    xs = _positions(np.count_nonzero(d, axis=0), 0.3 * (box.bottom - box.top))
    if len(ys) < 2 or len(xs) < 2:
        return None
    rows, cols = len(ys) - 1, len(xs) - 1
    parent = list(range(rows * cols))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    p = 3  # pixels either side of a rule's centre line, and kept off the crossing rules
    for r in range(rows):
        for c in range(cols):
            x, y = xs[c + 1], ys[r + 1]
            if c + 1 < cols and not _drawn(d[ys[r] + p:ys[r + 1] - p, x - p:x + p + 1], 0):
                parent[find(r * cols + c + 1)] = find(r * cols + c)
            if r + 1 < rows and not _drawn(a[y - p:y + p + 1, xs[c] + p:xs[c + 1] - p], 1):
                parent[find((r + 1) * cols + c)] = find(r * cols + c)
    regions: dict[int, list[tuple[int, int]]] = {}
    for r in range(rows):
        for c in range(cols):
            regions.setdefault(find(r * cols + c), []).append((r, c))
    cells = []
    for members in regions.values():
        r0, r1 = min(m[0] for m in members), max(m[0] for m in members)
        c0, c1 = min(m[1] for m in members), max(m[1] for m in members)
        cells.append(GridCell(Box(box.left + xs[c0], box.top + ys[r0], box.left + xs[c1 + 1],
                                  box.top + ys[r1 + 1]), r0, c0, r1 - r0 + 1, c1 - c0 + 1))
    cells.sort(key=lambda cell: (cell.row, cell.col))
    return FoundTable(box, cells, rows, cols)


def find_tables(binary: np.ndarray) -> list[FoundTable]:
    """The ruled tables of a binarised page, top to bottom."""
    across, down = rule_masks(binary)
    grid = cv2.bitwise_or(across, down)
    count, _, stats, _ = cv2.connectedComponentsWithStats(grid, connectivity=8)
    tables = []
    for i in range(1, count):
        x, y, w, h, _ = stats[i]
        if w * h < MIN_TABLE_SHARE * binary.size:
            continue
        found = _grid(across, down, Box(int(x), int(y), int(x + w), int(y + h)))
        if found is not None and len(found.cells) > 1:
            tables.append(found)
    return sorted(tables, key=lambda t: t.box.top)


def erase_rules(binary: np.ndarray, *images: np.ndarray) -> list[np.ndarray]:
    """The page's images with the rules found in its binarised image painted over in paper
    white (Tesseract reads rules as letters)."""
    across, down = rule_masks(binary)
    rules = (across > 0) | (down > 0)
    out = []
    for image in (binary, *images):
        image = image.copy()
        image[rules] = 255
        out.append(image)
    return out
