"""The text of a saved web page: its bytes decoded in the charset the page uses.

Tried in order, the first that decodes every byte wins: a byte-order mark; the charset the
page declares (`<meta charset>`, `<meta http-equiv="Content-Type" content="…; charset=…">`,
an XML declaration's `encoding`); UTF-8; Windows-874, the superset of TIS-620 that Thai
sites without a declaration are written in. Labels follow the WHATWG Encoding Standard where
Python's names differ (`windows-874`, `tis-620` and `iso-8859-11` all mean Windows-874). When
no charset decodes every byte, the page is read in the declared one (else UTF-8) with the
bad bytes as U+FFFD, and a sentence says how many were lost.
"""

from __future__ import annotations

import codecs

import regex

_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
         (codecs.BOM_UTF16_BE, "utf-16-be"))
_DECLARED = regex.compile(
    rb"<meta\b[^>]*?\bcharset\s*=\s*[\"']?\s*([a-z0-9._:-]+)"
    rb"|<\?xml\b[^>]*?\bencoding\s*=\s*[\"']([a-z0-9._:-]+)",
    regex.IGNORECASE)
_PRESCAN_BYTES = 8192
"""How far into the page a charset declaration is looked for (the HTML standard's prescan
reads 1,024 bytes; Thai CMS pages put long scripts before their `<meta>`)."""
_WHATWG_LABELS = {
    **dict.fromkeys(("windows-874", "x-windows-874", "dos-874", "tis-620", "tis620",
                     "iso-8859-11", "iso8859-11", "iso885911"), "cp874"),
    # a page that says UTF-16 in its own ASCII-compatible bytes is not UTF-16
    **dict.fromkeys(("utf-16", "utf-16le", "utf-16be"), "utf-8"),
}
FALLBACKS = ("utf-8", "cp874")


def declared_charset(data: bytes) -> str | None:
    """The Python codec of the charset a page declares, None when it declares none Python
    knows."""
    match = _DECLARED.search(data[:_PRESCAN_BYTES])
    return codec_of((match.group(1) or match.group(2)).decode("ascii")) if match else None


def codec_of(label: str) -> str | None:
    """The Python codec of a charset label as web pages write it; None for one Python lacks."""
    label = label.strip().lower()
    try:
        return codecs.lookup(_WHATWG_LABELS.get(label, label)).name
    except LookupError:
        return None


def decode_html(data: bytes) -> tuple[str, list[str]]:
    """The page's text, and the repairs decoding needed (sentences; none for a clean page)."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _decode_lossy(data[len(bom):], codec)
    declared = declared_charset(data)
    for codec in dict.fromkeys(filter(None, (declared, *FALLBACKS))):
        try:
            return data.decode(codec), []
        except UnicodeDecodeError:
            continue
    return _decode_lossy(data, declared or FALLBACKS[0])


def _decode_lossy(data: bytes, codec: str) -> tuple[str, list[str]]:
    """Decode as a browser does, each byte that does not decode shown as U+FFFD."""
    try:
        return data.decode(codec), []
    except UnicodeDecodeError as exc:
        first = exc.start
    text = data.decode(codec, errors="replace")
    lost = text.count("\ufffd") - data.decode(codec, errors="ignore").count("\ufffd")
    return text, [f"{lost:,} byte sequence{'s' if lost > 1 else ''} of the web page "
                  f"(the first at byte {first:,}) {'are' if lost > 1 else 'is'} not valid "
                  f"{codecs.lookup(codec).name} text and read as \ufffd: some characters "
                  "are missing."]
