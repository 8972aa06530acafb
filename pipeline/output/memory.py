"""Memory a long run has freed given back to the system, so that its size stays flat.

A driver converting an archive builds and frees a batch of rows and Arrow tables again and
again; the allocators (Arrow's pool, glibc's heap) keep what was freed for reuse, and the
process grows with the number of batches although it holds no more data.
"""

from __future__ import annotations

import ctypes
import os
import sys
from functools import cache
from typing import Any

ARROW_POOL = "system"
"""Arrow's allocator for this program (unless ARROW_DEFAULT_MEMORY_POOL says otherwise), chosen
before pyarrow loads: its default, mimalloc, kept 60-90 MB more resident than the C heap while
a run's output was merged (measured merging 3,000 reports' parts), and gives little back."""
if "pyarrow" not in sys.modules:
    os.environ.setdefault("ARROW_DEFAULT_MEMORY_POOL", ARROW_POOL)


@cache
def _libc() -> Any:
    """glibc, which can hand freed heap back (`malloc_trim`); None elsewhere."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(None)  # the process's own symbols: the C library it runs on
        return libc if hasattr(libc, "malloc_trim") else None
    except OSError:
        return None


def give_back() -> None:
    """Return the memory freed so far to the system (Arrow's pool, then the C heap)."""
    if "pyarrow" in sys.modules:
        sys.modules["pyarrow"].default_memory_pool().release_unused()
    if (libc := _libc()) is not None:
        libc.malloc_trim(0)
