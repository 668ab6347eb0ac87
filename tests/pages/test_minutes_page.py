"""The public minutes withhold an exempt item's minute, and withhold the whole minutes when it cannot be found under its own heading."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import run_papers
from helpers import pdf_text, public_text
from minute_slips import EXEMPT_WORDS, NEXT, PUBLIC_WORD, SLIPS, TITLE, write_minutes

from committee_papers.check import check
from committee_papers.outputs.calendars import all_calendars
from committee_papers.outputs.feed import atom_feed
from committee_papers.outputs.opendata import open_data
from committee_papers.packs.document import PackComposer
from committee_papers.pages.render import PageRenderer
from committee_papers.pages.site import build_site
from committee_papers.publication import Publication

MINUTES_URL = "meetings/2026-03-03-audit/minutes/"


def rendered(council) -> tuple[str, str, str]:
    """The public minutes page, every other public output, and the members' pack of the next meeting, from the real
    renderers, whatever `papers check` says of the papers (its verdict is not consulted)."""
    site = build_site(check(council).archive, Publication(today=dt.date(2026, 11, 26)))
    renderer = PageRenderer(site)
    pages = renderer.all_pages()
    minutes = next(page.html for page in pages if page.url.rstrip("/").endswith(MINUTES_URL.rstrip("/")))
    public = [page.title + page.html for page in pages]
    public += [atom_feed(site).decode("utf-8"), *(data.decode("utf-8") for data in open_data(site).values())]
    public += [str(calendar) for calendar in all_calendars(site)[0].values()]
    composer = PackComposer(renderer)
    public.append(composer.pack(site.by_id[NEXT]).html)
    return minutes, "\n".join(public), composer.pack(site.by_id[NEXT], confidential=True).html


@pytest.mark.parametrize("slip", SLIPS)
def test_the_renderers_withhold_the_whole_minutes_when_an_exempt_minute_has_no_heading_of_its_own(minimal, slip):
    write_minutes(minimal, SLIPS[slip][0], allow_html=slip == "html block")
    minutes, public, members = rendered(minimal)
    assert "The minutes of the items considered at this meeting are not published yet." in minutes
    assert "Apologies for Absence" not in minutes and PUBLIC_WORD not in minutes
    for word in EXEMPT_WORDS:
        assert word not in public
        assert word in members  # councillors still get the whole minutes to approve
    assert "2025/001" not in public and "2025/002" not in public  # no resolution of the meeting is in the register, feed or open data


def test_without_the_withholding_a_slip_would_publish_the_exempt_minute(minimal, monkeypatch):
    """The test above can fail: with the withholding switched off, the mistyped heading's minute is published."""
    monkeypatch.setattr("committee_papers.pages.minutes_page.public_minutes_withheld", lambda minutes, items: False)
    monkeypatch.setattr("committee_papers.pages.site.public_minutes_withheld", lambda minutes, items: False)
    write_minutes(minimal, SLIPS["level three"][0])
    minutes, public, _ = rendered(minimal)
    assert EXEMPT_WORDS[0] in minutes


def test_a_correctly_headed_exempt_minute_is_withheld_and_the_rest_published(minimal):
    write_minutes(minimal)
    minutes, public, members = rendered(minimal)
    assert PUBLIC_WORD in minutes and "not published yet" not in minutes
    assert f"5. {TITLE}" in minutes
    assert "2025/001" in public  # the public resolution is in the register
    for word in EXEMPT_WORDS:
        assert word not in public and word in members


def test_a_real_build_publishes_the_public_minutes_and_no_exempt_word(minimal):
    write_minutes(minimal)
    result = run_papers("build", str(minimal))
    assert result.returncode == 0, result.stdout + result.stderr
    texts = public_text(minimal / "site")
    assert PUBLIC_WORD in texts[f"{MINUTES_URL}index.html"]
    assert f"5. {TITLE}" in texts[f"{MINUTES_URL}index.html"]
    for word in EXEMPT_WORDS:
        assert not [name for name, found in texts.items() if word in found], word
    members = "\n".join(pdf_text(pdf) for pdf in (minimal / "confidential").rglob("*.pdf"))
    assert all(word in members for word in EXEMPT_WORDS)
