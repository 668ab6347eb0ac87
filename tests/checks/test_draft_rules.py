"""The rules softened for a draft report are the ones docs/format.md lists as warnings for a draft."""

from __future__ import annotations

import re

from conftest import ROOT

from committee_papers.checks.drafts import FINISHED_REPORT_RULES
from committee_papers.problems import registry


def draft_table() -> dict[str, str]:
    """Each code in the format's "A report still being written" table, with what it is for a draft."""
    text = (ROOT / "docs" / "format.md").read_text("utf-8")
    section = text.split("### A report still being written", 1)[1].split("\n### ", 1)[0]
    found = {}
    for row in re.findall(r"^\| (.+) \| (warning|error|not checked)[^|]* \|$", section, re.MULTILINE):
        for code in re.findall(r"PAP\d{3}", row[0]):
            found[code] = row[1]
    return found


def test_the_format_lists_every_rule_a_draft_is_warned_about():
    table = draft_table()
    assert {code for code, kind in table.items() if kind == "warning" and registry()[code].severity.value == "error"} == FINISHED_REPORT_RULES


def test_every_softened_rule_is_an_error_for_a_finished_report():
    assert all(registry()[code].severity.value == "error" for code in FINISHED_REPORT_RULES)
