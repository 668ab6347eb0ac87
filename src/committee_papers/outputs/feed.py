"""The Atom feed of published agendas and decisions."""

from __future__ import annotations

import datetime as dt

from feedgen.feed import FeedGenerator

from committee_papers.pages import urls
from committee_papers.pages.site import Site
from committee_papers.render.report import public_title

LATEST = 100


def _when(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(0, 0), tzinfo=dt.UTC)


def atom_feed(site: Site) -> bytes:
    website = _website(site)
    name = site.council.name if site.council else "Committee papers"
    entries: list[tuple[dt.date, str, str, str, str]] = []
    for view in site.meetings:
        if view.agenda_published and view.meeting.published:
            entries.append(
                (
                    view.meeting.published,
                    f"agenda-{view.id}",
                    f"Agenda published: {view.title}",
                    f"{website}/{urls.meeting(view.id)}",
                    f"The agenda for the {view.title} has been published.",
                )
            )
    for decision in site.decisions:
        title = public_title(decision.minute.title, decision.exempt)
        summary = f"Exempt ({decision.withheld_label}): not published." if decision.withheld else " ".join(decision.public_items)
        entries.append(
            (
                decision.meeting.date,
                f"decision-{decision.number}",
                f"Decision {decision.number}: {title}",
                f"{website}/{urls.minutes(decision.meeting.id)}#minute-{decision.minute.number}",
                summary,
            )
        )
    return _atom(site, entries, urls.feed(), f"{name}: agendas and decisions")


def forward_plan_feed(site: Site) -> bytes:
    """The forward plan's key decisions, each dated the day it was first published on the plan."""
    from committee_papers.pages.forward_plan import forward_plan

    website = _website(site)
    entries = []
    for entry in forward_plan(site):
        summary = (
            f"Key decision expected on {entry.expected.day} {entry.expected:%B %Y}. Decision maker: {entry.decision_maker}."
            f" Reference: {entry.reference or 'not yet given'}. Taken in private: {entry.private}."
        )
        link = f"{website}/{urls.forward_plan()}#{entry.anchor}"
        entries.append((entry.first_published or entry.expected, f"key-decision-{entry.key}", f"Key decision: {entry.title}", link, summary))
    name = site.council.name if site.council else "Committee papers"
    return _atom(site, entries, urls.forward_plan_feed(), f"{name}: forward plan of key decisions")


def _website(site: Site) -> str:
    council = site.council
    return (council.website or "https://committee-papers.invalid").rstrip("/") if council else "https://committee-papers.invalid"


def _atom(site: Site, entries: list[tuple[dt.date, str, str, str, str]], path: str, title: str) -> bytes:
    council = site.council
    website = _website(site)
    name = council.name if council else "Committee papers"
    entries.sort(key=lambda e: (e[0], e[1]), reverse=True)
    entries = entries[:LATEST]

    feed = FeedGenerator()
    feed.id(f"{website}/{path}")
    feed.title(title)
    feed.link(href=f"{website}/", rel="alternate")
    feed.link(href=f"{website}/{path}", rel="self")
    feed.language(council.language if council else "en-GB")
    feed.author({"name": name})
    feed.generator("committee-papers")
    updated = entries[0][0] if entries else site.today
    feed.updated(_when(updated))
    for day, key, title, link, summary in reversed(entries):
        entry = feed.add_entry()
        entry.id(f"{website}/#{key}")
        entry.title(title)
        entry.link(href=link)
        entry.summary(summary)
        entry.updated(_when(day))
        entry.published(_when(day))
    return feed.atom_str(pretty=True)
