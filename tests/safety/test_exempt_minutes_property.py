"""Property: however the heading of an exempt item's minute is mistyped, the public renderers publish none of its words.

Each generated minute (exempt_documents.exempt_minute) follows the public minutes 1 to 4
of the minimal council's meeting whose item 5 is exempt. The real renderers (every page,
the feed, the open data, the calendars, the public pack that approves the minutes) run
whatever `papers check` says, so the property is the renderers' own: no exempt word is
public. When the check finds no error, the members' pack also holds every exempt word,
and the public minute above it is published (nothing was withheld that need not be).
"""

from __future__ import annotations

import datetime as dt
import os
import random

import pytest
from conftest import MINIMAL, copy_council
from exempt_documents import Chooser, exempt_minute
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from minute_slips import BEFORE, FRONT, MEETING, NEXT, PUBLIC_WORD, TITLE, write_minutes

from committee_papers.check import check
from committee_papers.outputs.calendars import all_calendars
from committee_papers.outputs.feed import atom_feed
from committee_papers.outputs.opendata import open_data
from committee_papers.packs.document import PackComposer
from committee_papers.pages.render import PageRenderer
from committee_papers.pages.site import build_site
from committee_papers.publication import Publication

DOCS = int(os.environ.get("PAPERS_EXEMPT_DOCS", "80"))
TALLY = {"minutes": 0, "errors": 0}


def assert_property(council, doc, allow_html: bool) -> None:
    write_minutes(council, allow_html=allow_html)
    (council / MEETING / "minutes.md").write_text(FRONT + BEFORE + "\n" + doc.text, "utf-8")
    result = check(council)
    site = build_site(result.archive, Publication(today=dt.date(2026, 11, 26)))
    renderer = PageRenderer(site)
    pages = [page.title + page.html for page in renderer.all_pages()]
    public = "\n".join(
        [*pages, atom_feed(site).decode("utf-8"), *(data.decode("utf-8") for data in open_data(site).values())]
        + [str(calendar) for calendar in all_calendars(site)[0].values()]
        + [PackComposer(renderer).pack(site.by_id[NEXT]).html]
    )
    for canary in doc.canaries("s") + doc.canaries("h") + doc.canaries("n"):
        assert canary not in public, f"{canary} is public\n{doc.text}"
    TALLY["minutes"] += 1
    if result.problems.errors:
        TALLY["errors"] += 1
        return
    members = PackComposer(renderer).pack(site.by_id[NEXT], confidential=True).html
    for canary in doc.canaries("s"):
        assert canary in members, f"{canary} is not in the members' pack\n{doc.text}"
    assert PUBLIC_WORD in public, f"the public minutes were withheld though the check found nothing\n{doc.text}"


@pytest.fixture(scope="module")
def council(tmp_path_factory):
    return copy_council(MINIMAL, tmp_path_factory.mktemp("exempt-minutes") / "council")


@settings(max_examples=DOCS, deadline=None, derandomize=False, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(data=st.data(), allow_html=st.booleans())
def _bounded(council, data, allow_html):
    assert_property(council, exempt_minute(Chooser(draw=data.draw), 5, TITLE), allow_html)


def test_no_word_of_an_exempt_minute_is_public_however_its_heading_is_typed(council):
    TALLY.update(minutes=0, errors=0)
    _bounded(council)
    print(f"{TALLY['minutes']} exempt minutes: {TALLY['errors']} reported by papers check")
    assert 0 < TALLY["errors"] < TALLY["minutes"], "both slips and right headings must be generated"


def test_seeded_exempt_minutes(council):
    rng = random.Random(22)
    for _ in range(60):
        assert_property(council, exempt_minute(Chooser(rng), 5, TITLE), rng.random() < 0.5)
