"""The one place that reaches into pdfminer/pdfplumber internals (versions pinned in pyproject).

pdfminer ignores `/ActualText` marked-content spans, where PDF writers put the
true text of Thai clusters whose glyphs do not map one-to-one to characters
(`ดำ` drawn as ด + ํ + า). This device records, for every character drawn
inside such a span, the span's text, and afterwards gives the span's first
character that text and the span's box, and its other characters no text.
pdfplumber's page then reads this layout instead of building its own.

pdfplumber turns every layout object into a dict by resolving each attribute generically;
for characters, most of a page's objects, `_char` builds the same dict directly (a test
compares the two on every fixture page).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any
from unicodedata import normalize

import pdfplumber
from pdfminer.layout import LTChar, LTContainer, LTItem
from pdfminer.pdfinterp import PDFPageInterpreter
from pdfminer.utils import decode_text
from pdfplumber.page import Page, PDFPageAggregatorWithMarkedContent, fix_fontname_bytes
from pdfplumber.utils.pdfinternals import resolve_all, resolve_and_decode


class ActualTextAggregator(PDFPageAggregatorWithMarkedContent):
    """pdfplumber's marked-content device, also honouring `/ActualText`."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._spans: list[tuple[str, list[LTChar]] | None] = []

    def begin_tag(self, tag: Any, props: Any = None) -> None:
        super().begin_tag(tag, props)
        text = props.get("ActualText") if isinstance(props, dict) else None
        if isinstance(text, bytes | str):
            self._spans.append((decode_text(text) if isinstance(text, bytes) else text, []))
        else:
            self._spans.append(None)

    def end_tag(self) -> None:
        super().end_tag()
        span = self._spans.pop() if self._spans else None
        if span is not None:
            _apply_actual_text(*span)

    def render_char(self, *args: Any, **kwargs: Any) -> float:
        advance = super().render_char(*args, **kwargs)
        chars = [s for s in self._spans if s is not None]
        objs = self.cur_item._objs
        if chars and objs and isinstance(objs[-1], LTChar):
            chars[-1][1].append(objs[-1])
        return advance


def _apply_actual_text(text: str, chars: list[LTChar]) -> None:
    if not chars:
        return
    first = chars[0]
    x0 = min(c.x0 for c in chars)
    x1 = max(c.x1 for c in chars)
    first.set_bbox((x0, first.y0, x1, first.y1))
    first._text = text
    for other in chars[1:]:
        other._text = ""


def read_layout(pdf: pdfplumber.PDF, page: Page) -> None:
    """Lay the page out with `/ActualText` honoured; pdfplumber's chars then carry it."""
    device = ActualTextAggregator(pdf.rsrcmgr, pageno=page.page_number, laparams=pdf.laparams)
    PDFPageInterpreter(pdf.rsrcmgr, device).process_page(page.page_obj)
    page._layout = device.get_result()
    page._objects = _objects(page)


@dataclass(frozen=True)
class _Frame:
    """What every character of a page is placed by: worked out once per page."""

    height: float
    x_shift: float
    top_shift: float
    doctop: float
    page_number: int
    unicode_norm: Any

    @classmethod
    def of(cls, page: Page) -> _Frame:
        x_shift, top_shift = page.mediabox[:2]
        return cls(page.height, x_shift, top_shift, page.initial_doctop, page.page_number,
                   page.pdf.unicode_norm)


@lru_cache(maxsize=64)
def _colour_space(name: Any) -> Any:
    return resolve_and_decode(name)


def _char(frame: _Frame, obj: LTChar) -> dict[str, Any]:
    """The dict pdfplumber's `Page.process_object` makes of a character, made directly."""
    gs = obj.graphicstate
    fontname = obj.fontname
    text = obj.get_text()
    x0, x1 = obj.x0, obj.x1
    if frame.x_shift != 0:
        x0, x1 = x0 + frame.x_shift, x1 + frame.x_shift
    top = (frame.height - obj.y1) + frame.top_shift
    mcid, tag = obj.mcid, obj.tag
    return {
        # pdfminer computes a character's matrix by arithmetic: numbers, never references
        "matrix": obj.matrix, "fontname": (
            fix_fontname_bytes(fontname) if isinstance(fontname, bytes) else fontname),
        "adv": obj.adv, "upright": obj.upright, "x0": x0, "y0": obj.y0, "x1": x1,
        "y1": obj.y1, "width": obj.width, "height": obj.height, "size": obj.size,
        "mcid": mcid if mcid is None or type(mcid) is int else resolve_all(mcid),
        "tag": tag if tag is None or type(tag) is str else resolve_all(tag),
        "object_type": "char", "page_number": frame.page_number,
        "ncs": _colour_space(obj.ncs.name),
        "text": text if (norm := frame.unicode_norm) is None else normalize(norm, text),
        "stroking_color": gs.scolor if isinstance(gs.scolor, tuple) else (gs.scolor,),
        "non_stroking_color": gs.ncolor if isinstance(gs.ncolor, tuple) else (gs.ncolor,),
        "top": top, "bottom": (frame.height - obj.y0) + frame.top_shift,
        "doctop": frame.doctop + top,
    }


def _layout_items(page: Page, frame: _Frame, items: list[LTItem]) -> Any:
    """`Page.iter_layout_objects`, characters made by `_char`."""
    for obj in items:
        if isinstance(obj, LTContainer):
            if page.pdf.laparams is not None:
                yield page.process_object(obj)
            yield from _layout_items(page, frame, obj._objs)
        elif type(obj) is LTChar:
            yield _char(frame, obj)
        else:
            yield page.process_object(obj)


def _objects(page: Page) -> dict[str, list[dict[str, Any]]]:
    """`Page.parse_objects` over `_layout_items`."""
    objects: dict[str, list[dict[str, Any]]] = {}
    for obj in _layout_items(page, _Frame.of(page), page.layout._objs):
        if obj["object_type"] != "anno":
            objects.setdefault(obj["object_type"], []).append(obj)
    return objects
