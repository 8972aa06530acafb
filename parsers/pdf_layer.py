"""The one place that reaches into pdfminer/pdfplumber internals (versions pinned in pyproject).

pdfminer ignores `/ActualText` marked-content spans, where PDF writers put the
true text of Thai clusters whose glyphs do not map one-to-one to characters
(`ดำ` drawn as ด + ํ + า). This device records, for every character drawn
inside such a span, the span's text, and afterwards gives the span's first
character that text and the span's box, and its other characters no text.
pdfplumber's page then reads this layout instead of building its own.
"""

from __future__ import annotations

from typing import Any

import pdfplumber
from pdfminer.layout import LTChar
from pdfminer.pdfinterp import PDFPageInterpreter
from pdfminer.utils import decode_text
from pdfplumber.page import Page, PDFPageAggregatorWithMarkedContent


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
