"""The one error a normaliser raises: a value outside what it can represent."""


class NormaliseError(ValueError):
    """A value a normaliser cannot take (a fiscal quarter 7, a year before the calendar)."""
