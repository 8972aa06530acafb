"""The pipeline's own errors: one base, so that a caller can catch them all.

A bad input file is never an exception here (it becomes a `failed` row); these are for
what the user asked of a run: a usage the run cannot follow, an output it cannot write, a
folder or database it cannot read.
"""

from __future__ import annotations


class ItaError(Exception):
    """Anything the pipeline refuses or cannot do, with a sentence that says why."""


class UsageError(ItaError):
    """The run was asked for something it cannot do (a missing input, --out naming a file)."""
