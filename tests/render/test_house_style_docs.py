"""docs/house-styles.md documents every key of a house style, and shows the real built-in files and examples."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest

from committee_papers.house_style import BUILT_IN_NAMES, SOURCES
from committee_papers.model.house_style import Appendices, ContactLabels, Grid, HouseStyleFile, Numbering, Row, Section

ROOT = Path(__file__).resolve().parents[2]
DOC = (ROOT / "docs" / "house-styles.md").read_text("utf-8")
FIXTURES = Path(__file__).parent / "fixtures"
OLDER = {"number_paragraphs", "required_fields", "required_sections", "required_implications"}  # described in prose


def documented_keys(heading: str) -> set[str]:
    """The keys in the first column of the tables under a `###` heading of the page."""
    part = DOC.split(f"### {heading}\n", 1)[1].split("\n### ", 1)[0]
    return {line.split("`")[1] for line in part.split("\n") if line.startswith("| `")}


@pytest.mark.parametrize(
    "heading, model",
    [
        ("Top-level keys", HouseStyleFile),
        ("Rows: `header` and `cover`", Row),
        ("Sections", Section),
        ("`numbering`", Numbering),
        ("`appendices`", Appendices),
        ("`contact_labels`", ContactLabels),
        ("`grids`", Grid),
    ],
)
def test_every_key_is_documented(heading, model):
    keys = {field.alias or name for name, field in model.model_fields.items()} - OLDER
    assert keys <= documented_keys(heading), sorted(keys - documented_keys(heading))
    assert documented_keys(heading) <= keys | {"after`, `before"}, "a documented key the model does not have"


def test_every_source_is_documented():
    table = DOC.split("### Where values come from: `from`\n", 1)[1].split("\n### ", 1)[0]
    for source in SOURCES:
        assert f"`{source}`" in table, source


def test_the_built_in_styles_and_the_example_council_style_are_shown_as_they_are():
    for name in BUILT_IN_NAMES:
        assert (ROOT / "src" / "committee_papers" / "house_styles" / f"{name}.yml").read_text("utf-8") in DOC, name
    assert (ROOT / "templates" / "house_styles" / "ravensmere.yml").read_text("utf-8") in DOC


@pytest.mark.parametrize("style", BUILT_IN_NAMES)
def test_each_example_is_the_report_the_tests_build(style):
    case = (FIXTURES / f"{style}.case").read_text("utf-8")
    report = case.split("04-internal-audit-plan.md\n", 1)[1].split("\n=== ", 1)[0].rstrip("\n")
    assert f"```markdown\n{report}\n```" in DOC


@pytest.mark.parametrize("style", BUILT_IN_NAMES)
def test_the_gallery_has_a_picture_of_each_style(style):
    picture = ROOT / "docs" / "images" / "house-styles" / f"{style}.png"
    assert f"](images/house-styles/{style}.png)" in DOC
    header = picture.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", header[16:24])
    assert abs(height / width - 297 / 210) < 0.01  # an A4 page
