"""A synthetic archive for the benchmarks: copies of the fixtures, each naming its own
organisation (text and Word) or carrying its own title (PDF), so that every doc_id differs."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pikepdf

from tests.support.paths import ROOT

MIX = (("txt", 0.4), ("docx", 0.3), ("pdf", 0.3))
_LETTERS = "กขคงจฉชซฌญฎฏฐฑฒณดตถทธนบปผฝพฟภมยรลวศษสหฬอฮ"


def _suffix(n: int) -> str:
    """A Thai-letter suffix unique to n, so that every copy names its own organisation."""
    out = ""
    while True:
        n, r = divmod(n, len(_LETTERS))
        out += _LETTERS[r]
        if n == 0:
            return out


_ORG_NAMES = {"000": "ทองเอน", "002": "พันชนะ", "004": "ลำน้ำพอง"}


def _docx_copy(source: bytes, old: str, new: str) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(source)) as zin, zipfile.ZipFile(out, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "word/document.xml":
                data = data.replace(old.encode(), new.encode())
            zout.writestr(info, data)
    return out.getvalue()


def build_archive(folder: Path, docs: int) -> tuple[int, list[Path]]:
    """`docs` documents, every doc_id different; returns the count and the PDFs made."""
    fixtures = ROOT / "fixtures"
    pdfs: list[Path] = []
    n = 0
    for fmt, share in MIX:
        sources = sorted((fixtures / fmt).glob(f"*.{fmt}"))
        for i in range(int(docs * share)):
            source = sources[i % len(sources)]
            old = _ORG_NAMES[source.name[:3]]
            new = old + _suffix(n)
            target = folder / fmt / f"{i:05d}_{source.stem}.{fmt}"
            target.parent.mkdir(parents=True, exist_ok=True)
            if fmt == "txt":
                target.write_text(source.read_text("utf-8").replace(old, new), "utf-8")
            elif fmt == "docx":
                target.write_bytes(_docx_copy(source.read_bytes(), old, new))
            else:  # a PDF's text cannot be edited: its title differs instead
                with pikepdf.open(source) as pdf:
                    pdf.docinfo["/Title"] = f"ITA {new}"
                    pdf.save(target)
                pdfs.append(target)
            n += 1
    return n, pdfs
