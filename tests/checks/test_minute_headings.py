"""The minute of an exempt item must be found under its own heading: a heading a clerk mistyped is a located error."""

from __future__ import annotations

import pytest
from conftest import run_papers
from minute_slips import HEADING, MEETING, SLIPS, TITLE, write_minutes

MINUTES = f"{MEETING}/minutes.md"


def errors(council) -> list[str]:
    result = run_papers("check", str(council))
    return [line for line in result.stdout.splitlines() if ": error PAP" in line]


@pytest.mark.parametrize("slip", SLIPS)
def test_each_mistyped_heading_of_an_exempt_minute_is_an_error_at_its_line(minimal, slip):
    lines, column = SLIPS[slip]
    line = write_minutes(minimal, lines, allow_html=slip == "html block")
    found = errors(minimal)
    assert any(e.startswith(f"{MINUTES}:{line}:{column}: error PAP240: ") and TITLE in e for e in found), found
    assert f"{MINUTES}:1:1: error PAP241: the minutes have no minute for exempt item 5, `{TITLE}`, so the public minutes of this meeting are withheld" in found


def test_a_correctly_headed_exempt_minute_passes(minimal):
    write_minutes(minimal)
    assert errors(minimal) == []


def test_an_exempt_item_with_no_minute_at_all_is_an_error(minimal):
    write_minutes(minimal)
    path = minimal / MINUTES
    path.write_text(path.read_text("utf-8").split(HEADING)[0], "utf-8")
    assert errors(minimal) == [
        f"{MINUTES}:1:1: error PAP241: the minutes have no minute for exempt item 5, `{TITLE}`, so the public minutes of this meeting are withheld"
    ]


def test_numbered_resolutions_and_subheadings_that_name_no_item_are_not_headings(minimal):
    """A resolution "1. That the minutes … be confirmed", a list naming the exempt item and `### 1. Background` stay quiet."""
    write_minutes(minimal)
    path = minimal / MINUTES
    text = path.read_text("utf-8").replace(
        "The public were excluded for the next item.\n",
        f"### 1. Background\n\nThe public were excluded for the item below.\n\n1. Apologies for absence were noted.\n2. {TITLE}, under paragraph 3.\n",
    )
    path.write_text(text, "utf-8")
    assert errors(minimal) == []
