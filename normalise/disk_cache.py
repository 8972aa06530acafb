"""Plain data a process takes long to build, kept on disk for the next process.

A value is stored with `marshal` (plain data only: strings, numbers, tuples, sets, dicts)
under a key naming everything it was built from, the Python that wrote it included. A cache
that is missing, damaged, of another key or in a folder that cannot be written only means
the value is built again: it never changes a result. The folder is `$ITA_CACHE_DIR`, else
`$XDG_CACHE_HOME/ita-pipeline`, else `~/.cache/ita-pipeline`.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


def cache_dir() -> Path:
    """The folder the values are kept in."""
    if folder := os.environ.get("ITA_CACHE_DIR"):
        return Path(folder)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "ita-pipeline"


def _path(name: str, key: bytes) -> Path:
    made_by = f"{sys.version}|{marshal.version}|".encode()
    return cache_dir() / f"{name}-{hashlib.sha256(made_by + key).hexdigest()[:16]}.marshal"


def cached(name: str, key: bytes, build: Callable[[], T], valid: Callable[[object], bool]) -> T:
    """The value `build` makes, read from the cache when a process stored it under `key`
    (and `valid` accepts what was read), else built and stored."""
    path = _path(name, key)
    try:
        value = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        value = None
    if value is not None and valid(value):
        return value  # type: ignore[return-value]
    value = build()
    _store(path, name, value)
    return value


def _store(path: Path, name: str, value: object) -> None:
    """Write the value whole or not at all (a reader never sees half a file), and remove the
    values stored under other keys."""
    temporary = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, prefix=f".{name}-",
                                         delete=False) as out:
            temporary = Path(out.name)
            out.write(marshal.dumps(value))
        os.replace(temporary, path)
        temporary = None
        for old in path.parent.glob(f"{name}-*.marshal"):
            if old != path:
                old.unlink(missing_ok=True)
    except OSError:
        pass  # a read-only or full disk: the next process builds the value again
    finally:
        if temporary is not None:
            with contextlib.suppress(OSError):
                temporary.unlink(missing_ok=True)
