"""Pure functions on strings and values: digits, codes, dates, organisations, units."""
