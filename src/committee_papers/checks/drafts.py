"""A report with `status: draft` is still being written and is published nowhere, so the rules that only a
finished report must meet are warnings for it, each at its place; what would crash a build or leak stays an error."""

from __future__ import annotations

from committee_papers.model.archive import Archive
from committee_papers.problems import Problem, Problems, Severity

# The rules of a finished report (docs/format.md, "A report still being written").
FINISHED_REPORT_RULES = frozenset(
    {
        "PAP103",  # a comment has no date
        "PAP104",  # a comment has no initials
        "PAP105",  # a comment has no text
        "PAP215",  # a comment the council requires is missing
        "PAP300",  # a cross-reference names a paragraph not written yet
        "PAP402",  # a revision after publication has no reasons for urgency
        "PAP404",  # an exempt report does not yet record its reason and public interest test
        "PAP406",  # a key decision was not on the forward plan 28 clear days before
        "PAP407",  # a comment is dated after the agenda was published
        "PAP408",  # a comment is dated in the future
        "PAP409",  # a comment has not been signed
        "PAP500",  # an image has no text alternative
        "PAP501",  # a table has no header row
        "PAP502",  # headings skip a level
        "PAP503",  # a link's text does not say where it goes
    }
)

NOTE = " (allowed while the report is a draft; needed before `status: final`)"


def draft_files(archive: Archive, problems: Problems) -> set[str]:
    """The files of every draft report, as problems name them: the report and its appendices."""
    files = set()
    for folder in archive.meetings.values():
        for report in folder.reports.values():
            if report.report is None or report.report.status != "draft":
                continue
            files.add(problems.display_path(report.path))
            files |= {problems.display_path(folder.path / appendix.file) for appendix in report.report.appendices}
    return files


def soften_for_drafts(archive: Archive, problems: Problems) -> None:
    """Each finished-report rule broken in a draft report becomes a warning saying so."""
    files = draft_files(archive, problems)
    if not files:
        return
    problems.items = [
        Problem(**{**p.__dict__, "severity": Severity.WARNING, "message": p.message + NOTE})
        if p.file in files and p.code in FINISHED_REPORT_RULES and p.severity is Severity.ERROR
        else p
        for p in problems.items
    ]
