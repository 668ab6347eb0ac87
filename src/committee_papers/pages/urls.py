"""The site's stable URLs (councils link to them for years: never change one)."""

from __future__ import annotations

import posixpath
from functools import lru_cache


def home() -> str:
    return ""


def committee(cid: str) -> str:
    return f"committees/{cid}/"


def committee_calendar(cid: str) -> str:
    return f"committees/{cid}/calendar.ics"


def meeting(mid: str) -> str:
    return f"meetings/{mid}/"


def meeting_calendar(mid: str) -> str:
    return f"meetings/{mid}/meeting.ics"


def report(mid: str, rid: str) -> str:
    return f"meetings/{mid}/{rid}/"


def report_pdf(mid: str, rid: str) -> str:
    return f"meetings/{mid}/{rid}.pdf"


def appendix_file(mid: str, rid: str, name: str) -> str:
    return f"meetings/{mid}/{rid}/{name}"


def pack(mid: str) -> str:
    return f"meetings/{mid}/agenda-pack.pdf"


def supplement(mid: str, number: int) -> str:
    return f"meetings/{mid}/supplement-{number}.pdf"


def minutes(mid: str) -> str:
    return f"meetings/{mid}/minutes/"


def person(pid: str) -> str:
    return f"people/{pid}/"


def people() -> str:
    return "people/"


def decisions() -> str:
    return "decisions/"


def decisions_year(slug: str) -> str:
    return f"decisions/{slug}/"


def calendar_month(year: int, month: int) -> str:
    return f"meetings/calendar/{year:04d}-{month:02d}/"


def forward_plan() -> str:
    return "forward-plan/"


def forward_plan_feed() -> str:
    return "forward-plan/feed.xml"


def forward_plan_calendar() -> str:
    return "forward-plan/calendar.ics"


def divisions() -> str:
    return "people/divisions/"


def person_photo(pid: str, suffix: str) -> str:
    return f"people/{pid}/photo{suffix}"


def script(name: str) -> str:
    return f"assets/{name}"


def committees() -> str:
    return "committees/"


def meetings() -> str:
    return "meetings/"


def year(slug: str) -> str:
    return f"meetings/years/{slug}/"


def subscribe() -> str:
    return "subscribe/"


def search() -> str:
    return "search/"


def accessibility() -> str:
    return "accessibility/"


def calendar() -> str:
    return "calendar.ics"


def feed() -> str:
    return "feed.xml"


def source_of(url: str) -> str:
    """The Markdown source path MkDocs needs for a page at `url`."""
    return (url + "index.md") if url.endswith("/") or not url else url


@lru_cache(maxsize=1 << 16)  # pages link to the same few places many times
def relative(from_url: str, to_url: str) -> str:
    """A link from the page at `from_url` to `to_url`, both site-relative."""
    base = from_url if from_url.endswith("/") or not from_url else posixpath.dirname(from_url) + "/"
    rel = posixpath.relpath("/" + to_url, "/" + base)
    if (to_url == "" or to_url.endswith("/")) and not rel.endswith("/"):
        rel += "/"
    return "./" if rel in (".", "./") else rel
