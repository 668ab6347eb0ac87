"""The exempt rule on readable fixtures: each Markdown input, its public HTML, then its members' HTML."""

from __future__ import annotations

import pytest
from fixture_cases import FIXTURES, check_or_regen, read_cases

from committee_papers.markdown.exempt import has_exempt, withhold
from committee_papers.markdown.html import render_tokens
from committee_papers.markdown.parser import parser

NOTICE = "(An exempt passage is withheld here.)"
EXEMPT = FIXTURES / "exempt.md"
CASES = read_cases(EXEMPT)


def public_and_members(markdown: str) -> tuple[str, str]:
    """Without raw HTML, unless the case starts with the comment `<!-- allow_raw_html -->`."""
    md = parser(markdown.startswith("<!-- allow_raw_html -->"))
    env: dict = {}
    members = render_tokens(md, md.parse(markdown, env), env)
    env = {}
    public = render_tokens(md, withhold(md.parse(markdown, env), NOTICE), env)
    return public, members


@pytest.mark.parametrize("case", CASES, ids=[c.title for c in CASES])
def test_fixture(case, regen):
    check_or_regen(EXEMPT, case, public_and_members, regen)


@pytest.mark.parametrize("case", CASES, ids=[c.title for c in CASES])
def test_the_public_version_never_holds_a_word_the_fixture_calls_secret(case):
    public, members = case.first, case.second
    for word in ("Secret", "secret", "£410,000", "Outer", "Inner", "second bidder", "check the figure"):
        if word in members and "Not withheld" not in members:
            assert word not in public, (case.title, word)


@pytest.mark.parametrize("spelling", [":::exempt", "::: exempt", ":::: exempt", "::: exempt with words after", "- ::: exempt", "> ::: exempt"])
def test_every_spelling_the_parser_accepts_is_exempt(spelling):
    prefix = spelling[: len(spelling) - len(spelling.lstrip("-> "))]
    closing = prefix + ":" * spelling.lstrip("-> ").split()[0].count(":")
    markdown = f"{spelling}\n{prefix.replace('-', ' ')}Secret.\n{closing.replace('-', ' ')}\n"
    tokens = parser(False).parse(markdown)
    assert has_exempt(tokens)
    assert "Secret" not in render_tokens(parser(False), withhold(tokens, NOTICE), {})


@pytest.mark.parametrize("spelling", ["::: Exempt", "::: exempt:", ":: exempt", "    ::: exempt", "```\n::: exempt"])
def test_what_the_parser_reads_as_text_is_not_exempt(spelling):
    """These are not blocks: `papers check` reports each (tests/checks/test_blocks.py)."""
    assert not has_exempt(parser(False).parse(f"{spelling}\nSecret.\n:::\n"))
