"""A page's characters indexed once by position, so that a box's characters are found by
bisection instead of by reading every character of the page for every cell."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable

Box = tuple[float, float, float, float]
"""x0, top, x1, bottom in page coordinates."""


def _centre(char: dict) -> tuple[float, float]:
    return (char["x0"] + char["x1"]) / 2, (char["top"] + char["bottom"]) / 2


class CharIndex:
    """The characters of one page, sorted by the height of their centre."""

    def __init__(self, chars: Iterable[dict]) -> None:
        centred = ((_centre(c), order, c) for order, c in enumerate(chars))
        entries = sorted((y, order, x, c) for (x, y), order, c in centred)
        self._ys = [y for y, _, _, _ in entries]
        self._entries = [(order, x, c) for _, order, x, c in entries]

    def inside(self, box: Box) -> list[dict]:
        """The characters whose centre lies in the box, in the order the page draws them
        (a mark follows the character it sits on)."""
        lo, hi = bisect_left(self._ys, box[1]), bisect_right(self._ys, box[3])
        found = [(order, c) for order, x, c in self._entries[lo:hi] if box[0] <= x <= box[2]]
        found.sort(key=lambda entry: entry[0])
        return [c for _, c in found]
