"""Lettered and roman lists on readable fixtures: each Markdown input, its HTML for members, then for the public."""

from __future__ import annotations

import pytest

from committee_papers.markdown.exempt import withhold
from committee_papers.markdown.html import render_tokens
from committee_papers.markdown.parser import parser
from fixture_cases import FIXTURES, check_or_regen, read_cases

LISTS = FIXTURES / "lettered-lists.md"
CASES = read_cases(LISTS)
NOTICE = "A passage is exempt."


def members_and_public(markdown: str) -> tuple[str, str]:
    md = parser(False)
    members = render_tokens(md, md.parse(markdown, env := {}), env)
    public = render_tokens(md, withhold(md.parse(markdown, env := {}), NOTICE), env)
    return members, public


@pytest.mark.parametrize("case", CASES, ids=[c.title for c in CASES])
def test_fixture(case, regen):
    check_or_regen(LISTS, case, members_and_public, regen)


def test_the_markers_and_the_list_type_follow_the_first_marker():
    html = {case.title.split(":")[0]: case.first for case in CASES}
    assert '<ol type="a" class="lower-alpha-close">' in CASES[0].first
    assert '<ol type="i" class="lower-roman-paren">' in CASES[1].first
    assert '<ol type="A" class="upper-alpha-close">' in CASES[3].first and '<ol type="I" class="upper-roman-paren">' in CASES[3].first
    assert CASES[4].first.count("<li>") == 9 and "lower-alpha-close" in CASES[4].first
    for title in ("A single marked line", "Markers out of order", "A marker in the middle"):
        assert "<ol" not in next(v for k, v in html.items() if k.startswith(title))


def test_exempt_items_never_reach_the_public():
    case = CASES[-1]
    assert "from the first bidder" in case.first and "<ol" in case.first
    assert "bidder" not in case.second and NOTICE in case.second
