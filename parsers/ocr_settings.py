"""How scans are read by OCR, as data: light to import (no image libraries), so that the
command line and the workers of a run of text files can carry it."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field

AUTO, OFF, FORCE = "auto", "off", "force"
OCR_MODES = (AUTO, OFF, FORCE)
PACKAGES = "tesseract-ocr tesseract-ocr-tha"
"""The Debian packages that give Tesseract and its Thai data."""
INSTALL = f"install the Debian packages {PACKAGES} (apt-get install {PACKAGES})"


@dataclass(frozen=True)
class OcrSettings:
    """Whether and how pages without a usable text layer, and images, are read by OCR."""

    mode: str = AUTO
    """`auto`: pages without a usable text layer and image files; `force`: every page, its
    text layer ignored; `off`: none (such pages are reported as not read)."""
    languages: str = "tha+eng"
    """Tesseract's language set (`-l`)."""
    command: str = field(default_factory=lambda: os.environ.get("ITA_TESSERACT", "tesseract"))
    """The Tesseract program."""
    dpi: int = 300
    """Resolution PDF pages are rendered at for OCR."""

    def __post_init__(self) -> None:
        """Refuse a mode or language set Tesseract would not take."""
        if self.mode not in OCR_MODES:
            raise ValueError(f"OCR mode {self.mode!r}: choose from {', '.join(OCR_MODES)}.")
        if not re.fullmatch(r"[A-Za-z_]+(\+[A-Za-z_]+)*", self.languages):
            raise ValueError(f"OCR languages {self.languages!r}: write them as tha+eng.")


DEFAULT_OCR = OcrSettings()
