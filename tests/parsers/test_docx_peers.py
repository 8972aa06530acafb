"""Other projects' test documents (../shared/peer-suites/): ordinary, odd and ISO Strict Word
files, none an ITA report. Each is read; expected texts are read off each file's XML."""

from __future__ import annotations

from pathlib import Path

import pytest

from parsers import parse_bytes
from parsers.model import Block, Paragraph, Table
from pipeline.run.one_file import Input, convert_file
from tests.support.paths import PEERS

DOCLING = PEERS / "docling" / "docx"
FILES = sorted([*(PEERS / "python-docx").glob("*.docx"), *DOCLING.glob("*.docx")])

pytestmark = pytest.mark.skipif(not FILES, reason=f"no peer suites in {PEERS}")


def blocks(path: Path) -> list[Block]:
    return parse_bytes(path.read_bytes()).blocks


def texts(path: Path) -> list[str | list[list[str]]]:
    """Each block's text: a paragraph's, or a table's cell texts row by row."""
    return [[r.texts for r in b.rows] if isinstance(b, Table) else b.text for b in blocks(path)]


def test_both_suites_are_here() -> None:
    assert len(FILES) == 78


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(PEERS)))
def test_every_peer_word_file_is_read(path: Path) -> None:
    parse_bytes(path.read_bytes())


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(PEERS)))
def test_every_peer_word_file_converts_without_an_internal_error(path: Path) -> None:
    row = convert_file(Input(path, path.name)).document
    assert not (row["error"] or "").startswith("Internal error"), row["error"]
    assert row["status"] == "ok", row["error"]


def test_a_document_without_a_numbering_part_is_read_in_order() -> None:
    """python-docx's blk-paras-and-tables.docx has no word/numbering.xml; its middle table
    holds a nested two-row table between two paragraphs."""
    assert texts(PEERS / "python-docx" / "blk-paras-and-tables.docx") == [
        [["", ""], ["", ""]],
        "Lorem ipsum dolor sit amet, consectetur adipiscing elit.",
        [["Text before\nTable\nBetween\nText after"]],
        "Donec semper facilisis metus finibus malesuada.",
        [[""]],
    ]


def test_iso_strict_reads_as_its_transitional_twin() -> None:
    strict = texts(DOCLING / "Strict.docx")
    assert strict == texts(DOCLING / "Transitional.docx")
    assert strict == ["Some text"]


def test_text_boxes_are_read_once_after_the_paragraph_they_are_anchored_in() -> None:
    """textbox.docx: two title paragraphs, then the fourth body paragraph anchors two text
    boxes (each kept twice: as DrawingML and, in mc:Fallback, as VML)."""
    read = blocks(DOCLING / "textbox.docx")
    assert [b.text for b in read[:3] if isinstance(b, Paragraph)] == [
        "Chiayi County Shuishang Township Nanjing Elementary School Affiliated Kindergarten",
        "Infectious Disease Reporting Procedure for the 113th Academic Year Kindergarten",
        "Student falls ill",
    ]
    box = read[3]
    assert isinstance(box, Paragraph)
    assert box.text.startswith("Suggested Reportable Symptoms:\n＊ Fever\n＊ Cough")
    assert [b.span.start for b in read[2:4] if b.span] == [4, 4]
    all_text = [b.text for b in read if isinstance(b, Paragraph)]
    assert all_text.count("Student falls ill") == 1
    assert all_text.count("Case closed.") == 1


def test_equations_in_cells_are_plain_text() -> None:
    assert texts(DOCLING / "table_with_equations.docx") == [[
        ["The next cell has an equation", "A=πr^2"],
        ["The next cell has another equation", "x=(-b±√(b^2-4ac))/2a"],
    ]]


@pytest.mark.parametrize(("name", "equation"), [
    ("omml_frac_superscript.docx", "((x-c)/v)^2"),
    ("omml_func_log.docx", "y = log(x)"),
    ("omml_multi_equation_paragraph.docx", "a=b c=d e=f"),
    ("omml_text_escapes_in_math.docx", "x – y^2"),
])
def test_an_equation_paragraph_is_its_equation(name: str, equation: str) -> None:
    assert texts(DOCLING / name)[-1] == equation
