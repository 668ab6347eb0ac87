"""Councillors: the list, each councillor's page (photo, party, area, contact, interests,
memberships, attendance) and "find your councillor" by division or ward."""

from __future__ import annotations

from collections import defaultdict

from committee_papers.checks.people import photo_problem
from committee_papers.pages import urls
from committee_papers.pages.asset import Asset
from committee_papers.pages.headings import slug
from committee_papers.render.people import person


def area_word(council) -> str:
    """What the council calls the areas councillors represent: "division" or "ward"."""
    return council.electoral_area if council else "division"


def _surname_order(item) -> tuple:
    return (item[1].name.split()[-1], item[1].name)


def people_page(renderer):
    councillors = sorted(renderer.archive.people.councillors.items(), key=_surname_order)
    return renderer.page(
        urls.people(),
        "pages/people.html",
        "Councillors",
        [("Home", urls.home())],
        description="Every councillor, with their party and the area they represent.",
        councillors=councillors,
        area=area_word(renderer.site.council),
        area_slug=lambda name: "area-" + slug(name),
    )


def divisions_page(renderer):
    area = area_word(renderer.site.council)
    grouped = defaultdict(list)
    for pid, councillor in sorted(renderer.archive.people.councillors.items(), key=_surname_order):
        grouped[councillor.division or ""].append((pid, councillor))
    areas = sorted((name, found) for name, found in grouped.items() if name)
    return renderer.page(
        urls.divisions(),
        "pages/divisions.html",
        "Find your councillor",
        [("Home", urls.home()), ("Councillors", urls.people())],
        description=f"The councillors for each {area}.",
        area=area,
        areas=[(name, "area-" + slug(name), found) for name, found in areas],
        unassigned=grouped.get("", []),
    )


def councillor_page(renderer, pid: str):
    archive = renderer.archive
    who = person(archive, pid)
    councillor = archive.people.councillors[pid]
    photo = None
    if councillor.photo:
        source, problem = photo_problem(archive.papers, councillor.photo)
        if source is not None:
            url = urls.person_photo(pid, source.suffix.lower())
            renderer.assets.append(Asset(url=url, source=str(source)))
            photo = {"url": url, "alt": councillor.photo_alt or f"Councillor {who.name}"}
    attended, held = renderer.site.attendance(pid)
    return renderer.page(
        urls.person(pid),
        "pages/person.html",
        f"Councillor {who.name}",
        [("Home", urls.home()), ("Councillors", urls.people())],
        description=f"Committee memberships and attendance of Councillor {who.name}.",
        pid=pid,
        who=who,
        photo=photo,
        interests=councillor.interests,
        area=area_word(renderer.site.council),
        area_anchor="area-" + slug(councillor.division) if councillor.division else None,
        memberships=renderer.site.memberships(pid),
        attended=attended,
        held=held,
    )
