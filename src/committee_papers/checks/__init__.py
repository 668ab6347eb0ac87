"""Checks across files and against the rules; each check adds located problems."""

from __future__ import annotations

import datetime as dt

from committee_papers.checks import (
    accessibility, agendas, appendices, blocks, consistency, content, minutes, names, people, references, resolutions, statutory,
    templates, unfinished,
)
from committee_papers.model.archive import Archive
from committee_papers.problems import Problems

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
    blocks.check_committee_terms,
]

# Checks of one report, run on each report as it is read, in the worker process that read it.
REPORT_CHECKS = [content.check_report, names.check_report_names, accessibility.check_appendices_accessibility, unfinished.check_placeholders]

# Checks of one meeting folder's own files, run in the worker process that read it.
FOLDER_CHECKS = [accessibility.check_minutes_accessibility, blocks.check_agenda_texts]


def run_checks(archive: Archive, problems: Problems, today: dt.date) -> None:
    for check in CHECKS:
        check(archive, problems, today)


def run_report_checks(archive: Archive, report_file, problems: Problems) -> None:
    for check in REPORT_CHECKS:
        check(archive, report_file, problems)


def run_folder_checks(archive: Archive, folder, problems: Problems) -> None:
    for check in FOLDER_CHECKS:
        check(archive, folder, problems)
