"""Thai characters as PDF text layers carry them, back to standard Unicode.

The mapping is a pure function on strings that every format's text goes through
(`normalise.pua`); the PDF reader also applies it glyph by glyph, to tell marks from bases.
"""

from __future__ import annotations

from normalise.pua import standard_thai as repair_thai

__all__ = ["repair_thai"]
