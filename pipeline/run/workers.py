"""Conversion in worker processes that one bad file cannot stop.

Each worker converts one file at a time. A file that takes longer than the time
limit has its worker killed; a worker that dies takes only its file with it. In
both cases the file becomes a `failed` row and a fresh worker takes its place.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import resource
import signal
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from pathlib import Path

from pipeline.run.converted import Converted, failed_result
from pipeline.run.inputs import Input

_CONTEXT = multiprocessing.get_context("fork")
_PR_SET_PDEATHSIG = 1
Converter = Callable[[Input], Converted]


def _converter() -> Converter:
    """`convert_file`, whose parsers and extractors are loaded here, in the driver before it
    forks a worker (every worker shares the one copy), and never by a run that converts no
    file on this machine."""
    from pipeline.run.one_file import convert_file

    return convert_file


def _die_with(parent: int) -> None:
    """Have the kernel kill this process when its parent dies (even by `kill -9`)."""
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the parent died before the request was made
        os._exit(1)


def _address_space() -> int:
    """Bytes of address space this process has mapped now."""
    status = Path("/proc/self/status").read_text()
    return next(int(line.split()[1]) * 1024 for line in status.splitlines()
                if line.startswith("VmSize:"))


def _serve(conn: Connection, parent: int, convert: Converter) -> None:
    """A worker's loop: receive an input, send its rows; None ends it. Each file may map
    `max_memory_bytes` more than the worker had when it started (MemoryError past that)."""
    _die_with(parent)
    baseline = _address_space()
    while (item := conn.recv()) is not None:
        cap = baseline + item.limits.max_memory_bytes
        resource.setrlimit(resource.RLIMIT_AS, (cap, resource.RLIM_INFINITY))
        conn.send(convert(item))


@dataclass
class _Worker:
    process: multiprocessing.process.BaseProcess
    conn: Connection
    item: Input | None = None
    started: float = 0.0

    @classmethod
    def start(cls) -> _Worker:
        parent, child = _CONTEXT.Pipe()
        process = _CONTEXT.Process(target=_serve, args=(child, os.getpid(), _converter()),
                                   daemon=True)
        process.start()
        child.close()
        return cls(process, parent)

    def give(self, item: Input) -> None:
        self.item, self.started = item, time.monotonic()
        self.conn.send(item)

    def stop(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join()
        self.conn.close()


def _death(worker: _Worker) -> str:
    worker.process.join(timeout=1)
    code = worker.process.exitcode
    how = f"was killed by signal {-code}" if code is not None and code < 0 else f"exited ({code})"
    return (f"The process converting this file {how}; the file may be damaged or too large "
            "for this machine.")


def convert_many(items: Iterable[Input], workers: int, timeout: float) -> Iterator[Converted]:
    """Rows of every input, in the order conversions finish."""
    pending = iter(items)
    pool = [_Worker.start() for _ in range(max(1, workers))]
    try:
        for worker in pool:
            if (item := next(pending, None)) is not None:
                worker.give(item)
        while busy := [w for w in pool if w.item is not None]:
            deadline = min(w.started for w in busy) + timeout
            ready = wait([w.conn for w in busy], timeout=max(0.0, deadline - time.monotonic()))
            now = time.monotonic()
            for i, worker in enumerate(pool):
                if worker.item is None:
                    continue
                item, result, lost = worker.item, None, False
                if worker.conn in ready:
                    try:
                        result = worker.conn.recv()
                    except (EOFError, OSError):
                        result = failed_result(item, _death(worker), now - worker.started)
                        lost = True
                elif now - worker.started >= timeout:
                    result = failed_result(
                        item, f"Converting this file took longer than the limit of {timeout:g} s "
                              "and was stopped; the file may be damaged or unusually large.",
                        now - worker.started)
                    lost = True
                if result is None:
                    continue
                worker.item = None
                if lost:  # overran or died: a fresh worker takes its place
                    worker.stop()
                    pool[i] = worker = _Worker.start()
                if (nxt := next(pending, None)) is not None:
                    worker.give(nxt)
                yield result
    finally:
        for worker in pool:
            if worker.process.is_alive() and worker.item is None:
                try:
                    worker.conn.send(None)
                except OSError:
                    pass
            worker.stop()
