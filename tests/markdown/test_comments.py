"""Authors' comments on readable fixtures: each Markdown input, its HTML without raw HTML allowed, then with it."""

from __future__ import annotations

import pytest
from fixture_cases import FIXTURES, check_or_regen, read_cases

from committee_papers.markdown.html import render_tokens
from committee_papers.markdown.parser import parser

COMMENTS = FIXTURES / "comments.md"
CASES = read_cases(COMMENTS)


def both_settings(markdown: str) -> tuple[str, str]:
    return tuple(render_tokens(parser(allow), parser(allow).parse(markdown, env := {}), env) for allow in (False, True))


@pytest.mark.parametrize("case", CASES, ids=[c.title for c in CASES])
def test_fixture(case, regen):
    check_or_regen(COMMENTS, case, both_settings, regen)


@pytest.mark.parametrize("case", [c for c in CASES if "code" not in c.title and "never closed" not in c.title], ids=lambda c: c.title)
def test_no_comment_text_is_shown_in_either_setting(case):
    for html in (case.first, case.second):
        for word in ("Ask finance", "was £38", "Draft note", "note", "&lt;!--", "<!--"):
            assert word not in html, (case.title, word)
