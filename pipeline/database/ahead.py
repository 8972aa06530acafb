"""Work done one step ahead in a thread: the next item's while the caller handles the last."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")


def ahead(function: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
    """`function` of each item in turn, that of the next item computed in a thread while the
    caller handles the one before it (so at most two results are held at once)."""
    with ThreadPoolExecutor(max_workers=1) as worker:
        upcoming = None
        for item in items:
            computing = worker.submit(function, item)
            if upcoming is not None:
                yield upcoming.result()
            upcoming = computing
        if upcoming is not None:
            yield upcoming.result()
