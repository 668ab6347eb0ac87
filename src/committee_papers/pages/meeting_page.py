"""A meeting's page: each agenda item with its documents, recommendations and decision; attendance."""

from __future__ import annotations

from committee_papers.pages import urls
from committee_papers.pages.documents import Document, report_documents
from committee_papers.pages.site import MeetingView
from committee_papers.publication import public_report_id
from committee_papers.render.people import person
from committee_papers.supplements import added_late, supplements


def agenda_entries(renderer, view: MeetingView) -> list[dict]:
    """The items a resident sees on the meeting's page, each with what is published about it."""
    site = renderer.site
    held = site.publication.minutes_visible(view.folder)
    entries = []
    for item in view.items:
        if added_late(item, view.meeting.published) and not site.publication.date_reached(item.added):
            continue  # its supplementary agenda is not published yet
        if not view.agenda_published and item.kind != "planned":
            continue
        entry = {
            "item": item,
            "title": renderer.item_title(item),
            "notice": renderer.item_notice(item),
            "href": None,
            "text": renderer.markdown(item.entry.text, shift=2) if item.kind in ("item", "planned") and item.entry.text and not item.exempt else None,
            "documents": [],
            "recommendations": [],
            "decisions": [],
            "to_follow": site.publication.report_to_follow(view.folder, item.report),
        }
        report = item.report
        if report is not None and view.agenda_published and site.publication.report_visible(view.folder, report):
            entry["href"] = urls.report(view.id, public_report_id(item))
            entry["documents"] = report_documents(view, item, view.folder.path)
            if report.report.exempt is None:
                entry["recommendations"] = [renderer.inline(text) for text in report.report.recommendations]
        if item.kind == "minutes" and item.minutes_of in site.by_id:
            other = site.by_id[item.minutes_of]
            if site.publication.minutes_visible(other.folder):
                entry["href"] = urls.minutes(other.id)
                entry["documents"] = [Document("Minutes", urls.minutes(other.id), kind="web page")]
        if held:
            entry["decisions"] = [
                {"decision": d, "items": [renderer.inline(text) for text in d.public_items], "notice": d.withheld_label}
                for d in site.decisions_by_minute.get((view.id, item.number), [])
            ]
        entries.append(entry)
    return entries


def meeting_files(renderer, view: MeetingView) -> list[Document]:
    """The agenda pack and each published supplement."""
    site = renderer.site
    if not view.agenda_published or view.meeting.status == "cancelled":
        return []
    files = [Document("Agenda pack", urls.pack(view.id), built_later=True)]
    for supplement in supplements(view.items, view.meeting.published):
        if site.publication.date_reached(supplement.date):
            files.append(Document(supplement.title, urls.supplement(view.id, supplement.number), built_later=True, supplement=supplement))
    return files


def attendance_summary(renderer, view: MeetingView) -> dict | None:
    """Who was present, sent apologies or was absent, from the published minutes."""
    if not renderer.site.publication.minutes_visible(view.folder):
        return None
    front = view.folder.minutes.front
    if front is None:
        return None
    archive = renderer.archive

    def names(ids) -> list:
        return [(pid, person(archive, pid)) for pid in ids]

    absent = [pid for pid in front.absent if pid not in front.apologies]
    return {"present": names(front.present), "apologies": names(front.apologies), "absent": names(absent)}
