"""`papers check` as a library call: load everything, run every check, return the problems."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from committee_papers.checks import run_checks, run_folder_checks, run_report_checks, run_report_checks_and_prepare
from committee_papers.checks.drafts import soften_for_drafts
from committee_papers.loading import load_archive
from committee_papers.loading.archive import read_folders_again
from committee_papers.model.archive import Archive
from committee_papers.problems import Problems
from committee_papers.publication import build_date


@dataclass
class CheckResult:
    archive: Archive
    problems: Problems

    @property
    def ok(self) -> bool:
        return not self.problems.errors


def check(
    root: Path, today: dt.date | None = None, workers: int | None = None, use_cache: bool = False, refresh: bool = False, prepare: bool = False
) -> CheckResult:
    """Every problem in the papers under `root`, after the council's rule settings and suppressions.

    With `use_cache`, meeting folders unchanged since the last run (and their problems)
    come from `.papers-cache/` instead of being read and checked again; `refresh`
    reads everything but still writes the cache for the next run. With `prepare` (a
    build), each report's parse is also rendered for the outputs to share.
    """
    problems = Problems(root)
    archive = load_archive(
        root,
        problems,
        workers=workers,
        report_hook=run_report_checks_and_prepare if prepare else run_report_checks,
        use_cache=use_cache,
        refresh=refresh,
        folder_hook=run_folder_checks,
    )
    run_checks(archive, problems, today or build_date())
    problems.apply_settings(archive.council.rules if archive.council else {})
    soften_for_drafts(archive, problems)
    return CheckResult(archive=archive, problems=problems)


def check_again(result: CheckResult, folders: list[Path], today: dt.date | None = None, prepare: bool = False) -> CheckResult:
    """After meeting folders changed (`papers serve`): those folders read and checked again, the others kept as they were,
    and the checks across folders run again on the whole archive. The problems are those a full check would find."""
    archive = result.archive
    read_folders_again(archive, folders, run_report_checks_and_prepare if prepare else run_report_checks, run_folder_checks)
    problems = Problems(archive.root)
    problems.extend(archive.other_problems)
    for items in archive.folder_problems.values():
        problems.extend(items)
    run_checks(archive, problems, today or build_date())
    problems.apply_settings(archive.council.rules if archive.council else {})
    soften_for_drafts(archive, problems)
    return CheckResult(archive=archive, problems=problems)
