"""Legacy Word 97-2003 (.doc) files, converted to DOCX with LibreOffice when it is installed."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from parsers.errors import ParseError

CONVERT_SECONDS = 120
INSTALL_HINT = (
    "Legacy Word (.doc) files need LibreOffice to be read; install it "
    "(Debian/Ubuntu: apt-get install libreoffice-writer-nogui) and run again."
)


def doc_to_docx(data: bytes) -> bytes:
    """The DOCX LibreOffice makes of a .doc file, with a throw-away profile and folder."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise ParseError(INSTALL_HINT)
    with tempfile.TemporaryDirectory(prefix="ita-doc-") as tmp:
        folder = Path(tmp)
        source = folder / "report.doc"
        source.write_bytes(data)
        command = [
            soffice, f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless",
            "--norestore", "--convert-to", "docx", "--outdir", str(folder / "out"), str(source),
        ]
        try:
            subprocess.run(command, capture_output=True, timeout=CONVERT_SECONDS, check=False)
        except subprocess.TimeoutExpired as exc:
            raise ParseError(
                f"LibreOffice did not finish converting this .doc file within "
                f"{CONVERT_SECONDS} s; the file may be damaged."
            ) from exc
        result = folder / "out" / "report.docx"
        if not result.exists():
            raise ParseError("LibreOffice could not convert this .doc file; it may be damaged.")
        return result.read_bytes()
