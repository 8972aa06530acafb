"""Builders and helpers shared by the tests: paths, Word and PDF builders, the golden
reports, the test databases."""
