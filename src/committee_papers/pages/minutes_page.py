"""A held meeting's minutes as the public (or, in the members' pack, a councillor) reads them: attendance and each minute."""

from __future__ import annotations

from committee_papers.exemption import exemption_notice
from committee_papers.minute_ties import public_minutes_withheld
from committee_papers.pages.site import MeetingView, Site
from committee_papers.publication import exempt_item_of
from committee_papers.render.people import person
from committee_papers.render.report import public_title
from committee_papers.render.text import render_markdown


def minutes_context(site: Site, view: MeetingView, public: bool = True) -> dict:
    """Attendance and minutes of a held meeting; `public` leaves out every exempt part. The page and the packs share it."""
    archive = site.archive
    jurisdiction = site.council.jurisdiction if site.council else "england"
    allow_html = bool(site.council and site.council.allow_raw_html)
    minutes = view.folder.minutes
    front = minutes.front
    items = {item.number: item for item in view.items}
    committee = view.committee
    rows = []
    if front is not None:
        members = committee.members if committee else []
        for pid in dict.fromkeys([*members, *front.present, *front.absent, *front.apologies]):
            if pid in front.other_members or pid in front.substitutes.values():
                continue
            status = "Present" if pid in front.present else "A" if pid in front.absent else "Apologies" if pid in front.apologies else "Not recorded"
            note = "apologies given" if pid in front.apologies and pid in front.absent else ""
            if pid in front.substitutes:
                sub = person(archive, front.substitutes[pid])
                note = f"substituted by {sub.name}" if sub else note
            rows.append({"person": person(archive, pid), "pid": pid, "status": status, "note": note})
    entries = []
    withheld_whole = public and public_minutes_withheld(minutes, items)  # where an exempt minute is cannot be told
    for minute in [] if withheld_whole else minutes.minutes:
        exempt_item = exempt_item_of(minute, items)
        exempt = exempt_item.exempt if exempt_item else None
        withheld = exempt is not None and public
        entries.append(
            {
                "minute": minute,
                "title": public_title(minute.title, exempt) if public else minute.title,
                "exempt_notice": exemption_notice(exempt, jurisdiction) if exempt else None,
                "html": None if withheld else render_markdown(minute.markdown, allow_html, shift=1, public=public),
            }
        )
    status, approving = site.approval(view)
    return {
        "view": view,
        "approval": status,
        "approving": approving,
        "front": front,
        "rows": rows,
        "substitutes": [(person(archive, a), person(archive, s)) for a, s in (front.substitutes.items() if front else [])],
        "others": [person(archive, p) for p in (front.other_members if front else [])],
        "officers": [person(archive, p) for p in (front.officers if front else [])],
        "entries": entries,
        "withheld": withheld_whole,
    }
