"""`papers check` on `:::` markers that the renderer would not read as blocks: each one found at its line.

Every input here passed the check before the exempt rule was one rule (issue 19), and
published the passage. The line is the one a council's author sees in their file.
"""

from __future__ import annotations

import pytest

from committee_papers.agenda import agenda_items
from committee_papers.check import check
from committee_papers.render.view import render_report

MEETING, REPORT = "2026-04-14-audit", "04-internal-audit-plan"
BODY_LINE = 20  # the minimal council's report: its body's first line, after the front matter written below
LEAKS = {
    "unclosed code fence": ("```\nThe old figures.\n\n::: exempt\nSECRET\n:::\n", 3),
    "closing fence with an info string": ("```\nThe old figures.\n```text\n\n::: exempt\nSECRET\n:::\n", 4),
    "closing fence shorter than the opening one": ("````\nThe old figures.\n```\n\n::: exempt\nSECRET\n:::\n\n````\n", 4),
    "tilde fence closed by backticks": ("~~~\nThe old figures.\n```\n\n::: exempt\nSECRET\n:::\n", 4),
    "misspelt marker in an unclosed code fence": ("```\nThe old figures.\n~~~\n\n::: exempted\nSECRET\n:::\n", 4),
    "misspelt marker in a code fence after a table": ("| Item | Value |\n| --- | --- |\n| rent | 1 |\n\n```\nold\n\n::: exmept\nSECRET\n:::\n", 7),
    "lazy line in a list item": ("- ::: exempt\n  SECRET\nSECRET lazy\n  :::\n", 0),
    "lazy line in a block quote": ("> ::: exempt\n> SECRET\nSECRET lazy\n> :::\n", 0),
    "quote that stops before the block closes": ("> ::: exempt\n> SECRET\n\nAfter.\n", 0),
    "misspelt marker behind >": ("> ::: Exempt\n> SECRET\n> :::\n", 0),
    "misspelt marker behind - ": ("- :: exempt\n  SECRET\n  :::\n", 0),
    "misspelt marker behind 1. ": ("1. ::: exempt:\n   SECRET\n   :::\n", 0),
    "indented marker": ("Text.\n\n    ::: exempt\n\nSECRET\n\n:::\n", 2),
    "marker inside a comment": ("<!-- draft\n::: exempt\nSECRET\n:::\n", 1),
    "resolution with as many colons inside the passage": ("::: exempt\nSECRET\n\n::: resolved 2026/001\n1. That it be noted.\n:::\n\nSECRET after\n:::\n", 3),
}


def report_problems(council, body: str, allow_raw_html: bool = False) -> tuple[list[tuple[str, int]], object]:
    path = council / "papers/meetings" / MEETING / f"{REPORT}.md"
    front = path.read_text("utf-8").split("---\n")[1]
    path.write_text("---\n" + front + "---\n\n## Information\n\n" + body, "utf-8")
    if allow_raw_html:
        council_file = council / "papers/council.yml"
        council_file.write_text(council_file.read_text("utf-8") + "allow_raw_html: true\n", "utf-8")
    result = check(council)
    found = [(p.code, p.line) for p in result.problems.items if p.code == "PAP222" and p.file.endswith(f"{REPORT}.md")]
    return found, result


def body_line(council) -> int:
    text = (council / "papers/meetings" / MEETING / f"{REPORT}.md").read_text("utf-8")
    return text.split("\n").index("## Information") + 3


@pytest.mark.parametrize("name", LEAKS)
def test_a_marker_the_renderer_would_not_read_is_reported_at_its_line(minimal, name):
    body, line = LEAKS[name]
    found, result = report_problems(minimal, body)
    assert ("PAP222", body_line(minimal) + line) in found, found


def test_html_block_swallowing_the_marker_is_reported_when_raw_html_is_allowed(minimal):
    found, _ = report_problems(minimal, '<div class="box">\n::: exempt\nSECRET\n:::\n', allow_raw_html=True)
    assert ("PAP222", body_line(minimal) + 1) in found


def test_the_same_html_is_no_problem_when_raw_html_is_not_allowed(minimal):
    """Without raw HTML the parser reads the marker as a block, and the passage is withheld."""
    found, result = report_problems(minimal, '<div class="box">\n::: exempt\nSECRET\n:::\n')
    assert found == []
    folder = result.archive.meetings[MEETING]
    item = next(i for i in agenda_items(result.archive, folder) if i.report and i.report.id == REPORT)
    assert "SECRET" not in str(render_report(result.archive, folder, item, item.report))
    assert "SECRET" in str(render_report(result.archive, folder, item, item.report, confidential=True))


@pytest.mark.parametrize("part", ["purpose", "comment"])
def test_markers_in_the_purpose_and_comments_are_checked_too(minimal, part):
    path = minimal / "papers/meetings" / MEETING / f"{REPORT}.md"
    text = path.read_text("utf-8")
    if part == "purpose":
        text = text.replace(
            "purpose: To seek approval of the internal audit plan for 2026/27.", "purpose: |\n  To seek approval.\n\n  ::: Exempt\n  SECRET\n  :::"
        )
    else:
        text = text.replace("text: The committee may approve the plan.}", 'text: "::: exempt:\\nSECRET\\n:::"}')
    path.write_text(text, "utf-8")
    result = check(minimal)
    found = [p for p in result.problems.items if p.code == "PAP222"]
    assert found and all(p.file.endswith(f"{REPORT}.md") for p in found)
    key = "purpose:" if part == "purpose" else "  constitutional:"
    assert found[0].line == next(n for n, line in enumerate(text.split("\n"), start=1) if line.startswith(key))


@pytest.mark.parametrize(
    "body",
    [
        ":::exempt\nSECRET\n:::\n",
        "- ::: exempt\n  SECRET\n  :::\n",
        "> ::: exempt\n> SECRET\n> :::\n",
        ":::: exempt\n::: resolved 2026/001\n1. SECRET\n:::\n::::\n",
    ],
)
def test_blocks_the_parser_reads_are_no_problem_and_are_withheld(minimal, body):
    found, result = report_problems(minimal, body)
    assert found == []
    folder = result.archive.meetings[MEETING]
    item = next(i for i in agenda_items(result.archive, folder) if i.report and i.report.id == REPORT)
    assert "SECRET" not in str(render_report(result.archive, folder, item, item.report))
    assert "SECRET" in str(render_report(result.archive, folder, item, item.report, confidential=True))


@pytest.mark.parametrize(
    "body, line",
    [
        ("Text.\n\n<!-- a note never closed\n\nSECRET hidden from everyone.\n", 2),
        ("<!-- first note, never closed\n\nSECRET hidden from everyone.\n\n<!-- second note -->\n", 0),
        ("The fee is £40 <!-- was £38, SECRET.\n", 0),
        ("The fee is £40 <!-- was <!-- SECRET --> a year.\n", 0),
    ],
    ids=["never closed", "runs on to a later comment", "never closed in a paragraph", "runs on in a paragraph"],
)
def test_a_comment_that_hides_or_shows_more_than_its_author_meant_is_reported(minimal, body, line):
    path = minimal / "papers/meetings" / MEETING / f"{REPORT}.md"
    report_problems(minimal, body)
    result = check(minimal)
    found = [(p.code, p.line) for p in result.problems.items if p.file.endswith(f"{REPORT}.md") and p.code == "PAP225"]
    assert found == [("PAP225", body_line(minimal) + line)], (found, path)


def test_raw_html_with_a_comment_never_closed_is_reported(minimal):
    """The sanitiser would take everything after `<!--` for the comment: the rest of the report, members' pack included."""
    body = '<div class="box">\nBoxed. <!-- a note never closed\n</div>\n\n::: exempt\nSECRET\n:::\n'
    report_problems(minimal, body, allow_raw_html=True)
    found = [(p.code, p.line) for p in check(minimal).problems.items if p.code == "PAP225"]
    assert found == [("PAP225", body_line(minimal))]


def test_markers_in_agenda_item_text_and_terms_of_reference_are_checked(minimal):
    meeting = minimal / "papers/meetings/2026-03-03-audit/meeting.yml"
    meeting.write_text(
        meeting.read_text("utf-8").replace(
            "  - item: Chair's Announcements", '  - item: Chair\'s Announcements\n    text: "Welcome.\\n\\n> ::: Exempt\\n> SECRET\\n> :::"'
        ),
        "utf-8",
    )
    committee = minimal / "papers/committees/audit.yml"
    committee.write_text(
        committee.read_text("utf-8").replace(
            "  - To review the council's internal audit arrangements.",
            "  - To review the council's internal audit arrangements.\n\n  ```\n  ::: exempt\n  SECRET\n  :::",
        ),
        "utf-8",
    )
    found = {(p.file.split("/")[-1], p.line) for p in check(minimal).problems.items if p.code == "PAP222"}
    assert ("meeting.yml", 9) in found
    assert ("audit.yml", next(n for n, line in enumerate(committee.read_text("utf-8").split("\n"), start=1) if line.startswith("terms_of_reference"))) in found


RAW_TEXT_LEFT_OPEN = {
    "script in a paragraph": ("Before. <script>var x = 1;\n\nAFTER the script.\n\n::: exempt\nSECRET\n:::\n", 0),
    "style on lines of its own": ("Text.\n\n<style>\np { color: red }\n\nAFTER the style.\n", 2),
    "textarea": ("A form: <textarea>\n\nAFTER the form.\n", 0),
    "template": ("Later\n<template> kept.\n\nAFTER the template.\n", 1),
    "title in a list item": ("- a <TITLE lang=en> in a list\n- AFTER the title\n", 0),
    "script closed only in the next paragraph": ("Before <script>x\n\nAFTER the script </script> end.\n", 0),
}


@pytest.mark.parametrize("name", RAW_TEXT_LEFT_OPEN)
def test_a_raw_text_element_left_open_is_reported_at_its_line_and_loses_nothing(minimal, name):
    """With raw HTML allowed, `<script>` (and the like) left open took in the rest of the page, members' copy included."""
    body, line = RAW_TEXT_LEFT_OPEN[name]
    _, result = report_problems(minimal, body, allow_raw_html=True)
    found = [(p.code, p.line) for p in result.problems.items if p.code == "PAP226"]
    assert found == [("PAP226", body_line(minimal) + line)]
    folder = result.archive.meetings[MEETING]
    item = next(i for i in agenda_items(result.archive, folder) if i.report and i.report.id == REPORT)
    for confidential in (False, True):
        html = str(render_report(result.archive, folder, item, item.report, confidential=confidential))
        assert "AFTER the" in html and "It is recommended that Members" in html  # the rest of the body, and the parts after it
        assert "<script" not in html and "<style" not in html
    if "SECRET" in body:
        assert "SECRET" not in str(render_report(result.archive, folder, item, item.report))
        assert "SECRET" in str(render_report(result.archive, folder, item, item.report, confidential=True))


def test_raw_text_elements_closed_in_their_paragraph_are_no_problem(minimal):
    body = "A <script>alert(1)</script> and <style>p{}</style> here.\n\n<textarea>\nnotes\n</textarea>\n\nAFTER them.\n"
    _, result = report_problems(minimal, body, allow_raw_html=True)
    assert not [p for p in result.problems.items if p.code == "PAP226"]
    folder = result.archive.meetings[MEETING]
    item = next(i for i in agenda_items(result.archive, folder) if i.report and i.report.id == REPORT)
    html = str(render_report(result.archive, folder, item, item.report))
    assert "AFTER them." in html and "<script" not in html and "alert(1)" not in html


@pytest.mark.parametrize("opener", ["<!-->", "<!--->"])
def test_a_comment_that_closes_at_once_is_reported(minimal, opener):
    """HTML (and the renderer) end `<!-->` and `<!--->` where they start, so the note after them is published."""
    report_problems(minimal, f"The fee is £40. {opener} was £38, SECRET -->\n")
    found = [(p.code, p.line, p.column) for p in check(minimal).problems.items if p.code == "PAP225"]
    assert found == [("PAP225", body_line(minimal), len("The fee is £40. ") + 1)]


def test_a_marker_in_a_table_is_reported(minimal):
    """A table cell is text: `::: exempt` in one withholds nothing."""
    found, _ = report_problems(minimal, "| Bidder | Fee |\n| --- | --- |\n| ::: exempt | |\n| SECRET Ltd | £410,000 |\n| ::: | |\n")
    assert ("PAP222", body_line(minimal) + 2) in found


def test_a_table_with_aligned_columns_is_no_problem(minimal):
    found, _ = report_problems(minimal, "| Bidder | Fee |\n| :--- | ---: |\n| Ltd | £4 |\n")
    assert found == []
