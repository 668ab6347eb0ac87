"""What the output guard counts as exempt in a piece of Markdown: a disguised `::: exempt` fails closed."""

from __future__ import annotations

import pytest

from committee_papers.markdown.exempt_text import chunks, disguised_line
from committee_papers.markdown.parser import parser

SECRET = "The preferred bidder is Fenwick Marsh Partners."


@pytest.mark.parametrize("marker", ["\u00a0::: exempt", "\u200b::: exempt", "\ufeff::: exempt", "\uff1a\uff1a\uff1a exempt", "> \u00a0:::Exempt"])
def test_everything_after_a_disguised_marker_is_exempt_text(marker):
    text = f"The plan covers twelve audits.\n\n{marker}\n{SECRET}\n:::\n\nThe plan is funded.\n"
    assert disguised_line(text) == 2
    exempt = [chunk for chunk, _ in chunks(parser(False).parse(text), exempt=True, after=disguised_line(text))]
    public = [chunk for chunk, _ in chunks(parser(False).parse(text), exempt=False, after=disguised_line(text))]
    assert any(SECRET in chunk for chunk in exempt) and "The plan is funded." in exempt
    assert public == ["The plan covers twelve audits."]


@pytest.mark.parametrize("text", ["::: exempt\nA secret.\n:::\n", "Nothing exempt here.\n", "The word exempt\u00a0in a sentence.\n", ""])
def test_a_marker_written_plainly_or_none_is_no_disguise(text):
    assert disguised_line(text) is None
