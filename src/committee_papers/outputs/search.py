"""Pagefind search, sharded: one bundle for the site's general pages, one for each calendar year of meetings.

A browser loads the general bundle and merges the year bundles at search time
(Pagefind's `mergeIndex`), fetching only the chunks a query needs. A rebuild
indexes again only the general pages and the years whose meetings changed.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from committee_papers.incremental import link_or_copy

GENERAL = "pagefind"
SHARDS = "pagefind-shards"


class SearchIndexError(Exception):
    pass


def year_of(meeting_id: str) -> str:
    return meeting_id[:4]


def _run(site: Path, glob: str, output: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "pagefind", "--site", str(site), "--glob", glob, "--output-path", str(output), "--silent"],
        capture_output=True, text=True,
    )
    if result.returncode != 0:
        raise SearchIndexError(result.stderr.strip() or result.stdout.strip() or "pagefind failed")


def build_search(site: Path, general_pages: list[str], years: list[str], keep: set[str], previous: Path | None) -> None:
    """Index the general pages, and each year not in `keep`; link the kept years' bundles from `previous`."""
    _run(site, "{" + ",".join(sorted(general_pages)) + "}", site / GENERAL)
    for year in years:
        target = site / SHARDS / year
        source = previous / SHARDS / year if previous is not None else None
        if year in keep and source is not None and (source / "pagefind-entry.json").exists():
            for path in source.rglob("*"):
                if path.is_file():
                    link_or_copy(path, target / path.relative_to(source))
            continue
        if target.exists():
            shutil.rmtree(target)
        _run(site, f"meetings/{year}-*/**/*.html", target)
