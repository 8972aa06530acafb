"""What `ita convert` is asked to do, as plain data, with its defaults.

Light to import: the command line is built from it before any library is loaded.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from parsers.limits import DEFAULT_LIMITS, Limits
from parsers.ocr_settings import DEFAULT_OCR, OcrSettings
from pipeline.output.writers import FORMATS

DEFAULT_TIMEOUT = 300
DEFAULT_BATCH = 500
LOCAL, DASK = "local", "dask"
"""The engines: worker processes on this machine, or a Dask cluster."""


@dataclass(frozen=True)
class BatchOptions:
    """What `ita convert` is asked to do (its command line as data)."""

    inputs: list[Path]
    out: Path
    formats: list[str] = field(default_factory=lambda: list(FORMATS))
    workers: int = os.cpu_count() or 1
    timeout: float = DEFAULT_TIMEOUT
    engine: str = LOCAL
    scheduler: str | None = None
    resume: bool = False
    batch_size: int = DEFAULT_BATCH
    db: str | None = None
    catalogue: Path | None = None
    limits: Limits = DEFAULT_LIMITS
    ocr: OcrSettings = DEFAULT_OCR
    """How scans, photos and pages whose text cannot be decoded are read."""
    progress: bool = False
    """A progress bar on stderr (shown only on a terminal)."""
