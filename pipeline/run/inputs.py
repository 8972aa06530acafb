"""The inputs of a run: files found in what the user gave, each accounted for.

Folders are walked recursively in name order, following links to files and
folders; a folder reached a second time (a link loop, or two links to one
folder) is walked once. An entry that is not a regular file (a dangling link, a
named pipe, a device, a folder that cannot be listed) becomes an input that is
refused with a sentence, so that it has a `failed` row. What is left out on
purpose (hidden files, the run's own output folder and any other folder that
holds a converted dataset, folders already walked) is counted in `Skipped`, for
the run's summary.
"""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from parsers.limits import DEFAULT_LIMITS, Limits
from parsers.ocr_settings import DEFAULT_OCR, OcrSettings
from pipeline.output.folder import dataset_tables_home

NAME_ENCODINGS = ("utf-8", "cp874")
"""How file names are decoded, in order: UTF-8, then Windows-874 (a superset of TIS-620,
the encoding of names on Thai Windows shares)."""


@dataclass(frozen=True)
class Input:
    path: Path
    source_path: str
    """The path as given; relative to the folder given, for files found in a folder. Always
    valid Unicode (see `readable_name`)."""
    limits: Limits = DEFAULT_LIMITS
    refusal: str | None = None
    """Why this entry cannot be converted (not a regular file), as a sentence; None if it can."""
    name_note: str | None = None
    """What was done to show a file name that is not UTF-8, as a sentence."""
    ocr: OcrSettings = DEFAULT_OCR
    """How pages without a usable text layer, and images, are read."""


@dataclass
class Skipped:
    """Entries left out of a run on purpose, counted by reason, for its summary."""

    hidden: int = 0
    datasets: list[str] = field(default_factory=list)
    walked_twice: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        out = []
        if self.hidden:
            out.append(f"skipped: {self.hidden} hidden file(s) or folder(s) (names starting "
                       "with '.')")
        out += [f"skipped: {p}: a folder written by ita convert (output is never read as input)"
                for p in self.datasets]
        out += [f"skipped: {p}: a link to a folder already read in this run"
                for p in self.walked_twice]
        return out


def readable_name(name: str) -> tuple[str, str | None]:
    """A file name as valid Unicode, and a sentence if it was not UTF-8 on disk."""
    raw = os.fsencode(name)
    for encoding in NAME_ENCODINGS:
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        if encoding == NAME_ENCODINGS[0]:
            return text, None
        return text, (f"The file's name is not UTF-8; it was read as TIS-620 (Windows-874): "
                      f"{text}.")
    text = raw.decode("utf-8", "backslashreplace")
    return text, (f"The file's name is in no known encoding; its undecodable bytes are shown "
                  f"as \\x escapes: {text}.")


def path_id(source_path: str) -> str:
    """A stable key for an entry whose content cannot be read: sha256 of its path."""
    return hashlib.sha256(f"path:{source_path}".encode()).hexdigest()


def file_sha256(path: Path) -> str | None:
    """sha256 (hex) of a regular file, read in blocks; None if it cannot be read."""
    digest = hashlib.sha256()
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)  # a named pipe must not block the run
    except OSError:
        return None
    try:
        with os.fdopen(fd, "rb") as fh:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                return None
            for block in iter(lambda: fh.read(1 << 20), b""):
                digest.update(block)
    except OSError:
        return None
    return digest.hexdigest()


def _refusal(path: Path) -> str | None:
    """Why an entry that is not a folder cannot be converted; None for a regular file."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        target = os.readlink(path) if path.is_symlink() else "?"
        return f"The link points to {target}, which does not exist; nothing to read."
    except OSError as exc:
        return f"The entry could not be examined: {exc.strerror or exc}."
    if stat.S_ISREG(mode):
        return None
    kind = ("a named pipe (FIFO)" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode)
            else "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "not a regular file")
    return f"The entry is {kind}, not a file; it was not read."


def _is_folder(path: Path) -> bool:
    """A folder, or a link to one; False for a link that leads nowhere (it is refused later)."""
    try:
        return path.is_dir()
    except OSError:
        return False


class _Walk:
    """One walk over the inputs given, remembering the folders already read."""

    def __init__(self, limits: Limits, exclude: list[Path]) -> None:
        self.limits = limits
        self.exclude = {p.resolve() for p in exclude}
        self.seen: set[tuple[int, int]] = set()
        self.skipped = Skipped()

    def entry(self, path: Path, rel: str) -> Input:
        name, note = readable_name(rel)
        return Input(path, name, self.limits, _refusal(path), note)

    def _is_dataset(self, folder: Path) -> bool:
        return folder.resolve() in self.exclude or dataset_tables_home(folder) is not None

    def folder(self, folder: Path, rel: str) -> Iterator[Input]:
        """The entries under a folder; `rel` is its path relative to the folder given."""
        shown = readable_name(rel or folder.as_posix())[0]
        try:
            info = folder.stat()
        except OSError as exc:
            yield Input(folder, shown, self.limits,
                        f"The folder could not be opened: {exc.strerror or exc}.")
            return
        if (info.st_dev, info.st_ino) in self.seen:
            self.skipped.walked_twice.append(shown)
            return
        self.seen.add((info.st_dev, info.st_ino))
        if self._is_dataset(folder):
            self.skipped.datasets.append(shown)
            return
        try:
            children = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as exc:
            yield Input(folder, shown, self.limits,
                        f"The folder could not be listed: {exc.strerror or exc}.")
            return
        for child in children:
            child_rel = f"{rel}/{child.name}" if rel else child.name
            if child.name.startswith("."):
                self.skipped.hidden += 1
            elif _is_folder(Path(child.path)):
                yield from self.folder(Path(child.path), child_rel)
            else:
                yield self.entry(Path(child.path), child_rel)


def discover(inputs: list[Path], limits: Limits = DEFAULT_LIMITS,
             exclude: list[Path] | None = None) -> tuple[list[Input], Skipped]:
    """Every entry of the inputs, in the order given (folders in name order), and what was
    left out on purpose. Folders in `exclude` (the run's output) are never read."""
    walk = _Walk(limits, exclude or [])
    found: list[Input] = []
    for given in inputs:
        if _is_folder(given):
            found.extend(walk.folder(given, ""))
        else:
            found.append(walk.entry(given, str(given)))
    return found, walk.skipped
