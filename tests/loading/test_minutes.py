"""Reading minutes: each minute's resolutions are read from its own text, parsed as its page renders it."""

from __future__ import annotations

from committee_papers.check import check

MINUTES = "papers/meetings/2026-03-03-audit/minutes.md"


def _write(council, body: str, allow_raw_html: bool = False) -> None:
    path = council / MINUTES
    front = path.read_text("utf-8").split("---\n")[1]
    path.write_text("---\n" + front + "---\n\n" + body, "utf-8")
    if allow_raw_html:
        council_file = council / "papers/council.yml"
        council_file.write_text(council_file.read_text("utf-8") + "allow_raw_html: true\n", "utf-8")


def _problems(council, code: str) -> list[int]:
    return [p.line for p in check(council).problems.items if p.code == code and p.file.endswith("minutes.md")]


BODY = "## 1. Apologies for Absence\n\nNone.\n\n## 2. Declarations of Interests\n\nNone.\n\n## 3. Chair's Announcements\n\n"


def test_a_minute_heading_inside_an_open_resolution_is_reported_not_split(minimal):
    _write(
        minimal,
        "## 1. Apologies for Absence\n\n::: resolved 2025/001\n1. That apologies be noted.\n\n## 2. Declarations of Interests\n\nNone.\n:::\n\n## 3. Chair's Announcements\n\nNone.\n",
    )
    assert _problems(minimal, "PAP214") == [15]  # the `## 2.` heading, line 15 of the file
    minutes = check(minimal).archive.meetings["2026-03-03-audit"].minutes.minutes
    assert [m.number for m in minutes] == [1, 3]


def test_a_resolution_inside_an_exempt_passage_is_exempt_and_one_outside_is_public(minimal):
    _write(
        minimal,
        BODY
        + ":::: exempt\n::: resolved 2025/001\n1. That the secret be kept.\n:::\n::::\n\n:::: resolved 2025/002\n1. That the announcements be noted.\n\n::: exempt\n2. That the other secret be kept.\n:::\n::::\n",
    )
    result = check(minimal)
    assert not result.problems.errors, [p.to_text() for p in result.problems.errors]
    resolutions = result.archive.meetings["2026-03-03-audit"].minutes.minutes[2].resolutions
    assert [(r.number, r.exempt, r.items) for r in resolutions] == [
        ("2025/001", True, ["That the secret be kept."]),
        ("2025/002", False, ["That the announcements be noted."]),
    ]


def test_minutes_are_read_with_the_councils_raw_html_setting(minimal):
    """With raw HTML allowed, HTML on the line above `::: exempt` takes the marker in: the check must see it as the page does."""
    body = (
        BODY
        + '<div class="note">\n::: exempt\nThe Chair reported a confidential matter.\n:::\n\n::: resolved 2025/001\n1. That the announcements be noted.\n:::\n'
    )
    _write(minimal, body)
    assert _problems(minimal, "PAP222") == []
    _write(minimal, body, allow_raw_html=True)
    assert _problems(minimal, "PAP222") == [21]  # the `::: exempt` line


def test_comments_are_left_out_of_titles_and_resolutions(minimal):
    _write(
        minimal,
        BODY.replace("Chair's Announcements", "Chair's Announcements <!-- check title -->")
        + "::: resolved 2025/001\n1. That the announcements be noted. <!-- unanimous? -->\n:::\n",
    )
    minute = check(minimal).archive.meetings["2026-03-03-audit"].minutes.minutes[2]
    assert minute.title == "Chair's Announcements"
    assert minute.resolutions[0].items == ["That the announcements be noted."]


def test_lines_that_look_like_minute_headings_are_told_apart_quickly_whatever_they_hold():
    """Each line is read once: 20,000 characters of spaces, `#`s or HTML tags take milliseconds, not minutes."""
    import time

    from committee_papers.loading.minutes import looks_like_heading

    assert looks_like_heading("### 5. Disposal of the Depot") == ("###", 5, "Disposal of the Depot")
    assert looks_like_heading('<h2 class="x">**5. Disposal**</h2>') == ("", 5, "Disposal")
    assert looks_like_heading("5 Disposal") is None and looks_like_heading("## 12") is None
    lines = [" " * 19_990 + "5", "#" * 19_990 + " 5.", "<a>" * 6_000 + "5. x", "5. x" + "</a>" * 4_900, "> *" * 6_000 + "##"]
    started = time.perf_counter()
    for line in lines * 20:
        looks_like_heading(line)
    assert time.perf_counter() - started < 5, "a line that only looks like a heading took too long to read"
