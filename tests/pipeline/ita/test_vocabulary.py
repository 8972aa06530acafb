"""pipeline.ita.vocabulary: the ITA's words, read off the framework (DOMAIN.md)."""

from __future__ import annotations

from pipeline.ita.vocabulary import GRADE_LETTERS, ITEM_TOOL, TOOLS


def test_grades_are_the_bands_of_domain_md_best_first() -> None:
    assert GRADE_LETTERS == ("AA", "A", "B", "C", "D", "E", "F")


def test_tools_and_the_tool_of_o_items() -> None:
    assert set(TOOLS) == {"IIT", "EIT", "OIT"}
    assert ITEM_TOOL == "OIT"  # O-items are the sub-indicators of indicators 9 and 10
