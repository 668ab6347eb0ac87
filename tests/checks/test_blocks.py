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
    "quote that stops before the block closes": ("> ::: exempt\n> SECRET\n\nAfter.\n", 0),
    "misspelt marker behind >": ("> ::: Exempt\n> SECRET\n> :::\n", 0),
    "misspelt marker behind - ": ("- :: exempt\n  SECRET\n  :::\n", 0),
    "misspelt marker behind 1. ": ("1. ::: exempt:\n   SECRET\n   :::\n", 0),
    "indented marker": ("Text.\n\n    ::: exempt\n\nSECRET\n\n:::\n", 2),
    "marker inside a comment": ("<!-- draft\n::: exempt\nSECRET\n:::\n", 1),
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
        "::: exempt\nSECRET\n\n::: resolved 2026/001\n1. That it be noted.\n:::\n\nSECRET after\n:::\n",
        "- ::: exempt\n  SECRET\nSECRET lazy\n  :::\n",
        "> ::: exempt\n> SECRET\nSECRET lazy\n> :::\n",
        "::: exempt\nSECRET\n\n```\n:::\n```\n\nSECRET after the fence\n:::\n",
        "::: exempt\nSECRET\n\n~~~\n:::\n~~~\n\nSECRET after the fence\n:::\n",
        "::: exempt\n- SECRET item\n:::\n",
        ":::\u00a0exempt\nSECRET\n:::\n",
        ":::\u3000exempt\u00a0\nSECRET\n:::\n",
    ],
    ids=[
        "no space",
        "in a list item",
        "in a quote",
        "resolution inside with more colons",
        "resolution inside with as many colons",
        "lazy line in a list item",
        "lazy line in a quote",
        "closing line in a code fence",
        "closing line in a tilde fence",
        "list item ended by the closing line",
        "no-break space after the colons",
        "ideographic space after the colons",
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
        ("::: exempt\n- SECRET item\n\n  :::\n\n  SECRET in the item\n\nSECRET after the list\n:::\n", 3),
        ("::: exempt\n> SECRET quoted\n>\n> :::\n>\n> SECRET quoted after\n\nSECRET after the quote\n:::\n", 3),
        ("::: exempt\n1. SECRET item\n   :::\n\nSECRET after the list\n:::\n", 2),
    ],
    ids=["list item", "quote", "lazy in a list item"],
)
def test_a_closing_line_in_a_list_item_or_quote_in_the_passage_is_reported_and_ends_nothing(minimal, body, line):
    """A reader may take it for the passage's end, so it is an error; the parser, like the renderer, keeps the passage open."""
    found, result = report_problems(minimal, body)
    assert found == [("PAP222", body_line(minimal) + line)]
    message = next(p.message for p in result.problems.items if p.code == "PAP222")
    assert message.endswith(":::` closes no block")
    folder = result.archive.meetings[MEETING]
    item = next(i for i in agenda_items(result.archive, folder) if i.report and i.report.id == REPORT)
    public = str(render_report(result.archive, folder, item, item.report))
    members = str(render_report(result.archive, folder, item, item.report, confidential=True))
    assert "SECRET" not in public
    assert "SECRET after the" in members


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


@pytest.mark.parametrize(
    "html",
    ['<div class="box">\nSECRET boxed\n:::\nSECRET in the box\n</div>', "<pre>\nSECRET\n\n:::\n\nSECRET preformatted\n</pre>"],
    ids=["div", "pre"],
)
def test_a_closing_line_in_raw_html_in_the_passage_ends_nothing(minimal, html):
    """With raw HTML allowed, the `:::` is part of the HTML block, as the renderer reads it: the passage goes on to its own `:::`."""
    found, result = report_problems(minimal, f"::: exempt\nSECRET first\n\n{html}\n\nSECRET after the HTML\n:::\n\nPublic after.\n", allow_raw_html=True)
    assert found == []
    folder = result.archive.meetings[MEETING]
    item = next(i for i in agenda_items(result.archive, folder) if i.report and i.report.id == REPORT)
    public = str(render_report(result.archive, folder, item, item.report))
    members = str(render_report(result.archive, folder, item, item.report, confidential=True))
    assert "SECRET" not in public and "Public after." in public
    assert "SECRET after the HTML" in members and "SECRET in the box" in members or "SECRET preformatted" in members


DISGUISED = {
    "zero width space before": ("\u200b::: exempt", 1, "U+200B ZERO WIDTH SPACE"),
    "zero width non-joiner inside": ("::\u200c: exempt", 3, "U+200C ZERO WIDTH NON-JOINER"),
    "zero width joiner after": ("::: exempt\u200d", 11, "U+200D ZERO WIDTH JOINER"),
    "word joiner inside the word": ("::: ex\u2060empt", 7, "U+2060 WORD JOINER"),
    "byte order mark before": ("\ufeff::: exempt", 1, "U+FEFF ZERO WIDTH NO-BREAK SPACE"),
    "no-break space before": ("\u00a0::: exempt", 1, "U+00A0 NO-BREAK SPACE"),
    "narrow no-break space before": ("\u202f::: exempt", 1, "U+202F NARROW NO-BREAK SPACE"),
    "figure space before": ("\u2007::: exempt", 1, "U+2007 FIGURE SPACE"),
    "full-width colons": ("\uff1a\uff1a\uff1a exempt", 1, "U+FF1A FULLWIDTH COLON"),
    "one full-width colon": ("::\uff1a exempt", 3, "U+FF1A FULLWIDTH COLON"),
    "small colon": ("\ufe55\ufe55\ufe55 exempt", 1, "U+FE55 SMALL COLON"),
    "ratio signs": ("\u2236\u2236\u2236 exempt", 1, "U+2236 RATIO"),
    "modifier letter colons": ("\ua789\ua789\ua789 exempt", 1, "U+A789 MODIFIER LETTER COLON"),
    "full-width word": (":::\u3000\uff45\uff58\uff45\uff4d\uff50\uff54", 4, "U+3000 IDEOGRAPHIC SPACE"),
    "Cyrillic letters in the word": ("::: \u0435x\u0435mpt", 5, "U+0435 CYRILLIC SMALL LETTER IE"),
    "zero width space behind a quote marker": ("> \u200b::: exempt", 3, "U+200B ZERO WIDTH SPACE"),
    "no-break space in a resolution": ("\u00a0::: resolved 2026/001", 1, "U+00A0 NO-BREAK SPACE"),
}


@pytest.mark.parametrize("name", DISGUISED)
def test_a_marker_disguised_by_an_invisible_or_look_alike_character_is_reported_by_name(minimal, name):
    """On screen it is a marker; to the parser it is text, and the passage after it would be published."""
    marker, column, character = DISGUISED[name]
    prefix = "> " if marker.startswith(">") else ""
    _, result = report_problems(minimal, f"Public.\n\n{marker}\n{prefix}SECRET\n{prefix}:::\n")
    found = [p for p in result.problems.items if p.code == "PAP222" and p.line == body_line(minimal) + 2]
    assert [(p.line, p.column) for p in found] == [(body_line(minimal) + 2, column)], [p.message for p in result.problems.items]
    assert character in found[0].message and character in found[0].hint
    assert "::: " in found[0].hint  # the marker as it should be typed
    assert result.problems.errors


@pytest.mark.parametrize(
    "closer, character",
    [("\uff1a\uff1a\uff1a", "U+FF1A FULLWIDTH COLON"), ("\u200b:::", "U+200B ZERO WIDTH SPACE"), (":::\u00a0", "U+00A0 NO-BREAK SPACE")],
    ids=["full-width colons", "zero width space", "no-break space after"],
)
def test_a_closing_line_disguised_by_a_look_alike_character_is_reported_by_name(minimal, closer, character):
    """A reader sees the passage end there; the parser does not, so the line is an error."""
    found, result = report_problems(minimal, f"::: exempt\nSECRET\n{closer}\n\nMeant to be public.\n")
    assert ("PAP222", body_line(minimal) + 2) in found
    problem = next(p for p in result.problems.items if p.code == "PAP222" and p.line == body_line(minimal) + 2)
    assert character in problem.message and "`:::`" in problem.hint


def test_a_disguised_marker_is_reported_in_every_place_markdown_is_held(minimal):
    """The purpose, a comment, a Markdown appendix, the minutes and an agenda item's text are checked as the body is."""
    folder = minimal / "papers/meetings" / MEETING
    path = folder / f"{REPORT}.md"
    text = path.read_text("utf-8")
    text = text.replace(
        "purpose: To seek approval of the internal audit plan for 2026/27.", "purpose: |\n  To seek approval.\n\n  \u00a0::: exempt\n  SECRET\n  :::"
    )
    text = text.replace("text: The committee may approve the plan.}", 'text: "\\uFF1A\\uFF1A\\uFF1A exempt\\nSECRET\\n:::"}')
    path.write_text(text, "utf-8")
    (folder / REPORT / "appendix-a.md").write_text("# Detail\n\n\u200b::: exempt\nSECRET\n:::\n", "utf-8")
    minutes = minimal / "papers/meetings/2026-03-03-audit/minutes.md"
    minutes.write_text(minutes.read_text("utf-8") + "\n\ufeff::: exempt\nSECRET\n:::\n", "utf-8")
    meeting = minimal / "papers/meetings/2026-03-03-audit/meeting.yml"
    meeting.write_text(
        meeting.read_text("utf-8").replace(
            "  - item: Chair's Announcements", '  - item: Chair\'s Announcements\n    text: "Welcome.\\n\\n\\u2236\\u2236\\u2236 exempt\\nSECRET\\n:::"'
        ),
        "utf-8",
    )
    found = {(p.file.split("/")[-1], p.line) for p in check(minimal).problems.items if p.code == "PAP222" and "U+" in p.message}
    lines = text.split("\n")
    assert (f"{REPORT}.md", next(n for n, line in enumerate(lines, start=1) if line.startswith("purpose:"))) in found
    assert (f"{REPORT}.md", next(n for n, line in enumerate(lines, start=1) if line.startswith("  constitutional:"))) in found
    assert ("appendix-a.md", 3) in found
    assert ("minutes.md", len(minutes.read_text("utf-8").split("\n")) - 3) in found
    assert ("meeting.yml", 9) in found


def test_the_block_that_swallows_a_marker_is_named_by_its_line_in_the_file(minimal):
    from conftest import run_papers

    report_problems(minimal, "Before.\n\n```\nThe old figures.\n\n::: exempt\nSECRET\n:::\n")
    fence = body_line(minimal) + 2
    result = run_papers("check", str(minimal))
    marker = f"{REPORT}.md:{fence + 3}:1: error PAP222:"
    lines = [line for line in result.stdout.splitlines() if marker in line]
    assert lines and f"the code block that starts on line {fence}," in lines[0], result.stdout
