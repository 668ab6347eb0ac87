"""What may be published: the minute of an exempt item stays withheld even when written under another item's number."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from casefile import apply_case, parse_case

from committee_papers.check import check
from committee_papers.outputs.feed import atom_feed
from committee_papers.outputs.opendata import open_data
from committee_papers.packs.document import PackComposer
from committee_papers.pages.render import PageRenderer
from committee_papers.pages.site import build_site
from committee_papers.publication import Publication

CASE = Path(__file__).parent / "cases" / "PAP224-exempt-minute-misnumbered.case"


def public_outputs(council: Path) -> str:
    """Every public page (minutes, decisions, home), the feed and the open data, rendered by the real renderers."""
    result = check(council)
    site = build_site(result.archive, Publication(today=dt.date(2026, 11, 26)))
    renderer = PageRenderer(site)
    texts = [page.title + page.html for page in renderer.all_pages()]
    texts.append(atom_feed(site).decode("utf-8"))
    texts += [data.decode("utf-8") for data in open_data(site).values()]
    return "\n".join(texts)


@pytest.mark.parametrize("title_exempt", [False, True])
def test_minute_of_an_exempt_item_under_a_neighbours_number_is_withheld(minimal, title_exempt):
    apply_case(parse_case(CASE), minimal)
    if title_exempt:
        meeting = minimal / "papers/meetings/2026-03-03-audit/meeting.yml"
        meeting.write_text(
            meeting.read_text("utf-8").replace("Their privacy outweighs disclosure.}", "Their privacy outweighs disclosure., title_exempt: true}"), "utf-8"
        )
    public = public_outputs(minimal)
    assert "Members agreed the new structure" not in public
    assert "That the restructure be approved" not in public
    assert "2025/001" in public  # the resolution is in the register, as exempt
    assert ("Staffing Restructure" in public) is not title_exempt


def test_the_same_minute_under_its_own_number_is_withheld_too(minimal):
    apply_case(parse_case(CASE), minimal)
    minutes = minimal / "papers/meetings/2026-03-03-audit/minutes.md"
    minutes.write_text(
        minutes.read_text("utf-8").replace("## 4. Staffing", "## 4. Exclusion of the Public\n\nThe public were excluded.\n\n## 5. Staffing"), "utf-8"
    )
    assert not [p for p in check(minimal).problems.items if p.code == "PAP224"]
    public = public_outputs(minimal)
    assert "That the restructure be approved" not in public and "The public were excluded" in public


def test_members_see_the_misnumbered_minute_in_full(minimal):
    apply_case(parse_case(CASE), minimal)
    meeting = minimal / "papers/meetings/2026-04-14-audit/meeting.yml"  # approves the minutes of 3 March
    result = check(minimal)
    site = build_site(result.archive, Publication(today=dt.date(2026, 11, 26)))
    view = site.by_id["2026-04-14-audit"]
    assert meeting.exists() and any(item.kind == "minutes" for item in view.items)
    composer = PackComposer(PageRenderer(site))
    assert "That the restructure be approved" in composer.pack(view, confidential=True).html
    assert "That the restructure be approved" not in composer.pack(view).html


@pytest.mark.parametrize(
    "heading, title_exempt",
    [
        ("## 4. Staffing Restructure, Internal Audit", False),
        ("## 4. Staffing Restructure in Internal Audt", False),  # a typing slip
        ("## 4. Staffing Restructure", False),  # the title shortened
        ("## 4. Internal Audit Staffing Restructure", False),  # its words in another order
        ("## 4. Staffing&nbsp;Restructure in Internal Audit", False),
        ("## 4. Exempt item", True),  # the words the public sees for a title that is itself exempt
        ("## 3. Staffing Restructure in Internal Audit", False),  # under a public item's number (the public item has no minute)
    ],
)
def test_a_misnumbered_exempt_minute_titled_not_quite_as_its_item_is_withheld_and_reported(minimal, heading, title_exempt):
    apply_case(parse_case(CASE), minimal)
    minutes = minimal / "papers/meetings/2026-03-03-audit/minutes.md"
    text = minutes.read_text("utf-8")
    if heading.startswith("## 3."):
        text = text.replace("## 3. Chair's Announcements\n\nThe Chair welcomed members.\n\n", "")
    minutes.write_text(text.replace("## 4. Staffing Restructure in Internal Audit", heading), "utf-8")
    if title_exempt:
        meeting = minimal / "papers/meetings/2026-03-03-audit/meeting.yml"
        meeting.write_text(
            meeting.read_text("utf-8").replace("Their privacy outweighs disclosure.}", "Their privacy outweighs disclosure., title_exempt: true}"), "utf-8"
        )
    assert [p.code for p in check(minimal).problems.items if p.code in ("PAP224", "PAP212")] == ["PAP224"]
    public = public_outputs(minimal)
    assert "Members agreed the new structure" not in public and "That the restructure be approved" not in public


def test_a_public_minute_with_a_slip_in_its_own_title_stays_public(minimal):
    apply_case(parse_case(CASE), minimal)
    minutes = minimal / "papers/meetings/2026-03-03-audit/minutes.md"
    minutes.write_text(
        minutes.read_text("utf-8")
        .replace("## 4. Staffing", "## 4. Exclusion of the Public\n\nThe public were excluded.\n\n## 5. Staffing")
        .replace("## 3. Chair's Announcements", "## 3. Chairs Anouncements"),
        "utf-8",
    )
    assert not [p for p in check(minimal).problems.items if p.code == "PAP224"]
    assert "The Chair welcomed members" in public_outputs(minimal)
