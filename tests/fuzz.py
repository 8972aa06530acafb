"""`make fuzz`: mutated PDF and Word fixtures through the real converter, in its worker pool.

Each case is a fixture, or a document of another project's test suite
(`../shared/peer-suites/`), with random damage: bytes flipped, cut, duplicated or deleted;
bytes inserted after a PDF's header (every cross-reference offset then points wrong); for
Word files also damage inside `word/document.xml`, or a part left out of the package
(numbering, styles, content types), re-zipped so that the XML reader (not only the zip
reader) is reached. Every case must end as `ok`, `partial` or `failed`
with a message of ours. A defect is an "Internal error" row (an exception we did not
turn into a sentence), a worker that died, or a case that ran out of time. Knobs:
FUZZ_CASES (default 300), FUZZ_SEED (default: the date), FUZZ_TIMEOUT (default 60 s).
"""

from __future__ import annotations

import io
import logging
import os
import random
import sys
import tempfile
import time
import zipfile
from collections import Counter
from datetime import date
from pathlib import Path

from pipeline.run.one_file import Input
from pipeline.run.workers import convert_many
from tests.support.paths import ROOT

PEERS = ROOT.parent / "shared" / "peer-suites"
SOURCES = sorted(p for p in [*(ROOT / "fixtures" / "pdf").glob("*.pdf"),
                             *(ROOT / "fixtures" / "docx").glob("*.docx"),
                             *PEERS.rglob("*.pdf"), *PEERS.rglob("*.docx")]
                 if p.stat().st_size > 0)  # an empty file has nothing to damage
CASES = int(os.environ.get("FUZZ_CASES", "300"))
SEED = int(os.environ.get("FUZZ_SEED", date.today().strftime("%Y%m%d")))
TIMEOUT = float(os.environ.get("FUZZ_TIMEOUT", "60"))
DEFECTS = ("Internal error", "was killed by signal", "exited (", "took longer than the limit")


def damage(data: bytes, rng: random.Random) -> bytes:
    """One to eight random edits of the bytes."""
    out = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        if not out:  # an empty part, or all of it deleted: nothing more to damage
            break
        at = rng.randrange(len(out))
        kind = rng.choice(("flip", "cut", "copy", "delete", "zero"))
        if kind == "flip":
            out[at] ^= 1 << rng.randrange(8)
        elif kind == "cut":
            del out[max(at, 1):]
        elif kind == "copy":
            size = rng.randint(1, 4096)
            out[at:at] = out[at:at + size]
        elif kind == "delete":
            del out[at:at + rng.randint(1, 512)]
        else:
            out[at:at + rng.randint(1, 64)] = bytes(rng.randint(1, 64))
    return bytes(out)


def damage_docx_xml(data: bytes, rng: random.Random) -> bytes:
    """The Word file with its document part damaged and the package re-zipped intact."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w",
                                                                   zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            part = src.read(info)
            dst.writestr(info.filename, damage(part, rng) if info.filename ==
                         "word/document.xml" else part)
    return out.getvalue()


def shift_offsets(data: bytes, rng: random.Random) -> bytes:
    """The PDF with bytes inserted after its header line: every xref offset points wrong."""
    at = data.find(b"\n") + 1
    return data[:at] + b"%" + bytes(rng.randint(1, 4096)) + b"\n" + data[at:]


def drop_part(data: bytes, rng: random.Random) -> bytes:
    """The Word file without one of its parts other than the document."""
    with zipfile.ZipFile(io.BytesIO(data)) as src:
        names = [n for n in src.namelist() if n != "word/document.xml"]
        gone = rng.choice(names) if names else ""
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
            for info in src.infolist():
                if info.filename != gone:
                    dst.writestr(info.filename, src.read(info))
    return out.getvalue()


def mutate(source: Path, rng: random.Random) -> bytes:
    """One random kind of damage that suits the file's format."""
    data = source.read_bytes()
    kinds = [damage, shift_offsets] if source.suffix == ".pdf" else [damage, drop_part]
    try:
        return (damage_docx_xml if source.suffix == ".docx" and rng.random() < 0.4
                else rng.choice(kinds))(data, rng)
    except zipfile.BadZipFile:  # a peer suite's own broken file: damage its bytes
        return damage(data, rng)


def make_cases(folder: Path, rng: random.Random) -> list[Input]:
    items = []
    for n in range(CASES):
        source = rng.choice(SOURCES)
        mutated = mutate(source, rng)
        path = folder / f"{n:04d}-{source.stem[:12]}{source.suffix}"
        path.write_bytes(mutated)
        items.append(Input(path, path.name))
    return items


def main() -> int:
    logging.getLogger("pdfminer").setLevel(logging.ERROR)  # the damage is what we make
    rng = random.Random(SEED)
    with tempfile.TemporaryDirectory() as tmp:
        items = make_cases(Path(tmp), rng)
        start = time.perf_counter()
        outcomes: Counter[str] = Counter()
        defects = []
        for result in convert_many(items, os.cpu_count() or 1, TIMEOUT):
            doc = result.document
            outcomes[doc["status"]] += 1
            if any(d in (doc["error"] or "") for d in DEFECTS):
                defects.append(f"{doc['source_path']}: {doc['error']}")
                if os.environ.get("FUZZ_KEEP"):
                    keep = ROOT / "out" / "fuzz"
                    keep.mkdir(parents=True, exist_ok=True)
                    (keep / doc["source_path"]).write_bytes(
                        (Path(tmp) / doc["source_path"]).read_bytes())
        seconds = time.perf_counter() - start
    print(f"fuzz: {CASES} mutated files (seed {SEED}) from {len(SOURCES)} fixtures in "
          f"{seconds:.1f} s: " + ", ".join(f"{k} {v}" for k, v in sorted(outcomes.items())))
    for line in defects:
        print(f"  defect: {line}")
    print(f"{len(defects)} defect(s)")
    return 1 if defects else 0


if __name__ == "__main__":
    sys.exit(main())
