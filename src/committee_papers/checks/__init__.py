"""Checks across files and against the rules; each check adds located problems."""

from __future__ import annotations

import datetime as dt

from committee_papers.checks import (
    accessibility,
    agendas,
    appendices,
    blocks,
    consistency,
    content,
    exempt_names,
    limits,
    links,
    minutes,
    names,
    notes,
    own_pages,
    people,
    references,
    resolutions,
    settings,
    statutory,
    templates,
    unfinished,
)
from committee_papers.model.archive import Archive
from committee_papers.problems import Problems
from committee_papers.render.prepared import prepare_report

# Checks over the whole archive, run in the main process once everything is read.
CHECKS = [
    references.check_people_file,
    references.check_committees,
    consistency.check_committee_parents,
    references.check_meeting_folders,
    references.check_report_people,
    people.check_councillors,
    agendas.check_agendas,
    consistency.check_single_entries,
    agendas.check_required_comments,
    appendices.check_appendices,
    exempt_names.check_exempt_names,
    minutes.check_minutes,
    templates.check_templates,
    content.check_house_style,
    statutory.check_rule_settings,
    statutory.check_publication,
    statutory.check_late_items,
    statutory.check_revisions,
    statutory.check_exempt,
    statutory.check_key_decisions,
    statutory.check_comments,
    resolutions.check_resolutions,
    statutory.check_attendance,
    consistency.check_attendance_lists,
    unfinished.check_unpublished,
    names.check_inline_people,
    links.check_archive_links,
    limits.check_photo_pixels,
    limits.check_config_numbers,
    blocks.check_committee_terms,
    own_pages.check_own_pages,
    notes.check_plain_text_notes,
    settings.check_build_folders,
]


# Checks of one report, run on each report as it is read, in the worker process that read it;
# content.check_report parses the report first, and that parse is the one a build renders.
REPORT_CHECKS = [
    names.check_report_names,
    accessibility.check_appendices_accessibility,
    unfinished.check_placeholders,
    links.check_report_links,
]

# Checks of one meeting folder's own files, run in the worker process that read it.
FOLDER_CHECKS = [accessibility.check_minutes_accessibility, blocks.check_agenda_texts, links.check_minutes_links]


def run_checks(archive: Archive, problems: Problems, today: dt.date) -> None:
    for check in CHECKS:
        check(archive, problems, today)


def run_report_checks(archive: Archive, report_file, problems: Problems):
    """Every check of one report; returns the report as parsed for them (None if its front matter failed)."""
    parsed = content.check_report(archive, report_file, problems)
    for check in REPORT_CHECKS:
        check(archive, report_file, problems)
    return parsed


def run_report_checks_and_prepare(archive: Archive, report_file, problems: Problems) -> None:
    """For a build: the checks, then the same parse rendered for the public and members (render.prepared)."""
    parsed = run_report_checks(archive, report_file, problems)
    if parsed is not None:
        report_file.prepared = prepare_report(archive, report_file, parsed)


def run_folder_checks(archive: Archive, folder, problems: Problems) -> None:
    for check in FOLDER_CHECKS:
        check(archive, folder, problems)
