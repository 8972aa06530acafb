"""Work done ahead in threads: the next items' while the caller handles the one before."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")


def ahead(function: Callable[[T], R], items: Iterable[T], depth: int = 1) -> Iterator[R]:
    """`function` of each item in turn, that of the next `depth` items computed in as many
    threads while the caller handles the one before them (so at most depth + 1 results are
    held at once)."""
    with ThreadPoolExecutor(max_workers=depth) as workers:
        upcoming: deque[Future[R]] = deque()
        for item in items:
            upcoming.append(workers.submit(function, item))
            if len(upcoming) > depth:
                yield upcoming.popleft().result()
        while upcoming:
            yield upcoming.popleft().result()
