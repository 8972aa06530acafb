"""What reading one input may cost. Past a limit the file fails with a ParseError naming it."""

from __future__ import annotations

from dataclasses import dataclass

MB = 1 << 20


@dataclass(frozen=True)
class Limits:
    max_pages: int = 1000
    """Pages of a PDF (ITA reports run to tens of pages; a scan of a whole binder, more)."""
    max_file_bytes: int = 512 * MB
    """Size of a file on disk."""
    max_unpacked_bytes: int = 512 * MB
    """What a Word file's parts inflate to, as its zip directory declares (a zip bomb, more)."""
    max_memory_bytes: int = 2048 * MB
    """Memory a worker may map for one file beyond what it holds when idle."""


DEFAULT_LIMITS = Limits()
