"""Checks across files and against the rules; each check adds located problems."""

from __future__ import annotations

import datetime as dt

from committee_papers.checks import agendas, appendices, content, minutes, references
from committee_papers.model.archive import Archive
from committee_papers.problems import Problems

CHECKS = [
    references.check_people_file,
    references.check_committees,
    references.check_meeting_folders,
    references.check_report_people,
    agendas.check_agendas,
    agendas.check_required_comments,
    appendices.check_appendices,
    minutes.check_minutes,
    content.check_house_style,
]

# Run on each report as it is read, in the worker process that read it.
REPORT_CHECKS = [content.check_report]


def run_checks(archive: Archive, problems: Problems, today: dt.date | None = None) -> None:
    for check in CHECKS:
        check(archive, problems)


def run_report_checks(archive: Archive, report_file, problems: Problems) -> None:
    for check in REPORT_CHECKS:
        check(archive, report_file, problems)
