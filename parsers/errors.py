"""Errors a parser raises; their messages are written for the clerk who reads them."""


class ParseError(Exception):
    """The file could not be read; the message says why and what to do."""
